<?cs include:"header.cs" ?>
<?cs if:Page.Engineer ?><p class="muted"><a href="/queue"><?cs var:Lang.Queue.Back ?></a></p><?cs else ?><p class="muted"><a href="/requests"><?cs var:Lang.Request.Back ?></a></p><?cs /if ?>
<h1><span class="muted">#<?cs var:Item.Id ?></span> <?cs var:Item.Title ?></h1>
<?cs if:Page.Sent ?><div class="notice" role="status"><p><?cs var:Lang.Request.Sent ?></p></div><?cs /if ?>
<?cs if:Page.Added ?><div class="notice" role="status"><p><?cs var:Lang.Request.Added ?></p></div><?cs /if ?>
<?cs if:Page.Held ?><div class="notice" role="status"><p><?cs var:Lang.Request.Held ?></p></div><?cs /if ?>
<?cs if:Page.Taken ?><div class="notice" role="status"><p><?cs var:Lang.Queue.Taken ?></p></div><?cs /if ?>
<?cs if:Page.StatusSet ?><div class="notice" role="status"><p><?cs var:Lang.Queue.StatusSet ?></p></div><?cs /if ?>
<?cs if:Page.Returned ?><div class="notice" role="status"><p><?cs var:Lang.Queue.ReturnedDone ?></p></div><?cs /if ?>
<?cs if:Page.Removed ?><div class="notice" role="status"><p><?cs var:Lang.Queue.RemovedDone ?></p></div><?cs /if ?>
<?cs if:Page.Released ?><div class="notice" role="status"><p><?cs var:Lang.Queue.ReleasedDone ?></p></div><?cs /if ?>
<?cs if:Page.Handed ?><div class="notice" role="status"><p><?cs var:Lang.Queue.HandedDone ?></p></div><?cs /if ?>
<?cs if:Page.Noted ?><div class="notice" role="status"><p><?cs var:Lang.Queue.NotedDone ?></p></div><?cs /if ?>
<?cs if:Page.PrimarySet ?><div class="notice" role="status"><p><?cs var:Lang.Queue.PrimaryDone ?></p></div><?cs /if ?>
<?cs if:Page.OwnerLost ?><div class="notice warning" role="alert"><p><?cs var:Lang.Queue.OwnerLost ?></p></div><?cs /if ?>
<?cs if:Page.TakeFrom ?><div class="notice warning" role="alert">
<form method="post" action="<?cs var:Page.Base ?>/take">
<?cs call:csrf() ?>
<input type="hidden" name="owner" value="<?cs var:Page.TakeFrom ?>">
<input type="hidden" name="confirm" value="yes">
<p><?cs var:Lang.Queue.TakeAsk ?> <strong><?cs var:Item.Owner ?></strong>?</p>
<p><?cs var:Lang.Queue.TakeWhat ?></p>
<p><button type="submit" class="primary"><?cs var:Lang.Queue.TakeYes ?></button> <a href="<?cs var:Page.Base ?>#handling"><?cs var:Lang.Queue.TakeNo ?></a></p>
</form>
</div><?cs /if ?>
<?cs if:Page.PrimaryNew ?><div class="notice warning" role="alert">
<form method="post" action="<?cs var:Page.Base ?>/contacts/primary">
<?cs call:csrf() ?>
<input type="hidden" name="primary" value="<?cs var:Page.PrimaryNew ?>">
<input type="hidden" name="confirm" value="yes">
<p><?cs var:Lang.Queue.PrimaryAsk ?> <strong><?cs var:Page.PrimaryNew ?></strong>?</p>
<?cs if:Page.PrimaryOld ?><p><strong><?cs var:Page.PrimaryOld ?></strong> <?cs var:Lang.Queue.PrimaryWhat ?></p><?cs /if ?>
<p><button type="submit" class="primary"><?cs var:Lang.Queue.PrimaryYes ?></button> <a href="<?cs var:Page.Base ?>#sharing"><?cs var:Lang.Queue.PrimaryNo ?></a></p>
</form>
</div><?cs /if ?>
<?cs if:Page.Confirm ?><div class="notice warning" role="alert">
<form method="post" action="<?cs var:Page.Base ?>/contacts/remove">
<?cs call:csrf() ?>
<input type="hidden" name="email" value="<?cs var:Page.Confirm ?>">
<input type="hidden" name="confirm" value="yes">
<p><?cs var:Lang.Queue.RemoveAsk ?> <strong><?cs var:Page.Confirm ?></strong>?</p>
<p><?cs var:Lang.Queue.RemoveWhat ?></p>
<p><button type="submit" class="primary"><?cs var:Lang.Queue.RemoveYes ?></button> <a href="<?cs var:Page.Base ?>#sharing"><?cs var:Lang.Queue.RemoveNo ?></a></p>
</form>
</div><?cs /if ?>
<?cs call:errors() ?>
<dl class="facts">
<dt><?cs var:Lang.Requests.Status ?></dt><dd><span class="status status-<?cs var:Item.StatusCode ?>"><?cs var:Item.Status ?></span></dd>
<dt><?cs var:Lang.Requests.RespondBy ?></dt><dd><?cs if:Item.Waiting ?><?cs var:Lang.Queue.Paused ?><?cs else ?><?cs var:Item.RespondBy ?><?cs /if ?></dd>
<?cs if:Page.Engineer ?><dt><?cs var:Lang.Queue.Owner ?></dt><dd><?cs if:Item.Mine ?><?cs var:Lang.Queue.You ?><?cs elif:Item.Owner ?><?cs var:Item.Owner ?><?cs else ?><?cs var:Lang.Queue.Nobody ?><?cs /if ?></dd><?cs /if ?>
<dt><?cs var:Lang.Requests.Product ?></dt><dd><?cs var:Item.Product ?></dd>
<dt><?cs var:Lang.Wizard.Problem ?></dt><dd><?cs var:Item.Category ?>: <?cs var:Item.Problem ?></dd>
<dt><?cs var:Lang.Requests.Severity ?></dt><dd><?cs var:Item.Severity ?><?cs if:Item.AllDay ?>, <?cs var:Lang.Wizard.AllDayShort ?><?cs /if ?></dd>
<dt><?cs var:Lang.Done.Queue ?></dt><dd><?cs var:Item.Queue ?></dd>
<?cs if:Item.Kind ?><dt><?cs var:Lang.Wizard.Kind ?></dt><dd><?cs var:Item.Kind ?> (<?cs var:Lang.Wizard.NoIncident ?>)</dd><?cs /if ?>
<dt><?cs var:Lang.Request.Opened ?></dt><dd><?cs var:Item.Created ?></dd>
</dl>
<?cs if:Item.Mine ?>
<section id="details" class="card" aria-labelledby="details-title">
<h2 id="details-title"><?cs var:Lang.Queue.Details ?></h2>
<p class="hint"><?cs var:Lang.Queue.DetailsHint ?></p>
<dl class="facts">
<dt><?cs var:Lang.Queue.Name ?></dt><dd><?cs if:Item.Contact.Name ?><?cs var:Item.Contact.Name ?><?cs else ?><?cs var:Lang.Queue.None ?><?cs /if ?></dd>
<dt><?cs var:Lang.Queue.Email ?></dt><dd><?cs var:Item.Contact.Email ?></dd>
<dt><?cs var:Lang.Queue.Phone ?></dt><dd><?cs if:Item.Contact.Phone ?><?cs var:Item.Contact.Phone ?><?cs else ?><?cs var:Lang.Queue.None ?><?cs /if ?></dd>
<dt><?cs var:Lang.Queue.MethodName ?></dt><dd><?cs var:Item.Contact.Method ?></dd>
<dt><?cs var:Lang.Queue.Company ?></dt><dd><?cs if:Item.Contact.Company ?><?cs var:Item.Contact.Company ?><?cs else ?><?cs var:Lang.Queue.None ?><?cs /if ?></dd>
<dt><?cs var:Lang.Queue.Timezone ?></dt><dd><?cs var:Item.Timezone ?></dd>
</dl>
</section>
<?cs /if ?>
<section class="card" aria-labelledby="desc-title">
<h2 id="desc-title"><?cs var:Lang.Wizard.Description ?></h2>
<p class="pre"><?cs var:Item.Description ?></p>
</section>

