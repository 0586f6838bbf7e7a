<?cs set:Mail.Subject = Lang.Mail.Exists.Subject ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.Exists.Intro ?>
<?cs var:Mail.Email ?>

<?cs var:Lang.Mail.Exists.Nothing ?>

<?cs var:Lang.Mail.Exists.Forgot ?>
<?cs var:Mail.Link ?>

<?cs var:Lang.Mail.Exists.Ignore ?>

-- 
<?cs var:Lang.Mail.Signature ?>
