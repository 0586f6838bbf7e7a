<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Code.Title ?></h1>
<p class="lead"><?cs var:Lang.Code.Intro ?></p>
<?cs call:errors() ?>
<form method="post" action="/signin/code" class="card" novalidate>
<?cs call:csrf() ?>
<?cs if:Form.next.Value ?><input type="hidden" name="next" value="<?cs var:Form.next.Value ?>"><?cs /if ?>
<?cs call:code_field(Lang.Code.Hint) ?>
<p><button type="submit" class="primary"><?cs var:Lang.Code.Submit ?></button></p>
</form>
<p><a href="/signin"><?cs var:Lang.Code.Other ?></a></p>
</div>
<?cs include:"footer.cs" ?>
