<?cs set:Mail.Subject = Lang.Mail.Verify.Subject ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.Verify.Intro ?>
<?cs var:Mail.Link ?>

<?cs var:Lang.Mail.Verify.Valid ?>
<?cs var:Lang.Mail.Verify.Ignore ?>

-- 
<?cs var:Lang.Mail.Signature ?>
