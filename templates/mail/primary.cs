<?cs set:Mail.Subject = Lang.Mail.Primary.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Mail.Who ?> <?cs var:Lang.Mail.Primary.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>).

<?cs var:Lang.Mail.Primary.New ?> <?cs var:Mail.New ?>
<?cs if:Mail.Old ?><?cs var:Lang.Mail.Primary.Old ?> <?cs var:Mail.Old ?>
<?cs /if ?>
<?cs var:Lang.Mail.Follow ?>
<?cs var:Mail.Origin ?>/requests/<?cs var:Mail.Request.Id ?>

-- 
<?cs var:Lang.Mail.Signature ?>
