<?cs include:"header.cs" ?>
<?cs # The new support request (R5): the steps one under another; the open
     one is a form, finished ones a summary with Edit, later ones a title. ?>
<?cs def:edit(n, label) ?><a class="edit" href="/drafts/<?cs var:Draft.Id ?>?step=<?cs var:n ?>#step-<?cs var:n ?>"><?cs var:Lang.Wizard.Edit ?><span class="visually-hidden">: <?cs var:label ?></span></a><?cs /def ?>
<?cs def:select(f, name, label, list, empty) ?>
<div class="field<?cs if:f.Error ?> invalid<?cs /if ?>">
<?cs call:label(f, name, label, "", "") ?>
<select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs call:describedby(f, name, "") ?>>
<option value=""><?cs var:empty ?></option>
<?cs each:o = list ?><option value="<?cs var:o.Id ?>"<?cs if:o.Id == f.Value ?> selected<?cs /if ?>><?cs var:o.Name ?></option>
<?cs /each ?></select>
</div><?cs /def ?>
<h1><?cs var:Lang.Wizard.Title ?></h1>
<?cs if:Page.Saved ?><div class="notice" role="status"><p><?cs var:Lang.Wizard.Saved ?></p></div><?cs /if ?>
<?cs if:Page.Activated ?><div class="notice" role="status"><p><?cs var:Lang.Contracts.Activated ?></p></div><?cs /if ?>
<?cs if:Page.SubmitRefused ?><div class="summary" role="alert"><h2><?cs var:Lang.Wizard.SubmitRefused ?></h2><p><?cs var:Page.SubmitRefused ?></p></div><?cs /if ?>
<?cs call:errors() ?>
<ol class="steps">

