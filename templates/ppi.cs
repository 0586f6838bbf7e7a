<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Ppi.Title ?></h1>
<?cs if:Ppi.Paid ?><div class="notice" role="status"><p><?cs var:Lang.Ppi.AlreadyBought ?> <a href="/ppi/<?cs var:Ppi.Paid ?>"><?cs var:Lang.Ppi.SeeReceipt ?></a></p></div><?cs /if ?>
<?cs if:Ppi.Unfinished ?><div class="summary" role="status"><p><?cs var:Lang.Ppi.Unfinished ?> <a href="/ppi/<?cs var:Ppi.Unfinished ?>"><?cs var:Lang.Purchase.Finish ?></a></p></div><?cs /if ?>
<?cs if:Ppi.Work ?>
<div class="summary" role="alert">
<h2><?cs var:Lang.Ppi.WorkTitle ?></h2>
<p><?cs var:Lang.Ppi.WorkWhy ?></p>
<p><?cs var:Lang.Ppi.WorkWhat ?></p>
<p><a href="/help/ppi-work"><?cs var:Lang.Help.PpiWork.Title ?></a></p>
</div>
<form method="post" action="/signout">
<?cs call:csrf() ?>
<input type="hidden" name="next" value="<?cs var:Ppi.Back ?>">
<p><button type="submit" class="primary"><?cs var:Lang.Ppi.SignOut ?></button></p>
</form>
<?cs elif:Ppi.NotSold ?>
<div class="summary" role="alert"><p><?cs var:Lang.Ppi.NotSold ?> <strong><?cs var:Ppi.Country ?></strong>.</p></div>
<p><?cs var:Lang.Ppi.NotSoldWhat ?> <a href="/profile"><?cs var:Lang.Nav.Profile ?></a></p>
<?cs else ?>
<p class="lead"><?cs var:Lang.Ppi.Lead ?></p>
<?cs call:errors() ?>
<section class="card" aria-labelledby="card-title">
<h2 id="card-title"><?cs var:Lang.Card.Title ?></h2>
<?cs if:Page.CardSaved ?><div class="notice" role="status"><p><?cs var:Lang.Card.Saved ?></p></div><?cs /if ?>
<?cs if:Card.Brand ?>
<p><?cs var:Card.BrandName ?> <?cs var:Lang.Card.Ending ?> <strong><?cs var:Card.Last4 ?></strong>, <?cs var:Lang.Card.Expires ?> <?cs var:Card.Expires ?> (<?cs var:Card.Name ?>)</p>
<p class="hint"><?cs var:Lang.Card.ChangeOnProfile ?> <a href="/profile#card"><?cs var:Lang.Nav.Profile ?></a></p>
<?cs else ?>
<p><?cs var:Lang.Card.First ?></p>
<?cs set:Card.Ppi = 1 ?><?cs include:"card.cs" ?>
<?cs /if ?>
</section>
<?cs if:Card.Brand ?>
<section class="card" aria-labelledby="offer-title">
<h2 id="offer-title"><?cs var:Lang.Ppi.OfferTitle ?></h2>
<p><?cs var:Lang.Ppi.Recommend ?></p>
<form method="post" action="/ppi/start" novalidate>
<?cs call:csrf() ?>
<?cs if:Ppi.Draft ?><input type="hidden" name="draft" value="<?cs var:Ppi.Draft ?>"><?cs /if ?>
<?cs if:Ppi.Version ?>
<p><?cs var:Lang.Ppi.ForVersion ?> <strong><?cs var:Ppi.VersionName ?></strong></p>
<?cs else ?>
<div class="field<?cs if:Form.version.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.version, "version", Lang.Wizard.Version, Lang.Ppi.VersionHint, "") ?>
<select id="f-version" name="version"<?cs call:describedby(Form.version, "version", Lang.Ppi.VersionHint) ?>>
<option value=""><?cs var:Lang.Wizard.ChooseVersion ?></option>
<?cs each:v = Versions ?><option value="<?cs var:v.Id ?>"<?cs if:v.Id == Form.version.Value ?> selected<?cs /if ?>><?cs var:v.Name ?></option>
<?cs /each ?></select>
</div>
<?cs /if ?>
<fieldset class="choices<?cs if:Form.offer.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Ppi.Offer ?></legend>
<?cs if:Form.offer.Error ?><p class="error" id="e-offer"><?cs var:Form.offer.Error ?></p><?cs /if ?>
<div class="choice"><input type="radio" id="f-offer" name="offer" value="one"<?cs if:Form.offer.Value != "five" ?> checked<?cs /if ?>>
<label for="f-offer"><?cs var:Lang.Ppi.One ?>: <strong><?cs var:Ppi.One ?></strong></label></div>
<?cs if:Ppi.Five ?>
<div class="choice"><input type="radio" id="f-offer-five" name="offer" value="five"<?cs if:Form.offer.Value == "five" ?> checked<?cs /if ?>>
<label for="f-offer-five"><?cs var:Lang.Ppi.Five ?>: <strong><?cs var:Ppi.Five ?></strong></label></div>
<?cs else ?>
<p class="hint"><?cs var:Lang.Ppi.NoFive ?> <?cs var:Ppi.Country ?>.</p>
<?cs /if ?>
</fieldset>
<p class="hint"><?cs var:Lang.Ppi.Valid ?></p>
<p><button type="submit" class="primary"><?cs var:Lang.Ppi.Continue ?></button></p>
</form>
</section>
<?cs /if ?>
<?cs /if ?>
<p><?cs if:Ppi.Draft ?><a href="/drafts/<?cs var:Ppi.Draft ?>?step=2#step-2"><?cs var:Lang.Ppi.BackToDraft ?></a><?cs else ?><a href="/contracts"><?cs var:Lang.Ppi.BackToContracts ?></a><?cs /if ?></p>
</div>
<?cs include:"footer.cs" ?>
