<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Forgot.Title ?></h1>
<?cs if:Page.Sent ?>
<div class="notice" role="status"><p><?cs var:Lang.Forgot.Sent ?></p></div>
<?cs else ?>
<p class="lead"><?cs var:Lang.Forgot.Intro ?></p>
<?cs if:Page.Throttled ?>
<div class="summary" role="alert"><p><?cs var:Lang.Forgot.Throttled ?></p></div>
<?cs /if ?>
<?cs call:errors() ?>
<form method="post" action="/forgot" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.email, "email", Lang.Forgot.Email, "email", "email", "", "") ?>
<p><button type="submit" class="primary"><?cs var:Lang.Forgot.Submit ?></button></p>
</form>
<?cs /if ?>
<p><a href="/signin"><?cs var:Lang.Forgot.Back ?></a></p>
</div>
<?cs include:"footer.cs" ?>