<li id="step-1" class="step<?cs if:Page.Step == 1 ?> open<?cs elif:Draft.Done >= 1 ?> done<?cs else ?> todo<?cs /if ?>">
<h2><span class="num" aria-hidden="true">1</span> <?cs var:Lang.Wizard.Step1 ?></h2>
<?cs if:Page.Step == 1 ?>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/step" enctype="multipart/form-data" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="step" value="1">
<?cs call:select(Form.product, "product", Lang.Wizard.Product, Products, Lang.Wizard.ChooseProduct) ?>
<p class="hint"><?cs var:Lang.Wizard.RefreshHint ?></p>
<p><button type="submit" name="action" value="refresh" class="secondary"><?cs var:Lang.Wizard.Refresh ?></button></p>
<?cs if:Versions.0.Id ?><?cs call:select(Form.version, "version", Lang.Wizard.Version, Versions, Lang.Wizard.ChooseVersion) ?><?cs /if ?>
<?cs if:Categories.0.Id ?><?cs call:select(Form.category, "category", Lang.Wizard.Category, Categories, Lang.Wizard.ChooseCategory) ?><?cs /if ?>
<?cs if:Problems.0.Id ?><?cs call:select(Form.problem, "problem", Lang.Wizard.Problem, Problems, Lang.Wizard.ChooseProblem) ?><?cs /if ?>
<?cs call:field(Form.title, "title", Lang.Wizard.TitleField, "text", "off", Lang.Wizard.TitleHint, "") ?>
<div class="field<?cs if:Form.description.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.description, "description", Lang.Wizard.Description, Lang.Wizard.DescriptionHint, "") ?>
<textarea id="f-description" name="description" rows="8"<?cs call:describedby(Form.description, "description", Lang.Wizard.DescriptionHint) ?>><?cs var:Form.description.Value ?></textarea>
</div>
<?cs call:files_field(Lang.Wizard.FilesHint) ?>
<p><button type="submit" name="action" value="upload" class="secondary"><?cs var:Lang.Wizard.Upload ?></button></p>
</div>
<p><button type="submit" name="action" value="next" class="primary"><?cs var:Lang.Wizard.Next ?></button></p>
</form>
<?cs if:Files.0.Id ?>
<table class="files">
<caption><?cs var:Lang.Wizard.Attached ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Wizard.FileName ?></th><th scope="col"><?cs var:Lang.Wizard.FileSize ?></th><th scope="col"><?cs var:Lang.Wizard.Sha ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.Wizard.Remove ?></span></th></tr></thead>
<tbody><?cs each:f = Files ?>
<tr><td><?cs var:f.Name ?></td><td class="num"><?cs var:f.Size ?></td><td><code class="hash"><?cs var:f.Sha ?></code></td><td>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/remove-file" class="inline">
<?cs call:csrf() ?><input type="hidden" name="file" value="<?cs var:f.Id ?>">
<button type="submit" class="link-dark"><?cs var:Lang.Wizard.Remove ?><span class="visually-hidden">: <?cs var:f.Name ?></span></button>
</form></td></tr><?cs /each ?>
</tbody>
</table>
<?cs /if ?>
<?cs if:Kb.0.Id ?>
<section class="suggest" aria-labelledby="kb-title">
<h3 id="kb-title"><?cs var:Lang.Wizard.Suggestions ?></h3>
<ul><?cs each:k = Kb ?>
<li><a href="/kb/<?cs var:k.Id ?>"><?cs var:k.Title ?></a><br><span class="muted"><?cs var:k.Snippet ?></span></li><?cs /each ?>
</ul>
</section>
<?cs /if ?>
<?cs if:Form.version.Value ?>
<section class="preview" aria-labelledby="preview-title">
<h3 id="preview-title"><?cs var:Lang.Wizard.Preview ?></h3>
<?cs if:Plans.0.Id ?>
<ul class="plans"><?cs each:p = Plans ?>
<li class="<?cs if:p.Available ?>ok<?cs else ?>no<?cs /if ?>"><strong><?cs var:p.Plan ?></strong>: <?cs if:p.Available ?><?cs var:Lang.Wizard.Available ?><?cs else ?><?cs var:p.Reason ?> <?cs var:p.Fix ?><?cs /if ?></li><?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Wizard.NoPlans ?></p>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs elif:Draft.Done >= 1 ?>
<dl class="facts">
<dt><?cs var:Lang.Wizard.Product ?></dt><dd><?cs if:Sum.Version ?><?cs var:Sum.Version ?><?cs else ?><?cs var:Sum.Product ?><?cs /if ?></dd>
<dt><?cs var:Lang.Wizard.Problem ?></dt><dd><?cs var:Sum.Category ?>: <?cs var:Sum.Problem ?></dd>
<dt><?cs var:Lang.Wizard.TitleField ?></dt><dd><?cs var:Form.title.Value ?></dd>
<dt><?cs var:Lang.Wizard.Files ?></dt><dd><?cs if:Files.0.Id ?><?cs each:f = Files ?><?cs var:f.Name ?> (<?cs var:f.Size ?> B) <?cs /each ?><?cs else ?><?cs var:Lang.Wizard.NoFiles ?><?cs /if ?></dd>
</dl>
<p><?cs call:edit(1, Lang.Wizard.Step1) ?></p>
<?cs /if ?>
</li>

