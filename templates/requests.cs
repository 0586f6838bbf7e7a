<?cs include:"header.cs" ?>
<h1><?cs var:Lang.Requests.Title ?></h1>
<?cs if:Page.Discarded ?><div class="notice" role="status"><p><?cs var:Lang.Requests.Discarded ?></p></div><?cs /if ?>
<form method="post" action="/requests/new" class="new-request">
<?cs call:csrf() ?>
<button type="submit" class="primary">+ <?cs var:Lang.Requests.New ?></button>
</form>
<?cs if:Drafts.0.Id ?>
<h2><?cs var:Lang.Requests.Drafts ?></h2>
<ul class="drafts">
<?cs each:d = Drafts ?>
<li class="card draft"><a href="/drafts/<?cs var:d.Id ?>"><?cs if:d.Title ?><?cs var:d.Title ?><?cs else ?><?cs var:Lang.Requests.Untitled ?><?cs /if ?></a>
<span class="muted"><?cs if:d.Product ?><?cs var:d.Product ?> · <?cs /if ?><?cs var:Lang.Requests.StepsDone ?>: <?cs var:d.Done ?>/5 · <?cs var:Lang.Requests.Updated ?> <?cs var:d.Updated ?></span>
<form method="post" action="/drafts/<?cs var:d.Id ?>/discard" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="link-dark"><?cs var:Lang.Requests.Discard ?><span class="visually-hidden">: <?cs var:d.Title ?></span></button>
</form>
</li>
<?cs /each ?>
</ul>
<?cs /if ?>
<h2><?cs var:Lang.Requests.Yours ?></h2>
<?cs if:Requests.0.Id ?>
<table class="requests">
<caption class="visually-hidden"><?cs var:Lang.Requests.Yours ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Requests.Id ?></th><th scope="col"><?cs var:Lang.Requests.TitleCol ?></th><th scope="col"><?cs var:Lang.Requests.Product ?></th><th scope="col"><?cs var:Lang.Requests.Severity ?></th><th scope="col"><?cs var:Lang.Requests.Status ?></th><th scope="col"><?cs var:Lang.Requests.RespondBy ?></th><th scope="col"><?cs var:Lang.Requests.Updated ?></th></tr></thead>
<tbody><?cs each:q = Requests ?>
<tr><td>#<?cs var:q.Id ?></td><td><?cs var:q.Title ?></td><td><?cs var:q.Product ?></td><td><?cs var:Lang.Severity[q.Severity] ?></td><td><?cs var:Lang.Status[q.Status] ?></td><td><?cs var:q.RespondBy ?></td><td><?cs var:q.Updated ?></td></tr><?cs /each ?>
</tbody>
</table>
<?cs else ?>
<p><?cs var:Lang.Requests.None ?></p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
