<?cs set:Mail.Subject = Lang.Mail.Taken.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Mail.Who ?> <?cs var:Lang.Mail.Taken.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>).
<?cs var:Lang.Mail.Taken.After ?>

<?cs var:Mail.Origin ?>/queue/<?cs var:Mail.Request.Id ?>

-- 
<?cs var:Lang.Mail.Signature ?>
