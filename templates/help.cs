<?cs include:"header.cs" ?>
<?cs # A help page (R16.4): its title and paragraphs from Lang.Help, then
     the other help pages. ?>
<?cs def:help_text(h) ?>
<h1><?cs var:h.Title ?></h1>
<?cs each:p = h.Text ?><p><?cs var:p ?></p>
<?cs /each ?><?cs /def ?>
<div class="narrow help">
<p class="muted"><?cs var:Lang.Help.Label ?></p>
<?cs if:Page.Help == "activate" ?><?cs call:help_text(Lang.Help.Activate) ?>
<?cs elif:Page.Help == "missing" ?><?cs call:help_text(Lang.Help.Missing) ?>
<?cs elif:Page.Help == "failed" ?><?cs call:help_text(Lang.Help.Failed) ?>
<?cs if:User.Signed ?><p><?cs var:Lang.Help.SignedInAs ?> <strong><?cs var:User.Email ?></strong> (<?cs if:User.Kind == "work" ?><?cs var:Lang.Kind.work ?><?cs else ?><?cs var:Lang.Kind.personal ?><?cs /if ?>).</p><?cs /if ?>
<?cs elif:Page.Help == "benefits" ?><?cs call:help_text(Lang.Help.Benefits) ?>
<dl class="facts">
<dt><?cs var:Lang.Programme.partner_pack ?></dt><dd><?cs var:Lang.Help.Benefits.partner_pack ?></dd>
<dt><?cs var:Lang.Programme.partner_core ?></dt><dd><?cs var:Lang.Help.Benefits.partner_core ?></dd>
<dt><?cs var:Lang.Programme.partner_cloud ?></dt><dd><?cs var:Lang.Help.Benefits.partner_cloud ?></dd>
<dt><?cs var:Lang.Programme.vs ?></dt><dd><?cs var:Lang.Help.Benefits.vs ?></dd>
<dt><?cs var:Lang.Programme.sa ?></dt><dd><?cs var:Lang.Help.Benefits.sa ?></dd>
<dt><?cs var:Lang.Programme.cloud_plan ?></dt><dd><?cs var:Lang.Help.Benefits.cloud_plan ?></dd>
<dt><?cs var:Lang.Programme.ppi ?></dt><dd><?cs var:Lang.Help.Benefits.ppi ?></dd>
</dl>
<?cs elif:Page.Help == "ppiwork" ?><?cs call:help_text(Lang.Help.PpiWork) ?>
<?cs elif:Page.Help == "agreement" ?><?cs call:help_text(Lang.Help.Agreement) ?>
<?cs /if ?>
<h2><?cs var:Lang.Help.More ?></h2>
<ul class="help-list">
<?cs if:Page.Help != "activate" ?><li><a href="/help/activate"><?cs var:Lang.Help.Activate.Title ?></a></li><?cs /if ?>
<?cs if:Page.Help != "missing" ?><li><a href="/help/missing-contract"><?cs var:Lang.Help.Missing.Title ?></a></li><?cs /if ?>
<?cs if:Page.Help != "failed" ?><li><a href="/help/add-failed"><?cs var:Lang.Help.Failed.Title ?></a></li><?cs /if ?>
<?cs if:Page.Help != "benefits" ?><li><a href="/help/benefits"><?cs var:Lang.Help.Benefits.Title ?></a></li><?cs /if ?>
<?cs if:Page.Help != "ppiwork" ?><li><a href="/help/ppi-work"><?cs var:Lang.Help.PpiWork.Title ?></a></li><?cs /if ?>
<?cs if:Page.Help != "agreement" ?><li><a href="/help/agreement"><?cs var:Lang.Help.Agreement.Title ?></a></li><?cs /if ?>
</ul>
<p><?cs if:User.Signed ?><a href="/contracts"><?cs var:Lang.Help.ToContracts ?></a><?cs else ?><a href="/signin"><?cs var:Lang.Help.ToSignIn ?></a><?cs /if ?></p>
</div>
<?cs include:"footer.cs" ?>
