<?cs include:"header.cs" ?>
<?cs # The password and the code that prove it is you, asked by two forms of
     this page (turning two-step sign-in off, deleting the account).  Only
     the form that was sent gets the ids the error summary links to
     (f-password, f-code) and the errors; the other gets its own ids. ?>
<?cs def:proof(f, id, name, label, type, ac, hint) ?>
<div class="field<?cs if:f.Error ?> invalid<?cs /if ?>">
<?cs call:label(f, id, label, hint, "") ?>
<input id="f-<?cs var:id ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" autocomplete="<?cs var:ac ?>"<?cs if:type != "password" ?> spellcheck="false" maxlength="40"<?cs /if ?> required<?cs call:describedby(f, id, hint) ?>>
</div><?cs /def ?>
<?cs # One of the engineer's mails (R15.1), ticked when it is sent. ?>
<?cs def:notify_box(f, id, label) ?>
<div class="choice single<?cs if:f.Error ?> invalid<?cs /if ?>"><input type="checkbox" id="f-<?cs var:id ?>" name="<?cs var:id ?>" value="1"<?cs if:f.Value == "1" ?> checked<?cs /if ?><?cs if:f.Error ?> aria-invalid="true" aria-describedby="e-<?cs var:id ?>"<?cs /if ?>>
<label for="f-<?cs var:id ?>"><?cs var:label ?></label><?cs if:f.Error ?> <span class="error" id="e-<?cs var:id ?>"><?cs var:f.Error ?></span><?cs /if ?></div><?cs /def ?>
<div class="account">
<h1><?cs var:Lang.Account.Title ?></h1>
<?cs if:Page.Note == "verified" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteVerified ?></p></div>
<?cs elif:Page.Note == "again-sent" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteSent ?> <strong><?cs if:Account.Pending ?><?cs var:Account.Pending ?><?cs else ?><?cs var:User.Email ?><?cs /if ?></strong>.</p></div>
<?cs elif:Page.Note == "again-wait" ?><div class="notice warning" role="status"><p><?cs var:Lang.Account.NoteWait ?></p></div>
<?cs elif:Page.Note == "name" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteName ?></p></div>
<?cs elif:Page.Note == "email" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteEmail ?></p></div>
<?cs elif:Page.Note == "ended" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteEnded ?></p></div>
<?cs elif:Page.Note == "totp" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteTotp ?></p></div>
<?cs elif:Page.Note == "off" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteOff ?></p></div>
<?cs elif:Page.Note == "notify" ?><div class="notice" role="status"><p><?cs var:Lang.Account.NoteNotify ?></p></div>
<?cs /if ?>
<p class="lead"><?cs var:Lang.Account.Intro ?></p>
<?cs call:errors() ?>
<?cs if:User.Unverified ?>
<div class="warning">
<p><?cs var:Lang.Account.Unverified ?> <strong><?cs var:User.Email ?></strong>. <?cs var:Lang.Account.UnverifiedHow ?></p>
<?cs if:!Account.Pending ?>
<form method="post" action="/verify/again">
<?cs call:csrf() ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Verify.Again ?></button></p>
</form>
<?cs /if ?>
</div>
<?cs /if ?>

<section class="card" aria-labelledby="name-title">
<h2 id="name-title"><?cs var:Lang.Account.NameTitle ?></h2>
<p class="hint"><?cs var:Lang.Account.NameHint ?></p>
<form method="post" action="/account/name" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.first, "first", Lang.Signup.First, "text", "given-name", "", "") ?>
<?cs call:field(Form.last, "last", Lang.Signup.Last, "text", "family-name", "", "") ?>
<p><button type="submit" class="primary"><?cs var:Lang.Account.NameSave ?></button></p>
</form>
</section>

