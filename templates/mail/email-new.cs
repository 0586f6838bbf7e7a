<?cs set:Mail.Subject = Lang.Mail.EmailNew.Subject ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.EmailNew.Intro ?>
<?cs var:Mail.Link ?>

<?cs var:Lang.Mail.EmailNew.Valid ?>
<?cs var:Lang.Mail.EmailNew.Ignore ?>

-- 
<?cs var:Lang.Mail.Signature ?>
