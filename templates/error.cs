<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Error.Title ?></h1>
<p><?cs var:Error.Text ?></p>
<?cs if:Error.Status == 413 && Upload.Limit ?><p><?cs var:Lang.Upload.TooLarge ?> <strong><?cs var:Upload.Limit ?></strong>.</p><?cs /if ?>
<p class="muted"><?cs var:Lang.Error.Reference ?>: <code><?cs var:Req.Id ?></code> (<?cs var:Error.Status ?>)</p>
<?cs if:Error.Requests ?><p><a href="/requests"><?cs var:Lang.Requests.Title ?></a></p><?cs /if ?>
<p><a href="/"><?cs var:Lang.Error.Home ?></a></p>
</div>
<?cs include:"footer.cs" ?>
