<?cs set:Mail.Subject = Lang.Mail.Last.Subject + ": " + Mail.Contract.Plan ?><?cs var:Lang.Mail.Hello ?> <?cs var:Mail.To.Name ?>,

<?cs var:Lang.Mail.Last.Intro ?> <?cs var:Mail.Contract.Plan ?>.
<?cs var:Lang.Mail.Last.After ?>

<?cs var:Lang.Mail.Expiry.See ?>
<?cs var:Mail.Origin ?>/contracts

-- 
<?cs var:Lang.Mail.Signature ?>
