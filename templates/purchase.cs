<?cs include:"header.cs" ?>
<div class="narrow">
<?cs if:Purchase.Status == "paid" ?>
<h1><?cs var:Lang.Receipt.Title ?></h1>
<div class="notice" role="status"><p><?cs var:Lang.Receipt.Paid ?></p></div>
<p><?cs var:Lang.Receipt.Belongs ?> <strong><?cs var:Purchase.BuyerName ?></strong> (<?cs var:Purchase.Buyer ?>).</p>
<dl class="facts">
<dt><?cs var:Lang.Receipt.Number ?></dt><dd>#<?cs var:Purchase.Id ?></dd>
<dt><?cs var:Lang.Wizard.Plan ?></dt><dd><?cs var:Purchase.Plan ?></dd>
<dt><?cs var:Lang.Purchase.Incidents ?></dt><dd><?cs var:Purchase.Incidents ?></dd>
<dt><?cs var:Lang.Wizard.Version ?></dt><dd><?cs var:Purchase.Version ?></dd>
<dt><?cs var:Lang.Contracts.Valid ?></dt><dd><?cs var:Purchase.Start ?> – <?cs var:Purchase.End ?></dd>
<dt><?cs var:Lang.Contracts.Ids ?></dt><dd><code><?cs var:Purchase.AccessId ?></code> / <code><?cs var:Purchase.ContractId ?></code></dd>
<dt><?cs var:Lang.Receipt.Amount ?></dt><dd><?cs var:Purchase.Amount ?></dd>
<dt><?cs var:Lang.Receipt.Card ?></dt><dd><?cs var:Purchase.Card ?> <?cs var:Lang.Card.Ending ?> <?cs var:Purchase.Last4 ?></dd>
<dt><?cs var:Lang.Receipt.Charge ?></dt><dd><code><?cs var:Purchase.Charge ?></code></dd>
<dt><?cs var:Lang.Receipt.When ?></dt><dd><?cs var:Purchase.When ?></dd>
</dl>
<?cs if:Purchase.Draft ?><p><a class="button" href="/drafts/<?cs var:Purchase.Draft ?>?step=2#step-2"><?cs var:Lang.Receipt.Continue ?></a></p><?cs /if ?>
<p><a href="/contracts"><?cs var:Lang.Receipt.Contracts ?></a></p>
<?cs else ?>
<h1><?cs var:Lang.Purchase.Title ?></h1>
<?cs if:Purchase.Status == "failed" ?>
<div class="summary" role="alert"><p><?cs var:Lang.Purchase.Failed ?> <?cs if:Purchase.Decline == "insufficient_funds" ?><?cs var:Lang.Purchase.Decline.insufficient_funds ?><?cs elif:Purchase.Decline == "not_charged" ?><?cs var:Lang.Purchase.Decline.not_charged ?><?cs else ?><?cs var:Lang.Purchase.Decline.other ?><?cs /if ?></p>
<p><?cs var:Lang.Purchase.NothingCharged ?></p></div>
<?cs elif:Purchase.Status == "charging" ?>
<div class="summary" role="status"><p><?cs var:Lang.Purchase.Charging ?></p></div>
<?cs /if ?>
<dl class="facts">
<dt><?cs var:Lang.Wizard.Plan ?></dt><dd><?cs var:Purchase.Plan ?></dd>
<dt><?cs var:Lang.Purchase.Incidents ?></dt><dd><?cs var:Purchase.Incidents ?></dd>
<dt><?cs var:Lang.Wizard.Version ?></dt><dd><?cs var:Purchase.Version ?></dd>
<dt><?cs var:Lang.Receipt.Amount ?></dt><dd><strong><?cs var:Purchase.Amount ?></strong></dd>
<dt><?cs var:Lang.Receipt.Card ?></dt><dd><?cs var:Purchase.Card ?> <?cs var:Lang.Card.Ending ?> <?cs var:Purchase.Last4 ?></dd>
</dl>
<?cs if:Purchase.Status == "failed" ?>
<p><a href="/ppi<?cs if:Purchase.Draft ?>?draft=<?cs var:Purchase.Draft ?><?cs /if ?>"><?cs var:Lang.Purchase.TryAgain ?></a></p>
<?cs else ?>
<form method="post" action="/ppi/<?cs var:Purchase.Id ?>/buy">
<?cs call:csrf() ?>
<p class="charge-notice"><strong><?cs var:Lang.Purchase.Notice ?></strong> <a href="/help/agreement"><?cs var:Lang.Help.Agreement.Read ?></a></p>
<p><button type="submit" class="primary"><?cs if:Purchase.Status == "charging" ?><?cs var:Lang.Purchase.Finish ?><?cs else ?><?cs var:Lang.Purchase.Buy ?> <?cs var:Purchase.Amount ?><?cs /if ?></button></p>
</form>
<p><a href="/ppi<?cs if:Purchase.Draft ?>?draft=<?cs var:Purchase.Draft ?><?cs /if ?>"><?cs var:Lang.Purchase.Cancel ?></a></p>
<?cs /if ?>
<?cs /if ?>
</div>
<?cs include:"footer.cs" ?>
