<?cs include:"header.cs" ?>
<h1><?cs var:Lang.Contracts.Title ?></h1>
<p class="lead"><?cs var:Lang.Contracts.Lead ?></p>
<?cs if:Page.Activated ?><div class="notice" role="status"><p><?cs var:Lang.Contracts.Activated ?></p></div><?cs /if ?>
<?cs if:Page.Removed ?><div class="notice" role="status"><p><?cs var:Lang.Contracts.Removed ?></p></div><?cs /if ?>
<?cs if:Page.Confirm ?><div class="notice warning" role="alert">
<form method="post" action="/contracts/<?cs var:Page.Confirm ?>/remove">
<?cs call:csrf() ?>
<input type="hidden" name="confirm" value="yes">
<p><?cs var:Lang.Contracts.RemoveAsk ?> <strong><?cs var:Page.ConfirmPlan ?></strong>?</p>
<p><?cs var:Lang.Contracts.RemoveWhat ?></p>
<p><button type="submit" class="primary"><?cs var:Lang.Contracts.RemoveYes ?></button> <a href="/contracts#contract-<?cs var:Page.Confirm ?>"><?cs var:Lang.Contracts.RemoveNo ?></a></p>
</form>
</div><?cs /if ?>
<?cs if:Page.Throttled ?><div class="summary" role="alert"><p><?cs var:Lang.Contracts.Throttled ?></p></div><?cs /if ?>
<div class="columns">
<section class="card activate" aria-labelledby="activate-title">
<h2 id="activate-title"><?cs var:Lang.Contracts.ActivateTitle ?></h2>
<p class="hint"><?cs var:Lang.Contracts.ActivateHint ?></p>
<?cs call:errors() ?>
<?cs call:help_activation() ?>
<form method="post" action="/contracts/activate" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.access_id, "access_id", Lang.Contracts.AccessId, "text", "off", Lang.Contracts.IdHint, "") ?>
<?cs call:field(Form.contract_id, "contract_id", Lang.Contracts.ContractId, "text", "off", "", "") ?>
<p><button type="submit" class="primary"><?cs var:Lang.Contracts.Activate ?></button></p>
</form>
<p class="share"><?cs var:Lang.Contracts.Share ?></p>
</section>
<section class="card ppi" aria-labelledby="ppi-title">
<h2 id="ppi-title"><?cs var:Lang.Wizard.PpiTitle ?></h2>
<p><?cs if:User.Kind == "personal" ?><?cs var:Lang.Wizard.PpiPersonal ?><?cs else ?><?cs var:Lang.Contracts.PpiWork ?> <a href="/help/ppi-work"><?cs var:Lang.Help.PpiWork.Title ?></a><?cs /if ?></p>
<p><a class="button secondary" href="/ppi"><?cs var:Lang.Wizard.PpiBuy ?></a></p>
</section>
</div>
<h2><?cs var:Lang.Contracts.Yours ?></h2>
<?cs if:!Contracts.0.Plan ?><p><?cs var:Lang.Contracts.None ?></p><?cs /if ?>
<?cs each:c = Contracts ?>
<section class="card contract state-<?cs var:c.State ?>" aria-labelledby="contract-<?cs var:c.Id ?>">
<h3 id="contract-<?cs var:c.Id ?>"><?cs var:c.Plan ?> <span class="status status-<?cs var:c.State ?>"><?cs if:c.State == "Valid" ?><?cs var:Lang.Contracts.State.Valid ?><?cs elif:c.State == "Expired" ?><?cs var:Lang.Contracts.State.Expired ?><?cs elif:c.State == "Empty" ?><?cs var:Lang.Contracts.State.Empty ?><?cs else ?><?cs var:Lang.Contracts.State.NotStarted ?><?cs /if ?></span></h3>
<dl class="facts">
<dt><?cs var:Lang.Contracts.Programme ?></dt><dd><?cs var:c.Programme ?></dd>
<dt><?cs var:Lang.Contracts.Incidents ?></dt><dd><strong><?cs var:c.Left ?></strong> <?cs var:Lang.Contracts.Of ?> <?cs var:c.Total ?></dd>
<dt><?cs var:Lang.Contracts.Valid ?></dt><dd><?cs var:c.Start ?> – <?cs var:c.End ?></dd>
<dt><?cs var:Lang.Contracts.Covers ?></dt><dd><?cs var:c.Scope ?><?cs if:c.Versions ?>: <?cs var:c.Versions ?><?cs /if ?></dd>
<dt><?cs var:Lang.Contracts.Ids ?></dt><dd><code><?cs var:c.AccessId ?></code> / <code><?cs var:c.ContractId ?></code></dd>
<dt><?cs var:Lang.Contracts.Holders ?></dt><dd><ul class="holders"><?cs each:h = c.Holders ?><li><?cs var:h.Name ?><?cs if:h.You ?> (<?cs var:Lang.Contracts.You ?>)<?cs /if ?>, <?cs var:h.When ?></li><?cs /each ?></ul></dd>
</dl>
<form method="post" action="/contracts/<?cs var:c.Id ?>/remove" class="remove">
<?cs call:csrf() ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Contracts.Remove ?><span class="visually-hidden">: <?cs var:c.Plan ?></span></button></p>
</form>
<details class="ledger"<?cs if:c.LedgerWhole ?> open<?cs /if ?>>
<summary><?cs var:Lang.Contracts.Ledger ?></summary>
<table>
<caption class="visually-hidden"><?cs var:Lang.Contracts.Ledger ?>: <?cs var:c.Plan ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Ledger.When ?></th><th scope="col"><?cs var:Lang.Ledger.Change ?></th><th scope="col"><?cs var:Lang.Ledger.What ?></th><th scope="col"><?cs var:Lang.Ledger.Request ?></th><th scope="col"><?cs var:Lang.Ledger.Who ?></th></tr></thead>
<tbody><?cs each:e = c.Ledger ?>
<tr><td><?cs var:e.When ?></td><td class="num"><?cs var:e.Delta ?></td><td><?cs if:e.Kind == "issued" ?><?cs var:Lang.Ledger.Kind.issued ?><?cs elif:e.Kind == "debit" ?><?cs var:Lang.Ledger.Kind.debit ?><?cs elif:e.Kind == "return" ?><?cs var:Lang.Ledger.Kind.return ?><?cs elif:e.Kind == "topup" ?><?cs var:Lang.Ledger.Kind.topup ?><?cs elif:e.Kind == "extend" ?><?cs var:Lang.Ledger.Kind.extend ?> <?cs var:e.Note ?><?cs else ?><?cs var:Lang.Ledger.Kind.purchase ?><?cs /if ?><?cs if:e.Reason ?>: <?cs var:e.Reason ?><?cs /if ?></td><td><?cs if:e.Request ?>#<?cs var:e.Request ?> <?cs /if ?><?cs var:e.Title ?></td><td><?cs var:e.Who ?></td></tr><?cs /each ?>
</tbody>
</table>
<?cs if:c.LedgerMore ?><p><a href="/contracts?ledger=<?cs var:c.Id ?>#contract-<?cs var:c.Id ?>"><?cs var:Lang.Contracts.LedgerAll ?></a></p><?cs /if ?>
</details>
</section>
<?cs /each ?>
<?cs include:"footer.cs" ?>
