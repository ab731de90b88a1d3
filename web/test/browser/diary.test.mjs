// The patient's post-block diary in Chromium on a 360 px phone viewport, against the real local
// runner (BrowserDiaryTest seeds a V01 intake, a bupivacaine block with baseline 10 and its diary
// link, and moves the functions' clock when this file asks CLOCK_URL). The diary is filled at 15
// (late), 30, 60 (made offline, sent once after reconnecting), 120, 240 and 270 min (a 503 first,
// resent with the same key), so the block is positive at 80%; 90 min stays missed. Then the
// ended links: expired, replaced, revoked, unknown, none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, ARTIFACTS, BASE, definition, tabTo } from './support.mjs';
import * as model from '../../src/diary/model.js';

const messages = JSON.parse(readFileSync(new URL('../../src/diary/messages.json', import.meta.url), 'utf8'));
const consoleMessages = JSON.parse(readFileSync(new URL('../../src/console/messages.json', import.meta.url), 'utf8'));
const seed = JSON.parse(readFileSync(process.env.DIARY_SEED || join(ARTIFACTS, 'diary-seed.json'), 'utf8'));
const CLOCK_URL = process.env.CLOCK_URL;
const ZONE = 'America/Chicago';
const ENDED = Date.parse(seed.endedAt);
const TOKENS = [seed.token, seed.replacedToken, seed.revokedToken];
const words = model.movementWords(definition);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MOVEMENTS = ['BENDING_BACKWARD', 'TWISTING'];

let browser;
let main; // {context, page} of the patient's phone
const requested = [];
const posts = []; // every POST /diary/entries the browser made: {key, body, authorization}
const answers = []; // every answer to one: {key, status, body}
const pageErrors = [];
const consoleLines = [];

const t = (key, values, language = 'en') => model.say(messages, language, key, values);
const norm = (s) => s.replace(/\s+/g, ' ').trim();
const at = (minutes) => new Date(ENDED + minutes * 60_000).toISOString();

before(async () => {
  browser = await launch();
});

after(async () => {
  writeFileSync(join(ARTIFACTS, 'diary-requested-urls.json'), JSON.stringify([...new Set(requested.map((u) => u.split('#')[0]))], null, 2));
  await browser?.close();
});

async function clockAt(minutes) {
  const r = await fetch(`${CLOCK_URL}?minutes=${minutes}`, { method: 'POST' });
  assert.equal(r.status, 204, `the clock moved to ${minutes} min`);
}

async function phone({ width = 360, language = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: language, timezoneId: ZONE, baseURL: BASE });
  context.setDefaultTimeout(10_000);
  context.on('request', (r) => {
    requested.push(r.url());
    if (r.method() === 'POST' && r.url().endsWith('/diary/entries')) {
      posts.push({ key: r.headers()['idempotency-key'], body: JSON.parse(r.postData()), authorization: r.headers().authorization });
    }
  });
  context.on('response', async (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith('/diary/entries')) {
      const answer = { key: r.request().headers()['idempotency-key'], status: r.status(), body: null };
      answers.push(answer);
      answer.body = await r.text().then((x) => JSON.parse(x)).catch((e) => ({ unreadable: String(e) }));
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => consoleLines.push(m.text()));
  return { context, page };
}

async function noHorizontalScroll(page, label) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: ${scroll}px wide content in a ${client}px window`);
}

/** axe with 0 violations, no horizontal scrolling and a screenshot at 360 and 320 CSS px; ends at 360. */
async function check(page, name) {
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await noHorizontalScroll(page, `${name} at ${width}px`);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${name} at ${width}px`);
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `diary-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 800 });
}

const statusOf = (page, minutes) => page.getAttribute(`#point-${minutes}`, 'data-status');
const waitStatus = (page, minutes, status) => page.waitForSelector(`#point-${minutes}[data-status="${status}"]`);
const nrsId = (minutes, n) => (n === 0 ? `p${minutes}-nrs` : `p${minutes}-nrs-${n}`);
const choiceId = (minutes, movement, choice) => (choice === 'EASIER' ? `p${minutes}-m-${movement}` : `p${minutes}-m-${movement}-${choice}`);

/** Fills one due point with the mouse: the pain, then each movement's choice. */
async function fill(page, minutes, nrs, choices) {
  await page.click(`label[for="${nrsId(minutes, nrs)}"]`);
  for (const [movement, choice] of Object.entries(choices)) await page.click(`label[for="${choiceId(minutes, movement, choice)}"]`);
}

