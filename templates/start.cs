<?cs include:"header.cs" ?>
<h1><?cs var:Lang.Start.Welcome ?>, <?cs var:User.First ?></h1>
<p class="lead"><?cs var:Lang.Start.Ready ?></p>
<dl class="facts">
<dt><?cs var:Lang.Start.AccountKind ?></dt>
<dd><?cs if:User.Kind == "work" ?><?cs var:Lang.Kind.work ?><?cs else ?><?cs var:Lang.Kind.personal ?><?cs /if ?></dd>
<dt><?cs var:Lang.Start.Email ?></dt>
<dd><?cs var:User.Email ?></dd>
</dl>
<p><a href="/profile"><?cs var:Lang.Start.EditProfile ?></a></p>
<?cs include:"footer.cs" ?>
