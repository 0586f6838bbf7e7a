<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Totp.Title ?></h1>
<?cs if:Totp.Required ?><div class="warning"><p><?cs var:Lang.Totp.Required ?></p></div><?cs /if ?>
<p class="lead"><?cs var:Lang.Totp.Intro ?></p>
<?cs call:errors() ?>
<?cs if:Totp.Start ?>
<form method="post" action="/account/totp/start">
<?cs call:csrf() ?>
<p><button type="submit" class="primary"><?cs var:Lang.Account.TotpTurnOn ?></button></p>
</form>
<?cs else ?>
<ol class="steps">
<li class="step">
<h2><span class="num" aria-hidden="true">1</span> <?cs var:Lang.Totp.Step1 ?></h2>
<svg class="qr" viewBox="0 0 <?cs var:Totp.Size ?> <?cs var:Totp.Size ?>" role="img"><title><?cs var:Lang.Totp.QrTitle ?></title><rect width="100%" height="100%" fill="#fff"/><path d="<?cs var:Totp.Path ?>" fill="#000"/></svg>
</li>
<li class="step">
<h2><span class="num" aria-hidden="true">2</span> <?cs var:Lang.Totp.Step2 ?></h2>
<p><code class="secret"><?cs var:Totp.Secret ?></code></p>
<p class="hint"><?cs var:Lang.Totp.KeyHint ?></p>
</li>
<li class="step">
<h2><span class="num" aria-hidden="true">3</span> <?cs var:Lang.Totp.Step3 ?></h2>
<form method="post" action="/account/totp" novalidate>
<?cs call:csrf() ?>
<?cs call:code_field(Lang.Totp.CodeHint) ?>
<p><button type="submit" class="primary"><?cs var:Lang.Totp.Submit ?></button></p>
</form>
</li>
</ol>
<?cs /if ?>
<p><a href="/account"><?cs var:Lang.Totp.Back ?></a></p>
</div>
<?cs include:"footer.cs" ?>