/** Fills and saves one due point with the keyboard only: Tab into each group, arrows to the choice, Enter on save. */
async function fillByKeyboard(page, minutes, nrs, choices) {
  await tabTo(page, `p${minutes}-nrs`);
  if (nrs === 0) await page.keyboard.press('Space');
  for (let i = 0; i < nrs; i++) await page.keyboard.press('ArrowRight');
  for (const [movement, choice] of Object.entries(choices)) {
    await tabTo(page, `p${minutes}-m-${movement}`);
    const steps = model.CHOICES.indexOf(choice);
    if (steps === 0) await page.keyboard.press('Space');
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, `save-${minutes}`);
  await page.keyboard.press('Enter');
}

const expected = (minutes, nrs, choices) => ({
  timePoint: minutes,
  nrs,
  movements: MOVEMENTS.map((m) => (choices[m] === 'NOT_TRIED' ? { movement: m, tried: false } : { movement: m, tried: true, change: choices[m] })),
});

async function checkAgain(page) {
  const before = await page.evaluate(() => document.querySelector('.site-checked')?.textContent);
  await page.click('#check-again');
  await page.waitForFunction((b) => document.querySelector('.site-checked')?.textContent !== b, before);
}

/** What the page says, as written (textContent: no CSS capitals), visually hidden words included; never the noscript text. */
const bodyText = (page) => page.evaluate(() => [document.querySelector('header'), document.getElementById('diary-status'), document.getElementById('page')]
  .map((e) => e.textContent).join(' '));
const sent = []; // the entries the API recorded, as the browser sent them (for BrowserDiaryTest)

/**
 * The API's 201 for this point: its status as the browser saw it, and what the page then shows
 * (late or not); the entry as the browser sent it is kept for BrowserDiaryTest, which compares it
 * with what the API stored. The answer's body, when the browser hands it over, must be that entry.
 */
async function recorded(minutes) {
  const keys = new Set(posts.filter((p) => p.body.timePoint === minutes).map((p) => p.key));
  const ok = () => answers.filter((a) => a.status === 201 && keys.has(a.key));
  for (let i = 0; i < 50 && !ok().length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(ok().length, 1, `one 201 for ${minutes} min: ${JSON.stringify(answers.filter((a) => keys.has(a.key)).map((a) => a.status))}`);
  const request = posts.find((p) => p.key === ok()[0].key);
  const late = await main.page.locator(`#point-${minutes} .site-tag--late`).count() === 1;
  const body = ok()[0].body;
  if (body && !body.unreadable) {
    assert.deepEqual({ timePoint: body.timePoint, nrs: body.nrs, movements: body.movements.map(({ change, ...m }) => (m.tried ? { ...m, change } : m)) },
      request.body, `the API recorded what the browser sent at ${minutes} min`);
    assert.equal(body.late, late, `late as the API said at ${minutes} min`);
  }
  sent.push({ ...request.body, late });
  return { late };
}

/** A step of the diary: on failure, a screenshot of the patient's page and what its live region said. */
async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    if (main) {
      await main.page.screenshot({ path: join(ARTIFACTS, 'screenshots', `diary-failed-${name}.png`), fullPage: true }).catch(() => {});
      e.message += ` [live region: ${await main.page.innerText('#diary-status').catch(() => '?')}]`;
    }
    throw e;
  }
}

// ---- the diary, point by point ------------------------------------------------------------------

