<?cs set:Mail.Subject = Lang.Mail.Removed.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Mail.Who ?> <?cs var:Lang.Mail.Removed.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>).
<?cs var:Lang.Mail.Removed.After ?>

-- 
<?cs var:Lang.Mail.Signature ?>
