<?cs include:"header.cs" ?>
<h1><?cs var:Lang.Queue.Title ?></h1>
<p class="lead"><?cs var:Lang.Queue.Lead ?></p>
<form method="get" action="/queue" role="search" class="filters">
<div class="field"><label for="f-q"><?cs var:Lang.Queue.Search ?></label>
<p class="hint" id="h-q"><?cs var:Lang.Queue.SearchHint ?></p>
<input id="f-q" name="q" type="search" value="<?cs var:Form.q.Value ?>" aria-describedby="h-q"></div>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.SearchGo ?></button></p>
</form>
<?cs if:Page.Error ?><div class="summary" role="alert" aria-labelledby="summary-title">
<h2 id="summary-title"><?cs var:Lang.Queue.BadTitle ?></h2>
<p><?cs var:Page.Error ?></p>
</div><?cs /if ?>
<nav aria-label="<?cs var:Lang.Queue.Views ?>">
<ul class="queues views">
<?cs each:v = Views ?><li><a href="/queue?view=<?cs var:url_escape(v.Name) ?>&amp;sort=<?cs var:url_escape(Page.Sort) ?><?cs if:Page.Queue ?>&amp;queue=<?cs var:url_escape(Page.Queue) ?><?cs /if ?>"<?cs if:v.Current ?> aria-current="page"<?cs /if ?>><?cs var:v.Label ?></a> <span class="count"><?cs var:v.Count ?></span></li>
<?cs /each ?></ul>
</nav>
<nav aria-label="<?cs var:Lang.Queue.Queues ?>">
<ul class="queues">
<li><a href="/queue?view=<?cs var:url_escape(Page.View) ?>&amp;sort=<?cs var:url_escape(Page.Sort) ?>"<?cs if:!Page.Queue && !Page.Search ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Queue.All ?></a></li>
<?cs each:q = Queues ?><li><a href="/queue?view=<?cs var:url_escape(Page.View) ?>&amp;sort=<?cs var:url_escape(Page.Sort) ?>&amp;queue=<?cs var:url_escape(q.Name) ?>"<?cs if:q.Name == Page.Queue && !Page.Search ?> aria-current="page"<?cs /if ?>><?cs var:q.Name ?></a> <span class="count"><?cs var:q.Count ?></span></li>
<?cs /each ?></ul>
</nav>
<?cs if:!Page.Error ?>
<?cs if:Page.Search ?>
<h2><?cs var:Lang.Queue.Results ?> <q><?cs var:Form.q.Value ?></q></h2>
<?cs else ?>
<nav aria-label="<?cs var:Lang.Queue.SortBy ?>" class="sort">
<span><?cs var:Lang.Queue.SortBy ?>:</span>
<a href="/queue?view=<?cs var:url_escape(Page.View) ?>&amp;sort=due<?cs if:Page.Queue ?>&amp;queue=<?cs var:url_escape(Page.Queue) ?><?cs /if ?>"<?cs if:Page.Sort == "due" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Queue.Sort.due ?></a>
<a href="/queue?view=<?cs var:url_escape(Page.View) ?>&amp;sort=updated<?cs if:Page.Queue ?>&amp;queue=<?cs var:url_escape(Page.Queue) ?><?cs /if ?>"<?cs if:Page.Sort == "updated" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Queue.Sort.updated ?></a>
</nav>
<?cs /if ?>
<?cs if:Items.0.Id ?>
<table class="requests">
<caption class="visually-hidden"><?cs if:Page.Search ?><?cs var:Lang.Queue.Results ?><?cs else ?><?cs var:Lang.Queue.Title ?><?cs /if ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Requests.Id ?></th><th scope="col"><?cs var:Lang.Requests.TitleCol ?></th><th scope="col"><?cs var:Lang.Done.Queue ?></th><th scope="col"><?cs var:Lang.Requests.Severity ?></th><th scope="col"><?cs var:Lang.Requests.Status ?></th><th scope="col"><?cs var:Lang.Requests.RespondBy ?></th><th scope="col"><?cs var:Lang.Requests.Updated ?></th><th scope="col"><?cs var:Lang.Queue.Owner ?></th></tr></thead>
<tbody><?cs each:q = Items ?>
<tr><td>#<?cs var:q.Id ?></td><td><a href="/queue/<?cs var:q.Id ?>"><?cs var:q.Title ?></a><br><span class="muted"><?cs var:q.Product ?></span></td><td><?cs var:q.Queue ?></td><td><?cs var:q.Severity ?></td><td><span class="status status-<?cs var:q.StatusCode ?>"><?cs var:q.Status ?></span></td><td><?cs if:q.RespondBy ?><?cs if:q.Late ?><strong class="late"><?cs var:q.RespondBy ?> (<?cs var:Lang.Queue.Late ?>)</strong><?cs else ?><?cs var:q.RespondBy ?><?cs /if ?><?cs elif:q.Paused ?><?cs var:Lang.Queue.Paused ?><?cs else ?>&mdash;<?cs /if ?></td><td><?cs var:q.Updated ?></td><td><?cs if:q.Mine ?><?cs var:Lang.Queue.You ?><?cs elif:q.Owner ?><?cs var:q.Owner ?><?cs else ?><?cs var:Lang.Queue.Nobody ?><?cs /if ?></td></tr><?cs /each ?>
</tbody>
</table>
<?cs elif:Page.PastEnd ?>
<p><?cs var:Lang.Queue.PastEnd ?> <a href="/queue?<?cs if:Page.Search ?>q=<?cs var:url_escape(Form.q.Value) ?><?cs else ?>view=<?cs var:url_escape(Page.View) ?>&amp;sort=<?cs var:url_escape(Page.Sort) ?><?cs if:Page.Queue ?>&amp;queue=<?cs var:url_escape(Page.Queue) ?><?cs /if ?><?cs /if ?>"><?cs var:Lang.Queue.FirstPage ?></a></p>
<?cs elif:Page.NoWords ?>
<p><?cs var:Lang.Queue.NoWords ?></p>
<?cs elif:Page.Search ?>
<p><?cs var:Lang.Queue.NotFound ?></p>
<?cs else ?>
<p><?cs var:Lang.Queue.Empty ?></p>
<?cs /if ?>
<?cs if:Page.Prev || Page.Next ?>
<nav class="pager" aria-label="<?cs var:Lang.Queue.Pages ?>">
<?cs if:Page.Prev ?><a href="/queue?<?cs if:Page.Search ?>q=<?cs var:url_escape(Form.q.Value) ?><?cs else ?>view=<?cs var:url_escape(Page.View) ?>&amp;sort=<?cs var:url_escape(Page.Sort) ?><?cs if:Page.Queue ?>&amp;queue=<?cs var:url_escape(Page.Queue) ?><?cs /if ?><?cs /if ?>&amp;page=<?cs var:Page.Prev ?>" rel="prev"><?cs var:Lang.Requests.PagePrev ?></a><?cs /if ?>
<span><?cs var:Lang.Queue.Page ?> <?cs var:Page.Page ?></span>
<?cs if:Page.Next ?><a href="/queue?<?cs if:Page.Search ?>q=<?cs var:url_escape(Form.q.Value) ?><?cs else ?>view=<?cs var:url_escape(Page.View) ?>&amp;sort=<?cs var:url_escape(Page.Sort) ?><?cs if:Page.Queue ?>&amp;queue=<?cs var:url_escape(Page.Queue) ?><?cs /if ?><?cs /if ?>&amp;page=<?cs var:Page.Next ?>" rel="next"><?cs var:Lang.Requests.PageNext ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