<section id="thread" aria-labelledby="thread-title">
<h2 id="thread-title"><?cs var:Lang.Request.Thread ?></h2>
<?cs if:ThreadNav.Total == 0 ?><p><?cs var:Lang.Request.NoMessages ?></p><?cs /if ?>
<?cs if:ThreadNav.Total > 1 ?><p class="muted"><?cs var:ThreadNav.Total ?> <?cs var:Lang.Request.ThreadCount ?> · <?cs if:ThreadNav.Order == "newest" ?><a href="<?cs var:Page.Base ?>?order=oldest#thread"><?cs var:Lang.Request.OldestFirst ?></a><?cs else ?><a href="<?cs var:Page.Base ?>?order=newest#thread"><?cs var:Lang.Request.NewestFirst ?></a><?cs /if ?></p><?cs /if ?>
<ol class="thread">
<?cs each:m = Thread ?>
<li class="card message<?cs if:m.Staff ?> staff<?cs /if ?>"><p class="muted"><strong><?cs if:m.Author ?><?cs var:m.Author ?><?cs else ?><?cs var:Lang.Request.FormerUser ?><?cs /if ?></strong><?cs if:m.Staff ?> <span class="mark"><?cs var:Page.StaffLabel ?></span><?cs /if ?> · <?cs var:m.When ?></p>
<p class="pre"><?cs var:m.Body ?></p>
<?cs each:f = Files ?><?cs if:f.Message == m.Id ?><p class="file"><a href="/attachments/<?cs var:f.Id ?>"><?cs var:f.Name ?></a> <span class="muted">(<?cs var:f.Size ?> B, <?cs var:Lang.Wizard.Sha ?> <code class="hash"><?cs var:f.Sha ?></code>)</span></p><?cs /if ?><?cs /each ?>
</li>
<?cs /each ?>
</ol>
<?cs if:ThreadNav.Pages ?>
<nav class="pager" aria-label="<?cs var:Lang.Request.ThreadPages ?>">
<?cs if:ThreadNav.Prev ?><a href="<?cs var:Page.Base ?>?order=<?cs var:ThreadNav.Order ?>&amp;tpage=<?cs var:ThreadNav.Prev ?>#thread"><?cs var:Lang.Requests.PagePrev ?></a><?cs /if ?>
<span><?cs var:ThreadNav.Page ?> <?cs var:Lang.Requests.PageOf ?> <?cs var:ThreadNav.Pages ?></span>
<?cs if:ThreadNav.Next ?><a href="<?cs var:Page.Base ?>?order=<?cs var:ThreadNav.Order ?>&amp;tpage=<?cs var:ThreadNav.Next ?>#thread"><?cs var:Lang.Requests.PageNext ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs if:Files.0.Id ?>
<h3><?cs var:Lang.Request.Files ?></h3>
<table class="files">
<caption class="visually-hidden"><?cs var:Lang.Request.Files ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Wizard.FileName ?></th><th scope="col"><?cs var:Lang.Wizard.FileSize ?></th><th scope="col"><?cs var:Lang.Wizard.Sha ?></th></tr></thead>
<tbody><?cs each:f = Files ?>
<tr><td><a href="/attachments/<?cs var:f.Id ?>"><?cs var:f.Name ?></a></td><td class="num"><?cs var:f.Size ?></td><td><code class="hash"><?cs var:f.Sha ?></code></td></tr><?cs /each ?>
</tbody>
</table>
<?cs /if ?>
<?cs if:Item.StatusCode != "closed" ?>
<form method="post" action="<?cs var:Page.Base ?>/messages" enctype="multipart/form-data" class="card" novalidate>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.body.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.body, "body", Lang.Request.Message, "", "") ?>
<textarea id="f-body" name="body" rows="6"<?cs call:describedby(Form.body, "body", "") ?>><?cs var:Form.body.Value ?></textarea>
</div>
<?cs call:files_field(Lang.Request.FilesHint) ?>
</div>
<p><button type="submit" class="primary"><?cs var:Lang.Request.Send ?></button></p>
</form>
<?cs /if ?>
</section>