<li id="step-2" class="step<?cs if:Page.Step == 2 ?> open<?cs elif:Draft.Done >= 2 ?> done<?cs else ?> todo<?cs /if ?>">
<h2><span class="num" aria-hidden="true">2</span> <?cs var:Lang.Wizard.Step2 ?></h2>
<?cs if:Page.Step == 2 ?>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/step" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="step" value="2">
<?cs if:Page.Partner || Form.kind.Error ?>
<?cs # R16.5: partners may ask about the programme, pre-sales or billing ?>
<fieldset class="choices<?cs if:Form.kind.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Wizard.Kind ?></legend>
<p class="hint" id="h-kind"><?cs var:Lang.Wizard.KindHint ?></p>
<?cs if:Form.kind.Error ?><p class="error" id="e-kind"><?cs var:Form.kind.Error ?></p><?cs /if ?>
<div class="choice"><input type="radio" id="f-kind" name="kind" value="technical" aria-describedby="h-kind"<?cs if:Form.kind.Value == "technical" || !Form.kind.Value ?> checked<?cs /if ?>>
<label for="f-kind"><?cs var:Lang.ReqKind.technical ?></label></div>
<?cs if:Page.Partner ?>
<div class="choice"><input type="radio" id="f-kind-programme" name="kind" value="programme"<?cs if:Form.kind.Value == "programme" ?> checked<?cs /if ?>>
<label for="f-kind-programme"><?cs var:Lang.ReqKind.programme ?></label></div>
<div class="choice"><input type="radio" id="f-kind-presales" name="kind" value="presales"<?cs if:Form.kind.Value == "presales" ?> checked<?cs /if ?>>
<label for="f-kind-presales"><?cs var:Lang.ReqKind.presales ?></label></div>
<div class="choice"><input type="radio" id="f-kind-billing" name="kind" value="billing"<?cs if:Form.kind.Value == "billing" ?> checked<?cs /if ?>>
<label for="f-kind-billing"><?cs var:Lang.ReqKind.billing ?></label></div>
<?cs /if ?>
</fieldset>
<?cs /if ?>
<fieldset class="choices<?cs if:Form.plan.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Wizard.Plan ?></legend>
<?cs if:Form.plan.Error ?><p class="error" id="e-plan"><?cs var:Form.plan.Error ?></p><?cs /if ?>
<?cs if:Page.HasChoosable ?><?cs set:first = 1 ?>
<?cs each:p = Plans ?><?cs if:p.Choosable ?>
<div class="choice"><input type="radio" name="plan" value="<?cs var:p.Id ?>" id="<?cs if:first ?>f-plan<?cs else ?>f-plan-<?cs var:p.Id ?><?cs /if ?>"<?cs if:p.Id == Form.plan.Value ?> checked<?cs /if ?>>
<label for="<?cs if:first ?>f-plan<?cs else ?>f-plan-<?cs var:p.Id ?><?cs /if ?>"><?cs var:p.Plan ?> <span class="muted">(<?cs var:p.Programme ?>)</span></label>
<p class="hint"><?cs var:Lang.Wizard.Ends ?> <?cs var:p.End ?> · <?cs var:Lang.Contracts.Incidents ?>: <?cs var:p.Left ?><?cs if:p.Advisory ?> · <?cs if:p.Available ?><?cs var:Lang.Wizard.AdvisoryToo ?><?cs else ?><?cs var:Lang.Wizard.AdvisoryOnly ?> <?cs var:p.Reason ?><?cs /if ?><?cs /if ?></p></div><?cs set:first = 0 ?>
<?cs /if ?><?cs /each ?>
<?cs else ?>
<p id="f-plan"><?cs var:Lang.Wizard.NoAvailable ?></p>
<?cs call:help_plans() ?>
<?cs /if ?>
</fieldset>
<?cs if:Page.HasUnavailable ?>
<details class="more">
<summary><?cs var:Lang.Wizard.Unavailable ?></summary>
<ul class="plans"><?cs each:p = Plans ?><?cs if:!p.Available ?>
<li class="no"><strong><?cs var:p.Plan ?></strong>: <?cs var:p.Reason ?> <?cs var:p.Fix ?></li><?cs /if ?><?cs /each ?>
</ul>
<?cs call:help_plans() ?>
</details>
<?cs /if ?>
<fieldset class="choices<?cs if:Form.severity.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Wizard.Severity ?></legend>
<?cs if:Form.severity.Error ?><p class="error" id="e-severity"><?cs var:Form.severity.Error ?></p><?cs /if ?>
<div class="choice"><input type="radio" id="f-severity" name="severity" value="critical" aria-describedby="h-sev-critical"<?cs if:Form.severity.Value == "critical" ?> checked<?cs /if ?>>
<label for="f-severity"><?cs var:Lang.Severity.critical ?></label><p class="hint" id="h-sev-critical"><?cs var:Lang.Wizard.CriticalHint ?></p></div>
<div class="choice"><input type="radio" id="f-severity-important" name="severity" value="important" aria-describedby="h-sev-important"<?cs if:Form.severity.Value == "important" ?> checked<?cs /if ?>>
<label for="f-severity-important"><?cs var:Lang.Severity.important ?></label><p class="hint" id="h-sev-important"><?cs var:Lang.Wizard.ImportantHint ?></p></div>
<div class="choice"><input type="radio" id="f-severity-moderate" name="severity" value="moderate" aria-describedby="h-sev-moderate"<?cs if:Form.severity.Value == "moderate" ?> checked<?cs /if ?>>
<label for="f-severity-moderate"><?cs var:Lang.Severity.moderate ?></label><p class="hint" id="h-sev-moderate"><?cs var:Lang.Wizard.ModerateHint ?></p></div>
</fieldset>
<?cs # R16.1: 24/7 is offered once critical is chosen: without JavaScript
     the page comes back with it after Update, with it at once ?>
