<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Signin.Title ?></h1>
<?cs if:Page.Note == "verified" ?><div class="notice" role="status"><p><?cs var:Lang.Signin.Verified ?></p></div>
<?cs elif:Page.Note == "reset" ?><div class="notice" role="status"><p><?cs var:Lang.Signin.Reset ?></p></div>
<?cs elif:Page.Note == "deleted" ?><div class="notice" role="status"><p><?cs var:Lang.Signin.Deleted ?></p></div>
<?cs /if ?>
<p class="lead"><?cs var:Lang.Signin.Intro ?></p>
<?cs if:Page.Throttled ?>
<div class="summary" role="alert"><p><?cs var:Lang.Signin.Throttled ?></p></div>
<?cs /if ?>
<?cs call:errors() ?>
<form method="post" action="/signin" class="card" novalidate>
<?cs call:csrf() ?>
<?cs if:Form.next.Value ?><input type="hidden" name="next" value="<?cs var:Form.next.Value ?>"><?cs /if ?>
<?cs call:field(Form.email, "email", Lang.Signin.Email, "email", "username", "", "") ?>
<?cs call:field(Form.password, "password", Lang.Signin.Password, "password", "current-password", "", "") ?>
<p class="forgot"><a href="/forgot"><?cs var:Lang.Signin.Forgot ?></a></p>
<p><button type="submit" class="primary"><?cs var:Lang.Signin.Submit ?></button></p>
</form>
<p><?cs var:Lang.Signin.NoAccount ?> <a href="/signup"><?cs var:Lang.Nav.SignUp ?></a></p>
</div>
<?cs include:"footer.cs" ?>
