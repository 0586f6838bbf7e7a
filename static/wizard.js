/*
 * wizard.js: step 2 of the new request, a progressive enhancement
 * (R16.1): the 24/7 choice shows the moment critical is chosen and goes
 * away, unticked, with any other severity.  Without this script the
 * "Update" button brings the page back with it; the server refuses 24/7
 * with another severity whatever is posted.
 */
(function () {
	'use strict';
	var box = document.getElementById('allday');
	var tick = document.getElementById('f-allday');
	var update = document.getElementById('severity-update');

	if (!box || !tick)
		return;
	var form = tick.form;

	function sync() {
		var sev = form.querySelector('input[name=severity]:checked');
		var kind = form.querySelector('input[name=kind]:checked');
		var on = !!sev && sev.value === 'critical' &&
		    (!kind || kind.value === 'technical');

		box.hidden = !on;
		if (!on)
			tick.checked = false;
	}

	if (update)
		update.hidden = true;
	form.addEventListener('change', sync);
	if (!box.classList.contains('invalid'))	/* a refusal stays shown */
		sync();
}());
