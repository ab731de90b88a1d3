// The coordinators' console in real Chromium against the real local runner (BASE_URL), whose
// functions run on a clock BrowserConsoleTest froze at CONSOLE_SEED's `now` after seeding the
// reference vignettes (V04 made due 2 h before it, V16 due 3 h after it). One browser; a context
// per coordinator (tokens live in the tab's memory, so each context signs in). Tests run in order:
// later ones see the decisions earlier ones recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, tabTo, ARTIFACTS, BASE, web, vignette } from './support.mjs';
import * as m from '../../src/console/model.js';
import * as b from '../../src/console/blocks-model.js';
import * as i18n from '../../src/console/i18n.js';

const SEED = JSON.parse(readFileSync(process.env.CONSOLE_SEED || join(ARTIFACTS, 'console-seed.json'), 'utf8'));
const NOW = Date.parse(SEED.now);
const definition = JSON.parse(readFileSync(join(web, 'questionnaire/intake.json'), 'utf8'));
const VIGNETTES = readdirSync(join(web, '../functions/triage-engine/src/test/resources/vignettes')).filter((f) => /^V\d+\.json$/.test(f)).map((f) => f.slice(0, -5));

/** Every patient value of the seeded vignettes, in the forms a page could write them. */
const PHI = VIGNETTES.flatMap((id) => {
  const p = vignette(id).patient;
  return [p.name, p.phone, p.email, p.dateOfBirth, m.birthDate(p.dateOfBirth, NOW).replace(/ \(age \d+\)$/, '')];
});
const typed = []; // what the coordinators typed (notes, reasons): for the Java log scan
const decisions = []; // what the browser recorded: BrowserConsoleTest reads them back from the table
const requested = []; // every URL any page asked for
const consoleMessages = []; // everything any page wrote to the browser's console

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  writeFileSync(join(ARTIFACTS, 'console-typed.json'), JSON.stringify(typed, null, 2));
  writeFileSync(join(ARTIFACTS, 'console-decisions.json'), JSON.stringify(decisions, null, 2));
  writeFileSync(join(ARTIFACTS, 'console-requested-urls.json'), JSON.stringify([...new Set(requested)], null, 2));
  await browser?.close();
});

// ---- helpers ------------------------------------------------------------------------------------

async function newConsolePage({ width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: BASE, timezoneId: 'UTC', locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  context.on('request', (r) => requested.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
  page.on('console', (msg) => consoleMessages.push({ type: msg.type(), text: msg.text() }));
  return page;
}

async function signIn(page, username, { keyboard = false } = {}) {
  if (!page.url().includes('/console/')) await page.goto('/console/');
  await page.locator('#username').waitFor();
  if (keyboard) {
    await tabTo(page, 'username');
    await page.keyboard.type(username);
    await page.keyboard.press('Enter');
  } else {
    await page.fill('#username', username);
    await page.click('#sign-in');
  }
  await page.locator('#me').filter({ hasText: username }).waitFor();
}

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
}

async function worklistShown(page) {
  await page.locator('#lists section[data-band]').first().waitFor();
}

/** The API itself, as a coordinator (the development login), from node. */
async function apiAs(username) {
  const login = await fetch(`${BASE}/local/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  const { access_token: token } = await login.json();
  const call = async (method, path, { body, ifMatch } = {}) => {
    const headers = { authorization: `Bearer ${token}` };
    if (body) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    const r = await fetch(`${BASE}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: await r.json().catch(() => null), etag: r.headers.get('etag') };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, options) => call('POST', path, options),
    /** Every item of a listing, following nextCursor. */
    async all(query = '') {
      const items = [];
      let cursor = null;
      do {
        const r = await call('GET', `/referrals?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        items.push(...r.body.items);
        cursor = r.body.nextCursor;
      } while (cursor);
      return items;
    },
  };
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function noAxeViolations(page, label) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${label}`);
}

async function noHorizontalScroll(page, label) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: ${scroll}px wide content in a ${client}px window`);
}

/** axe at 1280 and 320 CSS px, screenshots at both, no horizontal scrolling; ends at 1280. */
async function check(page, name) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await noHorizontalScroll(page, `${name} at ${width}px`);
    await noAxeViolations(page, `${name} at ${width}px`);
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `console-${name}-${width}.png`), fullPage: true });
  }
}

const rowIds = (page) => page.$$eval('#lists tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
const rowText = (page, id) => page.locator(`#lists tr[data-id="${id}"]`).innerText();
const cellText = (page, id, label) => page.locator(`#lists tr[data-id="${id}"] td[data-label="${label}"]`).innerText();
const noPhi = (text, where) => {
  const found = PHI.filter((v) => text.includes(v));
  assert.deepEqual(found, [], `${where} shows patient data`);
};

// ---- the worklist ---------------------------------------------------------------------------

test('the worklist: one list per band in the API\'s order, due times in words on the runner\'s clock, no patient data', { timeout: 120_000 }, async () => {
  const page = await newConsolePage();
  await page.goto('/console/');
  await check(page, 'sign-in');
  await signIn(page, 'alice');
  await worklistShown(page);
  const api = await apiAs('alice');
  const all = await api.all();
  assert.equal(all.length, SEED.referrals, 'every seeded referral is on a list');
  assert.deepEqual(await rowIds(page), all.map((i) => i.referralId), 'the console lists what the API lists, in its order');
  const bands = await page.$$eval('#lists section[data-band]', (s) => s.map((x) => x.dataset.band));
  assert.deepEqual(bands, m.BANDS.map((b) => b.band));
  for (const b of m.BANDS) {
    const own = all.filter((i) => i.band === b.band).map((i) => i.referralId);
    assert.deepEqual(await page.$$eval(`section[data-band="${b.band}"] tr[data-id]`, (rows) => rows.map((r) => r.dataset.id)), own, `${b.band}: its own rows`);
  }

  // the clock the runner was given: V04 was due 2 h ago, V16 is due in 3 h
  assert.equal(await cellText(page, SEED.overdue, 'Due'), '2 h overdue');
  assert.equal(await cellText(page, SEED.dueIn3h, 'Due'), 'due in 3 h');
  assert.equal(await cellText(page, SEED.overdue, 'Waiting'), '3 h');
  assert.ok(await page.locator(`tr[data-id="${SEED.overdue}"].site-row--overdue`).count(), 'overdue is marked besides the words');
  assert.equal(await cellText(page, SEED.ids.V17, 'Due'), 'due in 30 min');
  // each row: band, regions, red flags for urgent and emergency, score and tier for the others, claim
  const v04 = all.find((i) => i.referralId === SEED.overdue);
  assert.equal(await cellText(page, SEED.overdue, 'List'), 'Emergency');
  assert.equal(await cellText(page, SEED.overdue, 'Region'), v04.regions.map((r) => m.REGIONS[r]).join(', '));
  const flags = await cellText(page, SEED.overdue, 'Red flags');
  assert.match(flags, /Numbness in the saddle area/);
  assert.match(flags, /bladder or bowel/);
  const consult = all.find((i) => i.band === 'CONSULT');
  assert.equal(await cellText(page, consult.referralId, 'Score and tier'), `Score ${consult.score}, ${m.TIERS[consult.tier]} tier`);
  assert.equal(await cellText(page, consult.referralId, 'Claim'), 'Not claimed');

  // the list never shows a name, a date of birth or contact details
  noPhi(await page.locator('body').innerText(), 'the worklist');
  noPhi(await page.content(), 'the worklist\'s markup');
  await check(page, 'worklist');
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'the token is in memory only');
  assert.deepEqual(await page.context().cookies(), []);
  await page.context().close();
});

test('filters (list, status, mine) and paging give what the API gives for the same query', { timeout: 120_000 }, async () => {
  const page = await newConsolePage();
  await signIn(page, 'erin');
  await worklistShown(page);
  const api = await apiAs('erin');
  const consults = (await api.all('&disposition=CONSULT')).map((i) => i.referralId);
  assert.ok(consults.length > 10, `${consults.length} consults: more than a page of 10`);

  await page.selectOption('#filter-band', 'CONSULT');
  await page.selectOption('#filter-size', '10');
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => location.hash === '#/?band=CONSULT&size=10');
  await page.locator('section[data-band="CONSULT"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#lists section').length === 1);
  assert.deepEqual(await rowIds(page), consults.slice(0, 10), 'the first page of the consult list');
  const more = page.locator('section[data-band="CONSULT"] button.site-more');
  await more.click();
  await page.waitForFunction((n) => document.querySelectorAll('#lists tr[data-id]').length === n, Math.min(20, consults.length));
  assert.deepEqual(await rowIds(page), consults.slice(0, 20), 'the next page continues where the first ended');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), consults[10], 'focus on the first new row');

  // status and "mine": claim one as erin through the API, one as someone else
  const mine = consults[3];
  assert.equal((await api.post(`/referrals/${mine}/claim`)).status, 200);
  assert.equal((await (await apiAs('frank')).post(`/referrals/${consults[4]}/claim`)).status, 200);
  await page.selectOption('#filter-status', 'IN_REVIEW');
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('status=IN_REVIEW'));
  await page.waitForFunction(() => document.querySelectorAll('#lists tr[data-id]').length === 2);
  assert.deepEqual(await rowIds(page), (await api.all('&disposition=CONSULT&status=IN_REVIEW')).map((i) => i.referralId));
  // the lease's end in the console's words (with its date when it is another day than the runner's now)
  const leases = Object.fromEntries((await api.all('&disposition=CONSULT&status=IN_REVIEW')).map((i) => [i.referralId, m.time(i.leaseUntil, NOW, 'UTC')]));
  assert.equal(await cellText(page, mine, 'Claim'), `You, until ${leases[mine]} (30 min left)`);
  assert.equal(await cellText(page, consults[4], 'Claim'), `frank, until ${leases[consults[4]]} (30 min left)`);
  await page.click('label[for="filter-mine"]');
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('mine=1'));
  await page.waitForFunction(() => document.querySelectorAll('#lists tr[data-id]').length === 1);
  assert.deepEqual(await rowIds(page), [mine]);
  assert.ok(requested.some((u) => u.includes('assignee=erin')), '"mine" is the API\'s assignee filter');
  await check(page, 'worklist-filtered');
  // give them back for the tests after this one
  assert.equal((await api.post(`/referrals/${mine}/release`)).status, 200);
  assert.equal((await (await apiAs('frank')).post(`/referrals/${consults[4]}/release`)).status, 200);
  await page.context().close();
});

