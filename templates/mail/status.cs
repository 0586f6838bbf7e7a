<?cs set:Mail.Subject = Lang.Mail.Status.Subject + " #" + Mail.Request.Id + ": " + Lang.Status[Mail.Status] ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.Status.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>): <?cs var:Lang.Status[Mail.Status] ?> (<?cs var:Mail.Who ?>).
<?cs if:Lang.Mail.StatusHint[Mail.Status] ?>
<?cs var:Lang.Mail.StatusHint[Mail.Status] ?>
<?cs /if ?>
<?cs var:Lang.Mail.Follow ?>
<?cs var:Mail.Origin ?>/requests/<?cs var:Mail.Request.Id ?>

-- 
<?cs var:Lang.Mail.Signature ?>
