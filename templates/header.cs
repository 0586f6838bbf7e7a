<!DOCTYPE html><?cs include:"macros.cs" ?><html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.Title ?> · <?cs var:Lang.Site.Name ?></title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main"><?cs var:Lang.Nav.Skip ?></a>
<header class="top">
<div class="bar">
<a class="brand" href="/"><?cs var:Lang.Site.Name ?></a>
<?cs if:User.Signed ?>
<nav class="nav" aria-label="<?cs var:Lang.Nav.Main ?>">
<ul>
<li><a href="/"<?cs if:Page.Nav == "start" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Start ?></a></li>
<li><a href="/requests"<?cs if:Page.Nav == "requests" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Requests ?></a></li>
<?cs if:User.Role == "engineer" ?><li><a href="/queue"<?cs if:Page.Nav == "queue" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Queue ?></a></li><?cs /if ?>
<li><a href="/contracts"<?cs if:Page.Nav == "contracts" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Contracts ?></a></li>
<li><a href="/profile"<?cs if:Page.Nav == "profile" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Profile ?></a></li>
<li><a href="/password"<?cs if:Page.Nav == "password" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Password ?></a></li>
<li><a href="/account"<?cs if:Page.Nav == "account" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Account ?></a></li>
</ul>
</nav>
<?cs /if ?>
<div class="tools">
<?cs if:User.Signed ?>
<p class="who"><span class="visually-hidden"><?cs var:Lang.Nav.SignedInAs ?> </span><span class="name"><?cs var:User.First ?> <?cs var:User.Last ?></span>
<span class="badge badge-<?cs var:User.Kind ?>"><?cs if:User.Kind == "work" ?><?cs var:Lang.Kind.work ?><?cs else ?><?cs var:Lang.Kind.personal ?><?cs /if ?></span><?cs if:User.Role == "engineer" ?>
<span class="badge badge-engineer"><?cs var:Lang.Role.engineer ?></span><?cs /if ?></p>
<form method="post" action="/signout" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="link" title="<?cs var:Lang.Nav.SignOutHint ?>"><?cs var:Lang.Nav.SignOut ?></button>
</form>
<?cs /if ?>
<form method="post" action="/lang" class="inline lang">
<?cs call:csrf() ?>
<input type="hidden" name="next" value="<?cs var:Page.Path ?>">
<button type="submit" class="link" name="lang" value="<?cs var:Lang.Switch.Code ?>" lang="<?cs var:Lang.Switch.Code ?>"><span class="visually-hidden"><?cs var:Lang.Switch.Label ?> </span><?cs var:Lang.Switch.Name ?></button>
</form>
</div>
</div>
</header>
<main id="main" tabindex="-1">
