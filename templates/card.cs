<?cs # The card form (R6.3), on the offers page and the profile page.
     The number and the security code are never filled in again (I.39). ?>
<form method="post" action="/card" class="card-form" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="next" value="<?cs var:Card.Next ?>">
<?cs call:field(Form.holder, "holder", Lang.Card.Holder, "text", "cc-name", "", "") ?>
<?cs call:field(Form.number, "number", Lang.Card.Number, "text", "cc-number", Lang.Card.NumberHint, "") ?>
<?cs call:field(Form.expiry, "expiry", Lang.Card.Expiry, "text", "cc-exp", Lang.Card.ExpiryHint, "") ?>
<?cs call:field(Form.cvc, "cvc", Lang.Card.Cvc, "text", "cc-csc", Lang.Card.CvcHint, "") ?>
<p class="hint"><?cs var:Lang.Card.Kept ?></p>
<p><button type="submit" class="secondary"><?cs var:Lang.Card.Save ?></button></p>
</form>