test('14 min after the block: the 15-minute point is due, the 30-minute one next with its time; errors in the GOV.UK pattern', { timeout: 60_000 }, () => step('1', async () => {
  await clockAt(14);
  main = await phone();
  const { page } = main;
  await page.goto(`/diary/#${seed.token}`);
  await page.waitForSelector('#due-15');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the focus starts on the heading');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await statusOf(page, 15), 'DUE');
  assert.equal(await statusOf(page, 30), 'UPCOMING');
  assert.equal(await page.locator('form[id^="form-"]').count(), 1, 'one point due');
  // the next point with its time of day on the phone's clock (its own time zone)
  const when = (m) => model.when(at(m), at(14), 'en', ZONE);
  assert.equal(norm(await page.innerText('#next')), norm(t('next', { point: '30 min', time: when(30), opens: when(25) })));
  // the movements of the intake, in the questionnaire's words; 0-10 with its two ends
  for (const m of MOVEMENTS) assert.ok((await page.innerText(`#p15-m-${m}-group legend`)).startsWith(words[m].en), m);
  assert.equal(await page.locator('input[name="p15-nrs"]').count(), 11);
  assert.match(await page.innerText('label[for="p15-nrs"]'), /0\s+no pain/);
  assert.match(await page.innerText('label[for="p15-nrs-10"]'), /10\s+worst pain/);
  await check(page, 'due');

  // nothing chosen: the summary, focused, a link per field, the message at each field, "Error:" in the title
  await page.click('#save-15');
  await page.waitForSelector('#error-summary');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  assert.equal(norm(await page.innerText('#error-summary-title')), 'There is a problem');
  assert.ok((await page.title()).startsWith('Error: '));
  const links = await page.$$eval('#error-summary a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(links, [['#p15-nrs', t('errorNrs', { point: '15 min' })],
    ['#p15-m-BENDING_BACKWARD', t('errorMovement', { point: '15 min', movement: 'leaning back' })],
    ['#p15-m-TWISTING', t('errorMovement', { point: '15 min', movement: 'twisting or turning your body' })]]);
  assert.equal(norm(await page.innerText('#p15-nrs-error')), `Error: ${t('errorNrs', { point: '15 min' })}`);
  await check(page, 'error');
  await page.click('#error-summary a >> nth=1');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'p15-m-BENDING_BACKWARD');
  assert.equal(await page.evaluate(() => location.hash), `#${seed.token}`, 'an error link never replaces the fragment');
  assert.equal(posts.length, 0, 'nothing sent with errors');
}));

test('27 min: two points due at once; the 15-minute entry is late, the 30-minute one made with the keyboard only', { timeout: 60_000 }, () => step('2', async () => {
  await clockAt(27);
  const { page } = main;
  await checkAgain(page);
  await page.waitForSelector('#due-30');
  assert.equal(await page.locator('form[id^="form-"]').count(), 2, 'two points due');
  assert.ok(await page.isVisible('#due-15-late'), 'the late one says so before it is saved');
  await fill(page, 15, 5, { BENDING_BACKWARD: 'SAME', TWISTING: 'NOT_TRIED' });
  await page.click('#save-15');
  await waitStatus(page, 15, 'DONE');
  assert.equal((await recorded(15)).late, true);
  assert.ok(await page.isVisible('#point-15 .site-tag--late'), 'marked late');
  assert.equal(norm(await page.innerText('#diary-status')), norm(`${t('noticeSentTitle')} ${t('noticeSent', { point: '15 min' })}`));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'diary-status', 'the focus moves to what happened');
  await fillByKeyboard(page, 30, 1, { BENDING_BACKWARD: 'EASIER', TWISTING: 'EASIER' });
  await waitStatus(page, 30, 'DONE');
  assert.equal((await recorded(30)).late, false);
  assert.ok(!(await page.isVisible('#point-30 .site-tag--late')));
  const done = norm(await page.innerText('#point-30'));
  assert.ok(done.includes(norm(t('recorded', { nrs: 1, time: model.when(at(27), at(27), 'en', ZONE) }))), done);
  assert.ok(done.includes('Leaning back: tried, easier'), done);
  for (const p of posts) assert.equal(p.authorization, `Diary ${seed.token}`);
}));

test('60 min, offline: the entry is saved on the phone with its key, and sent exactly once when the phone is back online', { timeout: 60_000 }, () => step('3', async () => {
  await clockAt(60);
  const { page, context } = main;
  await page.reload(); // the capability is still in the fragment: the diary opens again
  await page.waitForSelector('#due-60');
  assert.equal(await statusOf(page, 30), 'DONE');
  await context.setOffline(true);
  await page.waitForSelector('#offline');
  const before = posts.length;
  await fill(page, 60, 1, { BENDING_BACKWARD: 'EASIER', TWISTING: 'SAME' });
  await page.click('#save-60');
  await waitStatus(page, 60, 'QUEUED');
  assert.equal(norm(await page.innerText('#diary-status')), norm(`${t('noticeQueuedTitle')} ${t('noticeQueued', { point: '1 h' })}`));
  assert.equal(await page.textContent('#point-60 .site-tag--QUEUED'), "Saved on this phone, will be sent when you're back online");
  const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('spine-intake-diary')));
  assert.equal(stored.queue.length, 1);
  const key = stored.queue[0].key;
  assert.match(key, /^[0-9a-f-]{36}$/);
  assert.deepEqual(stored.queue[0].entry, expected(60, 1, { BENDING_BACKWARD: 'EASIER', TWISTING: 'SAME' }));
  assert.ok(!JSON.stringify(stored).includes(seed.token), 'the capability is never stored');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await check(page, 'queued-offline');
  assert.equal(posts.length, before, 'nothing sent while offline');

  await context.setOffline(false);
  await waitStatus(page, 60, 'DONE');
  assert.equal(norm(await page.innerText('#diary-status')), norm(`${t('noticeSentTitle')} ${t('noticeSent', { point: '1 h' })}`));
  // a reload (the queue is read again on load) and another online event send nothing more
  await page.reload();
  await page.waitForSelector('#point-60[data-status="DONE"]');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(500);
  const withKey = posts.filter((p) => p.key === key);
  assert.equal(withKey.length, 1, 'one POST with the entry\'s key');
  assert.deepEqual(withKey[0].body, expected(60, 1, { BENDING_BACKWARD: 'EASIER', TWISTING: 'SAME' }));
  assert.equal(answers.filter((a) => a.key === key).map((a) => a.status).join(), '201');
  assert.equal((await recorded(60)).late, false);
  assert.deepEqual((await page.evaluate(() => JSON.parse(sessionStorage.getItem('spine-intake-diary')))).queue, [], 'the queue is empty once sent');
}));