<div id="severity-update">
<p class="hint" id="h-sev-update"><?cs var:Lang.Wizard.SeverityUpdateHint ?></p>
<p><button type="submit" name="action" value="refresh" class="secondary" aria-describedby="h-sev-update"><?cs var:Lang.Wizard.SeverityUpdate ?></button></p>
</div>
<div class="field choice single<?cs if:Form.allday.Error ?> invalid<?cs /if ?>" id="allday"<?cs if:(Form.severity.Value != "critical" || (Form.kind.Value && Form.kind.Value != "technical")) && !Form.allday.Error ?> hidden<?cs /if ?>>
<?cs if:Form.allday.Error ?><p class="error" id="e-allday"><?cs var:Form.allday.Error ?></p><?cs /if ?>
<input type="checkbox" id="f-allday" name="allday" value="1" aria-describedby="h-allday"<?cs if:Form.allday.Value ?> checked<?cs /if ?>>
<label for="f-allday"><?cs var:Lang.Wizard.AllDay ?></label>
<p class="hint" id="h-allday"><?cs var:Lang.Wizard.AllDayHint ?></p>
</div>
<fieldset>
<legend><?cs var:Lang.Wizard.Routing ?></legend>
<p class="hint"><?cs var:Lang.Wizard.RoutingHint ?></p>
<div class="field<?cs if:Form.country.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.country, "country", Lang.Profile.Country, "", "") ?>
<select id="f-country" name="country"<?cs call:describedby(Form.country, "country", "") ?>>
<option value=""><?cs var:Lang.Profile.CountryChoose ?></option>
<?cs each:c = Countries ?><option value="<?cs var:c.Code ?>"<?cs if:c.Code == Form.country.Value ?> selected<?cs /if ?>><?cs var:c.Name ?></option>
<?cs /each ?></select>
</div>
<div class="field<?cs if:Form.tz.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.tz, "tz", Lang.Profile.TimeZone, "", "") ?>
<select id="f-tz" name="tz"<?cs call:describedby(Form.tz, "tz", "") ?>>
<?cs each:z = Zones ?><option<?cs if:z == Form.tz.Value ?> selected<?cs /if ?>><?cs var:z ?></option>
<?cs /each ?></select>
</div>
</fieldset>
<p><button type="submit" name="action" value="next" class="primary"><?cs var:Lang.Wizard.Next ?></button></p>
</form>
<details class="more"<?cs if:Page.ActivateOpen ?> open<?cs /if ?>>
<summary><?cs var:Lang.Wizard.More ?></summary>
<h3><?cs var:Lang.Contracts.ActivateTitle ?></h3>
<?cs if:Page.Throttled ?><p class="error"><?cs var:Lang.Contracts.Throttled ?></p><?cs /if ?>
<?cs call:help_activation() ?>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/activate" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.access_id, "access_id", Lang.Contracts.AccessId, "text", "off", Lang.Contracts.IdHint, "") ?>
<?cs call:field(Form.contract_id, "contract_id", Lang.Contracts.ContractId, "text", "off", "", "") ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Contracts.Activate ?></button></p>
</form>
<h3><?cs var:Lang.Wizard.PpiTitle ?></h3>
<p><?cs if:Page.Personal ?><?cs var:Lang.Wizard.PpiPersonal ?><?cs else ?><?cs var:Lang.Wizard.PpiWork ?><?cs /if ?></p>
<p><a class="button secondary" href="/ppi?draft=<?cs var:Draft.Id ?>"><?cs var:Lang.Wizard.PpiBuy ?></a></p>
</details>
<?cs elif:Draft.Done >= 2 ?>
<dl class="facts">
<?cs if:Sum.Kind ?><dt><?cs var:Lang.Wizard.Kind ?></dt><dd><?cs var:Sum.Kind ?> (<?cs var:Lang.Wizard.NoIncident ?>)</dd><?cs /if ?>
<dt><?cs var:Lang.Wizard.Plan ?></dt><dd><?cs each:p = Plans ?><?cs if:p.Id == Form.plan.Value ?><?cs var:p.Plan ?><?cs /if ?><?cs /each ?></dd>
<dt><?cs var:Lang.Wizard.Severity ?></dt><dd><?cs var:Sum.Severity ?><?cs if:Form.allday.Value ?>, <?cs var:Lang.Wizard.AllDayShort ?><?cs /if ?></dd>
<dt><?cs var:Lang.Wizard.Queue ?></dt><dd><?cs var:Sum.Country ?>, <?cs var:Form.tz.Value ?> · <?cs var:Sum.Queue ?></dd>
</dl>
<p><?cs call:edit(2, Lang.Wizard.Step2) ?></p>
<?cs /if ?>
</li>

