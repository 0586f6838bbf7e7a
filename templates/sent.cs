<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Signup.SentTitle ?></h1>
<div class="notice" role="status"><p><?cs var:Lang.Signup.SentText ?></p></div>
<p><?cs var:Lang.Signup.SentFollow ?></p>
<p><?cs var:Lang.Signup.SentExists ?></p>
<p class="muted"><?cs var:Lang.Signup.SentSpam ?></p>
<p><a class="button" href="/signin"><?cs var:Lang.Nav.SignIn ?></a></p>
</div>
<?cs include:"footer.cs" ?>
