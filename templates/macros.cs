<?cs # Shared macros: the form token, the error summary and labelled fields.
     Every var: is HTML-escaped (Config.VarEscapeMode = html). ?><?cs #
?><?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><?cs /def ?><?cs #

?><?cs # The summary at the top of a form, each error linked to its field (R12.2). ?><?cs #
?><?cs def:errors() ?><?cs if:Errors.0.Msg ?>
<div class="summary" role="alert" aria-labelledby="summary-title">
<h2 id="summary-title"><?cs var:Lang.Form.ErrorsTitle ?></h2>
<ul><?cs each:e = Errors ?>
<li><a href="#f-<?cs var:e.Field ?>"><?cs if:e.Label ?><?cs var:e.Label ?>: <?cs /if ?><?cs var:e.Msg ?></a></li><?cs /each ?>
</ul>
</div><?cs /if ?><?cs /def ?><?cs #

?><?cs # describedby: the hint and the error of a field, for aria-describedby. ?><?cs #
?><?cs def:describedby(f, name, hint) ?><?cs if:hint || f.Error ?> aria-describedby="<?cs if:hint ?>h-<?cs var:name ?><?cs /if ?><?cs if:hint && f.Error ?> <?cs /if ?><?cs if:f.Error ?>e-<?cs var:name ?><?cs /if ?>"<?cs /if ?><?cs if:f.Error ?> aria-invalid="true"<?cs /if ?><?cs /def ?><?cs #

?><?cs # The label, hint and error of a field. ?><?cs #
?><?cs def:label(f, name, label, hint, optional) ?>
<label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:optional ?> <span class="opt">(<?cs var:Lang.Form.Optional ?>)</span><?cs /if ?></label>
<?cs if:hint ?><p class="hint" id="h-<?cs var:name ?>"><?cs var:hint ?></p><?cs /if ?>
<?cs if:f.Error ?><p class="error" id="e-<?cs var:name ?>"><span class="visually-hidden"><?cs var:Lang.Error.Title ?>: </span><?cs var:f.Error ?></p><?cs /if ?><?cs /def ?><?cs #

?><?cs # A one-line input.  type: text, email, tel, password; ac: autocomplete. ?><?cs #
?><?cs def:field(f, name, label, type, ac, hint, optional) ?>
<div class="field<?cs if:f.Error ?> invalid<?cs /if ?>">
<?cs call:label(f, name, label, hint, optional) ?>
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" autocomplete="<?cs var:ac ?>"<?cs if:type != "password" ?> value="<?cs var:f.Value ?>"<?cs /if ?><?cs if:!optional ?> required<?cs /if ?><?cs call:describedby(f, name, hint) ?>>
</div><?cs /def ?><?cs #

?><?cs # A read-only value shown greyed, never sent back (R2.2). ?><?cs #
?><?cs def:readonly(name, label, value) ?>
<div class="field">
<label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<input id="f-<?cs var:name ?>" type="text" value="<?cs var:value ?>" readonly disabled>
</div><?cs /def ?><?cs #

?><?cs # A two-step code or a recovery code (R14.6): the one-time-code field. ?><?cs #
?><?cs def:code_field(hint) ?>
<div class="field<?cs if:Form.code.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.code, "code", Lang.Code.Code, hint, "") ?>
<input id="f-code" name="code" type="text" class="code" autocomplete="one-time-code" spellcheck="false" maxlength="40" required<?cs call:describedby(Form.code, "code", hint) ?>>
</div><?cs /def ?><?cs #

?><?cs # An upload form's file field: the limit and the accepted types shown
     before upload (R11.9, R16.6), hint what the form adds.  It leaves the
     field's div open: the form closes it, after a button of its own. ?><?cs #
?><?cs def:files_field(hint) ?>
<div class="field<?cs if:Form.files.Error ?> invalid<?cs /if ?>" id="files">
<?cs call:label(Form.files, "files", Lang.Wizard.Files, "", "1") ?>
<p class="hint" id="h-files"><?cs var:Lang.Upload.Limit ?> <strong><?cs var:Upload.Limit ?></strong>.<?cs if:hint ?> <?cs var:hint ?><?cs /if ?></p>
<p class="hint" id="h-files-types"><?cs var:Lang.Wizard.Accepted ?> <?cs each:a = Upload.Types ?><?cs var:a ?> <?cs /each ?></p>
<input id="f-files" name="files" type="file" multiple aria-describedby="h-files h-files-types<?cs if:Form.files.Error ?> e-files<?cs /if ?>">
<?cs /def ?><?cs #

?><?cs # Help by an activation form (R16.4): how activating works, and after
     a refusal why it may fail, with the account signed in. ?><?cs #
?><?cs def:help_activation() ?>
<?cs if:Form.access_id.Error || Form.contract_id.Error || Page.Throttled ?>
<p class="help-links" id="help-activation"><?cs var:Lang.Help.CheckAccount ?> <strong><?cs var:User.Email ?></strong>. <a href="/help/add-failed"><?cs var:Lang.Help.Failed.Title ?></a> · <a href="/help/missing-contract"><?cs var:Lang.Help.Missing.Title ?></a></p>
<?cs else ?>
<p class="help-links" id="help-activation"><a href="/help/activate"><?cs var:Lang.Help.Activate.Title ?></a></p>
<?cs /if ?><?cs /def ?><?cs #

?><?cs # Help by plans that cannot be used, or none (R16.4). ?><?cs #
?><?cs def:help_plans() ?>
<p class="help-links"><?cs var:Lang.Help.WhichAccount ?> <strong><?cs var:User.Email ?></strong>. <a href="/help/benefits"><?cs var:Lang.Help.Benefits.Title ?></a> · <a href="/help/missing-contract"><?cs var:Lang.Help.Missing.Title ?></a></p>
<?cs /def ?>
