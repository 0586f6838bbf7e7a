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
<?cs if:Page.MoreDrafts ?><p class="hint"><?cs var:Lang.Requests.DraftsMore ?></p><?cs /if ?>
<?cs /if ?>
<h2><?cs var:Lang.Requests.Yours ?></h2>
<form method="get" action="/requests" class="filters">
<fieldset class="inline-choices">
<legend><?cs var:Lang.Requests.Filter ?></legend>
<span class="choice-inline"><input type="radio" id="f-status" name="status" value="open"<?cs if:Page.Status == "open" ?> checked<?cs /if ?>> <label for="f-status"><?cs var:Lang.Requests.FilterOpen ?></label></span>
<span class="choice-inline"><input type="radio" id="f-status-closed" name="status" value="closed"<?cs if:Page.Status == "closed" ?> checked<?cs /if ?>> <label for="f-status-closed"><?cs var:Lang.Requests.FilterClosed ?></label></span>
<span class="choice-inline"><input type="radio" id="f-status-all" name="status" value="all"<?cs if:Page.Status == "all" ?> checked<?cs /if ?>> <label for="f-status-all"><?cs var:Lang.Requests.FilterAll ?></label></span>
</fieldset>
<div class="field"><label for="f-q"><?cs var:Lang.Requests.Search ?></label>
<input id="f-q" name="q" type="text" value="<?cs var:Form.q.Value ?>"></div>
<p><button type="submit" class="secondary"><?cs var:Lang.Requests.Apply ?></button></p>
</form>
<p class="muted" role="status"><?cs var:Page.Total ?> <?cs var:Lang.Requests.Found ?></p>
<?cs if:Requests.0.Id ?>
<table class="requests">
<caption class="visually-hidden"><?cs var:Lang.Requests.Yours ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Requests.Id ?></th><th scope="col"><?cs var:Lang.Requests.TitleCol ?></th><th scope="col"><?cs var:Lang.Requests.Product ?></th><th scope="col"><?cs var:Lang.Requests.Severity ?></th><th scope="col"><?cs var:Lang.Requests.Status ?></th><th scope="col"><?cs var:Lang.Requests.RespondBy ?></th><th scope="col"><?cs var:Lang.Requests.Updated ?></th></tr></thead>
<tbody><?cs each:q = Requests ?>
<tr><td>#<?cs var:q.Id ?></td><td><a href="/requests/<?cs var:q.Id ?>"><?cs var:q.Title ?></a></td><td><?cs var:q.Product ?></td><td><?cs var:q.Severity ?></td><td><?cs var:q.Status ?></td><td><?cs var:q.RespondBy ?></td><td><?cs var:q.Updated ?></td></tr><?cs /each ?>
</tbody>
</table>
<?cs if:Page.Pages > 1 ?>
<nav class="pager" aria-label="<?cs var:Lang.Requests.Yours ?>">
<?cs if:Page.Prev ?><a href="/requests?status=<?cs var:url_escape(Page.Status) ?>&amp;q=<?cs var:url_escape(Form.q.Value) ?>&amp;page=<?cs var:Page.Prev ?>"><?cs var:Lang.Requests.PagePrev ?></a><?cs /if ?>
<span><?cs var:Page.Page ?> <?cs var:Lang.Requests.PageOf ?> <?cs var:Page.Pages ?></span>
<?cs if:Page.Next ?><a href="/requests?status=<?cs var:url_escape(Page.Status) ?>&amp;q=<?cs var:url_escape(Form.q.Value) ?>&amp;page=<?cs var:Page.Next ?>"><?cs var:Lang.Requests.PageNext ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs else ?>
<p><?cs var:Lang.Requests.None ?></p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
