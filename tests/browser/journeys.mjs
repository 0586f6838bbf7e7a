// The main journeys of supportal in a real browser (R12.2): Debian's
// Chromium driven by playwright-core, started by tests/browser/run with
// a fresh portal.  Prints "ok - ..." / "not ok - ..." per check, with
// details on "#" lines; the runner counts them.
//
//   1. the mouse journey in English: sign-up, the one-time profile (with
//      its error summary), the start page, activating a contract, its
//      ledger, the password page, sign-out, sign-in;
//   2. the same journey with the keyboard alone (Tab, Shift+Tab, Enter,
//      Space, typing; arrows only inside a radio group), with the skip
//      link and the language switch;
//   3. the same in Polish, with the error states;
//   4. without JavaScript: sign-up, profile, activation, the ledger and
//      the language switch;
//   (every sign-up answers "check your mail" and the account follows the
//   link mailed to it, read from the outbox, before it signs in: R14.1)
//   7. identity (R14): the pages of sign-up, the mailed link, a dead
//      link, a forgotten password, the account page, two-step sign-in
//      (enrolment, recovery codes, the code after the password) in English
//      and Polish; a second browser's session ended from the first; the
//      same enrolment and sign-in with the keyboard alone and without
//      JavaScript;
// and on every page visited: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) in
// the JavaScript contexts, no horizontal scrolling at 390 px, and on the
// Polish pages no English sentence of lang/en.hdf.  Screenshots go to
// $SHOTS.
//
// Environment: BASE, ACCESS_ID, CONTRACT_ID (an issued contract, three
// incidents), SHOTS, CHROMIUM, ROOT, DB (the portal's SQLite file, whose
// outbox holds the mails: the test's mailbox); JOURNEYS, a regular
// expression, runs only the journeys whose names it matches.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.ROOT || path.resolve(HERE, '../..');
const BASE = process.env.BASE;
const AID = process.env.ACCESS_ID;
const CID = process.env.CONTRACT_ID;
const PARTNER_AID = process.env.PARTNER_ACCESS_ID;	// a partner pack (R16.5)
const PARTNER_CID = process.env.PARTNER_CONTRACT_ID;
const SHOTS = process.env.SHOTS || path.join(ROOT, 'build/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const DB = process.env.DB;
const AXE = fs.readFileSync(path.join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDE = { width: 1200, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';
const started = Date.now();

let pass = 0;
let fail = 0;
function ok(desc) {
	pass++;
	console.log(`ok - ${desc}`);
}
function notOk(desc, details = []) {
	fail++;
	console.log(`not ok - ${desc}`);
	for (const d of details)
		console.log(`#   ${d}`);
}
function check(desc, cond, details = []) {
	if (cond)
		ok(desc);
	else
		notOk(desc, typeof details === 'function' ? details() : details);
	return !!cond;
}

if (!BASE || !AID || !CID || !DB) {
	notOk('journeys.mjs needs BASE, ACCESS_ID, CONTRACT_ID and DB in the environment');
	process.exit(1);
}
fs.mkdirSync(SHOTS, { recursive: true });

// ---------------------------------------------------------------- strings

// lang/*.hdf: "Key = value" lines (R12.1).
function hdf(file) {
	const m = {};
	for (const line of fs.readFileSync(path.join(ROOT, 'lang', file), 'utf8').split('\n')) {
		const x = /^([A-Za-z0-9_.]+)\s*=\s*(.*)$/.exec(line);
		if (x)
			m[x[1]] = x[2].trim();
	}
	return m;
}
const T = { en: hdf('en.hdf'), pl: hdf('pl.hdf') };
const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();

// The English sentences that must not show on a Polish page: values of
// three words or more that Polish translates (a value identical in both
// files is a name, not a sentence), but the switch, which names the
// other language on purpose.
const ENGLISH = Object.keys(T.en)
	.filter((k) => !k.startsWith('Switch.') && !k.startsWith('Language.'))
	.filter((k) => T.en[k].split(/\s+/).filter(Boolean).length >= 3)
	.filter((k) => T.pl[k] !== undefined && T.pl[k] !== T.en[k])
	.map((k) => ({ key: k, text: norm(T.en[k]) }));

// ---------------------------------------------------------------- browser

const browser = await chromium.launch({
	executablePath: CHROMIUM,
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync',
		'--disable-dev-shm-usage'],
});

async function newPage(opts = {}) {
	const ctx = await browser.newContext({ viewport: WIDE, locale: 'en-US', ...opts });
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.setDefaultNavigationTimeout(15000);
	return { ctx, page };
}

// nav(page, action): run the action and wait for the page it loads.
async function nav(page, action) {
	const [resp] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
	return resp;
}

const urlPath = (page) => new URL(page.url()).pathname;
const text = async (page, sel) => norm(await page.locator(sel).first().innerText());

// ------------------------------------------------------------------ audit

const audited = new Set();

// audit(page, what, lang): the checks made on every page visited, once
// per page state and language: axe-core (when the page runs JavaScript),
// no horizontal scrolling at 390 px, and on Polish pages no English.
async function audit(page, what, lang, { axe = true } = {}) {
	const where = `${what} [${lang}]`;
	const key = `${where} ${axe}`;
	if (audited.has(key))
		return;
	audited.add(key);

	// axe-core goes in through the DevTools protocol (page.evaluate), not
	// page.addScriptTag: the portal's Content-Security-Policy (default-src
	// 'none') rightly refuses an injected <script>, and bypassCSP would
	// test a page the users never get.
	if (axe) {
		try {
			if (!(await page.evaluate(() => typeof window.axe === 'object')))
				await page.evaluate(AXE + '\n;void 0');
			const r = await page.evaluate((tags) => window.axe.run(document, {
				runOnly: { type: 'tag', values: tags },
				resultTypes: ['violations'],
			}), AXE_TAGS);
			check(`R12.2 axe-core (WCAG 2.2 AA): 0 violations on ${where}`, r.violations.length === 0,
				() => r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s): `
					+ v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')));
		} catch (e) {
			notOk(`R12.2 axe-core (WCAG 2.2 AA) on ${where}: could not run`, [firstLine(e)]);
		}
	}

	// WCAG 1.4.10 reflow: one column on a phone, no sideways scrolling.
	await page.setViewportSize(PHONE);
	const wide = await page.evaluate(() => {
		const de = document.documentElement;
		if (de.scrollWidth <= de.clientWidth)
			return null;
		// an element inside a scrolling box does not widen the page,
		// unless it is positioned out of it (its containing block outside)
		const clipped = (el) => {
			let abs = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				const s = getComputedStyle(a);
				if (abs && s.position === 'static')
					continue;
				if (s.overflowX !== 'visible')
					return true;
				abs = s.position === 'absolute' || s.position === 'fixed';
			}
			return false;
		};
		const out = [];
		const desc = (el, r) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} right=${Math.round(r.right)}`;
		const over = [...document.body.querySelectorAll('*')].filter((el) => {
			const r = el.getBoundingClientRect();
			return r.right > de.clientWidth + 1 && r.width > 0;
		});
		for (const el of over.filter((e) => !clipped(e)).concat(over).slice(0, 3))
			out.push(desc(el, el.getBoundingClientRect()) + (clipped(el) ? ' (inside a scrolling box)' : ''));
		return { scroll: de.scrollWidth, client: de.clientWidth, out: [...new Set(out)] };
	});
	await page.setViewportSize(WIDE);
	check(`R12.2 (WCAG 1.4.10) no horizontal scrolling at 390 px on ${where}`, wide === null,
		() => [`scrollWidth ${wide.scroll} > clientWidth ${wide.client}`, ...wide.out]);

	if (lang === 'pl') {
		const got = await page.evaluate(() => ({
			lang: document.documentElement.lang,
			body: document.body.innerText,
		}));
		const body = norm(got.body);
		const found = ENGLISH.filter((s) => body.includes(s.text));
		check(`R12.1 ${where}: html lang="pl" and no English sentence of lang/en.hdf`,
			got.lang === 'pl' && found.length === 0,
			() => [`html lang="${got.lang}"`, ...found.map((s) => `${s.key} = ${T.en[s.key]}`)]);
	}
}

function firstLine(e) {
	return String(e && e.message || e).split('\n')[0].slice(0, 300);
}

// shot(page, name): a full-page PNG; checks its width.
async function shot(page, name, width = WIDE.width) {
	const file = path.join(SHOTS, name);
	await page.screenshot({ path: file, fullPage: true });
	const png = fs.readFileSync(file);
	const w = png.length > 24 ? png.readUInt32BE(16) : 0;
	check(`R12.2 screenshot ${name} (${width} px wide, full page)`, w === width,
		[`${file}: ${w} px wide`]);
}

// ---------------------------------------------------------- the keyboard

// The focused element, and whether it shows a focus ring and is on screen.
async function focusInfo(page) {
	return page.evaluate(() => {
		const e = document.activeElement;
		if (!e || e === document.body)
			return { desc: 'body', ring: true, onScreen: true, tag: 'body' };
		const s = getComputedStyle(e);
		const r = e.getBoundingClientRect();
		const desc = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			+ (e.getAttribute('name') ? `[name=${e.getAttribute('name')}]` : '')
			+ (e.getAttribute('href') ? `[href="${e.getAttribute('href')}"]` : '')
			+ (e.innerText ? ` "${e.innerText.trim().replace(/\s+/g, ' ').slice(0, 30)}"` : '');
		return {
			desc, tag: e.tagName.toLowerCase(), id: e.id,
			ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
			onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0
				&& r.top < innerHeight && r.left < innerWidth,
		};
	});
}

// A keyboard session on one page: tabTo walks the focus with Tab (or
// Shift+Tab) to an element, noting every element reached without a
// visible focus ring or off screen (WCAG 2.4.7, 2.4.11).
class Keys {
	constructor(page) {
		this.page = page;
		this.problems = new Map();
	}
	async tabTo(selector, { back = false, max = 60 } = {}) {
		const kb = this.page.keyboard;
		if (await isFocused(this.page, selector))
			return true;
		for (let i = 0; i < max; i++) {
			await kb.press(back ? 'Shift+Tab' : 'Tab');
			const f = await focusInfo(this.page);
			if (f.tag !== 'main' && (!f.ring || !f.onScreen))
				this.problems.set(f.desc, `${f.desc}: ${!f.ring ? 'no focus ring' : ''}${!f.ring && !f.onScreen ? ', ' : ''}${!f.onScreen ? 'off screen' : ''}`);
			if (await this.page.evaluate((s) => !!document.activeElement
				&& document.activeElement.matches(s), selector))
				return true;
		}
		throw new Error(`keyboard: ${selector} not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
	}
	async type(selector, value) {
		await this.tabTo(selector);
		await this.page.keyboard.type(value);
	}
	// report the focus problems seen on this page, once
	report(where) {
		check(`R12.2 (WCAG 2.4.7) visible focus on every element reached by Tab on ${where}`,
			this.problems.size === 0, [...this.problems.values()]);
		this.problems.clear();
	}
}

const activeId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
const isFocused = (page, sel) => page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), sel);

// ------------------------------------------------------- shared checks

// The error summary at the top (R12.2): before the form, each link
// pointing at a field that exists, is marked invalid and described by
// its error.
async function checkSummary(page, where, lang) {
	const s = await page.evaluate(() => {
		const sum = document.querySelector('main .summary');
		const form = document.querySelector('main form[method=post]');
		if (!sum)
			return null;
		const links = [...sum.querySelectorAll('a[href^="#"]')].map((a) => {
			const id = a.getAttribute('href').slice(1);
			const f = document.getElementById(id);
			const name = f && f.getAttribute('name');
			const described = f && (f.getAttribute('aria-describedby') || '').split(/\s+/);
			const errEl = name && document.getElementById('e-' + name);
			return {
				href: id, field: !!f,
				invalid: !!f && (f.getAttribute('aria-invalid') === 'true' || f.type === 'radio'),
				described: !!errEl && (f.type === 'radio' || described.includes('e-' + name)),
			};
		});
		return {
			before: !!form && !!(sum.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING),
			title: sum.querySelector('h2') ? sum.querySelector('h2').innerText : '',
			role: sum.getAttribute('role'),
			links,
		};
	});
	if (!check(`R12.2 ${where} [${lang}]: an error summary is shown`, s !== null))
		return [];
	check(`R12.2 ${where} [${lang}]: the summary is at the top, before the form, titled "${T[lang]['Form.ErrorsTitle']}"`,
		s.before && norm(s.title) === norm(T[lang]['Form.ErrorsTitle']),
		[`before the form: ${s.before}, title "${s.title}"`]);
	const bad = s.links.filter((l) => !l.field || !l.invalid || !l.described);
	check(`R12.2 ${where} [${lang}]: each of the ${s.links.length} summary links points at its field, marked invalid and described by its error`,
		s.links.length > 0 && bad.length === 0,
		() => s.links.length === 0 ? ['no links in the summary'] : bad.map((l) => JSON.stringify(l)));
	return s.links.map((l) => l.href);
}

async function checkSignedIn(page, where, lang, first, last, kind) {
	const who = await page.locator('header .who').innerText().catch(() => '');
	check(`R1.1 ${where} [${lang}]: the header shows "${first} ${last}" and "${T[lang]['Kind.' + kind]}"`,
		norm(who).includes(norm(`${first} ${last}`)) && norm(who).includes(norm(T[lang]['Kind.' + kind])),
		[`header: "${who.replace(/\s+/g, ' ')}"`]);
}

async function checkStart(page, where, lang) {
	const s = await page.evaluate(() => ({
		path: location.pathname,
		h1: document.querySelector('h1') && document.querySelector('h1').innerText,
		here: !!document.querySelector('.portal-here a[href="/contracts"]'),
		out: [...document.querySelectorAll('.portal:not(.portal-here) a')].map((a) => a.getAttribute('href')),
	}));
	check(`R4.1 ${where} [${lang}]: the start page says where each product is supported (here, and links out for cloud products)`,
		s.path === '/' && norm(s.h1 || '') === norm(T[lang]['Start.Heading']) && s.here
		&& s.out.length >= 2 && s.out.every((h) => /^https:\/\//.test(h)),
		[JSON.stringify(s)]);
}

async function checkContractListed(page, where, lang) {
	const s = await page.evaluate(() => [...document.querySelectorAll('section.contract')].map((c) => c.innerText));
	const mine = s.filter((t) => t.includes('SA support incidents'));
	check(`R3.3 R3.6 ${where} [${lang}]: the activated contract is listed with its IDs and incidents left`,
		mine.length === 1 && mine[0].includes(AID) && mine[0].includes(CID)
		&& norm(mine[0]).includes(norm(T[lang]['Contracts.Incidents'])),
		[`contracts: ${JSON.stringify(s.map((t) => t.replace(/\s+/g, ' ').slice(0, 160)))}`]);
}

async function checkLedgerOpen(page, where, lang) {
	const s = await page.evaluate(() => {
		const d = document.querySelector('section.contract details.ledger');
		return d ? { open: d.open, text: d.innerText } : null;
	});
	check(`R3.6 ${where} [${lang}]: the ledger <details> is open and shows "${T[lang]['Ledger.Kind.issued']}"`,
		s !== null && s.open && norm(s.text).includes(norm(T[lang]['Ledger.Kind.issued'])),
		[JSON.stringify(s && { open: s.open, text: s.text.slice(0, 200) })]);
}

function uniqueEmail(who) {
	return `${who}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.com`;
}

// ------------------------------------------------------------ the mailbox

// mailLink(email, to): the newest link to `to` (/verify, /reset) in a
// mail queued for email, read from the outbox as a mailbox would (the
// runner sends none: nothing else reads the outbox); null when none.
function mailLink(email, to = '/verify') {
	const q = (x) => `'${x.replace(/'/g, "''")}'`;
	const body = execFileSync('sqlite3', ['-cmd', '.timeout 5000', DB,
		`SELECT body FROM outbox WHERE recipient = ${q(email)} AND body LIKE ${q(`%${to}?t=%`)} ORDER BY id DESC LIMIT 1`],
	{ encoding: 'utf8' });
	const m = new RegExp(`https?://[^\\s<>"']*${to}\\?t=[0-9a-f]{64}`).exec(body);
	return m ? m[0] : null;
}

// followLink(page, email, { where, lang, keys }): the address proven
// as its owner does (R14.1): the newest link of the mail opened, its
// button pressed (with the mouse, or with Tab and Enter when keys is a
// Keys session); the browser lands on the sign-in page saying so.
async function followLink(page, email, { where = 'sign-up', lang = 'en', keys = null } = {}) {
	const link = mailLink(email);
	if (!check(`R14.1 ${where} [${lang}]: a link to <origin>/verify?t=<64 hex> is mailed to the address`,
		!!link && link.startsWith(`${BASE}/verify?t=`), [`newest /verify link for ${email}: ${link}`]))
		throw new Error(`no /verify link mailed to ${email}`);
	await page.goto(link);
	const button = 'form[action="/verify"] button[type=submit]';
	if (keys) {
		await keys.tabTo(button);
		await nav(page, () => page.keyboard.press('Enter'));
		keys.report(`the page of the mailed link (${lang})`);
	} else
		await nav(page, () => page.click(button));
	const u = new URL(page.url());
	check(`R14.1 ${where} [${lang}]: the confirmed address leads to the sign-in page, which says so`,
		u.pathname === '/signin' && u.searchParams.get('verified') === '1'
		&& norm(await page.locator('main').innerText()).includes(norm(T[lang]['Signin.Verified'])),
		[`at ${page.url()}`]);
	return link;
}

// signIn(page, email, { keys }): the sign-in form filled and sent (the
// page is on /signin), with the mouse or the keyboard alone.
async function signIn(page, email, { keys = null, password = PASSWORD } = {}) {
	if (keys) {
		await keys.type('#f-email', email);
		await keys.type('#f-password', password);
		await keys.tabTo('form[action="/signin"] button[type=submit]');
		await nav(page, () => page.keyboard.press('Enter'));
		keys.report('sign-in');
		return;
	}
	await page.fill('#f-email', email);
	await page.fill('#f-password', password);
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
}

// signedUp(page, where, lang): the answer to any sign-up (R14.1, R14.2)
function signedUp(page, where, lang) {
	return check(`R14.1 R14.2 ${where} [${lang}]: sign-up answers "check your mail" (/signup/sent), signed out`,
		urlPath(page) === '/signup/sent', [`at ${page.url()}`]);
}

// switchLang(page): the header's language switch, with the mouse
async function switchLang(page) {
	await nav(page, () => page.click('header form[action="/lang"] button'));
	return page.getAttribute('html', 'lang');
}

// ---------------------------------------------------- two-step sign-in

// The key shown on the enrolment page, its spaces gone (R14.6).
async function totpSecret(page) {
	return (await page.locator('main code.secret').innerText()).replace(/\s+/g, '');
}

// totpAt(secret, step): the code of a 30-second step, by oathtool
function totpAt(secret, step) {
	return execFileSync('oathtool', ['--totp', '-b', '-N', `@${step * 30}`, secret],
		{ encoding: 'utf8' }).trim();
}
const stepNow = () => Math.floor(Date.now() / 30000);

// freshCode(page, secret, last): the code an authenticator app shows
// once a step later than `last` (the step of the last code used) has
// begun: a used code is refused (R14.6), so this waits for the next
// step when the last one is still the current one.
async function freshCode(page, secret, last) {
	while (stepNow() <= last)
		await page.waitForTimeout(Math.min(1000, (last + 1) * 30000 - Date.now() + 50));
	const step = stepNow();
	return { code: totpAt(secret, step), step };
}

// journey(name, fn): one browser context; an exception stops that
// journey only, with a failure and a screenshot of where it stopped.
// JOURNEYS (a regular expression) runs only the journeys it matches.
async function journey(name, opts, fn) {
	if (process.env.JOURNEYS && !new RegExp(process.env.JOURNEYS).test(name))
		return;
	const t0 = Date.now();
	console.log(`# ${name}`);
	const { ctx, page } = await newPage(opts);
	try {
		await fn(page, ctx);
	} catch (e) {
		notOk(`${name}: stopped at ${page.url()}: ${firstLine(e)}`);
		await page.screenshot({ path: path.join(SHOTS, `stopped-${name.replace(/\W+/g, '-')}.png`), fullPage: true })
			.catch(() => {});
	} finally {
		await ctx.close();
	}
	console.log(`# ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// =============================================== 1. the mouse, in English

await journey('mouse journey in English', {}, async (page) => {
	const L = 'en';
	const email = uniqueEmail('ann');
	await page.goto(BASE + '/signup');
	await audit(page, 'sign-up', L);
	// sign-up with nothing filled in: the error summary
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	await checkSummary(page, 'sign-up with errors', L);
	await audit(page, 'sign-up with errors', L);

	await page.fill('#f-first', 'Ann');
	await page.fill('#f-last', 'Lee');
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await page.check('#f-kind-work');
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	signedUp(page, 'sign-up', L);
	await audit(page, 'sign-up sent', L);
	await followLink(page, email);
	await audit(page, 'sign-in, address confirmed', L);
	await signIn(page, email);
	check('R2.1 after confirming the address and signing in the browser is sent to the one-time profile',
		urlPath(page) === '/profile', [`at ${page.url()}`]);
	await audit(page, 'profile (first time)', L);

	// the profile sent empty: the summary, and its links move the focus
	await page.fill('#f-contact_email', '');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
	const links = await checkSummary(page, 'profile with errors', L);
	await audit(page, 'profile with errors', L);
	if (links.length > 0) {
		await page.click('main .summary a >> nth=0');
		const id = await activeId(page);
		check(`R12.2 clicking the first summary link moves the focus to its field (#${links[0]})`, id === links[0],
			[`document.activeElement.id = "${id}"`]);
	}

	await page.fill('#f-contact_email', 'ann.lee@example.com');
	await page.fill('#f-phone', '+48 22 555 0100');
	await page.fill('#f-company', 'Contoso');
	await page.selectOption('#f-country', 'PL');
	await page.selectOption('#f-tz', 'Europe/Warsaw');
	await page.check('#f-lang');
	await page.check('#f-method');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
	check('R2.1 the saved profile leads to the start page', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'start page', L, 'Ann', 'Lee', 'work');
	await checkStart(page, 'start page', L);
	await audit(page, 'start', L);
	await shot(page, 'start.png');

	// contracts: a wrong pair first, then the issued contract
	await nav(page, () => page.click('header nav a[href="/contracts"]'));
	check('R3.6 the header link leads to the contracts page', urlPath(page) === '/contracts', [`at ${page.url()}`]);
	await audit(page, 'contracts', L);
	await page.fill('#f-access_id', 'AAAAA-AAAAA');
	await page.fill('#f-contract_id', 'BBBBB-BBBBB');
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
	check('R3.5 a wrong pair gets the one generic "not found" message',
		(await page.locator('main').innerText()).includes(T.en['Err.ContractNotFound']));
	await checkSummary(page, 'contracts, wrong IDs', L);
	await audit(page, 'contracts, wrong IDs', L);

	await page.fill('#f-access_id', AID);
	await page.fill('#f-contract_id', CID);
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
	check('R3.3 the activation is confirmed', (await page.locator('main').innerText()).includes(T.en['Contracts.Activated']));
	await checkContractListed(page, 'contracts', L);
	await audit(page, 'contracts, activated', L);
	await page.click('section.contract details.ledger summary');
	await checkLedgerOpen(page, 'contracts', L);
	await audit(page, 'contracts, ledger open', L);
	await shot(page, 'contracts-ledger.png');
	await page.setViewportSize(PHONE);
	await shot(page, 'contracts-phone.png', PHONE.width);
	await page.setViewportSize(WIDE);

	await nav(page, () => page.click('header nav a[href="/requests"]'));
	await audit(page, 'support requests', L);

	// the password page and its errors (nothing changed)
	await nav(page, () => page.click('header nav a[href="/password"]'));
	await audit(page, 'password', L);
	await nav(page, () => page.click('form[action="/password"] button[type=submit]'));
	await checkSummary(page, 'password with errors', L);
	await audit(page, 'password with errors', L);

	const resp = await page.goto(BASE + '/no-such-page');
	check('a page that does not exist answers 404 with the error page',
		resp.status() === 404 && (await text(page, 'h1')) === norm(T.en['Error.S404']),
		[`status ${resp.status()}`]);
	await audit(page, 'error 404', L);

	// sign out, a wrong password, sign in again
	await page.goto(BASE + '/');
	await nav(page, () => page.click('header form[action="/signout"] button'));
	check('R1.2 sign-out leads to the sign-in page', urlPath(page) === '/signin', [`at ${page.url()}`]);
	await audit(page, 'sign-in', L);
	await shot(page, 'signin.png');
	await page.fill('#f-email', email);
	await page.fill('#f-password', 'not the password');
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	check('R1.2 a wrong password is refused with a message',
		urlPath(page) === '/signin' && (await page.locator('main').innerText()).includes(T.en['Err.Credentials']));
	await audit(page, 'sign-in, wrong password', L);
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	check('R1.2 signed in again: the start page', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'after signing in again', L, 'Ann', 'Lee', 'work');
});

// ============================================ 2. the keyboard alone, English

await journey('keyboard journey', {}, async (page) => {
	const L = 'en';
	const kb = page.keyboard;
	const email = uniqueEmail('kim');
	const k = new Keys(page);
	await page.goto(BASE + '/signup');
	await audit(page, 'sign-up', L);

	// the skip link: the first Tab stop, shown when focused, and it
	// moves the focus to the main content
	await kb.press('Tab');
	const f = await focusInfo(page);
	check('R12.2 the first Tab stop is the skip link, and it shows when focused',
		await isFocused(page, 'a.skip[href="#main"]') && f.onScreen && f.ring, [JSON.stringify(f)]);
	await kb.press('Enter');
	check('R12.2 Enter on the skip link moves the focus to <main>', (await activeId(page)) === 'main',
		[`focus on #${await activeId(page)}`]);
	await kb.press('Tab');
	check('R12.2 after the skip link, Tab goes to the first field of the form',
		(await activeId(page)) === 'f-first', [`focus on #${await activeId(page)}`]);

	// the language switch, reached back with Shift+Tab, and back again
	await k.tabTo('header form[action="/lang"] button', { back: true });
	await nav(page, () => kb.press('Space'));
	check('R12.1 the language switch works from the keyboard (Space): the page is in Polish',
		(await page.getAttribute('html', 'lang')) === 'pl' && (await text(page, 'h1')) === norm(T.pl['Signup.Title']));
	await audit(page, 'sign-up', 'pl');
	await k.tabTo('header form[action="/lang"] button');
	await nav(page, () => kb.press('Enter'));
	check('R12.1 the language switch (Enter) brings English back',
		(await page.getAttribute('html', 'lang')) === 'en' && (await text(page, 'h1')) === norm(T.en['Signup.Title']));

	await k.type('#f-first', 'Kim');
	await k.type('#f-last', 'Nowak');
	await k.type('#f-email', email);
	await k.type('#f-password', PASSWORD);
	await k.tabTo('input[name=kind]');
	if (!(await isFocused(page, '#f-kind-work')))
		await kb.press('ArrowDown');
	await kb.press('Space');
	check('R12.2 the kind of account is chosen with the keyboard (work)',
		await page.isChecked('#f-kind-work'));
	await k.tabTo('form[action="/signup"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	k.report('sign-up');
	signedUp(page, 'sign-up (keyboard)', L);
	await followLink(page, email, { where: 'sign-up (keyboard)', keys: k });
	await signIn(page, email, { keys: k });
	check('R2.1 keyboard: after confirming the address and signing in, the one-time profile',
		urlPath(page) === '/profile', [`at ${page.url()}`]);

	// the profile: sent with an empty contact email, the summary link
	// followed with Enter, then filled in
	await audit(page, 'profile (first time)', L);
	await k.tabTo('#f-contact_email');
	await kb.press('Control+A');
	await kb.press('Backspace');
	await k.tabTo('form[action="/profile"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	const links = await checkSummary(page, 'profile with errors (keyboard)', L);
	await audit(page, 'profile with errors', L);
	if (links.length > 0) {
		await k.tabTo('main .summary a');
		await kb.press('Enter');
		const id = await activeId(page);
		check(`R12.2 Enter on the first summary link moves the focus to its field (#${links[0]})`,
			id === links[0], [`focus on #${id}`]);
	}
	await k.tabTo('#f-contact_email', { back: true });
	await kb.press('Control+A');
	await kb.type('kim.nowak@example.com');
	await k.type('#f-phone', '+48 22 555 0101');
	await k.type('#f-company', 'Fabrikam');
	await k.type('#f-country', 'Poland');
	await k.type('#f-tz', 'Europe/Warsaw');
	const sel = await page.evaluate(() => [document.querySelector('#f-country').value, document.querySelector('#f-tz').value]);
	check('R12.2 the country and the time zone are chosen by typing into the lists',
		sel[0] === 'PL' && sel[1] === 'Europe/Warsaw', [`country ${sel[0]}, tz ${sel[1]}`]);
	await k.tabTo('input[name=lang]');
	if (!(await isFocused(page, '#f-lang')))
		await kb.press('ArrowUp');
	await kb.press('Space');
	await k.tabTo('input[name=method]');
	if (!(await isFocused(page, '#f-method')))
		await kb.press('ArrowUp');
	await kb.press('Space');
	await k.tabTo('form[action="/profile"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	k.report('profile');
	check('R2.1 keyboard: the saved profile leads to the start page', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'start page (keyboard)', L, 'Kim', 'Nowak', 'work');

	// start page -> contracts -> activate -> ledger
	await k.tabTo('main a[href="/contracts"]');
	await nav(page, () => kb.press('Enter'));
	k.report('start');
	check('R3.6 keyboard: the start page leads to the contracts page', urlPath(page) === '/contracts');
	await k.type('#f-access_id', AID);
	await k.type('#f-contract_id', CID);
	await k.tabTo('form[action="/contracts/activate"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	await checkContractListed(page, 'contracts (keyboard)', L);
	await k.tabTo('section.contract details.ledger summary');
	await kb.press('Space');
	await checkLedgerOpen(page, 'contracts (keyboard, Space on the summary)', L);
	await kb.press('Enter');
	check('R12.2 Enter on the ledger summary closes it again',
		!(await page.evaluate(() => document.querySelector('section.contract details.ledger').open)));

	k.report('contracts');

	// the password page: past the skip link, the first field is the
	// current password (a hidden field must stay out of the Tab order)
	await k.tabTo('header nav a[href="/password"]', { back: true });
	await nav(page, () => kb.press('Enter'));
	check('R12.2 keyboard: the header link leads to the password page', urlPath(page) === '/password');
	await k.tabTo('a.skip');
	await kb.press('Enter');
	await kb.press('Tab');
	const first = await focusInfo(page);
	check('R12.2 keyboard: on the password page the first Tab stop in the content is "Current password"',
		first.id === 'f-current', [`focus on ${first.desc}`]);

	// sign out: back up to the header with Shift+Tab
	await k.tabTo('header form[action="/signout"] button', { back: true });
	await nav(page, () => kb.press('Enter'));
	k.report('password');
	check('R1.2 keyboard: sign-out leads to the sign-in page', urlPath(page) === '/signin', [`at ${page.url()}`]);

	await k.type('#f-email', email);
	await k.type('#f-password', PASSWORD);
	await k.tabTo('form[action="/signin"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	k.report('sign-in');
	check('R1.2 keyboard: signed in again, the start page', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'after signing in again (keyboard)', L, 'Kim', 'Nowak', 'work');

	// a new request, the six steps with the keyboard alone (R5, R12.2):
	// selects by arrow keys, radios by arrows and Space, buttons by Enter
	await k.tabTo('header nav a[href="/requests"]', { back: true });
	await nav(page, () => kb.press('Enter'));
	await k.tabTo('form[action="/requests/new"] button');
	await nav(page, () => kb.press('Enter'));
	check('R5.1 keyboard: a new request opens its draft', /^\/drafts\/\d+$/.test(urlPath(page)), [`at ${page.url()}`]);
	const draft = urlPath(page);
	const pick = async (sel) => {		// the first real option of a select
		await k.tabTo(sel);
		await kb.press('ArrowDown');
		await k.tabTo('button[name=action][value=refresh]');
		await nav(page, () => kb.press('Enter'));
	};
	await pick('#f-product');
	await pick('#f-version');
	await pick('#f-category');
	await k.tabTo('#f-problem');
	await kb.press('ArrowDown');
	await k.type('#f-title', 'Replication stops at night');
	await k.type('#f-description', 'Every night at 2:00 the replication stops with error 14151.');
	await k.tabTo('button[name=action][value=next]');
	await nav(page, () => kb.press('Enter'));
	check('R5.2 keyboard: step 1 done, step 2 open',
		(await page.locator('#step-2.open').count()) === 1, [`at ${page.url()}`]);
	k.report('wizard step 1');
	await k.tabTo('input[name=plan]');
	await kb.press('Space');
	await k.tabTo('input[name=severity]');
	for (let i = 0; i < 3 && !(await isFocused(page, '#f-severity-important')); i++)
		await kb.press('ArrowDown');
	await kb.press('Space');
	check('R12.2 keyboard: severity chosen with the arrows', await page.isChecked('#f-severity-important'));
	await k.tabTo('button[name=action][value=next]');
	await nav(page, () => kb.press('Enter'));
	k.report('wizard step 2');
	for (let step = 3; step <= 4; step++) {
		await k.tabTo('button[name=action][value=next]');
		await nav(page, () => kb.press('Enter'));
		k.report(`wizard step ${step}`);
	}
	check('R5.5 keyboard: the verify step', (await page.locator('main').innerText()).includes('Replication stops at night'),
		[`at ${page.url()}`]);
	await k.tabTo(`form[action="${draft}/submit"] button[type=submit]`);
	await nav(page, () => kb.press('Enter'));
	k.report('wizard verify');
	check('R12.2 keyboard alone reaches the confirmation page', urlPath(page) === `${draft}/done`,
		[`at ${page.url()}`]);
	await audit(page, 'confirmation (keyboard)', L);
});

// ============================================== 3. the journey in Polish

await journey('journey in Polish', {}, async (page) => {
	const L = 'pl';
	const email = uniqueEmail('zofia');
	await page.goto(BASE + '/signup');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	check('R12.1 the header switch turns the sign-up page into Polish',
		(await page.getAttribute('html', 'lang')) === 'pl');
	await audit(page, 'sign-up', L);
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	await checkSummary(page, 'sign-up with errors', L);
	await audit(page, 'sign-up with errors', L);

	await page.fill('#f-first', 'Zofia');
	await page.fill('#f-last', 'Wiśniewska');
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await page.check('#f-kind');
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	signedUp(page, 'sign-up', L);
	await audit(page, 'sign-up sent', L);
	await followLink(page, email, { lang: L });
	await audit(page, 'sign-in, address confirmed', L);
	await signIn(page, email);
	check('R2.1 [pl] after confirming the address and signing in, the one-time profile',
		urlPath(page) === '/profile', [`at ${page.url()}`]);
	await audit(page, 'profile (first time)', L);
	await page.fill('#f-contact_email', '');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
	await checkSummary(page, 'profile with errors', L);
	await audit(page, 'profile with errors', L);
	await shot(page, 'profile-errors-pl.png');

	await page.fill('#f-contact_email', 'zofia@example.com');
	await page.selectOption('#f-country', 'PL');
	await page.selectOption('#f-tz', 'Europe/Warsaw');
	await page.check('#f-lang-pl');
	await page.check('#f-method');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
	check('R2.1 [pl] the saved profile leads to the start page', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'start page', L, 'Zofia', 'Wiśniewska', 'personal');
	await checkStart(page, 'start page', L);
	await audit(page, 'start', L);

	await nav(page, () => page.click('header nav a[href="/contracts"]'));
	await audit(page, 'contracts', L);
	await page.fill('#f-access_id', 'AAAAA-AAAAA');
	await page.fill('#f-contract_id', 'BBBBB-BBBBB');
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
	check('R3.5 [pl] a wrong pair gets the generic "not found" message in Polish',
		(await page.locator('main').innerText()).includes(T.pl['Err.ContractNotFound']));
	await audit(page, 'contracts, wrong IDs', L);
	await page.fill('#f-access_id', AID);
	await page.fill('#f-contract_id', CID);
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
	await checkContractListed(page, 'contracts', L);
	await audit(page, 'contracts, activated', L);
	await page.click('section.contract details.ledger summary');
	await checkLedgerOpen(page, 'contracts', L);
	await audit(page, 'contracts, ledger open', L);

	await nav(page, () => page.click('header nav a[href="/requests"]'));
	await audit(page, 'support requests', L);
	await nav(page, () => page.click('header nav a[href="/profile"]'));
	await audit(page, 'profile', L);
	await nav(page, () => page.click('header nav a[href="/password"]'));
	await audit(page, 'password', L);
	await nav(page, () => page.click('form[action="/password"] button[type=submit]'));
	await checkSummary(page, 'password with errors', L);
	await audit(page, 'password with errors', L);

	const resp = await page.goto(BASE + '/nie-ma-takiej-strony');
	check('[pl] a page that does not exist answers 404 with the Polish error page',
		resp.status() === 404 && (await text(page, 'h1')) === norm(T.pl['Error.S404']), [`status ${resp.status()}`]);
	await audit(page, 'error 404', L);

	await page.goto(BASE + '/');
	await nav(page, () => page.click('header form[action="/signout"] button'));
	check('R1.2 [pl] sign-out leads to the sign-in page', urlPath(page) === '/signin', [`at ${page.url()}`]);
	await audit(page, 'sign-in', L);
	await page.fill('#f-email', email);
	await page.fill('#f-password', 'to nie jest hasło');
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	check('R1.2 [pl] a wrong password is refused with the Polish message',
		(await page.locator('main').innerText()).includes(T.pl['Err.Credentials']));
	await audit(page, 'sign-in, wrong password', L);
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	check('R12.1 [pl] signed in again: the start page in the profile\'s language',
		urlPath(page) === '/' && (await page.getAttribute('html', 'lang')) === 'pl');
});

// =========================================== 4. without JavaScript

await journey('journey without JavaScript', { javaScriptEnabled: false }, async (page) => {
	const L = 'en';
	await page.setContent('<title>x</title><script>document.title = "js ran"</script>');
	check('R12.2 the context really runs no page script', (await page.title()) === 'x');

	const email = uniqueEmail('noscript');
	await page.goto(BASE + '/signup');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	check('R12.1 no JavaScript: the language switch works (Polish)', (await page.getAttribute('html', 'lang')) === 'pl');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	check('R12.1 no JavaScript: and back to English', (await page.getAttribute('html', 'lang')) === 'en');

	await page.fill('#f-first', 'Noa');
	await page.fill('#f-last', 'Script');
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await page.check('#f-kind');
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	signedUp(page, 'sign-up (no JavaScript)', L);
	await followLink(page, email, { where: 'sign-up (no JavaScript)' });
	await signIn(page, email);
	check('R12.2 no JavaScript: sign-up, the mailed link and sign-in lead to the profile',
		urlPath(page) === '/profile', [`at ${page.url()}`]);
	await page.fill('#f-contact_email', '');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
	await checkSummary(page, 'profile with errors (no JavaScript)', L);
	await page.click('main .summary a >> nth=0');
	const id = await activeId(page);
	check('R12.2 no JavaScript: the summary link moves the focus to its field', id !== 'main' && !!id && id.startsWith('f-'),
		[`focus on #${id}`]);
	await page.fill('#f-contact_email', 'noa@example.com');
	await page.selectOption('#f-country', 'DE');
	await page.selectOption('#f-tz', 'Europe/Berlin');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
	check('R12.2 no JavaScript: the profile is saved, the start page follows', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'start page (no JavaScript)', L, 'Noa', 'Script', 'personal');
	await audit(page, 'start (no JavaScript)', L, { axe: false });

	await nav(page, () => page.click('header nav a[href="/contracts"]'));
	await page.fill('#f-access_id', AID.replace(/-/g, ' '));
	await page.fill('#f-contract_id', CID);
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
	await checkContractListed(page, 'contracts (no JavaScript, Access ID typed with a space for the dash)', L);
	await page.click('section.contract details.ledger summary');
	await checkLedgerOpen(page, 'contracts (no JavaScript)', L);
	await audit(page, 'contracts, ledger open (no JavaScript)', L, { axe: false });
	await nav(page, () => page.click('header form[action="/signout"] button'));
	check('R1.2 no JavaScript: sign-out works', urlPath(page) === '/signin', [`at ${page.url()}`]);
});

// signUp(page, first, last, email, kind): a new account with its
// profile filled in (Poland, Warsaw, English, mail): the set-up of a
// journey whose point lies further on.
async function signUp(page, first, last, email, kind) {
	await page.goto(BASE + '/signup');
	await page.fill('#f-first', first);
	await page.fill('#f-last', last);
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await page.check(kind === 'work' ? '#f-kind-work' : '#f-kind');
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	if (urlPath(page) !== '/signup/sent')
		throw new Error(`sign-up of ${email} answered ${page.url()}, not /signup/sent`);
	await verifyQuietly(page, email);
	await signIn(page, email);
	if (urlPath(page) !== '/profile')
		throw new Error(`the first sign-in of ${email} led to ${page.url()}, not /profile`);
	await fillProfile(page, email);
}

// verifyQuietly(page, email): the mailed link followed, as followLink
// does, for the set-up of a journey (no check printed: the journeys
// above check it)
async function verifyQuietly(page, email) {
	const link = mailLink(email);
	if (!link)
		throw new Error(`no /verify link mailed to ${email}`);
	await page.goto(link);
	await nav(page, () => page.click('form[action="/verify"] button[type=submit]'));
	if (urlPath(page) !== '/signin')
		throw new Error(`the link mailed to ${email} led to ${page.url()}, not /signin`);
}

// firstStep(page, title, description): a new draft of SQL Server's first
// version, category and problem, step 1 done with the mouse; its path
async function firstStep(page, title, description) {
	await page.goto(BASE + '/requests');
	await nav(page, () => page.click('form[action="/requests/new"] button[type=submit]'));
	const draft = urlPath(page);
	await page.selectOption('#f-product', { label: 'SQL Server' });
	await nav(page, () => page.click('button[name=action][value=refresh]'));
	await page.selectOption('#f-version', { index: 1 });
	await nav(page, () => page.click('button[name=action][value=refresh]'));
	await page.selectOption('#f-category', { index: 1 });
	await nav(page, () => page.click('button[name=action][value=refresh]'));
	await page.selectOption('#f-problem', { index: 1 });
	await page.fill('#f-title', title);
	await page.fill('#f-description', description);
	await nav(page, () => page.click('button[name=action][value=next]'));
	return draft;
}

// engineerSignIn(page): Eve, the EMEA engineer, signed in, her one-time
// profile filled in if she is asked for it
async function engineerSignIn(page, email = 'eve@vendor.example') {
	await page.goto(BASE + '/signin');
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	if (urlPath(page) === '/profile')
		await fillProfile(page, email);
}

async function fillProfile(page, email) {
	await page.fill('#f-contact_email', email);
	await page.selectOption('#f-country', 'PL');
	await page.selectOption('#f-tz', 'Europe/Warsaw');
	await page.check('#f-lang');
	await page.check('#f-method');
	await nav(page, () => page.click('form[action="/profile"] button[type=submit]'));
}

// activate(page): the contract of the run on the signed-in account
async function activate(page) {
	await page.goto(BASE + '/contracts');
	await page.fill('#f-access_id', AID);
	await page.fill('#f-contract_id', CID);
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
}

// ======================= 5. a request from the wizard to the engineer

// The six steps with a file and an Edit, the confirmation, the list, the
// request page with a message and a colleague added; then the engineer
// of its queue takes it, answers and asks the customer; every page
// audited in English and the request's pages in Polish too.
let requestId = null;
async function wizardJourney(page, { js = true, lang = 'en' } = {}) {
	const L = lang;
	const axe = { axe: js };
	const email = uniqueEmail(js ? 'wanda' : 'nils');
	await signUp(page, 'Wanda', 'Wizard', email, 'work');
	if (L === 'pl')
		await nav(page, () => page.click('header form[action="/lang"] button'));
	await activate(page);
	check('R3.4 a colleague activates the same IDs', (await page.locator('main').innerText()).includes(AID));

	// 1: product, version, category, problem (the no-script cascade), title, file
	await page.goto(BASE + '/requests');
	await audit(page, 'requests (none yet)', L, axe);
	await nav(page, () => page.click('form[action="/requests/new"] button[type=submit]'));
	check('R5.1 a new request opens its draft', /^\/drafts\/\d+$/.test(urlPath(page)), [`at ${page.url()}`]);
	const draft = urlPath(page);
	await audit(page, 'wizard step 1', L, axe);
	await page.selectOption('#f-product', { label: 'SQL Server' });
	await nav(page, () => page.click('button[name=action][value=refresh]'));
	await page.selectOption('#f-version', { index: 1 });
	await nav(page, () => page.click('button[name=action][value=refresh]'));
	await page.selectOption('#f-category', { index: 1 });
	await nav(page, () => page.click('button[name=action][value=refresh]'));
	await page.selectOption('#f-problem', { index: 1 });
	await page.fill('#f-title', 'Reports time out after the upgrade');
	await page.fill('#f-description', 'Since the upgrade every monthly report times out after 30 seconds.');
	const file = path.join(SHOTS, 'trace.txt');
	fs.writeFileSync(file, 'a trace of the slow report\n');
	await page.setInputFiles('#f-files', file);
	await nav(page, () => page.click('button[name=action][value=next]'));
	await audit(page, 'wizard step 2', L, axe);
	// 2: the plan, severity, where.  24/7 is offered once critical is
	// chosen (R16.1): without JavaScript after Update brings the page
	// back, with it at once; another severity takes it away
	const how = js ? 'with JavaScript' : 'without JavaScript';
	const update = async () => {
		if (!js)
			await nav(page, () => page.click('button[name=action][value=refresh]'));
	};
	await page.check('#f-plan');
	await page.check('#f-severity-moderate');
	await update();
	check(`R16.1 ${how} [${L}]: moderate chosen, 24/7 is not offered`,
		!(await page.isVisible('#f-allday')) && await page.isChecked('#f-severity-moderate'));
	await audit(page, 'wizard step 2, moderate', L, axe);
	await page.check('#f-severity');
	await update();
	check(`R16.1 ${how} [${L}]: critical chosen, 24/7 is offered`,
		await page.isVisible('#f-allday') && await page.isChecked('#f-severity'));
	await page.check('#f-allday');
	if (js) {
		await page.check('#f-severity-important');
		check(`R16.1 ${how} [${L}]: another severity takes 24/7 away, unticked`,
			!(await page.isVisible('#f-allday')) && !(await page.isChecked('#f-allday')));
		await page.check('#f-severity');
		await page.check('#f-allday');
	}
	await audit(page, 'wizard step 2, critical with 24/7', L, axe);
	await page.selectOption('#f-country', 'PL');
	await page.selectOption('#f-tz', 'Europe/Warsaw');
	await nav(page, () => page.click('button[name=action][value=next]'));
	await audit(page, 'wizard step 3', L, axe);
	// 3: the primary contact (filled from the profile), 4: colleagues
	if (!(await page.inputValue('#f-pc_name')))
		await page.fill('#f-pc_name', 'Wanda Wizard');
	await nav(page, () => page.click('button[name=action][value=next]'));
	await audit(page, 'wizard step 4', L, axe);
	await page.fill('#f-secondary', 'colleague@example.com');
	await nav(page, () => page.click('button[name=action][value=next]'));
	await audit(page, 'wizard verify', L, axe);
	if (js && L === 'en')
		await shot(page, 'wizard-verify.png');
	check('R5.5 the verify step lists the file', (await page.locator('main').innerText()).includes('trace.txt'));
	// an Edit from the verify step, and back
	await nav(page, () => page.click('a.edit[href*="step=1"]'));
	await page.fill('#f-title', 'Monthly reports time out after the upgrade');
	await nav(page, () => page.click('button[name=action][value=next]'));
	let verify = await page.locator('main').innerText();
	for (let i = 0; i < 4 && !verify.includes(T[L]['Wizard.Submit']); i++) {
		await nav(page, () => page.click('button[name=action][value=next]'));
		verify = await page.locator('main').innerText();
	}
	check('R5.6 an Edit from verify keeps the rest and comes back to verify',
		verify.includes('Monthly reports time out after the upgrade') && verify.includes('colleague@example.com'));
	await nav(page, () => page.click(`form[action="${draft}/submit"] button[type=submit]`));
	check('R5.7 submit leads to the confirmation', urlPath(page) === `${draft}/done`, [`at ${page.url()}`]);
	const done = await page.locator('main').innerText();
	const m = done.match(/#(\d+)/);
	const id = m ? m[1] : null;
	check('R5.7 the confirmation gives the request number and the first response time, with its zone',
		!!id && /\d{4}-\d\d-\d\d \d\d:\d\d (CET|CEST)/.test(done), [done.slice(0, 300)]);
	check(`R16.1 ${how} [${L}]: the request is submitted critical with 24/7`,
		done.includes('EMEA/critical/24x7'), [done.slice(0, 300)]);
	await audit(page, 'confirmation', L, axe);
	if (js && L === 'en')
		await shot(page, 'confirmation.png');

	// the list, the request page, a message with a file, a colleague
	await page.goto(BASE + '/requests');
	await audit(page, 'requests', L, axe);
	await nav(page, () => page.click(`a[href="/requests/${id}"] >> nth=0`));
	await audit(page, 'request', L, axe);
	await page.fill('#f-body', 'The trace of last night is attached.');
	await page.setInputFiles('#f-files', file);
	await nav(page, () => page.click(`form[action="/requests/${id}/messages"] button[type=submit]`));
	check('R7.2 the message is on the page', (await page.locator('#thread').innerText()).includes('The trace of last night is attached.'));
	await page.fill('#f-email', 'another@example.com');
	await nav(page, () => page.click(`form[action="/requests/${id}/contacts"] button[type=submit]`));
	check('R7.3 the colleague is in Sharing', (await page.locator('#sharing').innerText()).includes('another@example.com'));
	await audit(page, 'request with a message', L, axe);
	if (js && L === 'en')
		await shot(page, 'request.png');
	return id;
}
await journey('a request through the wizard', {}, async (page) => {
	requestId = await wizardJourney(page);
});
await journey('a request through the wizard in Polish', {}, async (page) => {
	check('R12.1 the wizard in Polish reaches the confirmation', !!(await wizardJourney(page, { lang: 'pl' })));
});
await journey('a request through the wizard without JavaScript', { javaScriptEnabled: false }, async (page) => {
	const id = await wizardJourney(page, { js: false });
	check('R12.2 without JavaScript the wizard reaches the confirmation and the request page', !!id);
});

// a partner's advisory request (R16.5): the plan step offers it and says
// it draws no incident, 24/7 goes away with it (R16.1), the confirmation
// says it is advisory; step 2 audited in English and Polish
await journey('a partner advisory request', {}, async (page) => {
	const email = uniqueEmail('petra');
	await signUp(page, 'Petra', 'Partner', email, 'work');
	await page.goto(BASE + '/contracts');
	await page.fill('#f-access_id', PARTNER_AID);
	await page.fill('#f-contract_id', PARTNER_CID);
	await nav(page, () => page.click('form[action="/contracts/activate"] button[type=submit]'));
	const draft = await firstStep(page, 'Which partner benefits renew in March',
		'We would like to know which benefits of our pack renew in March.');
	const step2 = norm(await page.locator('#step-2').innerText());
	check('R16.5 the plan step offers a partner advisory requests and says they draw no incident',
		await page.isVisible('#f-kind-billing') && step2.includes(norm(T.en['Wizard.KindHint'])), [step2.slice(0, 300)]);
	await page.check('#f-plan');
	await page.check('#f-severity');
	check('R16.1 critical chosen: 24/7 is offered', await page.isVisible('#f-allday'));
	await page.check('#f-kind-billing');
	check('R16.5 an advisory request takes 24/7 away (business hours)', !(await page.isVisible('#f-allday')));
	await audit(page, 'wizard step 2, partner', 'en');
	await shot(page, 'wizard-advisory.png');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	await audit(page, 'wizard step 2, partner', 'pl');
	await page.check('#f-kind-billing');
	await page.check('#f-plan');
	await page.check('#f-severity-moderate');
	await page.selectOption('#f-country', 'PL');
	await page.selectOption('#f-tz', 'Europe/Warsaw');
	for (let step = 2; step <= 4; step++)
		await nav(page, () => page.click('button[name=action][value=next]'));
	const verify = norm(await page.locator('main').innerText());
	check('R16.5 the verify step says it is advisory, in Polish', verify.includes(norm(T.pl['ReqKind.billing']))
		&& verify.includes('/advisory'), [verify.slice(0, 400)]);
	await nav(page, () => page.click(`form[action="${draft}/submit"] button[type=submit]`));
	const done = norm(await page.locator('main').innerText());
	check('R16.5 the confirmation says no incident was drawn', urlPath(page) === `${draft}/done`
		&& done.includes(norm(T.pl['Done.Advisory'])), [done.slice(0, 400)]);
	await audit(page, 'confirmation, advisory', 'pl');
	const left = execFileSync('sqlite3', ['-cmd', '.timeout 5000', DB,
		"SELECT incidents_left FROM contracts WHERE programme = 'partner_pack'"],
		{ encoding: 'utf8' }).trim();
	check('R16.5 the partner plan still has its 5 incidents', left === '5', [`left: ${left}`]);
});

// pay per incident with a test card (R6): from step 2 of a request, the
// card saved, one incident bought, the receipt, back to the request with
// the plan chosen; the pages in both languages
await journey('pay per incident', {}, async (page) => {
	const L = 'en';
	const email = uniqueEmail('pia');
	await signUp(page, 'Pia', 'Payer', email, 'personal');
	const draft = await firstStep(page, 'Log shipping is late',
		'The secondary is an hour behind.');
	const buy = page.locator(`a[href="/ppi?draft=${draft.split('/')[2]}"]`);
	await page.locator('details', { has: buy }).locator('summary').click();
	await nav(page, () => buy.click());
	check('R6.1 step 2 leads a personal account to the offers', urlPath(page) === '/ppi', [`at ${page.url()}`]);
	await audit(page, 'pay per incident, no card yet', L);
	await page.fill('#f-holder', 'Pia Payer');
	await page.fill('#f-number', '4242 4242 4242 4241');
	await page.fill('#f-expiry', '12/40');
	await page.fill('#f-cvc', '123');
	await nav(page, () => page.click('form[action="/ppi/card"] button[type=submit]'));
	await checkSummary(page, 'card with a wrong number', L);
	await audit(page, 'card with a wrong number', L);
	check('I.39 the number typed is not shown again', (await page.inputValue('#f-number')) === '');
	await page.fill('#f-number', '4242 4242 4242 4242');
	await page.fill('#f-expiry', '12/40');
	await page.fill('#f-cvc', '123');
	await nav(page, () => page.click('form[action="/ppi/card"] button[type=submit]'));
	await audit(page, 'pay per incident, card saved', L);
	// bought in Polish: the plan is named in the buyer's language, as
	// the data of a purchase (a title, not an interface string)
	await nav(page, () => page.click('header form[action="/lang"] button'));
	await audit(page, 'pay per incident, card saved', 'pl');
	await page.check('#f-offer');
	await nav(page, () => page.click('form[action="/ppi/start"] button[type=submit]'));
	await audit(page, 'the charge notice', 'pl');
	await nav(page, () => page.click('form[action$="/buy"] button[type=submit]'));
	const receipt = await page.locator('main').innerText();
	check('R6.4 R11.10 the receipt, naming the account', receipt.includes(T.pl['Receipt.Title']) && receipt.includes(email));
	await audit(page, 'receipt', 'pl');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	await audit(page, 'receipt', L);
	await shot(page, 'receipt.png');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	await nav(page, () => page.click(`main a[href^="${draft}?step=2"]`));
	check('R6.4 the request continues with the plan bought, chosen',
		await page.isChecked('input[name=plan]'), [`at ${page.url()}`]);
	await audit(page, 'wizard step 2 after buying', 'pl');
});

await journey("the engineer's side", {}, async (page) => {
	const L = 'en';
	check('a request to handle', !!requestId);
	await engineerSignIn(page);
	await nav(page, () => page.click('header nav a[href="/queue"]'));
	check('R8.1 the engineer has Queues in the header', urlPath(page) === '/queue', [`at ${page.url()}`]);
	check('R8.1 the request is in the EMEA queue',
		(await page.locator('main').innerText()).includes('Monthly reports time out after the upgrade'));
	await audit(page, 'queue', L);
	await shot(page, 'queue.png');
	// R15.2: the views are a navigation, the one shown marked; reached
	// and followed with the keyboard alone
	const views = 'main nav[aria-label="Views"]';
	const current = async () => norm(await page.locator(`${views} a[aria-current="page"]`).innerText());
	check('R15.2 the views, "All open" marked as the current one',
		(await page.locator(`${views} a[aria-current="page"]`).count()) === 1
		&& await current() === norm(T.en['Queue.View.all']));
	const keys = new Keys(page);
	await keys.tabTo(`${views} a[href^="/queue?view=new&"]`);
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.2 Enter on "New": the new requests, the view marked',
		new URL(page.url()).searchParams.get('view') === 'new' && await current() === norm(T.en['Queue.View.new'])
		&& (await page.locator(`main a[href="/queue/${requestId}"]`).count()) === 1, [`at ${page.url()}`]);
	await audit(page, 'queue, new requests', L);
	await keys.tabTo('main nav.sort a[href*="sort=updated"]');
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.2 ... sorted by last update, marked',
		new URL(page.url()).searchParams.get('sort') === 'updated'
		&& norm(await page.locator('main nav.sort a[aria-current="page"]').innerText()) === norm(T.en['Queue.Sort.updated']));
	// R15.3: the search box, typed into and sent with Enter
	await keys.type('#f-q', 'Reports UPGRADE');
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.3 the search finds the request by words of its title',
		(await page.locator(`main table a[href="/queue/${requestId}"]`).count()) === 1, [`at ${page.url()}`]);
	await audit(page, 'queue, search results', L);
	keys.report('the queue, its views and its search');
	await page.goto(BASE + '/queue');
	await nav(page, () => page.click(`a[href="/queue/${requestId}"] >> nth=0`));
	await audit(page, 'queue request', L);
	await nav(page, () => page.click(`form[action="/queue/${requestId}/take"] button`));
	check('R8.1 ownership taken', (await page.locator('main').innerText()).includes(T.en['Queue.Taken']));
	await page.fill('#f-body', 'Please send the execution plan of the report.');
	await nav(page, () => page.click(`form[action="/queue/${requestId}/messages"] button[type=submit]`));
	check('R8.1 the reply is in the thread', (await page.locator('#thread').innerText()).includes('Please send the execution plan'));
	await page.selectOption('#f-status', 'waiting');
	await nav(page, () => page.click(`form[action="/queue/${requestId}/status"] button[type=submit]`));
	check('R11.3 waiting for the customer: the clock stops',
		(await page.locator('main').innerText()).includes(T.en['Queue.Paused']));
	await audit(page, 'queue request, waiting', L);
	await shot(page, 'queue-request.png');
	// R15.7: the history, the engineer's whole of it
	const hist = await page.locator('#history').innerText();
	check('R15.7 the engineer sees the history: the owner change, marked internal',
		hist.includes('Owner changed: Eve Engineer') && hist.includes(T.en['History.Internal']), [hist.slice(0, 300)]);
	check('R15.7 ... the status set, in the engineer\'s words',
		hist.includes('Status changed: ' + T.en['Queue.Status.waiting']), [hist.slice(0, 300)]);
	// R15.1: the engineer's mails, chosen on the account page with the
	// keyboard alone
	await page.goto(BASE + '/account');
	await audit(page, 'account, engineer', L);
	await page.focus('#f-notify_reply');
	await page.keyboard.press('Space');
	check('R15.1 a choice unticked with the keyboard', !(await page.isChecked('#f-notify_reply')));
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.1 saved: the notice says so',
		(await page.locator('main').innerText()).includes(T.en['Account.NoteNotify']), [`at ${page.url()}`]);
	check('R15.1 ... and the choice is kept', !(await page.isChecked('#f-notify_reply')) &&
		await page.isChecked('#f-notify_new'));
	await page.goto(BASE + `/queue/${requestId}`);
	await nav(page, () => page.click('header form[action="/lang"] button'));
	await audit(page, 'queue request, waiting', 'pl');
	await page.goto(BASE + '/queue');
	await audit(page, 'queue', 'pl');
	await page.goto(BASE + '/queue?view=waiting&sort=updated');
	check('R15.2 the waiting view in Polish lists the request',
		(await page.locator(`main table a[href="/queue/${requestId}"]`).count()) === 1);
	await audit(page, 'queue, waiting', 'pl');
	await page.goto(BASE + '/queue?q=' + encodeURIComponent('raporty reports'));
	await audit(page, 'queue, search results', 'pl');
	// sign-out everywhere: a second browser of the same account is
	// signed out too
	const other = await newPage();
	await other.page.goto(BASE + '/signin');
	await other.page.fill('#f-email', 'eve@vendor.example');
	await other.page.fill('#f-password', PASSWORD);
	await nav(other.page, () => other.page.click('form[action="/signin"] button[type=submit]'));
	await other.page.goto(BASE + '/queue');
	check('R1.2 a second browser of the engineer is signed in', urlPath(other.page) === '/queue', [`at ${other.page.url()}`]);
	await nav(page, () => page.click('header form[action="/signout"] button'));
	await page.goto(BASE + '/queue');
	check('R1.2 signed out, the queue asks to sign in again', urlPath(page) === '/signin', [`at ${page.url()}`]);
	await other.page.goto(BASE + '/queue');
	check('R1.2 sign-out is everywhere: the second browser is signed out too', urlPath(other.page) === '/signin',
		[`at ${other.page.url()}`]);
	await other.ctx.close();
});

// ============================ 6b. the engineer's workbench (R15.4-R15.7)
// Eve releases the request she owns, takes it again with the keyboard,
// adds an internal note and hands it to Olga, the other engineer of the
// EMEA queues; every state audited, the page with its notes and history
// kept as request-engineer.png.
await journey("the engineer's workbench", {}, async (page) => {
	const L = 'en';
	const k = new Keys(page);
	const base = `/queue/${requestId}`;
	const has = async (p, t) => (await p.locator('main').innerText()).includes(t);
	check('a request to handle', !!requestId);
	await engineerSignIn(page);
	await page.goto(BASE + base);
	// the engineer's side left Eve's profile in Polish: English first
	if (await page.evaluate(() => document.documentElement.lang) !== 'en')
		await nav(page, () => page.click('header form[action="/lang"] button'));
	if (await page.locator(`form[action="${base}/release"]`).count() > 0) {
		await nav(page, () => page.click(`form[action="${base}/release"] button`));
		check('R15.4 the owner releases the request to its queue',
			await has(page, T.en['Queue.ReleasedDone']));
		await audit(page, 'queue request, released', L);
	}
	// take, with the keyboard alone
	await k.tabTo(`form[action="${base}/take"] button`);
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.4 R12.2 taken with the keyboard', await has(page, T.en['Queue.Taken']));
	check('R15.6 the owner sees the primary contact\'s details',
		await has(page, T.en['Queue.Details']));
	// an internal note, typed
	await k.type('#f-note', 'Customer prefers a call after 14:00 CET; <b>not</b> before.');
	await k.tabTo(`form[action="${base}/notes"] button[type=submit]`);
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.5 R12.2 the note is added with the keyboard',
		(await page.locator('#notes').innerText()).includes('<b>not</b> before'));
	check('R15.7 ... and in the history', (await page.locator('#history').innerText())
		.includes(T.en['History.Event.note']));
	k.report('the engineer\'s request page');
	await audit(page, 'queue request with a note', L);
	await shot(page, 'request-engineer.png');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	await audit(page, 'queue request with a note', 'pl');
	await nav(page, () => page.click('header form[action="/lang"] button'));
	// hand over to Olga, with the keyboard
	await k.tabTo('#f-to');
	check('R15.4 Olga is offered', (await page.locator('#f-to').innerText()).includes('Olga'));
	await k.tabTo(`form[action="${base}/hand"] button[type=submit]`);
	await nav(page, () => page.keyboard.press('Enter'));
	check('R15.4 R12.2 handed over with the keyboard', await has(page, T.en['Queue.HandedDone']));
	check('R15.4 ... Olga owns it', (await page.locator('dl.facts').first().innerText()).includes('Olga'));
	await audit(page, 'queue request, handed over', L);
	k.report('the engineer\'s request page, handing over');
});

// R15.2, R15.3 without JavaScript: views, sorts, pages and the search are
// links and a GET form; a view that is not one is a 400 page that says so
await journey("the engineer's views and search without JavaScript", { javaScriptEnabled: false }, async (page) => {
	const L = 'en';
	check('a request to find', !!requestId);
	await page.goto(BASE + '/signin');
	await page.fill('#f-email', 'eve@vendor.example');
	await page.fill('#f-password', PASSWORD);
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	await page.goto(BASE + '/queue');
	if (await page.getAttribute('html', 'lang') !== L)	// left in Polish before
		await nav(page, () => page.click('header form[action="/lang"] button'));
	await nav(page, () => page.click('main ul.views a[href^="/queue?view=waiting&"]'));
	check('R15.2 without JavaScript: the waiting view is a link, and lists the request',
		new URL(page.url()).searchParams.get('view') === 'waiting'
		&& (await page.locator(`main table a[href="/queue/${requestId}"]`).count()) === 1, [`at ${page.url()}`]);
	await audit(page, 'queue, waiting (no JavaScript)', L, { axe: false });
	await nav(page, () => page.click('main nav.sort a[href*="sort=updated"]'));
	check('R15.2 ... the sort too', new URL(page.url()).searchParams.get('sort') === 'updated');
	await page.fill('#f-q', 'monthly reports');
	await nav(page, () => page.click('main form[role=search] button[type=submit]'));
	check('R15.3 without JavaScript: the search is a form',
		(await page.locator(`main table a[href="/queue/${requestId}"]`).count()) === 1, [`at ${page.url()}`]);
	await audit(page, 'queue, search results (no JavaScript)', L, { axe: false });
	const resp = await page.goto(BASE + '/queue?view=nope&page=-1');
	check('R15.2 a page number that is not one: 400, saying why, the views offered',
		resp.status() === 400 && norm(await page.locator('main').innerText()).includes(norm(T.en['Queue.BadPage']))
		&& (await page.locator('main ul.views a').count()) === 8, [`status ${resp.status()}`]);
	await audit(page, 'queue, a bad page number (no JavaScript)', L, { axe: false });
	await nav(page, () => page.click('header form[action="/signout"] button'));
});

// ======================================================= 7. identity (R14)

// The rows of the sessions table of /account (R14.7)
const sessionRows = (page) => page.evaluate(() => [...document.querySelectorAll('table.sessions tbody tr')]
	.map((tr) => ({ here: tr.classList.contains('this'), text: tr.innerText.replace(/\s+/g, ' ').trim() })));
// The recovery codes of the page that shows them (R14.6)
const codesShown = (page) => page.evaluate(() => [...document.querySelectorAll('main ol.codes li code')]
	.map((c) => c.innerText.trim()));
const h1 = (page) => text(page, 'h1');
const mainHas = async (page, s) => norm(await page.locator('main').innerText()).includes(norm(s));
const VERIFY_BUTTON = 'form[action="/verify"] button[type=submit]';
const ZEROS = '0'.repeat(64);

// bothLanguages(page, what, fn): audit the page in English, switch to
// Polish (the switch comes back to the same page, with its query), audit
// it there, and switch back; fn, when given, checks the Polish page.
async function bothLanguages(page, what, fn = null) {
	await audit(page, what, 'en');
	const before = page.url();
	const lang = await switchLang(page);
	check(`R12.1 ${what}: the language switch gives the same page in Polish`,
		lang === 'pl' && page.url() === before, [`html lang="${lang}", at ${page.url()}, was ${before}`]);
	if (fn)
		await fn();
	await audit(page, what, 'pl');
	const back = await switchLang(page);
	check(`R12.1 ${what}: and back to English`, back === 'en', [`html lang="${back}"`]);
}

// the help pages (R16.4): public, each in both languages, audited
await journey('R16.4 help pages in English and Polish', {}, async (page) => {
	for (const p of ['activate', 'missing-contract', 'add-failed', 'benefits', 'ppi-work', 'agreement']) {
		await page.goto(BASE + '/help/' + p);
		check(`R16.4 /help/${p} opens for anyone`, urlPath(page) === '/help/' + p, [`at ${page.url()}`]);
		await bothLanguages(page, `help: ${p}`);
	}
});

await journey('identity in English and Polish', {}, async (page) => {
	const email = uniqueEmail('ida');

	// sign-up: "check your mail", whatever the address (R14.1, R14.2)
	await page.goto(BASE + '/signup');
	await page.fill('#f-first', 'Ida');
	await page.fill('#f-last', 'Identity');
	await page.fill('#f-email', email);
	await page.fill('#f-password', PASSWORD);
	await page.check('#f-kind');
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	signedUp(page, 'identity: sign-up', 'en');
	const sent = norm(await page.locator('main').innerText());
	check('R14.1 the "check your mail" page says a link was sent and that nobody is signed in',
		(await h1(page)) === norm(T.en['Signup.SentTitle']) && (await page.locator('header .who').count()) === 0,
		[`h1 "${await h1(page)}"`]);
	await bothLanguages(page, 'sign-up sent', async () => check('R12.1 [pl] "check your mail" in Polish',
		(await h1(page)) === norm(T.pl['Signup.SentTitle']), [`h1 "${await h1(page)}"`]));

	// the page of the mailed link: a button, nothing done by the GET
	const link = mailLink(email);
	check('R14.1 the mail holds a link to <origin>/verify?t=<64 hex>', !!link && link.startsWith(`${BASE}/verify?t=`),
		[`link: ${link}`]);
	await page.goto(link);
	check('R14.1 the link opens a page with a "Confirm my address" button (a POST to /verify)',
		(await h1(page)) === norm(T.en['Verify.Title'])
		&& norm(await page.locator(VERIFY_BUTTON).innerText()) === norm(T.en['Verify.Submit'])
		&& (await page.getAttribute('form[action="/verify"]', 'method')) === 'post', [`h1 "${await h1(page)}"`]);
	await bothLanguages(page, 'the mailed link', async () => check('R12.1 [pl] the mailed link\'s page in Polish',
		norm(await page.locator(VERIFY_BUTTON).innerText()) === norm(T.pl['Verify.Submit'])));

	// a dead link: its GET shows the same button, the button says it is dead
	await page.goto(`${BASE}/verify?t=${ZEROS}`);
	check('R14.1 a link of an unknown token shows the same button before anything is done',
		(await h1(page)) === norm(T.en['Verify.Title']), [`h1 "${await h1(page)}"`]);
	const dead = await nav(page, () => page.click(VERIFY_BUTTON));
	check('R14.1 the button of a dead link answers 404 with "This link cannot be used"',
		dead.status() === 404 && (await h1(page)) === norm(T.en['Link.DeadTitle']),
		[`status ${dead.status()}, h1 "${await h1(page)}"`]);
	await audit(page, 'dead link', 'en');
	await page.goto(`${BASE}/verify?t=${ZEROS}`);
	await switchLang(page);
	const deadPl = await nav(page, () => page.click(VERIFY_BUTTON));
	check('R12.1 [pl] the dead link\'s page in Polish', deadPl.status() === 404
		&& (await h1(page)) === norm(T.pl['Link.DeadTitle']), [`h1 "${await h1(page)}"`]);
	await audit(page, 'dead link', 'pl');
	await switchLang(page);

	// the real link: confirmed once, dead the second time
	await followLink(page, email, { where: 'identity' });
	await audit(page, 'sign-in, address confirmed', 'en');
	await page.goto(link);
	const again = await nav(page, () => page.click(VERIFY_BUTTON));
	check('R14.1 a link works once: pressed again it is dead', again.status() === 404
		&& (await h1(page)) === norm(T.en['Link.DeadTitle']), [`status ${again.status()}, h1 "${await h1(page)}"`]);

	// a forgotten password, from the sign-in page (R14.3)
	await page.goto(BASE + '/signin');
	await nav(page, () => page.click('main a[href="/forgot"]'));
	check('R14.3 "Forgot your password?" on the sign-in page leads to /forgot', urlPath(page) === '/forgot',
		[`at ${page.url()}`]);
	await bothLanguages(page, 'forgot password');
	await page.fill('#f-email', email);
	await nav(page, () => page.click('form[action="/forgot"] button[type=submit]'));
	check('R14.3 the address sent: /forgot?sent=1 says a link was sent if an account uses it',
		urlPath(page) === '/forgot' && new URL(page.url()).searchParams.get('sent') === '1'
		&& await mainHas(page, T.en['Forgot.Sent']), [`at ${page.url()}`]);
	await bothLanguages(page, 'forgot password, sent');
	const reset = mailLink(email, '/reset');
	check('R14.3 the mail holds a link to <origin>/reset?t=<64 hex>', !!reset && reset.startsWith(`${BASE}/reset?t=`),
		[`link: ${reset}`]);
	if (reset) {
		await page.goto(reset);
		check('R14.3 the reset link opens the new password\'s form', (await h1(page)) === norm(T.en['Reset.Title'])
			&& (await page.locator('form[action="/reset"] #f-password').count()) === 1, [`h1 "${await h1(page)}"`]);
		await bothLanguages(page, 'new password (reset link)');
	}

	// the same address signed up again: the same answer (R14.2)
	await page.goto(BASE + '/signup');
	await page.fill('#f-first', 'Someone');
	await page.fill('#f-last', 'Else');
	await page.fill('#f-email', email);
	await page.fill('#f-password', 'another long pass phrase');
	await page.check('#f-kind-work');
	await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
	check('R14.2 a taken address gets exactly the answer of a new one',
		urlPath(page) === '/signup/sent' && norm(await page.locator('main').innerText()) === sent, [`at ${page.url()}`]);

	// signed in: the one-time profile, then the account page
	await page.goto(BASE + '/signin');
	await signIn(page, email);
	check('R2.1 R14.1 signed in after the link: the one-time profile', urlPath(page) === '/profile', [`at ${page.url()}`]);
	await fillProfile(page, email);
	await checkSignedIn(page, 'identity: start page', 'en', 'Ida', 'Identity', 'personal');
	await nav(page, () => page.click('header nav a[href="/account"]'));
	check('R14.7 the header links to the account page', urlPath(page) === '/account', [`at ${page.url()}`]);
	const forms = await page.evaluate(() => ({
		name: !!document.querySelector('form[action="/account/name"] #f-first'),
		email: !!document.querySelector('form[action="/account/email"] #f-email'),
		password: !!document.querySelector('main a[href="/password"]'),
		totp: !!document.querySelector('main form[action="/account/totp/start"] button'),
		sessions: document.querySelectorAll('table.sessions tbody tr').length,
		data: !!document.querySelector('main a[href="/account/data"]'),
		del: !!document.querySelector('#delete details form[action="/account/delete"]'),
	}));
	check('R14.6-R14.9 the account page: name, address, password link, two-step sign-in, sessions, data, delete',
		Object.values(forms).every(Boolean), [JSON.stringify(forms)]);
	await bothLanguages(page, 'account');

	// a second browser signs in: two sessions on the page (R14.7)
	const other = await newPage();
	let secret = null;
	let first = null;
	try {
		await other.page.goto(BASE + '/signin');
		await signIn(other.page, email);
		check('R14.7 a second browser of the account is signed in', urlPath(other.page) === '/', [`at ${other.page.url()}`]);
		await page.reload();
		let rows = await sessionRows(page);
		check('R14.7 the sessions table lists both browsers, this one marked',
			rows.length === 2 && rows.filter((r) => r.here).length === 1
			&& rows.every((r) => /\d{4}-\d\d-\d\d \d\d:\d\d/.test(r.text) && r.text.includes('127.0.0.1')),
			rows.map((r) => JSON.stringify(r)));
		await audit(page, 'account, two sessions', 'en');
		await page.locator('#sessions-title').scrollIntoViewIfNeeded();
		await shot(page, 'sessions.png');

		// two-step sign-in: enrolment (R14.6): its page without a secret
		// yet, the button that makes one, then the QR code
		await page.goto(BASE + '/account/totp');
		check('R14.6 /account/totp before enrolling: a button that starts it',
			(await page.locator('main form[action="/account/totp/start"] button').count()) === 1
			&& (await page.locator('main svg.qr').count()) === 0, [`at ${page.url()}`]);
		await bothLanguages(page, 'two-step sign-in, not started');
		await page.goto(BASE + '/account');
		await nav(page, () => page.click('main form[action="/account/totp/start"] button'));
		check('R14.6 "Turn on two-step sign-in" on the account page leads to the enrolment page',
			urlPath(page) === '/account/totp', [`at ${page.url()}`]);
		const qr = await page.evaluate(() => {
			const q = document.querySelector('main svg.qr');
			const r = q && q.getBoundingClientRect();
			return q ? { w: r.width, h: r.height, title: q.querySelector('title') && q.querySelector('title').textContent,
				path: (q.querySelector('path') || { getAttribute: () => '' }).getAttribute('d').length } : null;
		});
		check('R14.6 the enrolment page shows the QR code, drawn by the server as an inline SVG with a title',
			!!qr && qr.w >= 100 && Math.abs(qr.w - qr.h) < 1 && qr.path > 100 && norm(qr.title || '') === norm(T.en['Totp.QrTitle']),
			[JSON.stringify(qr)]);
		const shown = await page.locator('main code.secret').innerText();
		check('R14.6 the secret is shown as text, in groups of four', /^[A-Z2-7]{4}( [A-Z2-7]{4})+$/.test(shown.trim()),
			[`"${shown}"`]);
		await bothLanguages(page, 'two-step enrolment', async () => check('R14.6 the secret stays the same on a reload',
			(await page.locator('main code.secret').innerText()) === shown));
		await shot(page, 'totp-enrol.png');
		await page.fill('#f-code', '000000');
		await nav(page, () => page.click('form[action="/account/totp"] button[type=submit]'));
		await checkSummary(page, 'two-step enrolment, wrong code', 'en');
		await audit(page, 'two-step enrolment, wrong code', 'en');
		secret = await totpSecret(page);
		check('R14.6 the secret is the same after a wrong code', secret === shown.replace(/\s+/g, ''));
		first = await freshCode(page, secret, -1);
		await page.fill('#f-code', first.code);
		await nav(page, () => page.click('form[action="/account/totp"] button[type=submit]'));
		let codes = await codesShown(page);
		check('R14.6 the code of the app turns it on: the page lists ten recovery codes, once',
			(await h1(page)) === norm(T.en['Totp.CodesTitle']) && codes.length === 10 && new Set(codes).size === 10,
			[`at ${page.url()}, h1 "${await h1(page)}"`, `codes: ${JSON.stringify(codes)}`]);
		await audit(page, 'recovery codes', 'en');

		// the account page with it on, and new codes, in Polish
		await switchLang(page);
		check('R14.6 with two-step sign-in on, /account/totp leads to the account page, which says it is on',
			urlPath(page) === '/account' && (await page.locator('form[action="/account/totp/off"]').count()) === 1,
			[`at ${page.url()}`]);
		await audit(page, 'account, two-step on', 'pl');
		await nav(page, () => page.click('form[action="/account/recovery"] button[type=submit]'));
		const fresh = await codesShown(page);
		check('R14.6 [pl] new recovery codes: ten, none of the old ones, the page in Polish',
			fresh.length === 10 && fresh.every((c) => !codes.includes(c)) && (await h1(page)) === norm(T.pl['Totp.CodesTitle']),
			[`codes: ${JSON.stringify(fresh)}`]);
		await audit(page, 'recovery codes', 'pl');
		codes = fresh;
		// (not from this page: its switch would load GET /account/recovery)
		await page.goto(BASE + '/account');
		await switchLang(page);
		await audit(page, 'account, two-step on', 'en');

		// the second browser's session ended from this one (R14.7)
		rows = await sessionRows(page);
		const end = page.locator('table.sessions tbody tr:not(.this) form[action="/account/sessions/end"] button');
		check('R14.7 the other session has an "End" button named by its start', (await end.count()) === 1
			&& norm(await end.innerText()).startsWith(norm(T.en['Account.End'])), rows.map((r) => JSON.stringify(r)));
		await nav(page, () => end.click());
		rows = await sessionRows(page);
		check('R14.7 "End" ends it: the page says so and lists this browser alone',
			await mainHas(page, T.en['Account.NoteEnded']) && rows.length === 1 && rows[0].here,
			[`at ${page.url()}`, ...rows.map((r) => JSON.stringify(r))]);
		await audit(page, 'account, a session ended', 'en');
		await other.page.goto(BASE + '/account');
		check('R14.7 the ended browser is signed out on its next page', urlPath(other.page) === '/signin',
			[`at ${other.page.url()}`]);

		// the second browser again: the code after the password, a recovery code
		await signIn(other.page, email);
		check('R14.6 with two-step sign-in on, the password leads to /signin/code', urlPath(other.page) === '/signin/code',
			[`at ${other.page.url()}`]);
		await other.page.fill('#f-code', codes[0]);
		await nav(other.page, () => other.page.click('form[action="/signin/code"] button[type=submit]'));
		check('R14.6 a recovery code completes the sign-in, back to the page asked for (/account)',
			urlPath(other.page) === '/account', [`at ${other.page.url()}`]);
		await other.ctx.clearCookies();
		await other.page.goto(BASE + '/signin');
		await signIn(other.page, email);
		await other.page.fill('#f-code', codes[0]);
		await nav(other.page, () => other.page.click('form[action="/signin/code"] button[type=submit]'));
		check('R14.6 a recovery code works once', urlPath(other.page) === '/signin/code'
			&& await mainHas(other.page, T.en['Err.CodeWrong']), [`at ${other.page.url()}`]);
	} finally {
		await other.ctx.close();
	}

	// signed out, signed in again: the code after the password (R14.6)
	await nav(page, () => page.click('header form[action="/signout"] button'));
	await signIn(page, email);
	check('R14.6 signing in again asks for a code after the password', urlPath(page) === '/signin/code',
		[`at ${page.url()}`]);
	check('R14.6 not signed in before the code', (await page.locator('header .who').count()) === 0);
	await bothLanguages(page, 'sign-in code');
	await page.fill('#f-code', first.code);
	await nav(page, () => page.click('form[action="/signin/code"] button[type=submit]'));
	check('R14.6 the code used to turn it on is refused a second time', urlPath(page) === '/signin/code'
		&& await mainHas(page, T.en['Err.CodeWrong']), [`at ${page.url()}`]);
	await checkSummary(page, 'sign-in code, a used code', 'en');
	await audit(page, 'sign-in code, a used code', 'en');
	const next = await freshCode(page, secret, first.step);
	await page.fill('#f-code', next.code);
	await nav(page, () => page.click('form[action="/signin/code"] button[type=submit]'));
	check('R14.6 a fresh code from the app completes the sign-in', urlPath(page) === '/', [`at ${page.url()}`]);
	await checkSignedIn(page, 'after the code', 'en', 'Ida', 'Identity', 'personal');
});

// the same with the keyboard alone: the account page's forms, enrolment,
// the sign-in with a code, deleting the account (R12.2, R14)
await journey('two-step sign-in with the keyboard alone', {}, async (page) => {
	const kb = page.keyboard;
	const k = new Keys(page);
	const email = uniqueEmail('kai');
	await signUp(page, 'Kai', 'Keys', email, 'personal');
	await k.tabTo('header nav a[href="/account"]');
	await nav(page, () => kb.press('Enter'));
	check('R12.2 keyboard: the header link leads to the account page', urlPath(page) === '/account', [`at ${page.url()}`]);

	// the name
	await k.tabTo('#f-first');
	await kb.press('Control+A');
	await kb.type('Kaja');
	await k.tabTo('form[action="/account/name"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	check('R14.8 keyboard: the name is saved', await mainHas(page, T.en['Account.NoteName']), [`at ${page.url()}`]);
	await checkSignedIn(page, 'account, name saved (keyboard)', 'en', 'Kaja', 'Keys', 'personal');
	k.report('account (name)');

	// a new address: waits for its link
	const newEmail = uniqueEmail('kaja');
	await k.type('#f-email', newEmail);
	await k.tabTo('form[action="/account/email"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	check('R14.8 keyboard: a new address waits for its link', await mainHas(page, T.en['Account.NoteEmail'])
		&& await mainHas(page, newEmail) && !!mailLink(newEmail), [`at ${page.url()}`]);
	k.report('account (address)');

	// the delete <details>: opened with Enter, its fields reachable
	await k.tabTo('#delete summary');
	await kb.press('Enter');
	check('R12.2 keyboard: Enter opens "delete the account"',
		await page.evaluate(() => document.querySelector('#delete details').open));
	await k.tabTo('#f-delete-password');
	await k.tabTo('#delete summary', { back: true });
	await kb.press('Enter');

	// enrolment
	await k.tabTo('main form[action="/account/totp/start"] button', { back: true });
	await nav(page, () => kb.press('Enter'));
	check('R12.2 keyboard: the enrolment page', urlPath(page) === '/account/totp', [`at ${page.url()}`]);
	const secret = await totpSecret(page);
	const first = await freshCode(page, secret, -1);
	await k.type('#f-code', first.code);
	await k.tabTo('form[action="/account/totp"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	const codes = await codesShown(page);
	check('R12.2 R14.6 keyboard: two-step sign-in turned on, ten recovery codes', codes.length === 10,
		[`at ${page.url()}`]);
	k.report('two-step enrolment');
	await k.tabTo('main a[href="/account"]');
	await nav(page, () => kb.press('Enter'));
	k.report('recovery codes');

	// signed out and in again, with a recovery code (the app's code of the
	// enrolment may still be the current one)
	await k.tabTo('header form[action="/signout"] button', { back: true });
	await nav(page, () => kb.press('Enter'));
	k.report('account');
	await signIn(page, email, { keys: k });
	check('R14.6 keyboard: the code is asked after the password', urlPath(page) === '/signin/code', [`at ${page.url()}`]);
	await k.type('#f-code', codes[0]);
	await k.tabTo('form[action="/signin/code"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	k.report('sign-in code');
	check('R12.2 R14.6 keyboard: signed in with a code', urlPath(page) === '/', [`at ${page.url()}`]);

	// the account deleted with the keyboard: the password and a code (R14.9)
	await k.tabTo('header nav a[href="/account"]');
	await nav(page, () => kb.press('Enter'));
	await k.tabTo('#delete summary');
	await kb.press('Enter');
	await k.type('#f-delete-password', PASSWORD);
	await k.type('#f-delete-code', codes[1]);
	await k.tabTo('form[action="/account/delete"] button[type=submit]');
	await nav(page, () => kb.press('Enter'));
	k.report('account (delete)');
	check('R14.9 keyboard: the account is deleted, signed out, and the sign-in page says so',
		urlPath(page) === '/signin' && await mainHas(page, T.en['Signin.Deleted']), [`at ${page.url()}`]);
	await signIn(page, email);
	check('R14.9 the deleted account cannot sign in', urlPath(page) === '/signin'
		&& await mainHas(page, T.en['Err.Credentials']), [`at ${page.url()}`]);
});

// the same without JavaScript: the account page's forms, enrolment and a
// code from the app after the password (R12.2, R14)
await journey('two-step sign-in without JavaScript', { javaScriptEnabled: false }, async (page) => {
	const L = 'en';
	const email = uniqueEmail('nox');
	await signUp(page, 'Nox', 'Script', email, 'work');
	await nav(page, () => page.click('header nav a[href="/account"]'));
	await audit(page, 'account (no JavaScript)', L, { axe: false });

	// enrolment first: the app's next code comes while the forms are used
	await nav(page, () => page.click('main form[action="/account/totp/start"] button'));
	check('R12.2 no JavaScript: the QR code is there', (await page.locator('main svg.qr path').count()) === 1);
	const secret = await totpSecret(page);
	const first = await freshCode(page, secret, -1);
	await page.fill('#f-code', first.code);
	await nav(page, () => page.click('form[action="/account/totp"] button[type=submit]'));
	const codes = await codesShown(page);
	check('R12.2 R14.6 no JavaScript: two-step sign-in turned on, ten recovery codes', codes.length === 10,
		[`at ${page.url()}`]);
	await audit(page, 'recovery codes (no JavaScript)', L, { axe: false });
	await nav(page, () => page.click('main a[href="/account"]'));

	// the name, a wrong address, the delete <details>
	await page.fill('#f-first', 'Noa');
	await nav(page, () => page.click('form[action="/account/name"] button[type=submit]'));
	await checkSignedIn(page, 'account, name saved (no JavaScript)', L, 'Noa', 'Script', 'work');
	await page.fill('#f-email', 'not an address');
	await nav(page, () => page.click('form[action="/account/email"] button[type=submit]'));
	await checkSummary(page, 'account, a wrong new address (no JavaScript)', L);
	await page.click('#delete summary');
	check('R12.2 no JavaScript: "delete the account" opens',
		await page.locator('#delete details[open] form[action="/account/delete"]').isVisible());
	// turning it off with a wrong code: refused, the summary
	await page.fill('#f-password', PASSWORD);
	await page.fill('#f-code', '000000');
	await nav(page, () => page.click('form[action="/account/totp/off"] button[type=submit]'));
	await checkSummary(page, 'account, turning two-step sign-in off with a wrong code (no JavaScript)', L);

	// signed out and in again with the app's next code
	await nav(page, () => page.click('header form[action="/signout"] button'));
	await signIn(page, email);
	check('R14.6 no JavaScript: the code is asked after the password', urlPath(page) === '/signin/code',
		[`at ${page.url()}`]);
	await audit(page, 'sign-in code (no JavaScript)', L, { axe: false });
	const next = await freshCode(page, secret, first.step);
	await page.fill('#f-code', next.code);
	await nav(page, () => page.click('form[action="/signin/code"] button[type=submit]'));
	check('R12.2 R14.6 no JavaScript: signed in with a fresh code from the app', urlPath(page) === '/',
		[`at ${page.url()}`]);

	// "Sign out here" in the sessions table
	await nav(page, () => page.click('header nav a[href="/account"]'));
	await nav(page, () => page.click('table.sessions tr.this form[action="/account/sessions/end"] button'));
	await page.goto(BASE + '/account');
	check('R14.7 no JavaScript: "Sign out here" signs this browser out', urlPath(page) === '/signin',
		[`at ${page.url()}`]);
});

// =================================== 6. the XSS corpus (SECURITY.md F.27)

// Forty payloads through every text field: names at sign-up, a draft's
// title and description, a file's name, a message, a contact's email;
// then every page that shows them is opened in Chromium.  The flag a
// payload would set is never set, there is no CSP violation, and no
// element of the page carries an event-handler attribute (the templates
// have none: any would be a payload's).
const PAYLOADS = fs.readFileSync(path.join(HERE, 'xss.txt'), 'utf8').split('\n')
	.filter((l) => l !== '' && !l.startsWith('#'));
const [CAT_P, CAT_V, CAT_C, CAT_X] = (process.env.CATALOGUE || '').split(' ');
await journey('F.27 the XSS corpus', {}, async (page, ctx) => {
	const bad = [];
	let pages = 0;
	page.on('console', (m) => {
		if (/Content.Security.Policy/i.test(m.text()))
			bad.push(`CSP: ${m.text().slice(0, 160)}`);
	});
	await ctx.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__csp = (window.__csp || 0) + 1;
		});
	});
	const probe = async (where) => {
		pages++;
		await page.waitForTimeout(20);
		const r = await page.evaluate(() => ({
			flag: !!window.__xss || !!(window.parent && window.parent.__xss),
			csp: window.__csp || 0,
			on: [...document.querySelectorAll('*')].filter((e) =>
				[...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.tagName).slice(0, 3),
			// the one script of the portal is its own file (R16.1)
			js: [...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i], iframe, object, embed, script:not([src="/static/wizard.js"])')]
				.map((e) => e.tagName).slice(0, 3),
		}));
		if (r.flag || r.csp || r.on.length || r.js.length)
			bad.push(`${where}: ${JSON.stringify(r)}`);
	};
	const token = async () => page.locator('input[name=csrf]').first().getAttribute('value');
	// the detector detects: a handler put into the page by hand is seen
	await page.goto(BASE + '/signin');
	await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/x.png" onerror="window.__xss=1">'));
	await probe('a page with a handler put in by the test');
	check('F.27 the check sees an injected handler and its CSP violation',
		bad.some((b) => /"csp":1,"on":\["IMG"\]/.test(b)) && bad.some((b) => b.startsWith('CSP:')), bad);
	bad.length = 0;
	pages = 0;
	const shown = async (where, list) => {
		const t = await page.locator('main').innerText();
		const missing = list.filter((x) => !t.includes(x.trim()));
		check(`F.27 ${where}: every payload shown as text`, missing.length === 0, missing.slice(0, 5));
	};

	// names at sign-up (the header of every page shows them)
	for (const [i, x] of PAYLOADS.entries()) {
		await page.goto(BASE + '/signup');
		await page.fill('#f-first', x.slice(0, 60));
		await page.fill('#f-last', x.slice(60, 120) || 'X');
		const email = uniqueEmail(`xss${i}`);
		await page.fill('#f-email', email);
		await page.fill('#f-password', PASSWORD);
		await page.check('#f-kind');
		await nav(page, () => page.click('form[action="/signup"] button[type=submit]'));
		await probe(`sign-up ${i}`);
		await verifyQuietly(page, email);
		await probe(`sign-in page after the link of ${i}`);
		await signIn(page, email);
		if (urlPath(page) === '/profile') {
			await page.fill('#f-company', x.slice(0, 100));
			await fillProfile(page, `xss${i}@example.com`);
			await probe(`start page of ${i}`);
		}
		if (i < PAYLOADS.length - 1)
			await nav(page, () => page.click('header form[action="/signout"] button'));
	}
	// the last account: a contract, then a draft per payload
	await activate(page);
	const drafts = [];
	for (const [i, x] of PAYLOADS.entries()) {
		await page.goto(BASE + '/requests');
		const r = await page.request.post(BASE + '/requests/new', { form: { csrf: await token() }, maxRedirects: 0 });
		const d = r.headers().location;
		drafts.push(d);
		await page.request.post(BASE + d + '/step', { maxRedirects: 0, multipart: {
			csrf: await token(), step: '1', action: 'next', product: CAT_P, version: CAT_V,
			category: CAT_C, problem: CAT_X, title: x, description: `${x}\n${x}`,
			files: { name: x.replace(/[/\\]/g, '_') + '.txt', mimeType: 'text/plain', buffer: Buffer.from(x) },
		} });
		await page.goto(BASE + d);
		await probe(`draft ${i}`);
	}
	await page.goto(BASE + '/requests');
	await probe('the list with 40 drafts');
	await shown('the list of drafts (the newest 20)', PAYLOADS.slice(-20));
	// three submitted: their request pages, the list, the engineer's queue
	const submitted = [];
	for (const d of drafts.slice(0, 3)) {
		await page.goto(BASE + d + '?step=2');
		await page.check('#f-plan');
		await page.check('#f-severity-important');
		await nav(page, () => page.click('button[name=action][value=next]'));
		await nav(page, () => page.click('button[name=action][value=next]'));
		await nav(page, () => page.click('button[name=action][value=next]'));
		await probe(`verify of ${d}`);
		await nav(page, () => page.click(`form[action="${d}/submit"] button[type=submit]`));
		await probe(`confirmation of ${d}`);
		const m = (await page.locator('main').innerText()).match(/#(\d+)/);
		if (m)
			submitted.push(m[1]);
	}
	check('F.27 three requests with payload titles submitted', submitted.length === 3, [drafts.slice(0, 3).join(' ')]);
	const req = submitted[0];
	for (const [i, x] of PAYLOADS.entries()) {
		await page.goto(BASE + `/requests/${req}`);
		await page.request.post(BASE + `/requests/${req}/messages`, { maxRedirects: 0,
			form: { csrf: await token(), body: x } });
		// the file's name as a browser sends it (quotes as %22, RFC 7578)
		await page.request.post(BASE + `/requests/${req}/messages`, { maxRedirects: 0, multipart: {
			csrf: await token(), body: `file ${i}`,
			files: { name: x.replace(/[/\\]/g, '_').replace(/"/g, '%22'), mimeType: 'text/html', buffer: Buffer.from(x) },
		} });
		if (i % 10 === 9) {
			await page.goto(BASE + `/requests/${req}`);
			await probe(`request with ${i + 1} payload messages`);
		}
	}
	await shown('the thread', PAYLOADS);
	// emails are refused, and the refusal shows what was typed, escaped
	for (const [i, x] of PAYLOADS.entries()) {
		await page.goto(BASE + `/requests/${req}`);
		await page.fill('#f-email', x);
		await nav(page, () => page.click(`form[action="/requests/${req}/contacts"] button[type=submit]`));
		await probe(`contact email ${i}`);
	}
	await page.goto(BASE + '/requests?status=all');
	await probe('the list with payload titles');
	await nav(page, () => page.click('header form[action="/signout"] button'));
	await page.goto(BASE + '/signin');
	await page.fill('#f-email', 'eve@vendor.example');
	await page.fill('#f-password', PASSWORD);
	await nav(page, () => page.click('form[action="/signin"] button[type=submit]'));
	await page.goto(BASE + '/queue');
	await probe('the queue with payload titles');
	for (const q of submitted) {
		await page.goto(BASE + `/queue/${q}`);
		await probe(`the engineer's page of ${q}`);
	}
	check(`F.27 ${PAYLOADS.length} payloads, ${pages} pages: the flag never set, 0 CSP violations, no injected handler`,
		bad.length === 0 && pages > 150, bad.slice(0, 10));
});

await browser.close();
console.log(`# journeys: ${pass} passed, ${fail} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(fail === 0 ? 0 : 1);
