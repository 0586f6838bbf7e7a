<?cs set:Mail.Subject = Lang.Mail.Added.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Mail.Who ?> <?cs var:Lang.Mail.Added.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>).

<?cs var:Lang.Mail.Added.How ?>
<?cs var:Mail.Origin ?>/requests/<?cs var:Mail.Request.Id ?>

-- 
<?cs var:Lang.Mail.Signature ?>