<section id="sharing" aria-labelledby="sharing-title">
<h2 id="sharing-title"><?cs var:Lang.Request.Sharing ?></h2>
<table class="contacts">
<caption class="visually-hidden"><?cs var:Lang.Request.Sharing ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Request.Contact ?></th><th scope="col"><?cs var:Lang.Request.Role ?></th><th scope="col"><?cs var:Lang.Request.AddedBy ?></th><?cs if:Item.Mine ?><th scope="col"><span class="visually-hidden"><?cs var:Lang.Queue.Remove ?></span></th><?cs /if ?></tr></thead>
<tbody><?cs each:c = Contacts ?>
<tr><td><?cs if:c.Name ?><?cs var:c.Name ?>, <?cs /if ?><?cs var:c.Email ?></td><td><?cs if:c.Role == "primary" ?><?cs var:Lang.Request.Primary ?><?cs else ?><?cs var:Lang.Request.Secondary ?><?cs /if ?></td><td><?cs var:c.AddedBy ?></td><?cs if:Item.Mine ?><td><?cs if:c.Role != "primary" ?><form method="post" action="<?cs var:Page.Base ?>/contacts/remove" class="inline"><?cs call:csrf() ?><input type="hidden" name="email" value="<?cs var:c.Email ?>"><button type="submit" class="link-dark"><?cs var:Lang.Queue.Remove ?><span class="visually-hidden">: <?cs var:c.Email ?></span></button></form> <form method="post" action="<?cs var:Page.Base ?>/contacts/primary" class="inline"><?cs call:csrf() ?><input type="hidden" name="primary" value="<?cs var:c.Email ?>"><button type="submit" class="link-dark"><?cs var:Lang.Queue.MakePrimary ?><span class="visually-hidden">: <?cs var:c.Email ?></span></button></form><?cs /if ?></td><?cs /if ?></tr><?cs /each ?>
</tbody>
</table>
<form method="post" action="<?cs var:Page.Base ?>/contacts" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.email, "email", Lang.Request.NewContact, "email", "off", Lang.Request.NewContactHint, "") ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Request.AddContact ?></button></p>
</form>
<?cs if:Item.Mine ?>
<form method="post" action="<?cs var:Page.Base ?>/contacts/primary" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.primary, "primary", Lang.Queue.NewPrimary, "email", "off", Lang.Queue.NewPrimaryHint, "") ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.SetPrimary ?></button></p>
</form>
<?cs /if ?>
</section>

