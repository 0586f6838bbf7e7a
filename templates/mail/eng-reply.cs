<?cs set:Mail.Subject = Lang.Mail.EngReply.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Mail.Who ?> <?cs var:Lang.Mail.EngReply.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>):

<?cs var:Mail.Body ?>

<?cs var:Lang.Mail.EngFollow ?>
<?cs var:Mail.Origin ?>/queue/<?cs var:Mail.Request.Id ?>#thread

<?cs var:Lang.Mail.EngChoose ?>
<?cs var:Mail.Origin ?>/account#notify-title

-- 
<?cs var:Lang.Mail.Signature ?>