test('the lists refresh every 20 s without losing the coordinator\'s place or focus', { timeout: 120_000 }, async () => {
  const page = await newConsolePage();
  await page.clock.install(); // the page's timers (the 20 s refresh) run when the test says
  await signIn(page, 'gina');
  await worklistShown(page);
  const api = await apiAs('gina');
  const before = await rowIds(page);
  const consultIds = (await api.all('&disposition=CONSULT')).map((i) => i.referralId);
  const target = consultIds[consultIds.length - 1]; // the lowest consult: the new one sorts above it
  // move down with j to the third consult
  for (let i = 0; i <= before.indexOf(target); i++) await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), target);
  const scrolled = await page.evaluate(() => window.scrollY);

  // a new high-scoring consult arrives above it
  const r = await fetch(`${BASE}/intakes`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: readFileSync(join(web, '../functions/triage-engine/src/test/resources/vignettes/V01.json')) });
  assert.equal(r.status, 201);
  const { intakeId } = await r.json();
  for (let i = 0; i < 200 && !(await api.all('&disposition=CONSULT')).some((x) => x.referralId === intakeId); i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.equal(await page.locator(`tr[data-id="${intakeId}"]`).count(), 0, 'not shown before the refresh');

  await page.clock.runFor(20_000);
  await page.waitForFunction(() => document.getElementById('as-of')?.dataset.refreshes === '1');
  assert.equal(await page.locator(`tr[data-id="${intakeId}"]`).count(), 1, 'the refresh shows the new referral');
  assert.deepEqual(await rowIds(page), (await api.all()).map((i) => i.referralId), 'and the API\'s order');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), target, 'focus stays on the same referral');
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page did not scroll');
  await page.keyboard.press('j');
  const after = await rowIds(page);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), after[after.indexOf(target) + 1], 'j goes on from there');
  await page.context().close();
});

// ---- triage with the keyboard -------------------------------------------------------------------

test('a coordinator triages the top referral from the list to a recorded decision with the keyboard only', { timeout: 120_000 }, async () => {
  const page = await newConsolePage();
  await page.goto('/console/');
  await signIn(page, 'dana', { keyboard: true });
  await worklistShown(page);
  const api = await apiAs('dana');
  const top = (await api.all())[0];
  assert.equal(top.referralId, SEED.overdue, 'the overdue emergency is first');
  await check(page, 'worklist-shortcuts');

  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), top.referralId);
  await page.keyboard.press('c');
  await page.locator('#list-status').filter({ hasText: 'You claimed' }).waitFor();
  assert.match(await cellText(page, top.referralId, 'Claim'), /^You, until/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), top.referralId, 'the claim keeps the place');
  await page.keyboard.press('Enter');
  await page.locator('#claim-box').waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#/referrals/${top.referralId}`);
  await tabTo(page, 'decide');
  await page.keyboard.press('Enter');
  await page.locator('#decision-form').waitFor();
  // the engine's disposition is chosen; the outcome by Tab and Space, the reason and a note typed
  await tabTo(page, 'disposition');
  assert.equal(await page.evaluate(() => document.activeElement.checked), true);
  await tabTo(page, 'outcome');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.querySelector('input[name="outcome"]:checked')?.value), 'REFERRED_TO_EMERGENCY_CARE');
  assert.equal((await page.locator('#reason-required').innerText()).trim(), '(required)');
  const reason = 'Cauda equina signs: sent to the emergency department by phone';
  const note = 'Patient reached at 10:05, going now';
  typed.push(reason, note);
  await tabTo(page, 'reason');
  await page.keyboard.type(reason);
  await tabTo(page, 'note');
  await page.keyboard.type(note);
  await tabTo(page, 'record');
  const answer = page.waitForResponse((r) => r.url().endsWith(`/referrals/${top.referralId}/decision`));
  await page.keyboard.press('Enter');
  assert.equal((await answer).status(), 200);
  await page.waitForFunction(() => location.hash === '#/');
  await page.locator('#flash').filter({ hasText: 'Decision recorded' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'flash', 'the confirmation has focus');

  const stored = (await api.get(`/referrals/${top.referralId}`)).body;
  assert.equal(stored.outcome, 'REFERRED_TO_EMERGENCY_CARE');
  assert.equal(stored.decidedBy, 'dana');
  assert.equal(stored.reason, reason);
  assert.equal(stored.note, note);
  assert.equal(stored.open, false);
  assert.equal(await page.locator(`tr[data-id="${top.referralId}"]`).count(), 0, 'off the worklist');
  decisions.push({ referralId: top.referralId, outcome: 'REFERRED_TO_EMERGENCY_CARE', decidedBy: 'dana', reason });
  await page.context().close();
});

// ---- two coordinators ---------------------------------------------------------------------------

