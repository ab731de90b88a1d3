// What the browser tests share: Debian's Chromium through playwright-core, the questionnaire model
// (the same module the pages use, so a test fills exactly what the pages show), and a filler that
// answers a page by mouse or by keyboard only.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as model from '../../src/app/form-model.js';

export { model };
export const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repo = resolve(web, '..');
export const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
export const ARTIFACTS = process.env.ARTIFACTS || join(web, 'target/browser');
mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });

export const definition = JSON.parse(readFileSync(join(web, 'questionnaire/intake.json'), 'utf8'));
/** What the patient is told (next steps, advice): the API's file, which the build bundles. */
export const messages = JSON.parse(readFileSync(join(repo, 'functions/triage-engine/src/main/resources/io/spineintake/triage/patient-messages.json'), 'utf8'));
export const vignette = (id) => JSON.parse(readFileSync(join(repo, `functions/triage-engine/src/test/resources/vignettes/${id}.json`), 'utf8'));

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
    // playwright gives every launch a fresh, empty --user-data-dir of its own
  });
}

/** Every URL any page of the run asked for, to prove no answer travels in one. */
export const requestedUrls = [];

export async function newPage(browser, { width = 1280, language = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: language, baseURL: BASE });
  context.setDefaultTimeout(10_000);
  context.on('request', (r) => requestedUrls.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
  return page;
}

export function save(name, data) {
  writeFileSync(join(ARTIFACTS, name), JSON.stringify(data, null, 2));
}

export const routeOf = (page) => page.evaluate(() => decodeURIComponent(location.hash.slice(2)));
const idOf = (key) => `q-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The slots the page being shown asks, for these answers. */
export function slotsFor(route, answers) {
  const current = model.visiblePages(definition, answers).find((p) => p.route === route);
  if (!current) throw new Error(`no page ${route} for these answers`);
  return model.slotsOf(current, answers, definition);
}

/** Answers one slot with the mouse and typing. */
function choices(slot, answers) {
  return slot.question.type === 'scale' ? Array.from({ length: 11 }, (_, n) => String(n))
    : model.options(definition, slot.question, answers, slot.region).map((o) => o.value);
}

async function fillSlot(page, slot, value, answers) {
  const id = idOf(slot.key);
  const q = slot.question;
  if (q.type === 'radio' || q.type === 'scale') {
    await page.click(`label[for="${choices(slot, answers).indexOf(String(value)) === 0 ? id : `${id}-${value}`}"]`);
  } else if (q.type === 'regions') {
    for (const region of value) {
      await page.click(`label[for="${region === q.options[0].value ? id : `${id}-${region}`}"]`);
    }
  } else if (q.type === 'consent') {
    if (value) await page.click(`label[for="${id}"]`);
  } else if (q.type === 'date') {
    await page.fill(`#${id}-day`, value.day);
    await page.fill(`#${id}-month`, value.month);
    await page.fill(`#${id}-year`, value.year);
  } else {
    await page.fill(`#${id}`, String(value));
  }
}

/** Tabs forward until the element with this id has focus (bounded). */
export async function tabTo(page, id) {
  for (let i = 0; i < 250; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function tabToSelector(page, selector) {
  for (let i = 0; i < 250; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answers one slot with the keyboard only: Tab, arrows, Space and typing. */
async function keySlot(page, slot, value, answers) {
  const id = idOf(slot.key);
  const q = slot.question;
  if (q.type === 'radio' || q.type === 'scale') {
    const values = choices(slot, answers);
    await tabTo(page, id); // Tab enters an unanswered group at its first choice
    const steps = values.indexOf(String(value));
    if (steps === 0) await page.keyboard.press('Space');
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  } else if (q.type === 'regions') {
    for (const option of q.options) {
      await tabTo(page, option.value === q.options[0].value ? id : `${id}-${option.value}`);
      if (value.includes(option.value)) await page.keyboard.press('Space');
    }
  } else if (q.type === 'consent') {
    await tabTo(page, id);
    if (value) await page.keyboard.press('Space');
  } else if (q.type === 'date') {
    for (const part of ['day', 'month', 'year']) {
      await tabTo(page, `${id}-${part}`);
      await page.keyboard.type(value[part]);
    }
  } else {
    await tabTo(page, id);
    await page.keyboard.type(String(value));
  }
}

/**
 * Answers every question the page shows from `answers` (a vignette read through the model),
 * leaving out the keys in `skip`, then continues. Returns the route reached.
 */
export async function answerPage(page, answers, { keyboard = false, skip = [] } = {}) {
  const route = await routeOf(page);
  const shown = {};
  for (const slot of slotsFor(route, answers)) {
    const value = answers[slot.key];
    if (value === undefined || skip.includes(slot.key)) continue;
    if (keyboard) await keySlot(page, slot, value, answers);
    else await fillSlot(page, slot, value, answers);
    shown[slot.key] = value;
  }
  await proceed(page, keyboard);
  return routeOf(page);
}

export async function proceed(page, keyboard) {
  const before = await routeOf(page);
  if (keyboard) {
    await tabToSelector(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
  } else {
    await page.click('button[type="submit"]');
  }
  await page.waitForFunction((r) => decodeURIComponent(location.hash.slice(2)) !== r || document.getElementById('error-summary'), before);
}

/** From the start page through every page to "check your answers". */
export async function completeForm(page, answers, options = {}) {
  await page.goto('/');
  if (options.keyboard) {
    await tabToSelector(page, 'a.usa-button');
    await page.keyboard.press('Enter');
  } else {
    await page.click('a.usa-button');
  }
  await page.waitForFunction(() => location.hash.length > 2);
  const visited = [];
  for (let i = 0; i < 40; i++) {
    const route = await routeOf(page);
    if (route === 'check') return visited;
    visited.push(route);
    if (options.onPage) await options.onPage(page, route);
    const next = await answerPage(page, answers, options);
    if (next === route) throw new Error(`stuck on ${route}: ${await page.locator('#error-summary').innerText().catch(() => '')}`);
  }
  throw new Error('the form did not reach check your answers');
}

/** Sends from "check your answers" and returns the request body and the API's answer. */
export async function send(page, { keyboard = false } = {}) {
  const request = page.waitForRequest((r) => r.url().endsWith('/intakes') && r.method() === 'POST');
  const response = page.waitForResponse((r) => r.url().endsWith('/intakes') && r.request().method() === 'POST');
  if (keyboard) {
    await tabToSelector(page, '#send');
    await page.keyboard.press('Enter');
  } else {
    await page.click('#send');
  }
  const [req, res] = await Promise.all([request, response]);
  await page.waitForFunction(() => location.hash === '#/done');
  return { sent: JSON.parse(req.postData()), status: res.status(), receipt: await res.json(), idempotencyKey: req.headers()['idempotency-key'] };
}
