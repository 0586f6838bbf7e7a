<?cs set:Mail.Subject = Lang.Mail.Receipt.Subject + " " + Mail.Purchase.Id + ": " + Mail.Purchase.Plan ?><?cs var:Lang.Mail.Hello ?> <?cs var:Mail.To.Name ?>,

<?cs var:Lang.Receipt.Paid ?>

<?cs var:Lang.Receipt.Belongs ?> <?cs var:Mail.To.Name ?> (<?cs var:Mail.To.Email ?>)
<?cs var:Lang.Receipt.Number ?>: <?cs var:Mail.Purchase.Id ?>
<?cs var:Lang.Mail.Receipt.Plan ?>: <?cs var:Mail.Purchase.Plan ?>
<?cs var:Lang.Receipt.Amount ?>: <?cs var:Mail.Purchase.Amount ?>
<?cs var:Lang.Receipt.Card ?>: <?cs var:Lang.Brand[Mail.Purchase.Brand] ?> <?cs var:Lang.Card.Ending ?> <?cs var:Mail.Purchase.Last4 ?>
<?cs var:Lang.Receipt.Charge ?>: <?cs var:Mail.Purchase.Charge ?>
<?cs var:Lang.Contracts.Ids ?>: <?cs var:Mail.Purchase.AccessId ?> / <?cs var:Mail.Purchase.ContractId ?>

<?cs var:Lang.Mail.Receipt.Follow ?>
<?cs var:Mail.Origin ?>/ppi/<?cs var:Mail.Purchase.Id ?>

-- 
<?cs var:Lang.Mail.Signature ?>