test('two coordinators: one claims, the other sees who holds it; the second\'s stale decision gets the 412 screen and succeeds after reading it again', { timeout: 180_000 }, async () => {
  const api = await apiAs('alice');
  const r = (await api.all('&disposition=OTHER_PATHWAY'))[0];
  const alice = await newConsolePage();
  const bob = await newConsolePage();
  const bobDecisions = [];
  bob.on('request', (q) => { if (q.url().endsWith('/decision')) bobDecisions.push(q.headers()['if-match']); });
  await signIn(alice, 'alice');
  await signIn(bob, 'bob');
  await go(alice, `#/referrals/${r.referralId}`);
  await go(bob, `#/referrals/${r.referralId}`);
  await alice.locator('#claim-box').waitFor();
  await bob.locator('#claim-box').waitFor();

  await alice.click('#claim');
  await alice.locator('#claim-text').filter({ hasText: 'You hold this referral' }).waitFor();
  const held = (await api.get(`/referrals/${r.referralId}`)).body;
  const until = m.time(held.leaseUntil, NOW, 'UTC');
  // bob's page was read before the claim: his claim is refused with who holds it and until when
  await bob.click('#claim');
  await bob.locator('#claim-status').filter({ hasText: 'alice holds' }).waitFor();
  assert.match(await bob.locator('#claim-status').innerText(), new RegExp(`alice holds referral ${m.shortId(r.referralId)} until ${until}`));
  // the lease's time left is counted on the browser's clock since the API's last answer (the runner's clock stands still here)
  assert.match(await bob.locator('#claim-text').innerText(), new RegExp(`^Claimed by alice until ${until} \\((30|29) min left\\)\\.$`));
  await check(bob, 'referral-claimed-by-another');

  // alice gives it back; bob claims it (his page still shows what he read before the release)
  await alice.click('#release');
  await alice.locator('#claim-text').filter({ hasText: 'Not claimed' }).waitFor();
  await bob.click('#claim');
  await bob.locator('#claim-text').filter({ hasText: 'You hold this referral' }).waitFor();
  await bob.click('#decide');
  await bob.locator('#decision-form').waitFor();
  await bob.click('label[for="outcome"]'); // the disposition's own outcome, first
  const note = 'Booked with the general spine clinic';
  typed.push(note);
  await bob.fill('#note', note);
  await check(bob, 'decision');
  await bob.click('#record');
  await bob.locator('h1').filter({ hasText: 'The referral changed since you read it' }).waitFor();
  const since = await bob.locator('#changed-since').innerText();
  assert.match(since, /alice — Released the claim/);
  assert.match(since, /bob — Claimed until/);
  assert.ok((await bob.locator('#changed-fields').allInnerTexts()).includes('Claimed by: alice → bob'));
  assert.match(await bob.locator('main').innerText(), new RegExp(`made on version ${held.version} of the referral; it is at version ${held.version + 2} now`));
  assert.ok((await bob.title()).startsWith('Error:'));
  assert.equal((await api.get(`/referrals/${r.referralId}`)).body.outcome, null, 'nothing was recorded');
  await check(bob, 'decision-412');

  await bob.click('#decide-again');
  await bob.locator('#decision-form').waitFor();
  assert.equal(await bob.inputValue('#note'), note, 'what bob chose and typed is still there');
  assert.equal(await bob.isChecked('#outcome'), true);
  const answer = bob.waitForResponse((q) => q.url().endsWith('/decision'));
  await bob.click('#record');
  assert.equal((await answer).status(), 200);
  await bob.locator('#flash').filter({ hasText: 'Decision recorded' }).waitFor();
  const claimedAt = held.version + 2; // after alice's claim: her release, then bob's claim
  assert.deepEqual(bobDecisions, [`"${held.version}"`, `"${claimedAt}"`], 'first on the version bob read, then on the one he read again');
  const stored = (await api.get(`/referrals/${r.referralId}`)).body;
  assert.equal(stored.outcome, 'OTHER_PATHWAY');
  assert.equal(stored.decidedBy, 'bob');
  assert.equal(stored.note, note);
  decisions.push({ referralId: r.referralId, outcome: 'OTHER_PATHWAY', decidedBy: 'bob', reason: null });
  await alice.context().close();
  await bob.context().close();
});

// ---- the reason rule ----------------------------------------------------------------------------

test('closing an EMERGENCY referral without a reason is refused in the form and by the API', { timeout: 120_000 }, async () => {
  const id = SEED.ids.V17;
  const page = await newConsolePage();
  const sent = [];
  page.on('request', (q) => { if (q.url().endsWith('/decision')) sent.push(q); });
  await signIn(page, 'carol');
  await go(page, `#/referrals/${id}`);
  await page.locator('#claim').click();
  await page.locator('#decide').click();
  await page.locator('#decision-form').waitFor();
  await page.click('label[for="outcome"]'); // referred to emergency care: it closes the emergency
  assert.equal((await page.locator('#reason-required').innerText()).trim(), '(required)');
  await page.click('#record');
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  assert.equal(await page.locator('#error-summary h2').innerText(), 'There is a problem');
  assert.match(await page.locator('#error-summary a').innerText(), /reason for closing an emergency referral/);
  assert.match(await page.locator('#reason-error').innerText(), /^Error:/);
  assert.ok((await page.title()).startsWith('Error:'));
  assert.equal(sent.length, 0, 'the form refused it: nothing was sent');
  await page.click('#error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reason', 'the summary links to the field');
  await check(page, 'decision-errors');

  // the API refuses it too: the request leaves with a reason, which is taken out on the way
  await page.route('**/decision', async (route) => {
    const body = JSON.parse(route.request().postData());
    delete body.reason;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.fill('#reason', 'Seen in the ED already');
  const answer = page.waitForResponse((q) => q.url().endsWith('/decision'));
  await page.click('#record');
  const refused = await answer;
  assert.equal(refused.status(), 422);
  const problem = await refused.json();
  assert.deepEqual(problem.errors.map((e) => e.pointer), ['/reason']);
  await page.locator('#error-summary').filter({ hasText: problem.errors[0].detail }).waitFor();
  assert.match(await page.locator('#reason-error').innerText(), new RegExp(problem.errors[0].detail.slice(0, 30)));
  await check(page, 'decision-api-422');
  await page.unroute('**/decision');
  const still = (await (await apiAs('carol')).get(`/referrals/${id}`)).body;
  assert.equal(still.open, true);
  assert.equal(still.outcome, null);

  // and straight to the API, as curl would
  const direct = await (await apiAs('carol')).post(`/referrals/${id}/decision`, { body: { outcome: 'DECLINED' }, ifMatch: still.version });
  assert.equal(direct.status, 422);
  assert.deepEqual(direct.body.errors.map((e) => e.pointer), ['/reason']);
  await page.context().close();
});

// ---- the referral page --------------------------------------------------------------------------

test('the referral page: answers as the form asked them, every score contribution, red flags with their questions, readiness with evidence, to confirm first, the audit trail', { timeout: 120_000 }, async () => {
  const id = SEED.ids.V12; // two regions
  const page = await newConsolePage();
  await signIn(page, 'hana');
  await go(page, `#/referrals/${id}`);
  await page.locator('#audit-title').waitFor();
  const d = (await (await apiAs('hana')).get(`/referrals/${id}`)).body;
  const v = vignette('V12');
  const text = await page.locator('main').innerText();

  // identity and contact here (and only here)
  for (const value of [v.patient.name, v.patient.phone, v.patient.email]) assert.ok(text.includes(value), 'the patient\'s contact');
  assert.ok(text.includes(m.birthDate(v.patient.dateOfBirth, NOW)));
  // to confirm first, when there is anything to confirm
  if (d.assessment.toConfirm.length) {
    const order = await page.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.id));
    assert.ok(order.indexOf('confirm-title') < order.indexOf('patient-title'), 'to confirm comes first');
    assert.deepEqual(await page.locator('#to-confirm li').allInnerTexts(), m.toConfirm(definition, d).map((c) => c.text));
  }
  // every contribution of every region: rule, text, points, source
  const tables = page.locator('table.site-contributions');
  assert.equal(await tables.count(), d.assessment.regions.length);
  for (let i = 0; i < d.assessment.regions.length; i++) {
    const rows = await tables.nth(i).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
    assert.deepEqual(rows, d.assessment.regions[i].contributions.map((c) => [c.ruleId, c.text, c.points > 0 ? `+${c.points}` : String(c.points), c.source]));
  }
  // the four criteria with their status in words and their evidence
  const criteria = await page.locator('.site-criterion h3').allInnerTexts();
  assert.equal(criteria.length, 4);
  d.assessment.readiness.forEach((c, i) => assert.ok(criteria[i].endsWith(m.CRITERION_STATUS[c.status]), `${c.id}: ${m.CRITERION_STATUS[c.status]}`));
  // every red flag with the question that raised it
  const flags = m.redFlags(definition, d);
  assert.equal(await page.locator('.site-flag').count(), flags.length);
  for (const f of flags) assert.ok(text.includes(f.text) && text.includes(f.question), f.id);
  // the answers in the form's groups and words
  const groups = m.answerGroups(definition, d.form).filter((g) => g.pageId !== 'about-you');
  assert.deepEqual(await page.locator('.site-answers-group h3').allInnerTexts(), groups.map((g) => g.title));
  assert.ok(groups.some((g) => g.title.includes('neck')) && groups.some((g) => g.title.includes('lower back')), 'each region\'s pages');
  // the audit trail
  const audit = await page.locator('.site-audit tbody tr').count();
  assert.ok(audit >= 2);
  assert.match(await page.locator('.site-audit tbody tr').first().innerText(), /System\s+Created/);
  await check(page, 'referral');
  await page.context().close();
});

