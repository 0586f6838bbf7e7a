<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Password.Title ?></h1>
<?cs if:Page.Done ?><div class="notice" role="status"><p><?cs var:Lang.Password.Done ?></p></div><?cs /if ?>
<?cs if:Page.Throttled ?><div class="summary" role="alert"><p><?cs var:Lang.Password.Throttled ?></p></div><?cs /if ?>
<p class="lead"><?cs var:Lang.Password.Intro ?></p>
<?cs call:errors() ?>
<form method="post" action="/password" class="card" novalidate>
<?cs call:csrf() ?>
<input type="text" name="username" autocomplete="username" value="<?cs var:User.Email ?>" hidden>
<?cs call:field(Form.current, "current", Lang.Password.Current, "password", "current-password", "", "") ?>
<?cs call:field(Form.password, "password", Lang.Password.New, "password", "new-password", Lang.Signup.PasswordHint, "") ?>
<p><button type="submit" class="primary"><?cs var:Lang.Password.Submit ?></button></p>
</form>
</div>
<?cs include:"footer.cs" ?>
