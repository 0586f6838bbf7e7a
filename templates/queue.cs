<?cs include:"header.cs" ?>
<h1><?cs var:Lang.Queue.Title ?></h1>
<p class="lead"><?cs var:Lang.Queue.Lead ?></p>
<nav aria-label="<?cs var:Lang.Queue.Queues ?>">
<ul class="queues">
<li><a href="/queue"<?cs if:!Page.Queue && !Page.Mine ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Queue.All ?></a></li>
<li><a href="/queue?mine=1"<?cs if:Page.Mine ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Queue.Mine ?></a></li>
<?cs each:q = Queues ?><li><a href="/queue?queue=<?cs var:url_escape(q.Name) ?>"<?cs if:q.Name == Page.Queue ?> aria-current="page"<?cs /if ?>><?cs var:q.Name ?></a> <span class="count"><?cs var:q.Count ?></span></li>
<?cs /each ?></ul>
</nav>
<?cs if:Items.0.Id ?>
<table class="requests">
<caption class="visually-hidden"><?cs var:Lang.Queue.Title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Requests.Id ?></th><th scope="col"><?cs var:Lang.Requests.TitleCol ?></th><th scope="col"><?cs var:Lang.Done.Queue ?></th><th scope="col"><?cs var:Lang.Requests.Severity ?></th><th scope="col"><?cs var:Lang.Requests.Status ?></th><th scope="col"><?cs var:Lang.Requests.RespondBy ?></th><th scope="col"><?cs var:Lang.Queue.Owner ?></th></tr></thead>
<tbody><?cs each:q = Items ?>
<tr><td>#<?cs var:q.Id ?></td><td><a href="/queue/<?cs var:q.Id ?>"><?cs var:q.Title ?></a><br><span class="muted"><?cs var:q.Product ?></span></td><td><?cs var:q.Queue ?></td><td><?cs var:q.Severity ?></td><td><span class="status status-<?cs var:q.StatusCode ?>"><?cs var:q.Status ?></span></td><td><?cs if:q.RespondBy ?><?cs if:q.Late ?><strong class="late"><?cs var:q.RespondBy ?> (<?cs var:Lang.Queue.Late ?>)</strong><?cs else ?><?cs var:q.RespondBy ?><?cs /if ?><?cs else ?><?cs var:Lang.Queue.Paused ?><?cs /if ?></td><td><?cs if:q.Mine ?><?cs var:Lang.Queue.You ?><?cs elif:q.Owner ?><?cs var:q.Owner ?><?cs else ?><?cs var:Lang.Queue.Nobody ?><?cs /if ?></td></tr><?cs /each ?>
</tbody>
</table>
<?cs else ?>
<p><?cs var:Lang.Queue.Empty ?></p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
