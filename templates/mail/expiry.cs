<?cs set:Mail.Subject = Lang.Mail.Expiry.Subject + ": " + Mail.Contract.Plan ?><?cs var:Lang.Mail.Hello ?> <?cs var:Mail.To.Name ?>,

<?cs var:Lang.Mail.Expiry.Intro ?> <?cs var:Mail.Contract.Plan ?> <?cs var:Lang.Mail.Expiry.Ends ?> <?cs var:Mail.Contract.End ?>.
<?cs var:Lang.Mail.Expiry.After ?>

<?cs var:Lang.Mail.Expiry.See ?>
<?cs var:Mail.Origin ?>/contracts

-- 
<?cs var:Lang.Mail.Signature ?>
