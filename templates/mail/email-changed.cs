<?cs set:Mail.Subject = Lang.Mail.EmailChanged.Subject ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.EmailChanged.Intro ?> <?cs var:Mail.Email ?>.

<?cs var:Lang.Mail.EmailChanged.NotYou ?>
<?cs var:Mail.Link ?>

-- 
<?cs var:Lang.Mail.Signature ?>
