<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Done.Title ?></h1>
<div class="notice" role="status">
<p><?cs var:Lang.Done.Number ?> <strong class="big">#<?cs var:Done.Id ?></strong></p>
</div>
<dl class="facts">
<dt><?cs var:Lang.Wizard.TitleField ?></dt><dd><?cs var:Done.Title ?></dd>
<dt><?cs var:Lang.Done.RespondBy ?></dt><dd><?cs var:Done.RespondBy ?></dd>
<dt><?cs var:Lang.Done.Queue ?></dt><dd><?cs var:Done.Queue ?></dd>
<?cs if:Done.Kind ?><dt><?cs var:Lang.Wizard.Kind ?></dt><dd><?cs var:Done.Kind ?></dd><?cs /if ?>
</dl>
<?cs if:Done.Kind ?><p><?cs var:Lang.Done.Advisory ?></p><?cs /if ?>
<p><?cs var:Lang.Done.Mailed ?> <strong><?cs var:Done.Primary ?></strong>.</p>
<?cs if:!Done.IsContact ?>
<div class="summary" role="note"><p><?cs var:Lang.Done.NotContact ?></p></div>
<?cs /if ?>
<p><a href="/requests"><?cs var:Lang.Done.Back ?></a></p>
</div>
<?cs include:"footer.cs" ?>