// ---- statistics ---------------------------------------------------------------------------------

test('the statistics page: counts by band and status, time to decision per band over 7 and 30 days, as a chart and a table', { timeout: 120_000 }, async () => {
  const page = await newConsolePage();
  await signIn(page, 'ivan');
  await page.click('#nav a[data-route="stats"]');
  await page.locator('#table-ttd-week').waitFor();
  const s = (await (await apiAs('ivan')).get('/referrals/stats')).body;
  const rows = (id) => page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  assert.deepEqual(await rows('table-bands'), m.BANDS.map((b) => [b.name, String(s.byDisposition[b.disposition]), String(s.overdueByDisposition[b.disposition]),
    m.seconds(s.oldestWaitingSeconds[b.disposition])]));
  assert.deepEqual(await rows('table-status'), Object.entries(m.STATUSES).map(([k, name]) => [name, String(s.byStatus[k])]));
  for (const [w, key] of [['week', 'last7Days'], ['month', 'last30Days']]) {
    assert.deepEqual(await rows(`table-ttd-${w}`), m.BANDS.map((b) => {
      const t = s.timeToDecision[key][b.disposition];
      return [b.name, String(t.decided), m.seconds(t.medianSeconds), m.seconds(t.p90Seconds)];
    }));
  }
  // the emergency decided at the frozen clock was submitted 3 h before it
  assert.equal(s.timeToDecision.last7Days.EMERGENCY.decided, 1);
  assert.equal(s.timeToDecision.last7Days.EMERGENCY.medianSeconds, 3 * 3600);
  assert.equal(s.overdueByDisposition.EMERGENCY, 0, 'the overdue emergency was decided');
  // the charts draw the same numbers, hidden from screen readers (the tables are their accessible version)
  assert.equal(await page.locator('.site-chart__body[aria-hidden="true"]').count(), 3);
  assert.match(await page.locator('#chart-ttd-week').innerText(), /median 3 h/);
  await check(page, 'stats');
  await page.context().close();
});

// ---- Spanish ------------------------------------------------------------------------------------

const es = (key, values) => i18n.t(key, values, 'es');
/** The model's words in Spanish (its code names read the console's language when used). */
function inSpanish(fn) {
  i18n.setLanguage('es');
  try { return fn(); } finally { i18n.setLanguage('en'); }
}
/** The English texts of the messages file that differ in Spanish, without placeholders. */
const ENGLISH = new Set(Object.entries(i18n.messages.text).filter(([k, x]) => k !== 'otherLanguage' && x.en !== x.es && !/\{\w+\}/.test(x.en)).map(([, x]) => x.en.trim()));
/** Text nodes and the labels a screen reader or a narrow table shows that are English console texts (the API's words, marked lang="en", left out). */
async function englishLeft(page) {
  const shown = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang="en"], script, style, noscript, [hidden]')) continue;
      if (n.textContent.trim()) out.push(n.textContent.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [data-label]')) {
      if (el.closest('[lang="en"]')) continue;
      out.push(el.getAttribute('aria-label'), el.getAttribute('data-label'));
    }
    out.push(document.title);
    return out.filter(Boolean);
  });
  return [...new Set(shown.filter((s) => ENGLISH.has(s)))];
}