<section class="card" aria-labelledby="email-title">
<h2 id="email-title"><?cs var:Lang.Account.EmailTitle ?></h2>
<p><?cs var:Lang.Account.EmailNow ?> <strong><?cs var:User.Email ?></strong>.</p>
<?cs if:Account.Pending ?>
<div class="notice warning">
<p><?cs var:Lang.Account.PendingLabel ?> <strong><?cs var:Account.Pending ?></strong>. <?cs var:Lang.Account.PendingHow ?></p>
<form method="post" action="/verify/again">
<?cs call:csrf() ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Verify.Again ?></button></p>
</form>
</div>
<?cs /if ?>
<form method="post" action="/account/email" novalidate>
<?cs call:csrf() ?>
<?cs call:field(Form.email, "email", Lang.Account.NewEmail, "email", "email", Lang.Account.NewEmailHint, "") ?>
<p><button type="submit" class="primary"><?cs var:Lang.Account.EmailSubmit ?></button></p>
</form>
</section>

<?cs if:Account.Engineer ?>
<section class="card" aria-labelledby="notify-title">
<h2 id="notify-title"><?cs var:Lang.Account.NotifyTitle ?></h2>
<form method="post" action="/account/notify" novalidate>
<?cs call:csrf() ?>
<fieldset class="choices">
<legend><?cs var:Lang.Account.NotifyLegend ?></legend>
<?cs call:notify_box(Form.notify_new, "notify_new", Lang.Account.NotifyNew) ?>
<?cs call:notify_box(Form.notify_reopened, "notify_reopened", Lang.Account.NotifyReopened) ?>
<?cs call:notify_box(Form.notify_reply, "notify_reply", Lang.Account.NotifyReply) ?>
<?cs call:notify_box(Form.notify_overdue, "notify_overdue", Lang.Account.NotifyOverdue) ?>
</fieldset>
<p><button type="submit" class="primary"><?cs var:Lang.Account.NotifySave ?></button></p>
</form>
</section>
<?cs /if ?>

<section class="card" aria-labelledby="password-title">
<h2 id="password-title"><?cs var:Lang.Account.PasswordTitle ?></h2>
<p><a href="/password"><?cs var:Lang.Account.PasswordLink ?></a></p>
</section>

<section class="card" aria-labelledby="totp-title">
<h2 id="totp-title"><?cs var:Lang.Account.TotpTitle ?></h2>
<?cs if:Account.Totp ?>
<p><?cs var:Lang.Account.TotpOn ?></p>
<p><?cs var:Lang.Account.RecoveryLeft ?> <strong><?cs var:Account.RecoveryLeft ?></strong></p>
<form method="post" action="/account/recovery">
<?cs call:csrf() ?>
<p class="hint" id="h-recovery"><?cs var:Lang.Account.RecoveryHint ?></p>
<p><button type="submit" class="secondary" aria-describedby="h-recovery"><?cs var:Lang.Account.RecoveryNew ?></button></p>
</form>
<h3><?cs var:Lang.Account.TotpOffTitle ?></h3>
<p class="hint"><?cs var:Lang.Account.ProofBoth ?></p>
<form method="post" action="/account/totp/off" novalidate>
<?cs call:csrf() ?>
<input type="text" name="username" autocomplete="username" value="<?cs var:User.Email ?>" hidden>
<?cs if:Page.DeleteOpen ?>
<?cs call:proof(Page.None, "off-password", "password", Lang.Password.Current, "password", "current-password", "") ?>
<?cs call:proof(Page.None, "off-code", "code", Lang.Code.Code, "text", "one-time-code", Lang.Code.Hint) ?>
<?cs else ?>
<?cs call:proof(Form.password, "password", "password", Lang.Password.Current, "password", "current-password", "") ?>
<?cs call:proof(Form.code, "code", "code", Lang.Code.Code, "text", "one-time-code", Lang.Code.Hint) ?>
<?cs /if ?>
<p><button type="submit" class="secondary"><?cs var:Lang.Account.TotpOff ?></button></p>
</form>
<?cs else ?>
<p><?cs var:Lang.Account.TotpOffText ?></p>
<form method="post" action="/account/totp/start">
<?cs call:csrf() ?>
<p><button type="submit" class="primary"><?cs var:Lang.Account.TotpTurnOn ?></button></p>
</form>
<?cs /if ?>
</section>

