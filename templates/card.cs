<?cs # The card form (R6.3), on the offers page (Card.Ppi, for the draft
     Ppi.Draft if any) and the profile page, each with its own route.
     The number and the security code are never filled in again (I.39). ?>
<?cs if:Card.Ppi ?><form method="post" action="/ppi/card" class="card-form" novalidate>
<?cs if:Ppi.Draft ?><input type="hidden" name="draft" value="<?cs var:Ppi.Draft ?>"><?cs /if ?><?cs else ?><form method="post" action="/profile/card" class="card-form" novalidate><?cs /if ?>
<?cs call:csrf() ?>
<?cs call:field(Form.holder, "holder", Lang.Card.Holder, "text", "cc-name", "", "") ?>
<?cs call:field(Form.number, "number", Lang.Card.Number, "text", "cc-number", Lang.Card.NumberHint, "") ?>
<?cs call:field(Form.expiry, "expiry", Lang.Card.Expiry, "text", "cc-exp", Lang.Card.ExpiryHint, "") ?>
<?cs call:field(Form.cvc, "cvc", Lang.Card.Cvc, "text", "cc-csc", Lang.Card.CvcHint, "") ?>
<p class="hint"><?cs var:Lang.Card.Kept ?></p>
<p><button type="submit" class="secondary"><?cs var:Lang.Card.Save ?></button></p>
</form>