<?cs if:Page.Engineer ?>
<section id="handling" aria-labelledby="handling-title">
<h2 id="handling-title"><?cs var:Lang.Queue.Handling ?></h2>
<?cs if:!Item.Mine ?><form method="post" action="<?cs var:Page.Base ?>/take" class="card">
<?cs call:csrf() ?>
<input type="hidden" name="owner" value="<?cs var:Item.OwnerId ?>">
<p><button type="submit" class="primary"><?cs var:Lang.Queue.Take ?></button></p>
</form><?cs else ?>
<form method="post" action="<?cs var:Page.Base ?>/release" class="card">
<?cs call:csrf() ?>
<p class="hint"><?cs var:Lang.Queue.ReleaseHint ?></p>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.Release ?></button></p>
</form>
<form method="post" action="<?cs var:Page.Base ?>/hand" class="card" novalidate>
<?cs call:csrf() ?>
<?cs if:Engineers.0.Id ?>
<div class="field<?cs if:Form.to.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.to, "to", Lang.Queue.HandTo, Lang.Queue.HandHint, "") ?>
<select id="f-to" name="to"<?cs call:describedby(Form.to, "to", Lang.Queue.HandHint) ?>>
<?cs each:e = Engineers ?><option value="<?cs var:e.Id ?>"<?cs if:Form.to.Value == e.Id ?> selected<?cs /if ?>><?cs var:e.Name ?></option><?cs /each ?>
</select>
</div>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.Hand ?></button></p>
<?cs else ?><p class="hint"><?cs var:Lang.Queue.NoEngineers ?></p><?cs if:Form.to.Error ?><p class="error" id="e-to"><?cs var:Form.to.Error ?></p><?cs /if ?>
<?cs /if ?>
</form><?cs /if ?>
<form method="post" action="<?cs var:Page.Base ?>/status" class="card" novalidate>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.status.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.status, "status", Lang.Queue.NewStatus, "", "") ?>
<select id="f-status" name="status"<?cs call:describedby(Form.status, "status", "") ?>>
<?cs each:s = Statuses ?><option value="<?cs var:s.Code ?>"<?cs if:Item.StatusCode == s.Code ?> selected<?cs /if ?>><?cs var:s.Name ?></option><?cs /each ?>
</select>
</div>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.SetStatus ?></button></p>
</form>
<?cs if:!Item.Kind ?>
<form method="post" action="<?cs var:Page.Base ?>/return" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.reason, "reason", Lang.Queue.Reason, "text", "off", Lang.Queue.ReasonHint, "") ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.Return ?></button></p>
</form>
<?cs /if ?>
</section>
<?cs else ?>
<section aria-labelledby="state-title">
<h2 id="state-title"><?cs var:Lang.Request.State ?></h2>
<?cs if:Item.StatusCode != "closed" ?>
<form method="post" action="/requests/<?cs var:Item.Id ?>/close">
<?cs call:csrf() ?>
<p><?cs var:Lang.Request.CloseHint ?></p>
<p><button type="submit" class="secondary"><?cs var:Lang.Request.Close ?></button></p>
</form>
<?cs /if ?>
<?cs if:Item.Reopenable ?>
<form method="post" action="/requests/<?cs var:Item.Id ?>/reopen">
<?cs call:csrf() ?>
<p><?cs var:Lang.Request.ReopenHint ?></p>
<p><button type="submit" class="secondary"><?cs var:Lang.Request.Reopen ?></button></p>
</form>
<?cs /if ?>
</section>
<?cs /if ?>