test('in Spanish: a real language switch, then the sign-in, the worklist, a referral and the statistics read in Spanish, axe-clean at 320 and 1280 px', { timeout: 180_000 }, async () => {
  const page = await newConsolePage();
  await page.goto('/console/');
  await page.locator('#username').waitFor();
  const switcher = page.locator('#language-switch');
  assert.equal(await switcher.evaluate((b) => b.tagName), 'BUTTON', 'a real button');
  assert.equal(await switcher.getAttribute('lang'), 'es', 'named in its own language');
  assert.equal(await switcher.innerText(), 'Español');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the browser\'s language (en-US) first');
  // keyboard only: Tab to the switch, Enter
  await tabTo(page, 'language-switch');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'language-switch', 'the focus stays on the switch');
  assert.equal(await switcher.getAttribute('lang'), 'en');
  assert.equal(await switcher.innerText(), 'English');
  assert.equal(await page.locator('h1').innerText(), 'Iniciar sesión');
  assert.equal(await page.locator('label[for="username"]').innerText(), 'Nombre de usuario');
  assert.equal(await page.locator('#skip-link').textContent(), 'Saltar al contenido principal');
  // the error pattern in Spanish
  await page.click('#sign-in');
  await page.locator('#error-summary').waitFor();
  assert.match(await page.locator('#error-summary').innerText(), /Hay un problema[\s\S]*Escriba un nombre de usuario/);
  assert.equal(await page.title(), 'Error: Iniciar sesión – Consola de coordinadores');
  assert.equal(await page.locator('#username-error').textContent(), 'Error: Escriba un nombre de usuario');
  assert.deepEqual(await englishLeft(page), [], 'English left on the sign-in page');
  await check(page, 'es-sign-in-errors');
  await page.fill('#username', 'lucia');
  await page.click('#sign-in');
  await page.locator('#me').filter({ hasText: 'lucia' }).waitFor();
  await worklistShown(page);

  // the worklist
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es', 'signing in keeps the language');
  assert.equal(await page.locator('h1').innerText(), 'Lista de trabajo');
  assert.equal(await page.title(), 'Lista de trabajo – Consola de coordinadores');
  assert.match(await page.locator('#who').innerText(), /^Sesión iniciada como lucia\s+Cerrar sesión$/);
  assert.equal(await page.locator('#nav').getAttribute('aria-label'), 'Consola');
  assert.deepEqual(await page.locator('#nav a').allInnerTexts(), ['Lista de trabajo', 'Estadísticas']);
  assert.equal(await page.locator('#shortcuts-title').innerText(), 'Atajos de teclado');
  assert.match(await page.locator('#shortcuts').innerText(), /j o ↓ derivación siguiente/);
  assert.equal(await page.locator('label[for="filter-status"]').innerText(), 'Estado');
  assert.deepEqual(await page.locator('#filter-status option').allInnerTexts(), ['Cualquier estado abierto', 'Nueva', 'En revisión', 'Esperando al paciente']);
  assert.match(await page.locator('#as-of').innerText(), /^Listas a las \d\d:\d\d UTC; se actualizan cada 20 segundos\. Actualizar ahora$/);
  assert.deepEqual(await page.$$eval('#lists h2', (hs) => hs.map((x) => x.firstChild.textContent)), m.BANDS.map((b) => es(`band.${b.band}.name`)));
  const firstTable = page.locator('#lists table').first();
  const urgentFirst = ['EMERGENCY', 'URGENT_REVIEW'].includes(await firstTable.evaluate((x) => x.closest('section').dataset.band));
  assert.deepEqual(await firstTable.locator('thead th').allInnerTexts(),
    ['Derivación', 'Lista', 'Región', urgentFirst ? 'Señales de alarma' : 'Puntuación y nivel', 'Estado', 'Espera', 'Vencimiento', 'Reserva']);
  const api = await apiAs('lucia');
  const open = await api.all();
  assert.deepEqual(await rowIds(page), open.map((i) => i.referralId), 'the same rows in the same order');
  for (const item of open) {
    const due = await cellText(page, item.referralId, 'Vencimiento');
    assert.equal(due, m.due(item.dueAt, NOW, 'es').text, `${item.referralId}: the due time in Spanish`);
    assert.match(due, /^(vence en .+|vence ahora|.+ de retraso)$/);
    assert.equal(await cellText(page, item.referralId, 'Lista'), es(`band.${item.band}.short`));
    assert.equal(await cellText(page, item.referralId, 'Estado'), es(`status.${item.status}`));
    assert.equal(await page.locator(`#lists tr[data-id="${item.referralId}"] th a`).innerText(), `Derivación ${m.shortId(item.referralId)}`);
  }
  if (open.some((i) => i.referralId === SEED.dueIn3h)) assert.equal(await cellText(page, SEED.dueIn3h, 'Vencimiento'), 'vence en 3 h');
  const consult = open.find((i) => i.band === 'CONSULT' && i.status === 'NEW');
  assert.equal(await cellText(page, consult.referralId, 'Puntuación y nivel'), `Puntuación ${consult.score}, nivel ${es(`tier.${consult.tier}`)}${consult.repeatRfaCandidate ? '; candidato a repetir la ablación' : ''}`);
  assert.equal(await cellText(page, consult.referralId, 'Reserva'), 'Sin reservar');
  // the rule set's red-flag words stay the API's, marked as English
  const flagged = open.find((i) => (i.band === 'URGENT_REVIEW' || i.band === 'EMERGENCY') && i.redFlags?.length);
  if (flagged) assert.ok(await page.locator(`#lists tr[data-id="${flagged.referralId}"] .site-flags li[lang="en"]`).count(), 'the rule set\'s words marked lang="en"');
  // an announcement of the live region, in Spanish
  await page.locator('h1').focus();
  await page.keyboard.press('c');
  assert.equal(await page.locator('#list-status').innerText(), 'Primero vaya a una derivación (j o ↓) y luego pulse c para reservarla.');
  noPhi(await page.locator('body').innerText(), 'the Spanish worklist');
  assert.deepEqual(await englishLeft(page), [], 'English left on the worklist');
  await check(page, 'es-worklist');

  // a referral (two regions), read in Spanish
  const id = SEED.ids.V12;
  await go(page, `#/referrals/${id}`);
  await page.locator('#audit-title').waitFor();
  const d = (await api.get(`/referrals/${id}`)).body;
  const v = vignette('V12');
  assert.equal(await page.locator('h1').innerText(), `Derivación ${m.shortId(id)}`);
  assert.equal(await page.title(), `Derivación ${m.shortId(id)} – Consola de coordinadores`);
  assert.equal(await page.locator('.site-back').innerText(), 'Volver a la lista de trabajo');
  const headings = await page.locator('main h2').allInnerTexts();
  for (const h2 of ['Paciente', 'Por qué esta lista', 'Señales de alarma', 'Puntuación facetaria', 'Preparación para un bloqueo de rama medial', 'Las respuestas del paciente', 'Registro de auditoría']) {
    assert.ok(headings.includes(h2), `the heading ${h2}`);
  }
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(m.birthDate(v.patient.dateOfBirth, NOW, 'es')), 'the date of birth written out in Spanish');
  assert.match(text, /Idioma del formulario\s+(Inglés|Español)/);
  assert.match(await page.locator('#claim-text').innerText(), /^(Sin reservar|Reservada por .+ hasta las .+ \(quedan .+\))\.$/);
  assert.equal(await page.locator('#claim').innerText(), 'Reservar');
  const criteria = await page.locator('.site-criterion h3').allInnerTexts();
  d.assessment.readiness.forEach((c, i) => assert.ok(criteria[i].endsWith(es(`criterion.${c.status}`)), `${c.id}: ${es(`criterion.${c.status}`)}`));
  assert.deepEqual(await page.locator('table.site-contributions').first().locator('thead th').allInnerTexts(), ['Regla', 'Qué', 'Puntos', 'Fuente']);
  assert.ok(await page.locator('table.site-contributions td[lang="en"]').count(), 'the engine\'s words marked lang="en"');
  // the answers in the questionnaire's own Spanish
  const groups = inSpanish(() => m.answerGroups(definition, d.form).filter((g) => g.pageId !== 'about-you'));
  assert.deepEqual(await page.locator('.site-answers-group h3').allInnerTexts(), groups.map((g) => g.title));
  assert.ok(groups.some((g) => g.title.includes('el cuello')) && groups.some((g) => g.title.includes('la parte baja de la espalda')), 'each region\'s pages in Spanish');
  const firstQuestion = groups[0].answers[0];
  assert.ok(text.includes(firstQuestion.question), `the question in Spanish: ${firstQuestion.question}`);
  assert.match(await page.locator('.site-audit tbody tr').first().innerText(), /Sistema\s+Creada: Nueva/);
  assert.deepEqual(await englishLeft(page), [], 'English left on the referral');
  await check(page, 'es-referral');
  // switching on the page redraws it in the other language, with the focus on the switch, and back
  await switcher.click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('h1').innerText(), `Referral ${m.shortId(id)}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'language-switch');
  await switcher.click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.locator('h1').innerText(), `Derivación ${m.shortId(id)}`);

  // the statistics
  await page.click('#nav a[data-route="stats"]');
  await page.locator('#table-ttd-week').waitFor();
  const s = (await api.get('/referrals/stats')).body;
  const rows = (tid) => page.locator(`#${tid} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  assert.equal(await page.locator('h1').innerText(), 'Estadísticas');
  assert.match(await page.locator('main p').first().innerText(), new RegExp(`^A las \\d\\d:\\d\\d UTC: ${s.open} derivaciones abiertas, ${s.overdue} atrasadas, ${s.total} en total\\.$`));
  assert.equal(await page.locator('#table-bands caption').innerText(), 'Derivaciones por lista');
  assert.deepEqual(await page.locator('#table-bands thead th').allInnerTexts(), ['Lista', 'Todas las derivaciones', 'Atrasadas ahora', 'Espera más larga ahora']);
  assert.deepEqual(await rows('table-bands'), m.BANDS.map((b) => [es(`band.${b.band}.name`), String(s.byDisposition[b.disposition]),
    String(s.overdueByDisposition[b.disposition]), m.seconds(s.oldestWaitingSeconds[b.disposition], 'es')]));
  assert.deepEqual(await rows('table-status'), Object.keys(m.STATUSES).map((k) => [es(`status.${k}`), String(s.byStatus[k])]));
  assert.deepEqual(await rows('table-ttd-week'), m.BANDS.map((b) => {
    const x = s.timeToDecision.last7Days[b.disposition];
    return [es(`band.${b.band}.name`), String(x.decided), m.seconds(x.medianSeconds, 'es'), m.seconds(x.p90Seconds, 'es')];
  }));
  assert.equal(await page.locator('#table-ttd-month caption').innerText(), 'Tiempo hasta la decisión, últimos 30 días');
  assert.match(await page.locator('#chart-ttd-week').innerText(), /mediana 3 h/);
  if (m.BANDS.some((b) => s.timeToDecision.last7Days[b.disposition].medianSeconds == null)) {
    assert.match(await page.locator('#chart-ttd-week').innerText(), /sin decisiones/);
  }
  assert.deepEqual(await englishLeft(page), [], 'English left on the statistics');
  await check(page, 'es-stats');
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'the language is kept in memory only');
  assert.deepEqual(await page.context().cookies(), []);
  await page.context().close();
});

// ---- sign-in ------------------------------------------------------------------------------------

