<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Signup.Title ?></h1>
<p class="lead"><?cs var:Lang.Signup.Intro ?></p>
<?cs if:Page.Throttled ?>
<div class="summary" role="alert"><p><?cs var:Lang.Signup.Throttled ?></p></div>
<?cs /if ?>
<?cs call:errors() ?>
<form method="post" action="/signup" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.first, "first", Lang.Signup.First, "text", "given-name", "", "") ?>
<?cs call:field(Form.last, "last", Lang.Signup.Last, "text", "family-name", "", "") ?>
<?cs call:field(Form.email, "email", Lang.Signup.Email, "email", "email", "", "") ?>
<?cs call:field(Form.password, "password", Lang.Signup.Password, "password", "new-password", Lang.Signup.PasswordHint, "") ?>
<fieldset class="choices<?cs if:Form.kind.Error ?> invalid<?cs /if ?>">
<legend><?cs var:Lang.Signup.Kind ?></legend>
<?cs if:Form.kind.Error ?><p class="error" id="e-kind"><?cs var:Form.kind.Error ?></p><?cs /if ?>
<div class="choice">
<input type="radio" id="f-kind" name="kind" value="personal" aria-describedby="h-kind-personal"<?cs if:Form.kind.Value == "personal" ?> checked<?cs /if ?>>
<label for="f-kind"><?cs var:Lang.Signup.KindPersonal ?></label>
<p class="hint" id="h-kind-personal"><?cs var:Lang.Signup.KindPersonalHint ?></p>
</div>
<div class="choice">
<input type="radio" id="f-kind-work" name="kind" value="work" aria-describedby="h-kind-work"<?cs if:Form.kind.Value == "work" ?> checked<?cs /if ?>>
<label for="f-kind-work"><?cs var:Lang.Signup.KindWork ?></label>
<p class="hint" id="h-kind-work"><?cs var:Lang.Signup.KindWorkHint ?></p>
</div>
</fieldset>
<p><button type="submit" class="primary"><?cs var:Lang.Signup.Submit ?></button></p>
</form>
<p><?cs var:Lang.Signup.HaveAccount ?> <a href="/signin"><?cs var:Lang.Nav.SignIn ?></a></p>
</div>
<?cs include:"footer.cs" ?>
