<?cs set:Mail.Subject = Lang.Mail.Message.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Mail.Who ?> <?cs var:Lang.Mail.Message.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>):

<?cs var:Mail.Body ?>

<?cs var:Lang.Mail.Follow ?>
<?cs var:Mail.Origin ?>/requests/<?cs var:Mail.Request.Id ?>

-- 
<?cs var:Lang.Mail.Signature ?>
