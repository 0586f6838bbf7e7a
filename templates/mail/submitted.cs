<?cs set:Mail.Subject = Lang.Mail.Submitted.Subject + " #" + Mail.Request.Id + ": " + Mail.Request.Title ?><?cs var:Lang.Mail.Hello ?> <?cs var:Mail.To.Name ?>,

<?cs var:Lang.Mail.Submitted.Intro ?>

  <?cs var:Lang.Mail.Request ?>:    #<?cs var:Mail.Request.Id ?>
  <?cs var:Lang.Mail.Title ?>:      <?cs var:Mail.Request.Title ?>
  <?cs var:Lang.Mail.Product ?>:    <?cs if:Mail.Request.Version ?><?cs var:Mail.Request.Version ?><?cs else ?><?cs var:Mail.Request.Product ?><?cs /if ?>
  <?cs var:Lang.Mail.Severity ?>:   <?cs var:Lang.Severity[Mail.Request.Severity] ?>
  <?cs var:Lang.Mail.RespondBy ?>:  <?cs var:Mail.Request.RespondBy ?>

<?cs var:Lang.Mail.Description ?>:
<?cs var:Mail.Request.Description ?>

<?cs var:Lang.Mail.Follow ?>
<?cs var:Mail.Origin ?>/requests

-- 
<?cs var:Lang.Mail.Signature ?>
