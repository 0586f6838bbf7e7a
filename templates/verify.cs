<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Verify.Title ?></h1>
<p class="lead"><?cs var:Lang.Verify.Text ?></p>
<form method="post" action="/verify" class="card">
<?cs call:csrf() ?>
<input type="hidden" name="t" value="<?cs var:Form.t.Value ?>">
<p><button type="submit" class="primary"><?cs var:Lang.Verify.Submit ?></button></p>
</form>
</div>
<?cs include:"footer.cs" ?>
