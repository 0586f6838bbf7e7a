<?cs set:Mail.Subject = Lang.Mail.Reset.Subject ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.Reset.Intro ?> <?cs var:Mail.Email ?>.
<?cs var:Lang.Mail.Reset.Open ?>
<?cs var:Mail.Link ?>

<?cs var:Lang.Mail.Reset.Valid ?>
<?cs var:Lang.Mail.Reset.Ignore ?>

-- 
<?cs var:Lang.Mail.Signature ?>
