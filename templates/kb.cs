<?cs include:"header.cs" ?>
<div class="narrow">
<p class="muted"><?cs var:Lang.Kb.Label ?> · <?cs var:Kb.Product ?></p>
<h1><?cs var:Kb.Title ?></h1>
<p class="article"><?cs var:Kb.Body ?></p>
<p><a href="/requests"><?cs var:Lang.Kb.Back ?></a></p>
</div>
<?cs include:"footer.cs" ?>
