<?cs include:"header.cs" ?>
<h1><?cs var:Lang.Start.Heading ?></h1>
<p class="lead"><?cs var:Lang.Start.Welcome ?>, <?cs var:User.First ?>. <?cs var:Lang.Start.Lead ?></p>
<div class="portals">
<?cs each:p = Portals ?>
<section class="card portal portal-<?cs var:p.Code ?>" aria-labelledby="portal-<?cs var:p.Code ?>">
<?cs if:p.Code == "here" ?>
<h2 id="portal-<?cs var:p.Code ?>"><?cs var:Lang.Start.Here.Title ?></h2>
<p><?cs var:Lang.Start.Here.Text ?></p>
<?cs else ?>
<h2 id="portal-<?cs var:p.Code ?>"><?cs var:p.Name ?></h2>
<p><?cs if:p.Code == "office" ?><?cs var:Lang.Start.Office ?><?cs elif:p.Code == "azure" ?><?cs var:Lang.Start.Azure ?><?cs elif:p.Code == "dynamics" ?><?cs var:Lang.Start.Dynamics ?><?cs elif:p.Code == "lcs" ?><?cs var:Lang.Start.Lifecycle ?><?cs else ?><?cs var:Lang.Start.Elsewhere ?><?cs /if ?></p>
<?cs /if ?>
<ul class="products"><?cs each:x = p.Products ?>
<li><?cs var:x.Name ?><?cs if:x.Kind == "hybrid" ?> <span class="tag"><?cs var:Lang.Kinds.hybrid ?></span><?cs /if ?></li><?cs /each ?>
</ul>
<?cs if:p.Code == "here" ?>
<p class="actions"><a class="button" href="/contracts"><?cs var:Lang.Start.Contracts ?></a></p>
<?cs else ?>
<p class="actions"><a class="button secondary" href="<?cs var:url_validate(p.Url) ?>" rel="noopener noreferrer"><?cs var:Lang.Start.Open ?> <?cs var:p.Name ?><span class="visually-hidden"> (<?cs var:Lang.Start.External ?>)</span></a></p>
<?cs /if ?>
</section>
<?cs /each ?>
</div>
<?cs include:"footer.cs" ?>