<?cs if:Page.Engineer ?>
<section id="notes" class="internal" aria-labelledby="notes-title">
<h2 id="notes-title"><?cs var:Lang.Queue.Notes ?> <span class="mark"><?cs var:Lang.Queue.InternalMark ?></span></h2>
<p class="hint"><?cs var:Lang.Queue.NotesHint ?></p>
<form method="post" action="<?cs var:Page.Base ?>/notes" class="card" novalidate>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.note.Error ?> invalid<?cs /if ?>">
<?cs call:label(Form.note, "note", Lang.Queue.Note, Lang.Queue.NoteHint, "") ?>
<textarea id="f-note" name="note" rows="4" maxlength="4000"<?cs call:describedby(Form.note, "note", Lang.Queue.NoteHint) ?>><?cs var:Form.note.Value ?></textarea>
</div>
<p><button type="submit" class="secondary"><?cs var:Lang.Queue.AddNote ?></button></p>
</form>
<?cs if:Notes.0.When ?><ol class="notes">
<?cs each:n = Notes ?>
<li class="card note"><p class="muted"><strong><?cs if:n.Author ?><?cs var:n.Author ?><?cs else ?><?cs var:Lang.Request.FormerUser ?><?cs /if ?></strong> · <?cs var:n.When ?> · <span class="mark"><?cs var:Lang.Queue.InternalMark ?></span></p>
<p class="pre"><?cs var:n.Body ?></p></li>
<?cs /each ?>
</ol><?cs else ?><p><?cs var:Lang.Queue.NoNotes ?></p><?cs /if ?>
</section>
<?cs /if ?>

<section id="history" aria-labelledby="history-title">
<h2 id="history-title"><?cs var:Lang.History.Title ?></h2>
<p class="hint"><?cs if:Page.Engineer ?><?cs var:Lang.History.HintEngineer ?><?cs else ?><?cs var:Lang.History.Hint ?><?cs /if ?></p>
<table class="history">
<caption class="visually-hidden"><?cs var:Lang.History.Title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.History.When ?></th><th scope="col"><?cs var:Lang.History.Who ?></th><th scope="col"><?cs var:Lang.History.What ?></th></tr></thead>
<tbody><?cs each:h = History ?>
<tr<?cs if:h.Internal ?> class="internal"<?cs /if ?>><td><?cs var:h.When ?></td><td><?cs if:h.Actor ?><?cs var:h.Actor ?><?cs if:h.Staff ?> <span class="mark"><?cs var:Page.StaffLabel ?></span><?cs /if ?><?cs else ?><?cs var:Lang.Site.Name ?><?cs /if ?></td><td><?cs var:Lang.History.Event[h.Event] ?><?cs if:h.Mail ?> (<?cs if:Lang.History.Mail[h.Mail] ?><?cs var:Lang.History.Mail[h.Mail] ?><?cs else ?><?cs var:h.Mail ?><?cs /if ?>)<?cs /if ?><?cs if:h.Detail ?>: <?cs var:h.Detail ?><?cs elif:h.Event == "owner" ?>: <?cs var:Lang.Queue.Nobody ?><?cs /if ?><?cs if:h.Internal ?> <span class="muted">(<?cs var:Lang.History.Internal ?>)</span><?cs /if ?></td></tr><?cs /each ?>
</tbody>
</table>
<?cs if:Page.HistoryMore ?><p><a href="<?cs var:Page.Base ?>?history=all#history"><?cs var:Lang.History.All ?> (<?cs var:Page.HistoryTotal ?>)</a></p><?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