<li id="step-3" class="step<?cs if:Page.Step == 3 ?> open<?cs elif:Draft.Done >= 3 ?> done<?cs else ?> todo<?cs /if ?>">
<h2><span class="num" aria-hidden="true">3</span> <?cs var:Lang.Wizard.Step3 ?></h2>
<?cs if:Page.Step == 3 ?>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/step" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="step" value="3">
<p class="hint"><?cs var:Lang.Wizard.ContactHint ?></p>
<?cs call:field(Form.pc_name, "pc_name", Lang.Wizard.ContactName, "text", "name", "", "") ?>
<?cs call:field(Form.pc_email, "pc_email", Lang.Wizard.ContactEmail, "email", "email", "", "") ?>
<?cs call:field(Form.pc_phone, "pc_phone", Lang.Profile.Phone, "tel", "tel", Lang.Profile.PhoneHint, "1") ?>
<fieldset class="choices<?cs if:Form.pc_method.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Profile.Method ?></legend>
<div class="choice"><input type="radio" id="f-pc_method" name="pc_method" value="email"<?cs if:Form.pc_method.Value == "email" ?> checked<?cs /if ?>>
<label for="f-pc_method"><?cs var:Lang.Profile.MethodEmail ?></label></div>
<div class="choice"><input type="radio" id="f-pc_method-phone" name="pc_method" value="phone"<?cs if:Form.pc_method.Value == "phone" ?> checked<?cs /if ?>>
<label for="f-pc_method-phone"><?cs var:Lang.Profile.MethodPhone ?></label></div>
</fieldset>
<p><button type="submit" name="action" value="next" class="primary"><?cs var:Lang.Wizard.Next ?></button></p>
</form>
<?cs elif:Draft.Done >= 3 ?>
<dl class="facts">
<dt><?cs var:Lang.Wizard.Step3 ?></dt><dd><?cs var:Form.pc_name.Value ?>, <?cs var:Form.pc_email.Value ?><?cs if:Form.pc_phone.Value ?>, <?cs var:Form.pc_phone.Value ?><?cs /if ?> (<?cs if:Form.pc_method.Value == "phone" ?><?cs var:Lang.Profile.MethodPhone ?><?cs else ?><?cs var:Lang.Profile.MethodEmail ?><?cs /if ?>)</dd>
</dl>
<p><?cs call:edit(3, Lang.Wizard.Step3) ?></p>
<?cs /if ?>
</li>

