<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Totp.CodesTitle ?></h1>
<div class="warning"><p><strong><?cs var:Lang.Totp.CodesOnce ?></strong></p></div>
<p class="lead"><?cs var:Lang.Totp.CodesIntro ?></p>
<ol class="codes card" aria-label="<?cs var:Lang.Totp.CodesList ?>">
<?cs each:c = Codes ?><li><code><?cs var:c.Code ?></code></li>
<?cs /each ?></ol>
<p><?cs var:Lang.Totp.CodesKeep ?></p>
<p><a class="button" href="/account"><?cs var:Lang.Totp.Done ?></a></p>
</div>
<?cs include:"footer.cs" ?>
