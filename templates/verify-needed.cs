<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Verify.NeededTitle ?></h1>
<p class="lead"><?cs var:Lang.Verify.NeededText ?> <strong><?cs var:User.Email ?></strong>.</p>
<p><?cs var:Lang.Verify.NeededSent ?></p>
<form method="post" action="/verify/again" class="card">
<?cs call:csrf() ?>
<p><button type="submit" class="primary"><?cs var:Lang.Verify.Again ?></button></p>
</form>
<p><a href="/account"><?cs var:Lang.Verify.ToAccount ?></a></p>
</div>
<?cs include:"footer.cs" ?>