<li id="step-4" class="step<?cs if:Page.Step == 4 ?> open<?cs elif:Draft.Done >= 4 ?> done<?cs else ?> todo<?cs /if ?>">
<h2><span class="num" aria-hidden="true">4</span> <?cs var:Lang.Wizard.Step4 ?></h2>
<?cs if:Page.Step == 4 ?>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/step" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="step" value="4">
<div class="field<?cs if:Form.secondary.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.secondary, "secondary", Lang.Wizard.Secondary, Lang.Wizard.SecondaryHint, "1") ?>
<textarea id="f-secondary" name="secondary" rows="4"<?cs call:describedby(Form.secondary, "secondary", Lang.Wizard.SecondaryHint) ?>><?cs var:Form.secondary.Value ?></textarea>
</div>
<?cs if:Page.ShowAddMe ?>
<div class="warning" role="note">
<p><?cs var:Lang.Wizard.NotPrimary ?></p>
<div class="choice single"><input type="checkbox" id="f-add_me" name="add_me" value="1"<?cs if:Form.add_me.Value ?> checked<?cs /if ?>>
<label for="f-add_me"><?cs var:Lang.Wizard.AddMe ?> (<?cs var:User.Email ?>)</label></div>
</div>
<?cs /if ?>
<p><button type="submit" name="action" value="next" class="primary"><?cs var:Lang.Wizard.Next ?></button></p>
</form>
<?cs elif:Draft.Done >= 4 ?>
<dl class="facts">
<dt><?cs var:Lang.Wizard.Secondary ?></dt><dd><?cs if:Sum.Secondary.0 ?><?cs each:s = Sum.Secondary ?><?cs var:s ?> <?cs /each ?><?cs else ?><?cs var:Lang.Wizard.NoSecondary ?><?cs /if ?></dd>
<?cs if:Page.ShowAddMe ?><dt><?cs var:Lang.Wizard.You ?></dt><dd><?cs if:Form.add_me.Value ?><?cs var:Lang.Wizard.YouAdded ?><?cs else ?><strong><?cs var:Lang.Wizard.YouNotAdded ?></strong><?cs /if ?></dd><?cs /if ?>
</dl>
<p><?cs call:edit(4, Lang.Wizard.Step4) ?></p>
<?cs /if ?>
</li>

<li id="step-5" class="step<?cs if:Page.Step == 5 ?> open<?cs elif:Draft.Done >= 5 ?> done<?cs else ?> todo<?cs /if ?>">
<h2><span class="num" aria-hidden="true">5</span> <?cs var:Lang.Wizard.Step5 ?></h2>
<?cs if:Page.Step == 5 ?>
<p><?cs var:Lang.Wizard.VerifyHint ?></p>
<p><strong><?cs var:Form.title.Value ?></strong></p>
<p class="pre"><?cs var:Form.description.Value ?></p>
<?cs /if ?>
</li>

<li id="step-6" class="step<?cs if:Page.Step == 5 ?> open<?cs else ?> todo<?cs /if ?>">
<h2><span class="num" aria-hidden="true">6</span> <?cs var:Lang.Wizard.Step6 ?></h2>
<?cs if:Page.Step == 5 ?>
<p><?cs var:Lang.Wizard.SubmitHint ?></p>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/submit">
<?cs call:csrf() ?>
<p><button type="submit" class="primary"><?cs var:Lang.Wizard.Submit ?></button></p>
</form>
<?cs /if ?>
</li>
</ol>
<form method="post" action="/drafts/<?cs var:Draft.Id ?>/discard" class="discard">
<?cs call:csrf() ?>
<button type="submit" class="link-dark"><?cs var:Lang.Wizard.Discard ?></button>
</form>
<?cs if:Page.Step == 2 ?><script src="/static/wizard.js" defer></script><?cs /if ?>
<?cs include:"footer.cs" ?>
