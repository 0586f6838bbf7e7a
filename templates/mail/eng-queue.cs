<?cs set:Mail.Subject = Lang.Mail.EngQueue.Subject[Mail.Event] + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?>

<?cs var:Lang.Mail.EngQueue.Intro[Mail.Event] ?> <?cs var:Mail.Request.Queue ?>.

  <?cs var:Lang.Mail.Request ?>:    #<?cs var:Mail.Request.Id ?>
  <?cs var:Lang.Mail.Title ?>:      <?cs var:Mail.Request.Title ?>
  <?cs var:Lang.Mail.Severity ?>:   <?cs var:Lang.Severity[Mail.Request.Severity] ?>
  <?cs var:Lang.Mail.RespondBy ?>:  <?cs var:Mail.Request.RespondBy ?>
  <?cs var:Lang.Mail.EngQueue.By ?>:  <?cs var:Mail.Who ?>

<?cs var:Lang.Mail.EngFollow ?>
<?cs var:Mail.Origin ?>/queue/<?cs var:Mail.Request.Id ?>

<?cs var:Lang.Mail.EngChoose ?>
<?cs var:Mail.Origin ?>/account#notify-title

-- 
<?cs var:Lang.Mail.Signature ?>