<section class="card" aria-labelledby="sessions-title">
<h2 id="sessions-title"><?cs var:Lang.Account.SessionsTitle ?></h2>
<div class="scroll">
<table class="sessions">
<caption class="visually-hidden"><?cs var:Lang.Account.SessionsCaption ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.Account.Started ?></th><th scope="col"><?cs var:Lang.Account.Seen ?></th><th scope="col"><?cs var:Lang.Account.Ip ?></th><th scope="col"><?cs var:Lang.Account.Agent ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.Account.Actions ?></span></th></tr></thead>
<tbody><?cs each:s = Sessions ?>
<tr<?cs if:s.This ?> class="this"<?cs /if ?>><th scope="row"><?cs var:s.Started ?></th><td><?cs var:s.Seen ?></td><td><?cs var:s.Ip ?></td><td class="agent"><?cs if:s.Agent ?><?cs var:s.Agent ?><?cs else ?><?cs var:Lang.Account.AgentUnknown ?><?cs /if ?><?cs if:s.This ?> <strong class="tag"><?cs var:Lang.Account.This ?></strong><?cs /if ?></td>
<td><form method="post" action="/account/sessions/end">
<?cs call:csrf() ?>
<input type="hidden" name="session" value="<?cs var:s.Id ?>">
<?cs if:s.This ?><button type="submit" class="secondary"><?cs var:Lang.Account.SignOutHere ?></button>
<?cs else ?><button type="submit" class="secondary"><?cs var:Lang.Account.End ?><span class="visually-hidden"> <?cs var:Lang.Account.EndStarted ?> <?cs var:s.Started ?><?cs if:s.Ip ?> <?cs var:Lang.Account.EndFrom ?> <?cs var:s.Ip ?><?cs /if ?></span></button>
<?cs /if ?></form></td></tr><?cs /each ?>
</tbody>
</table>
</div>
</section>

<section class="card" aria-labelledby="data-title">
<h2 id="data-title"><?cs var:Lang.Account.DataTitle ?></h2>
<p><?cs var:Lang.Account.DataText ?></p>
<p><a href="/account/data"><?cs var:Lang.Account.DataLink ?></a></p>
</section>

<section class="card" id="delete" aria-labelledby="delete-title">
<h2 id="delete-title"><?cs var:Lang.Account.DeleteTitle ?></h2>
<details class="more"<?cs if:Page.DeleteOpen ?> open<?cs /if ?>>
<summary><?cs var:Lang.Account.DeleteShow ?></summary>
<p><?cs var:Lang.Account.DeleteWhat ?></p>
<ul>
<li><?cs var:Lang.Account.DeleteSignedOut ?></li>
<li><?cs var:Lang.Account.DeleteProfile ?></li>
<li><?cs var:Lang.Account.DeleteMessages ?></li>
<li><?cs var:Lang.Account.DeleteLedger ?></li>
</ul>
<p><?cs var:Lang.Account.DeleteData ?></p>
<p class="hint"><?cs if:Account.Totp ?><?cs var:Lang.Account.ProofBoth ?><?cs else ?><?cs var:Lang.Account.ProofPassword ?><?cs /if ?></p>
<form method="post" action="/account/delete" novalidate>
<?cs call:csrf() ?>
<input type="text" name="username" autocomplete="username" value="<?cs var:User.Email ?>" hidden>
<?cs if:Page.DeleteOpen ?>
<?cs call:proof(Form.password, "password", "password", Lang.Password.Current, "password", "current-password", "") ?>
<?cs if:Account.Totp ?><?cs call:proof(Form.code, "code", "code", Lang.Code.Code, "text", "one-time-code", Lang.Code.Hint) ?><?cs /if ?>
<?cs else ?>
<?cs call:proof(Page.None, "delete-password", "password", Lang.Password.Current, "password", "current-password", "") ?>
<?cs if:Account.Totp ?><?cs call:proof(Page.None, "delete-code", "code", Lang.Code.Code, "text", "one-time-code", Lang.Code.Hint) ?><?cs /if ?>
<?cs /if ?>
<p><button type="submit" class="danger"><?cs var:Lang.Account.DeleteSubmit ?></button></p>
</form>
</details>
</section>
</div>
<?cs include:"footer.cs" ?>