test('an expired sign-in leads back to sign-in and then to the same page, with what was typed', { timeout: 120_000 }, async () => {
  const id = SEED.ids.V05;
  const page = await newConsolePage();
  await signIn(page, 'jo');
  await go(page, `#/referrals/${id}`);
  await page.locator('#claim').click();
  await page.locator('#decide').click();
  await page.locator('#decision-form').waitFor();
  await page.fill('#note', 'Call back after the MRI');
  typed.push('Call back after the MRI');
  // the API answers 401 as API Gateway does for an expired token
  await page.route('**/referrals/*', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorized"}' }), { times: 1 });
  await go(page, `#/referrals/${id}`);
  await page.locator('h1').filter({ hasText: 'Sign in' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Your sign-in has ended/);
  assert.equal(await page.evaluate(() => location.hash), `#/referrals/${id}`, 'the page the coordinator was on is kept');
  await check(page, 'sign-in-expired');
  await signIn(page, 'jo');
  await page.locator('#claim-box').waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#/referrals/${id}`);
  await page.click('#decide');
  assert.equal(await page.inputValue('#note'), 'Call back after the MRI', 'the draft decision was kept');
  await page.click('#release');
  await page.context().close();
});

test('the sign-in page: the error pattern on an empty username', { timeout: 60_000 }, async () => {
  const page = await newConsolePage();
  await page.goto('/console/');
  await page.click('#sign-in');
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  assert.ok((await page.title()).startsWith('Error:'));
  await check(page, 'sign-in-errors');
  await page.context().close();
});

// ---- blocks, diaries and verdicts (issue 17) --------------------------------------------------------

const tokens = []; // the diary links the browser was given: never in a URL, never in the runner's log
const DAY = 24 * 3600_000;
const pointCells = (section) => section.locator('table.site-points tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));

test('the blocks of a referral: each episode\'s chart and its table, both verdicts, movement notes, RFA candidacy with its evidence, concordance, the LCD counts; in Spanish too', { timeout: 180_000 }, async () => {
  const id = SEED.blockPatient;
  const api = await apiAs('kim');
  const page = await newConsolePage();
  await signIn(page, 'kim');
  await go(page, `#/referrals/${id}`);
  await page.locator('#blocks [data-episode]').first().waitFor();
  const blocks = (await api.get(`/referrals/${id}/blocks`)).body;
  assert.equal(blocks.episodes.length, 2);
  assert.deepEqual(blocks.episodes.map((e) => e.episodeId), SEED.blockEpisodes);
  // what the seeding's diaries recorded: the entries, with missed points left missing
  assert.deepEqual(blocks.episodes[0].entries.map((e) => [e.timePoint, e.nrs]), [[15, 2], [30, 1], [60, 1], [90, 1], [120, 3], [150, 5], [180, 6], [240, 7], [360, 8]]);
  assert.deepEqual(blocks.episodes[1].entries.map((e) => [e.timePoint, e.nrs]), [[15, 4], [30, 1], [60, 1], [90, 0], [120, 2], [180, 1], [240, 2], [300, 5], [360, 7], [480, 8]]);
  for (const ep of blocks.episodes) {
    const section = page.locator(`[data-episode="${ep.episodeId}"]`);
    const rows = await pointCells(section);
    assert.deepEqual(rows, b.pointRows(ep, { language: 'en', timeZone: 'UTC', now: NOW }).map((r) => [r.point, r.due, r.nrs, r.relief, r.late, r.missing]), 'the table is the API\'s points');
    assert.deepEqual(rows.filter((r) => r[5] === 'No').map((r) => [r[0], Number(r[2])]), ep.entries.map((e) => [b.pointLabel(e.timePoint), e.nrs]), 'its recorded rows are the entries');
    assert.ok(rows.some((r) => r[5] === 'missing'), 'missed points are rows, missing');
    const lcd = await section.locator('[data-verdict="MEDICARE_LCD"]').innerText();
    assert.match(lcd, /^Medicare LCD \(at least 80% relief\): Positive \(the clinic's standard\)/);
    const v = ep.result.verdicts.find((x) => x.standard === 'MEDICARE_LCD');
    assert.ok(lcd.includes(`for ${m.duration(v.durationMinutes * 60_000)} (from ${b.pointLabel(v.fromMinutes)} to ${b.pointLabel(v.toMinutes)}) against the ${m.duration(v.minimumMinutes * 60_000)} expected of ${ep.anaesthetic === 'LIDOCAINE' ? 'Lidocaine' : 'Bupivacaine'}`), lcd);
    assert.ok(lcd.includes(v.explanation), 'the engine\'s explanation');
    assert.match(await section.locator('[data-verdict="COHEN_2020"]').innerText(), /^Cohen 2020 \(at least 50% relief\): (Positive|Negative)/);
    // the chart: hidden from screen readers (the table is its accessible version), a gap at each missed point
    const svg = section.locator('svg.site-bchart__svg');
    assert.equal(await svg.getAttribute('aria-hidden'), 'true');
    assert.equal(await svg.locator('circle').count(), ep.entries.length);
    assert.equal(await svg.locator('polyline').count(), b.chartGeometry(ep).segments.length);
    assert.equal(await svg.locator('text.site-bchart__missing').count(), b.chartGeometry(ep, { now: NOW }).missing.length, 'a mark at each missed point, none at one not due yet');
    assert.ok(await svg.locator('polyline').count() >= 2, 'the line breaks at a missed point');
    assert.equal(await svg.locator('line.site-bchart__baseline').count(), 1);
    assert.equal(await svg.locator('line.site-bchart__level--50').count() + await svg.locator('line.site-bchart__level--80').count(), 2);
    assert.equal(await svg.locator('line.site-bchart__expected').count(), 1);
    // the movement notes, in the questionnaire's words
    assert.deepEqual(await section.locator('table.site-movements thead th').allInnerTexts(), ['Time point', 'Leaning back', 'Twisting or turning your body']);
    assert.deepEqual(await section.locator('table.site-movements tbody tr').first().evaluate((tr) => [...tr.cells].map((c) => c.innerText.trim())), ['15 min', 'not tried', ep.entries[0].nrs <= 2 ? 'tried: easier' : 'tried: the same']);
    assert.match(await section.locator('.site-diary-link__status').innerText(), /^A link is active until /);
  }
  // RFA candidacy with the evidence that decided it; concordance; the LCD counts
  const rfa = page.locator('[data-rfa="LUMBAR"]');
  assert.match(await rfa.innerText(), /Lower back: an RFA candidate at Medicare LCD \(at least 80% relief\)/);
  assert.deepEqual(await rfa.locator('[data-evidence]').evaluateAll((li) => li.map((x) => x.dataset.evidence)), SEED.blockEpisodes);
  assert.match(await rfa.locator('[data-evidence]').first().innerText(), /^First block, ended .+, L4-L5, L5-S1, both sides: Positive\. POSITIVE at MEDICARE_LCD/);
  assert.match(await rfa.innerText(), /Same levels and side \(reported, not part of the rule\)\s+Yes/);
  assert.match(await page.locator('[data-concordance="LUMBAR-MEDICARE_LCD"]').innerText(), /^Lower back, Medicare LCD: concordant/);
  assert.deepEqual(await page.locator('#lcd-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim()))).then((r) => r.find((x) => x[0] === 'Lumbar and sacral' && x[1] === 'Diagnostic')),
    ['Lumbar and sacral', 'Diagnostic', String(blocks.lcd.counts.LUMBAR_SACRAL.DIAGNOSTIC), '4']);
  noPhi(await page.locator('#blocks').innerText(), 'the blocks section');
  await check(page, 'blocks');

  // in Spanish
  await page.locator('#language-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  await page.locator('#blocks [data-episode]').first().waitFor();
  assert.equal(await page.locator('#blocks-title').innerText(), 'Bloqueos, diarios y resultados');
  const first = page.locator(`[data-episode="${SEED.blockEpisodes[0]}"]`);
  assert.match(await first.locator('[data-verdict="MEDICARE_LCD"]').innerText(), /^LCD de Medicare \(al menos 80% de alivio\): Positivo/);
  assert.deepEqual(await first.locator('table.site-points thead th').allInnerTexts(), ['Momento', 'Hora prevista', 'Dolor (0-10)', 'Alivio', 'Tarde', 'Falta']);
  assert.deepEqual(await pointCells(first), inSpanish(() => b.pointRows(blocks.episodes[0], { language: 'es', timeZone: 'UTC', now: NOW }).map((r) => [r.point, r.due, r.nrs, r.relief, r.late, r.missing])));
  assert.deepEqual(await first.locator('table.site-movements thead th').allInnerTexts(), ['Momento', 'Inclinarse hacia atrás', 'Girar o torcer el cuerpo']);
  assert.match(await page.locator('[data-rfa="LUMBAR"]').innerText(), /candidato a RFA según LCD de Medicare/);
  assert.equal(await page.locator('#block-form-title').innerText(), 'Registrar un bloqueo');
  assert.deepEqual(await englishLeft(page), [], 'English left on the blocks');
  await check(page, 'blocks-es');
  await page.context().close();
});

test('the prior-authorization packet of a region with blocks: every criterion with its status, what is missing, the blocks; printed alone, its PDF downloaded; axe-clean at 320 and 1280 px, in Spanish too', { timeout: 180_000 }, async () => {
  const id = SEED.blockPatient;
  const api = await apiAs('kim');
  const packet = (await api.get(`/referrals/${id}/prior-auth/lumbar`)).body;
  assert.equal(packet.criteria.length, 4);
  const page = await newConsolePage();
  await signIn(page, 'kim');
  await go(page, `#/referrals/${id}`);
  await page.locator('[data-packet="LUMBAR"]').waitFor();
  assert.equal(await page.locator('[data-packet]').count(), 1, 'one link per region with blocks');
  await page.locator('[data-packet="LUMBAR"]').click();
  await page.locator('#packet-criteria').waitFor();
  assert.equal(new URL(page.url()).hash, `#/referrals/${id}/prior-auth/lumbar`);
  assert.match(await page.locator('h1').innerText(), /^Prior authorization packet: Lower back$/);
  const shown = await page.locator('#packet-criteria > li').evaluateAll((li) => li.map((x) => [x.dataset.criterion, x.querySelector('.site-status-tag').textContent]));
  assert.deepEqual(shown, packet.criteria.map((c) => [c.id, m.CRITERION_STATUS[c.status]]), 'every criterion with its status');
  for (const c of packet.criteria) assert.ok((await page.locator(`[data-criterion="${c.id}"]`).innerText()).includes(c.text));
  if (packet.missing.length) {
    assert.deepEqual(await page.locator('#packet-missing [data-missing]').evaluateAll((li) => li.map((x) => x.dataset.missing)), packet.missing.map((x) => x.code), 'the missing list is the API\'s');
  } else {
    assert.match(await page.locator('#packet-missing').innerText(), /^Nothing:/);
  }
  assert.equal(await page.locator('.site-packet__block').count(), packet.blocks.length);
  assert.ok(packet.blocks.length >= 2);
  for (const k of packet.blocks) {
    const block = page.locator(`.site-packet__block[data-episode="${k.episodeId}"]`);
    assert.match(await block.locator('[data-verdict="MEDICARE_LCD"]').innerText(), /^Medicare LCD \(at least 80% relief\): (Positive|Negative|No entries)/);
    assert.equal(await block.locator('[data-verdict="COHEN_2020"]').count(), 1);
  }
  const text = await page.locator('.site-packet').innerText();
  noPhi(text, 'the packet');
  assert.ok(text.includes(`${packet.frequency.counts[0].sessions}`));
  await check(page, 'packet');
  // printed: the document only
  await page.emulateMedia({ media: 'print' });
  for (const hiddenInPrint of ['.site-header', '.site-packet-actions', '.site-back']) {
    assert.equal(await page.locator(hiddenInPrint).first().isVisible(), false, `${hiddenInPrint} is not printed`);
  }
  assert.equal(await page.locator('.site-packet').isVisible(), true);
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', 'console-packet-print.png'), fullPage: true });
  await page.emulateMedia({ media: null });
  writeFileSync(join(ARTIFACTS, 'console-packet.pdf'), await page.pdf({ format: 'Letter' }));
  // the PDF of the packet function, fetched with the bearer token and saved under the API's file name
  const download = page.waitForEvent('download');
  await page.locator('#packet-pdf').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^prior-auth-lumbar-\d{4}-\d{2}-\d{2}\.pdf$/);
  const saved = join(ARTIFACTS, 'console-packet-download.pdf');
  await file.saveAs(saved);
  assert.equal(readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-');
  await page.locator('#packet-status').filter({ hasText: 'Downloaded' }).waitFor();
  const audit = (await api.get(`/referrals/${id}`)).body.audit.map((e) => e.action);
  assert.ok(audit.includes('PRIOR_AUTH_VIEWED') && audit.includes('PRIOR_AUTH_PDF'), audit.join(' '));

  // in Spanish
  await page.locator('#language-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  await page.locator('#packet-criteria').waitFor();
  assert.match(await page.locator('h1').innerText(), /^Paquete de autorización previa: /);
  assert.deepEqual(await page.locator('#packet-criteria .site-status-tag').allInnerTexts(), inSpanish(() => packet.criteria.map((c) => m.CRITERION_STATUS[c.status])));
  assert.deepEqual(await englishLeft(page), [], 'English left on the packet');
  await check(page, 'packet-es');
  await page.context().close();
});

test('a block recorded with the keyboard only (a baseline of 0 refused first, one POST), the LCD warning; a diary link as a QR code and a printed sheet in English and Spanish, issued again and revoked', { timeout: 240_000 }, async () => {
  const id = SEED.extraConsults.at(-1);
  const api = await apiAs('lee');
  // four diagnostic lumbar sessions on four dates in the last 12 months: the next is the fifth
  for (const days of [100, 70, 40, 10]) {
    const r = await api.post(`/referrals/${id}/blocks`, { body: { endedAt: new Date(NOW - days * DAY).toISOString(), region: 'LUMBAR', levels: ['L4-L5'], side: 'LEFT', anaesthetic: 'LIDOCAINE', diagnosticBlock: 'FIRST', baselineNrs: 6 } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const page = await newConsolePage();
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && /\/blocks$/.test(new URL(r.url()).pathname)) posts.push(r.postDataJSON()); });
  await signIn(page, 'lee');
  await go(page, `#/referrals/${id}`);
  await page.locator('#block-form').waitFor();
  await page.locator('#blocks [data-episode]').first().waitFor();
  assert.equal(await page.locator('#blocks [data-episode]').count(), 4);

  // keyboard only: Tab, typing, arrows, Space, Enter
  const ended = new Date(NOW - 2 * 3600_000);
  const date = ended.toISOString().slice(0, 10);
  const time = ended.toISOString().slice(11, 16);
  await page.locator('#blocks-title').evaluate((e) => e.scrollIntoView());
  await page.locator('.site-back').focus();
  await tabTo(page, 'block-date');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(date);
  await tabTo(page, 'block-time');
  await page.keyboard.type(time);
  await tabTo(page, 'block-region');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('input[name="block-region"]:checked').getAttribute('value'), 'LUMBAR');
  assert.deepEqual(await page.locator('#block-levels-group input').evaluateAll((x) => x.map((i) => i.value)), b.levelsOf('LUMBAR'), 'the levels of the chosen region');
  await tabTo(page, 'block-levels-L4-L5');
  await page.keyboard.press('Space');
  await tabTo(page, 'block-levels-L5-S1');
  await page.keyboard.press('Space');
  await tabTo(page, 'block-side');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'block-anaesthetic');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'block-which');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'block-baseline');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  assert.ok((await page.title()).startsWith('Error:'));
  assert.equal(await page.locator('#error-summary li').innerText(), 'A baseline of 0 cannot be used: relief cannot be measured against no pain');
  assert.equal((await page.locator('#block-baseline-error').textContent()).replace(/\s+/g, ' '), 'Error: A baseline of 0 cannot be used: relief cannot be measured against no pain');
  assert.equal(await page.locator('#block-baseline').getAttribute('aria-invalid'), 'true');
  assert.equal(posts.length, 0, 'nothing sent');
  await check(page, 'blocks-form-errors');
  // the summary's link to the field, then the right baseline
  await page.locator('#error-summary').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'block-baseline');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6');
  const answer = page.waitForResponse((r) => /\/blocks$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST');
  await page.keyboard.press('Enter');
  const recorded = await (await answer).json();
  await page.locator('#lcd-warnings li').waitFor();
  assert.equal(posts.length, 1, 'one submit, one POST');
  assert.deepEqual(posts[0], { endedAt: ended.toISOString(), region: 'LUMBAR', levels: ['L4-L5', 'L5-S1'], side: 'BOTH', anaesthetic: 'BUPIVACAINE', diagnosticBlock: 'SECOND', baselineNrs: 6 });
  assert.equal(recorded.lcdWarnings.length, 1);
  const warning = await page.locator('#lcd-warnings li').innerText();
  assert.match(warning, /^5 Diagnostic sessions in Lumbar and sacral between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d; the limit is 4\./);
  assert.ok(warning.includes(recorded.lcdWarnings[0].message), 'the API\'s words too');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'blocks-status', 'the result is announced and focused');
  assert.equal(await page.locator('#blocks [data-episode]').count(), 5);
  assert.ok(!(await page.title()).startsWith('Error:'));

  // the diary link: shown once, as a QR code and the address
  const section = page.locator(`[data-episode="${recorded.episodeId}"]`);
  assert.match(await section.locator('.site-diary-link__status').innerText(), /No link has been issued/);
  await section.locator('button[data-action="issue"]').focus();
  await page.keyboard.press('Enter');
  await section.locator('[data-diary-url]').waitFor();
  const url = await section.locator('[data-diary-url]').innerText();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/diary\/#[A-Za-z0-9_-]{43}$/);
  const token = url.split('#')[1];
  tokens.push(token);
  typed.push(token);
  assert.ok(url.startsWith(`${BASE}/diary/#`));
  assert.equal(await section.locator('svg.site-qr[role="img"]').count(), 1);
  assert.equal(await section.locator('svg.site-qr path').count(), 1);
  assert.match(await section.locator('svg.site-qr').getAttribute('aria-label'), /QR code/);
  assert.match(await section.locator('.site-diary-link__status').innerText(), /^A link is active until /);
  assert.equal((await fetch(`${BASE}/diary`, { headers: { authorization: `Diary ${token}` } })).status, 200, 'the link opens the diary');
  await check(page, 'blocks-link');

  // the printable sheet: English (the patient's language), then Spanish; print shows only the sheet, on one page
  await section.locator('button[data-action="sheet"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#sheet article.site-sheet').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sheet-controls-title');
  const sheet = page.locator('#sheet article.site-sheet');
  assert.equal(await sheet.getAttribute('lang'), 'en');
  let text = await sheet.innerText();
  assert.match(text, /^Your pain diary after the block/);
  assert.ok(text.includes(url), 'the link written out');
  assert.equal(await sheet.locator('svg.site-qr').count(), 1);
  const times = b.sheetTimes(recorded.endedAt, recorded.result.points.map((p) => p.minutes), 'en', 'UTC');
  assert.deepEqual(await sheet.locator('.site-sheet__times li').allInnerTexts(), times.map((x) => `${x.at} (${x.after} after)`));
  assert.match(text, /The link works until /);
  assert.match(text, /If the link does not work/);
  noPhi(text, 'the sheet');
  assert.ok(!text.includes(id.slice(0, 8)) && !text.includes(recorded.episodeId), 'no referral or episode id on the sheet');
  await check(page, 'blocks-sheet-en');
  const printed = async (name) => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#page').isVisible(), false, 'print shows only the sheet');
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.site-sheet-controls').isVisible(), false);
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `console-blocks-${name}-print.png`), fullPage: true });
    // (page.pdf prints with print media unless screen is emulated)
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'Letter' });
    writeFileSync(join(ARTIFACTS, `console-blocks-${name}.pdf`), pdf);
    const pages = Number(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1]
      ?? /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/.exec(pdf.toString('latin1'))?.[1]);
    assert.equal(pages, 1, `${name}: one printed page`);
  };
  await printed('sheet-en');
  await page.locator('#sheet-language-en').focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#sheet article.site-sheet')?.lang === 'es');
  text = await sheet.innerText();
  assert.match(text, /^Su diario de dolor después del bloqueo/);
  assert.ok(text.includes(url));
  assert.deepEqual(await sheet.locator('.site-sheet__times li').allInnerTexts(),
    b.sheetTimes(recorded.endedAt, recorded.result.points.map((p) => p.minutes), 'es', 'UTC').map((x) => `${x.at} (${x.after} después)`));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the console stays in its own language');
  await check(page, 'blocks-sheet-es');
  await printed('sheet-es');
  await page.locator('#sheet-close').click();
  assert.equal(await page.locator('#sheet').count(), 0);

  // issued again: the old link stops at once; then revoked
  assert.match(await section.innerText(), /Issuing a new link stops the current one at once/);
  await section.locator('button[data-action="issue"]').click();
  await page.waitForFunction((old) => { const u = document.querySelector(`[data-episode] [data-diary-url]`); return u && !u.textContent.endsWith(old); }, token);
  const again = (await section.locator('[data-diary-url]').innerText()).split('#')[1];
  tokens.push(again);
  typed.push(again);
  assert.notEqual(again, token);
  assert.equal((await fetch(`${BASE}/diary`, { headers: { authorization: `Diary ${token}` } })).status, 410, 'the replaced link no longer works');
  await section.locator('button[data-action="revoke"]').click();
  await page.locator('#blocks-status').filter({ hasText: 'revoked' }).waitFor();
  assert.equal(await section.locator('[data-diary-url]').count(), 0, 'the link is no longer shown');
  assert.match(await section.locator('.site-diary-link__status').innerText(), /The link was revoked/);
  assert.equal((await fetch(`${BASE}/diary`, { headers: { authorization: `Diary ${again}` } })).status, 410, 'the revoked link no longer works');
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'the link is in memory only');
  await page.context().close();
});