test('122 min, in Spanish: 90 min stays missed and cannot be filled in; the 120-minute entry; no English left', { timeout: 60_000 }, () => step('4', async () => {
  await clockAt(122);
  const { page } = main;
  await checkAgain(page);
  await page.waitForSelector('#due-120');
  assert.equal(await statusOf(page, 90), 'MISSED');
  assert.equal(await page.locator('#form-90, #due-90').count(), 0, 'a missed point takes no entry');
  assert.ok((await page.innerText('#point-90')).includes(t('missed')));
  // switch with the keyboard
  await page.focus('#language-switch');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-switch');
  assert.equal(await page.getAttribute('#language-switch', 'lang'), 'en');
  const text = await bodyText(page);
  const same = new Set(messages.sameInBothLanguages);
  // every English text's words (between its placeholders), and the English movement words: none on the Spanish page
  const english = Object.entries(messages.text).filter(([k]) => !same.has(k) && k !== 'otherLanguage')
    .flatMap(([, v]) => v.en.split(/\{\w+\}/)).map((s) => s.trim()).filter((s) => s.length > 3);
  english.push(...MOVEMENTS.map((m) => words[m].en), 'lower back');
  assert.deepEqual(english.filter((s) => norm(text).includes(norm(s))), [], 'English on the Spanish page');
  assert.ok(text.includes(words.BENDING_BACKWARD.es) && text.includes('la parte baja de la espalda'));
  assert.ok(text.includes(t('missed', {}, 'es')));
  await fill(page, 120, 1, { BENDING_BACKWARD: 'EASIER', TWISTING: 'EASIER' });
  await page.click('#save-120');
  await waitStatus(page, 120, 'DONE');
  assert.equal((await recorded(120)).late, false);
  assert.ok((await page.innerText('#diary-status')).includes(t('noticeSent', { point: '2 h' }, 'es')));
  await check(page, 'es-done');
  await page.click('#language-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}));

test('242 min: an API 422 lands at its field; corrected, the 240-minute entry is sent', { timeout: 60_000 }, () => step('5', async () => {
  await clockAt(242);
  const { page } = main;
  await checkAgain(page);
  await page.waitForSelector('#due-240');
  let refused = false;
  await page.route('**/diary/entries', async (route) => {
    if (refused) return route.continue();
    refused = true;
    return route.fulfill({ status: 422, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:spine-intake:problem:invalid-diary-entry', status: 422, errors: [{ pointer: '/movements/1/change', detail: 'x' }] }) });
  });
  await fill(page, 240, 1, { BENDING_BACKWARD: 'EASIER', TWISTING: 'SAME' });
  await page.click('#save-240');
  await page.waitForSelector('#error-summary');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  assert.deepEqual(await page.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href'))), ['#p240-m-TWISTING']);
  assert.ok(await page.isVisible('#p240-m-TWISTING-group.usa-form-group--error'));
  assert.ok(await page.isChecked('#p240-nrs-1'), 'what was chosen is kept');
  await page.unroute('**/diary/entries');
  await page.click(`label[for="${choiceId(240, 'TWISTING', 'EASIER')}"]`);
  await page.click('#save-240');
  await waitStatus(page, 240, 'DONE');
  assert.equal((await recorded(240)).late, false);
  assert.equal(await page.locator('#error-summary').count(), 0);
}));

test('272 min: a 503 with Retry-After is resent later with the same key, and recorded once', { timeout: 60_000 }, () => step('6', async () => {
  await clockAt(272);
  const { page } = main;
  await checkAgain(page);
  await page.waitForSelector('#due-270');
  let busy = false;
  await page.route('**/diary/entries', async (route) => {
    if (busy) return route.continue();
    busy = true;
    return route.fulfill({ status: 503, contentType: 'application/problem+json', headers: { 'retry-after': '1' },
      body: JSON.stringify({ type: 'urn:spine-intake:problem:backend-unavailable', status: 503 }) });
  });
  await fill(page, 270, 2, { BENDING_BACKWARD: 'EASIER', TWISTING: 'EASIER' });
  await page.click('#save-270');
  await page.waitForFunction(() => document.getElementById('diary-status').textContent.includes('busy'));
  assert.equal(await statusOf(page, 270), 'QUEUED');
  await waitStatus(page, 270, 'DONE');
  await page.unroute('**/diary/entries');
  const keys = posts.filter((p) => p.body.timePoint === 270).map((p) => p.key);
  assert.equal(keys.length, 2, 'sent twice: the 503, then once more');
  assert.equal(keys[0], keys[1], 'with the same key');
  await recorded(270);
  await check(page, 'done');
  // the server has one entry per point: what the page shows after a fresh read
  await page.reload();
  await page.waitForSelector('#point-270[data-status="DONE"]');
  const done = await page.$$eval('#points li[data-status="DONE"]', (li) => li.map((l) => l.id));
  assert.deepEqual(done, ['point-15', 'point-30', 'point-60', 'point-120', 'point-240', 'point-270']);
  writeFileSync(join(ARTIFACTS, 'diary-entries.json'), JSON.stringify(sent, null, 2));
}));

test('302 min: an entry waiting in the tab\'s queue (saved offline before a reload) is sent on load, once, with its own key', { timeout: 60_000 }, () => step('6b', async () => {
  await clockAt(302);
  const { page } = main;
  const key = '5b0f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
  const entry = expected(300, 2, { BENDING_BACKWARD: 'EASIER', TWISTING: 'NOT_TRIED' });
  await page.evaluate(([episode, k, e]) => sessionStorage.setItem('spine-intake-diary', JSON.stringify({ language: 'en',
    queue: [{ key: k, episode, entry: e, savedAt: null, state: 'queued', attempts: 0 }] })), [`${new Date(seed.endedAt).toISOString()}|LUMBAR`, key, entry]);
  await page.reload();
  await waitStatus(page, 300, 'DONE');
  assert.equal((await recorded(300)).late, false);
  assert.deepEqual(posts.filter((p) => p.key === key).map((p) => p.body), [entry], 'sent once, as it was saved, with its key');
  assert.deepEqual((await page.evaluate(() => JSON.parse(sessionStorage.getItem('spine-intake-diary')))).queue, []);
  writeFileSync(join(ARTIFACTS, 'diary-entries.json'), JSON.stringify(sent, null, 2));
}));

// ---- links that no longer work --------------------------------------------------------------------

async function endedPage(hash, name, why) {
  const { page, context } = await phone();
  const diaryRequests = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname === '/diary') diaryRequests.push(r.status()); });
  await page.goto(`/diary/${hash}`);
  await page.waitForSelector('#ended-title');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ended-title');
  assert.equal(norm(await page.innerText('#ended-title')), t('endedTitle'));
  assert.equal(norm(await page.innerText('#ended-why')), t(why));
  const text = await bodyText(page);
  assert.ok(text.includes(t('endedWhat')));
  // no episode data: no time, no region, no point, no movement
  assert.doesNotMatch(text, /\d{1,2}:\d\d/);
  for (const s of ['lower back', 'Leaning back', 'Twisting', '15 min', 'out of 10']) assert.ok(!text.includes(s), `${name} shows ${s}`);
  assert.equal(await page.locator('#points, form').count(), 0);
  await check(page, name);
  await context.close();
  return diaryRequests;
}

test('the coordinator opens the referral in the console and sees this diary: its entries, the verdict and the link still active', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: ZONE, baseURL: BASE });
  context.setDefaultTimeout(15_000);
  const consoleRequested = []; // the console's own (its worklist has query strings of no patient data)
  context.on('request', (r) => consoleRequested.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/console/');
  await page.fill('#username', 'alice.ng');
  await page.click('#sign-in');
  await page.locator('#me').filter({ hasText: 'alice.ng' }).waitFor();
  await page.evaluate((id) => { location.hash = `#/referrals/${id}`; }, seed.referralId);
  const episode = page.locator(`[data-episode="${seed.episodeId}"]`);
  const verdict = episode.locator('[data-verdict="MEDICARE_LCD"]');
  await verdict.waitFor();
  assert.equal(norm(await verdict.locator('.site-verdict__result').innerText()), consoleMessages.text['blockResult.POSITIVE'].en);
  // every entry the phone sent (the offline one once) is a row of the chart's table, with its NRS
  const accepted = new Set(answers.filter((a) => a.status === 201).map((a) => a.key));
  const byPoint = new Map(posts.filter((p) => accepted.has(p.key)).map((p) => [p.body.timePoint, p.body.nrs]));
  assert.ok(byPoint.size >= 6, `${byPoint.size} points recorded`);
  for (const [minutes, nrs] of byPoint) {
    const row = episode.locator(`table[data-points="${seed.episodeId}"] tr[data-minutes="${minutes}"]`);
    assert.equal(norm(await row.locator('td').nth(1).innerText()), String(nrs), `the ${minutes}-minute row shows NRS ${nrs}`);
  }
  // the point the patient missed is shown missing, never given a relief
  assert.ok(await episode.locator('table[data-points] tr[data-minutes="90"].site-point--missing').count() === 1, 'the 90-minute point is missing');
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', 'diary-seen-in-console-1280.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include(`[data-episode="${seed.episodeId}"]`).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(consoleRequested.filter((u) => TOKENS.some((tok) => u.includes(tok))), [], 'a capability in a URL the console asked for');
  await context.close();
});

test('ended links: replaced and revoked say so, an unknown or missing one says to check it; each with no data', { timeout: 90_000 }, async () => {
  assert.deepEqual(await endedPage(`#${seed.replacedToken}`, 'ended-replaced', 'endedRevoked'), [410]);
  assert.deepEqual(await endedPage(`#${seed.revokedToken}`, 'ended-revoked', 'endedRevoked'), [410]);
  assert.deepEqual(await endedPage(`#${'A'.repeat(43)}`, 'ended-unknown', 'endedUnknown'), [401]);
  assert.deepEqual(await endedPage('', 'ended-no-link', 'endedUnknown'), [], 'no link: nothing is asked of the API');
  assert.deepEqual(await endedPage('#too-short', 'ended-broken-link', 'endedUnknown'), []);
});

test('48 h after the block: the link has expired, on the patient\'s open page too; an entry that could not be sent is shown, not dropped', { timeout: 60_000 }, () => step('7', async () => {
  await clockAt(48 * 60 + 1);
  assert.deepEqual(await endedPage(`#${seed.token}`, 'ended-expired', 'endedExpired'), [410]);
  // the open page: an entry waiting on the phone when the link has ended is told, not dropped
  const { page, context } = main;
  await page.evaluate((episode) => sessionStorage.setItem('spine-intake-diary', JSON.stringify({ language: 'en', queue: [{
    key: crypto.randomUUID(), episode, entry: { timePoint: 1440, nrs: 3, movements: [] }, state: 'queued', attempts: 0 }] })), `${seed.endedAt}|LUMBAR`);
  await page.reload();
  await page.waitForSelector('#ended-title');
  assert.equal(norm(await page.innerText('#ended-why')), t('endedExpired'));
  assert.ok(norm(await page.innerText('#not-sent')).includes(norm(t('notSentLink', { point: '24 h', nrs: 3 }))));
  await check(page, 'ended-not-sent');
  await context.close();
}));

test('the capability is in no URL the browser requested, in no console line; no page error; nothing in localStorage or cookies', () => {
  assert.ok(requested.length > 20, `${requested.length} requests`);
  const paths = requested.map((u) => u.split('#')[0]);
  assert.deepEqual(paths.filter((u) => TOKENS.some((tok) => u.includes(tok))), [], 'a capability in a requested URL');
  assert.deepEqual(paths.filter((u) => u.includes('?')), [], 'no query strings');
  assert.deepEqual(consoleLines.filter((l) => TOKENS.some((tok) => l.includes(tok))), []);
  assert.deepEqual(pageErrors, []);
  for (const p of posts) assert.ok(!JSON.stringify(p.body).includes(seed.token));
});
