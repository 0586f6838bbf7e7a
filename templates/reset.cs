<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Reset.Title ?></h1>
<p class="lead"><?cs var:Lang.Reset.Intro ?></p>
<?cs call:errors() ?>
<form method="post" action="/reset" class="card" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="t" value="<?cs var:Form.t.Value ?>">
<?cs call:field(Form.password, "password", Lang.Reset.Password, "password", "new-password", Lang.Signup.PasswordHint, "") ?>
<p><button type="submit" class="primary"><?cs var:Lang.Reset.Submit ?></button></p>
</form>
</div>
<?cs include:"footer.cs" ?>