// ---- weight, privacy ----------------------------------------------------------------------------

test('the console\'s first page loads at most 150 KB compressed in all (HTML, CSS, JS, fonts)', { timeout: 60_000 }, async () => {
  const page = await newConsolePage();
  await page.goto('/console/', { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  const entries = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((e) => ({ name: e.name, transfer: e.transferSize, decoded: e.decodedBodySize })));
  const total = entries.reduce((sum, e) => sum + e.transfer, 0);
  const line = `console first page: ${(total / 1024).toFixed(1)} KB transferred (compressed) in ${entries.length} requests; `
    + entries.map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, '') || '/'} ${(e.transfer / 1024).toFixed(1)} KB (${(e.decoded / 1024).toFixed(1)} KB)`).join(', ');
  console.log(line);
  writeFileSync(join(ARTIFACTS, 'console-first-page.txt'), `${line}\n`);
  assert.ok(total > 0 && total <= 150 * 1024, line);
  await page.context().close();
});

test('no patient data in any URL the console asked for, and nothing in the browser\'s console but the network\'s own lines', () => {
  assert.ok(requested.length > 50, `${requested.length} requests seen`);
  const leaks = requested.filter((url) => PHI.some((v) => decodeURIComponent(url).includes(v) || url.includes(encodeURIComponent(v))));
  assert.deepEqual(leaks, []);
  assert.ok(tokens.length >= 2, 'the diary links the browser was given');
  assert.deepEqual(requested.filter((url) => tokens.some((tk) => url.includes(tk))), [], 'no diary link in any URL requested');
  const api = requested.filter((u) => u.includes('/referrals'));
  for (const url of api) {
    const { pathname, searchParams } = new URL(url);
    assert.match(pathname, /^\/referrals(\/stats|\/[0-9a-f-]{36}(\/(claim|release|decision|blocks(\/[0-9a-f-]{36}\/diary-link)?|prior-auth\/(cervical|thoracic|lumbar)(\/pdf)?))?)?$/, url);
    for (const k of searchParams.keys()) assert.ok(['disposition', 'status', 'assignee', 'limit', 'cursor'].includes(k), url);
  }
  writeFileSync(join(ARTIFACTS, 'console-browser-console.json'), JSON.stringify(consoleMessages, null, 2));
  const text = consoleMessages.map((x) => x.text).join('\n');
  noPhi(text, 'the browser console');
  for (const t of typed) assert.ok(!text.includes(t), 'a typed note or reason in the browser console');
  // Chromium itself notes each answer of 400 or more ("Failed to load resource": the 409, 412, 422 and 401
  // the tests provoke, the missing favicon); the console writes nothing of its own
  assert.deepEqual(consoleMessages.filter((x) => !/^Failed to load resource: the server responded with a status of \d{3}/.test(x.text)), [], 'the console logs nothing');
});
