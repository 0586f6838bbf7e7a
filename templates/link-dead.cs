<?cs include:"header.cs" ?>
<div class="narrow">
<h1><?cs var:Lang.Link.DeadTitle ?></h1>
<?cs if:Page.Taken ?><div class="warning"><p><?cs var:Lang.Link.Taken ?></p></div><?cs /if ?>
<p class="lead"><?cs var:Lang.Link.Why ?></p>
<p><?cs var:Lang.Link.Ttl ?></p>
<h2><?cs var:Lang.Link.WhatNow ?></h2>
<ul>
<li><?cs if:User.Signed ?><a href="/account"><?cs else ?><a href="/signin?next=/account"><?cs /if ?><?cs var:Lang.Link.Account ?></a></li>
<li><a href="/forgot"><?cs var:Lang.Link.Forgot ?></a></li>
</ul>
</div>
<?cs include:"footer.cs" ?>
