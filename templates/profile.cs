<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Profile.Title ?></h1>
<?cs if:Page.Saved ?><div class="notice" role="status"><p><?cs var:Lang.Profile.Saved ?></p></div><?cs /if ?>
<?cs if:Page.FirstTime ?><p class="lead"><?cs var:Lang.Profile.FirstTime ?></p><?cs else ?><p class="lead"><?cs var:Lang.Profile.Intro ?></p><?cs /if ?>
<?cs call:errors() ?>
<form method="post" action="/profile" class="card" novalidate>
<?cs call:csrf() ?>
<fieldset class="names">
<legend><?cs var:Lang.Profile.Names ?></legend>
<p class="hint"><?cs var:Lang.Profile.NamesHint ?></p>
<?cs call:readonly("first", Lang.Profile.First, User.First) ?>
<?cs call:readonly("last", Lang.Profile.Last, User.Last) ?>
</fieldset>
<?cs call:field(Form.contact_email, "contact_email", Lang.Profile.ContactEmail, "email", "email", "", "") ?>
<?cs call:field(Form.phone, "phone", Lang.Profile.Phone, "tel", "tel", Lang.Profile.PhoneHint, "1") ?>
<?cs call:field(Form.company, "company", Lang.Profile.Company, "text", "organization", "", "1") ?>
<div class="field<?cs if:Form.country.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.country, "country", Lang.Profile.Country, "", "") ?>
<select id="f-country" name="country" autocomplete="country" required<?cs call:describedby(Form.country, "country", "") ?>>
<option value=""><?cs var:Lang.Profile.CountryChoose ?></option>
<?cs each:c = Countries ?><option value="<?cs var:c.Code ?>"<?cs if:c.Code == Form.country.Value ?> selected<?cs /if ?>><?cs var:c.Name ?></option>
<?cs /each ?></select>
</div>
<div class="field<?cs if:Form.tz.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.tz, "tz", Lang.Profile.TimeZone, Lang.Profile.TimeZoneHint, "") ?>
<select id="f-tz" name="tz" required<?cs call:describedby(Form.tz, "tz", Lang.Profile.TimeZoneHint) ?>>
<?cs each:z = Zones ?><option<?cs if:z == Form.tz.Value ?> selected<?cs /if ?>><?cs var:z ?></option>
<?cs /each ?></select>
</div>
<fieldset class="choices<?cs if:Form.lang.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Profile.Language ?></legend>
<?cs if:Form.lang.Error ?><p class="error" id="e-lang"><?cs var:Form.lang.Error ?></p><?cs /if ?>
<div class="choice"><input type="radio" id="f-lang" name="lang" value="en"<?cs if:Form.lang.Value == "en" ?> checked<?cs /if ?>>
<label for="f-lang" lang="en"><?cs var:Lang.Language.en ?></label></div>
<div class="choice"><input type="radio" id="f-lang-pl" name="lang" value="pl"<?cs if:Form.lang.Value == "pl" ?> checked<?cs /if ?>>
<label for="f-lang-pl" lang="pl"><?cs var:Lang.Language.pl ?></label></div>
</fieldset>
<fieldset class="choices<?cs if:Form.method.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Profile.Method ?></legend>
<?cs if:Form.method.Error ?><p class="error" id="e-method"><?cs var:Form.method.Error ?></p><?cs /if ?>
<div class="choice"><input type="radio" id="f-method" name="method" value="email"<?cs if:Form.method.Value == "email" ?> checked<?cs /if ?>>
<label for="f-method"><?cs var:Lang.Profile.MethodEmail ?></label></div>
<div class="choice"><input type="radio" id="f-method-phone" name="method" value="phone"<?cs if:Form.method.Value == "phone" ?> checked<?cs /if ?>>
<label for="f-method-phone"><?cs var:Lang.Profile.MethodPhone ?></label></div>
</fieldset>
<p><button type="submit" class="primary"><?cs var:Lang.Profile.Submit ?></button></p>
</form>
<?cs if:Page.CardSection ?>
<section class="card" id="card" aria-labelledby="card-title">
<h2 id="card-title"><?cs var:Lang.Card.Title ?></h2>
<?cs if:Page.Card == "saved" ?><div class="notice" role="status"><p><?cs var:Lang.Card.Saved ?></p></div><?cs elif:Page.Card == "removed" ?><div class="notice" role="status"><p><?cs var:Lang.Card.Removed ?></p></div><?cs /if ?>
<?cs if:Card.Brand ?>
<p><?cs var:Card.BrandName ?> <?cs var:Lang.Card.Ending ?> <strong><?cs var:Card.Last4 ?></strong>, <?cs var:Lang.Card.Expires ?> <?cs var:Card.Expires ?> (<?cs var:Card.Name ?>)</p>
<form method="post" action="/card/remove">
<?cs call:csrf() ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Card.Remove ?></button></p>
</form>
<h3><?cs var:Lang.Card.Change ?></h3>
<?cs else ?>
<p><?cs var:Lang.Card.None ?></p>
<?cs /if ?>
<?cs include:"card.cs" ?>
</section>
<?cs /if ?>
</div>
<?cs include:"footer.cs" ?>
