<?cs set:Mail.Subject = Lang.Mail.EngOverdue.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.EngOverdue.Intro ?> #<?cs var:Mail.Request.Id ?> (<?cs var:Mail.Request.Title ?>, <?cs var:Mail.Request.Queue ?>) <?cs var:Lang.Mail.EngOverdue.Passed ?> <?cs var:Mail.Request.RespondBy ?>.

<?cs var:Lang.Mail.EngFollow ?>
<?cs var:Mail.Origin ?>/queue/<?cs var:Mail.Request.Id ?>

<?cs var:Lang.Mail.EngChoose ?>
<?cs var:Mail.Origin ?>/account#notify-title

-- 
<?cs var:Lang.Mail.Signature ?>
