// The console's texts (src/console/messages.json) in English and Spanish: every key in both
// languages with the same placeholders, no Spanish text left as the English one unless listed as
// deliberately the same, every key the console asks for is there and every key is asked for; the
// due time in words, waits, leases and times with Intl, in both languages.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as m from '../../src/console/model.js';
import * as i18n from '../../src/console/i18n.js';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(web, 'src/console');
const messages = JSON.parse(readFileSync(join(dir, 'messages.json'), 'utf8'));
const sources = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
const H = 3600_000;
const MIN = 60_000;
const NOW = Date.parse('2026-11-27T09:00:00Z');
const at = (ms) => new Date(NOW + ms).toISOString();

afterEach(() => i18n.setLanguage('en'));

test('the languages are English and Spanish, and the messages file is the one the console uses', () => {
  assert.deepEqual(Object.keys(messages.languages), ['en', 'es']);
  assert.deepEqual(i18n.LANGUAGES, ['en', 'es']);
  assert.deepEqual(i18n.messages, messages);
});

test('every key has a non-empty English and Spanish text with the same placeholders', () => {
  const keys = Object.keys(messages.text);
  assert.ok(keys.length > 250, `${keys.length} keys`);
  for (const [key, texts] of Object.entries(messages.text)) {
    assert.deepEqual(Object.keys(texts).sort(), ['en', 'es'], key);
    for (const lang of ['en', 'es']) assert.ok(typeof texts[lang] === 'string' && texts[lang].trim(), `${key}.${lang}`);
    assert.deepEqual(placeholders(texts.es), placeholders(texts.en), `${key}: the same placeholders`);
    // a text that follows another starts with its space in both languages
    assert.equal(texts.es.startsWith(' '), texts.en.startsWith(' '), `${key}: leading space`);
  }
});

test('no Spanish text is the English one, unless listed as deliberately the same', () => {
  const same = new Set(messages.sameInBothLanguages);
  const identical = Object.entries(messages.text).filter(([, x]) => x.en === x.es).map(([k]) => k);
  assert.deepEqual(identical.filter((k) => !same.has(k)), [], 'Spanish left as the English');
  assert.deepEqual([...same].filter((k) => !identical.includes(k)), [], 'listed as the same but not the same (or no such key)');
  // what is deliberately the same: the units of time, "Error:" and "No"
  assert.deepEqual([...same].sort(), ['durationDays', 'durationDaysHours', 'durationHours', 'durationHoursMinutes', 'durationMinutes', 'errorPrefix', 'no']);
});

test('every key the console asks for is in the file, and every key in the file is asked for', () => {
  const keys = new Set(Object.keys(messages.text));
  const asked = [...sources.matchAll(/\bt\('([^']+)'/g)].map((x) => x[1]);
  assert.ok(asked.length > 100);
  assert.deepEqual(asked.filter((k) => !keys.has(k)), [], 'asked for but missing');
  // keys named in code: quoted literally, or made of a prefix and an API code (t(`band.${...}`))
  const prefixes = [...sources.matchAll(/t\(`([\w.]+?\.)\$\{/g), ...sources.matchAll(/texts\('(\w+)'/g)].map((x) => (x[1].endsWith('.') ? x[1] : `${x[1]}.`));
  const unused = [...keys].filter((k) => !sources.includes(`'${k}'`) && !prefixes.some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], 'in the file but never shown');
});

test('the names of the API\'s codes switch with the language', () => {
  assert.equal(m.STATUSES.NEW, 'New');
  assert.equal(m.BANDS[1].name, 'Urgent review');
  assert.equal(m.OUTCOMES.DECLINED.name, 'Declined');
  i18n.setLanguage('es');
  assert.equal(i18n.language(), 'es');
  assert.equal(m.STATUSES.NEW, 'Nueva');
  assert.equal(m.BANDS[1].name, 'Revisión urgente');
  assert.equal(m.BANDS[2].short, 'Consulta');
  assert.equal(m.DISPOSITIONS.EMERGENCY, 'Emergencia');
  assert.equal(m.OUTCOMES.REFERRED_TO_EMERGENCY_CARE.name, 'Derivado a atención de emergencia');
  assert.equal(m.OUTCOMES.REFERRED_TO_EMERGENCY_CARE.closes, true);
  assert.equal(m.CRITERION_STATUS.NOT_MET, 'No cumplido');
  assert.deepEqual(Object.keys(m.STATUSES), ['NEW', 'IN_REVIEW', 'WAITING_FOR_PATIENT', 'DECIDED']);
  for (const band of m.BANDS) for (const lang of ['en', 'es']) assert.ok(i18n.t(`band.${band.band}.name`, {}, lang));
});

test('the language comes from the browser\'s: Spanish for any es-*, English otherwise; an unknown one is English', () => {
  assert.equal(i18n.pick(['es-MX', 'en']), 'es');
  assert.equal(i18n.pick('es'), 'es');
  assert.equal(i18n.pick(['en-US', 'es']), 'en');
  assert.equal(i18n.pick(['fr-FR']), 'en');
  assert.equal(i18n.pick(undefined), 'en');
  assert.equal(i18n.setLanguage('de'), 'en');
  assert.equal(i18n.other('en'), 'es');
  assert.equal(i18n.other('es'), 'en');
});

test('the due time in words, in English and Spanish', () => {
  const cases = [
    [3 * H, 'due in 3 h', 'vence en 3 h', false],
    [2 * H + 10 * MIN, 'due in 2 h 10 min', 'vence en 2 h 10 min', false],
    [45 * MIN, 'due in 45 min', 'vence en 45 min', false],
    [30_000, 'due in under a minute', 'vence en menos de un minuto', false],
    [-30_000, 'due now', 'vence ahora', true],
    [0, 'due now', 'vence ahora', true],
    [-2 * H, '2 h overdue', '2 h de retraso', true],
    [-(2 * H + 10 * MIN), '2 h 10 min overdue', '2 h 10 min de retraso', true],
    [-(4 * 24 * H + 6 * H), '4 d 6 h overdue', '4 d 6 h de retraso', true],
    [3 * 24 * H, 'due in 3 d', 'vence en 3 d', false],
  ];
  for (const [ms, en, es, overdue] of cases) {
    assert.deepEqual(m.due(at(ms), NOW, 'en'), { overdue, text: en });
    assert.deepEqual(m.due(at(ms), NOW, 'es'), { overdue, text: es });
  }
  // without a language: the console's current one
  assert.equal(m.due(at(3 * H), NOW).text, 'due in 3 h');
  i18n.setLanguage('es');
  assert.equal(m.due(at(-(2 * H + 10 * MIN)), NOW).text, '2 h 10 min de retraso');
});

test('waits, leases, times (Intl) and dates of birth in English and Spanish', () => {
  assert.equal(m.waiting(at(-21 * H), NOW, 'es'), '21 h');
  assert.deepEqual(m.leaseLeft(at(28 * MIN), NOW, 'en'), { live: true, text: '28 min left' });
  assert.deepEqual(m.leaseLeft(at(28 * MIN), NOW, 'es'), { live: true, text: 'quedan 28 min' });
  assert.deepEqual(m.leaseLeft(at(-3 * MIN), NOW, 'es'), { live: false, text: 'terminó hace 3 min' });
  assert.equal(m.seconds(null, 'es'), 'sin datos');
  assert.equal(m.seconds(5400, 'es'), '1 h 30 min');
  assert.equal(m.time('2026-11-27T10:30:00Z', NOW, 'UTC', 'es'), '10:30 UTC');
  assert.equal(m.time('2026-11-26T10:30:00Z', NOW, 'UTC', 'en'), 'Nov 26, 2026, 10:30 UTC');
  assert.equal(m.time('2026-11-26T10:30:00Z', NOW, 'UTC', 'es'), new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-11-26T10:30:00Z')) + ', 10:30 UTC');
  assert.match(m.time('2026-11-26T10:30:00Z', NOW, 'UTC', 'es'), /^26 nov 2026, 10:30 UTC$/);
  assert.equal(m.birthDate('1974-01-15', NOW, 'en'), 'January 15, 1974 (age 52)');
  assert.equal(m.birthDate('1974-01-15', NOW, 'es'), '15 de enero de 1974 (52 años)');
});

test('the decision\'s errors and the audit trail in Spanish', () => {
  i18n.setLanguage('es');
  const refused = m.decision({ disposition: 'EMERGENCY' }, { outcome: 'REFERRED_TO_EMERGENCY_CARE' });
  assert.deepEqual(refused.errors.map((e) => e.text), ['Indique el motivo para cerrar una derivación de emergencia: se guarda en el registro de auditoría']);
  assert.deepEqual(m.decision({ disposition: 'CONSULT' }, {}).errors.map((e) => e.text), ['Elija un resultado']);
  assert.equal(m.auditText({ action: 'DECIDED', outcome: 'DECLINED', status: 'DECIDED', reason: 'x' }, NOW), 'Decidida: Rechazada; ahora decidida; motivo: x');
  assert.equal(m.auditText({ action: 'CLAIMED', leaseUntil: '2026-11-27T09:30:00Z' }, NOW), 'Reservada hasta las 09:30 UTC');
});

test('the language is kept in memory only: the console never touches localStorage or cookies', () => {
  assert.ok(!/localStorage|document\.cookie|indexedDB/.test(sources.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '')));
  assert.ok(!/sessionStorage/.test(readFileSync(join(dir, 'i18n.js'), 'utf8').replace(/\/\/.*$/gm, '')));
});

test('every audit action of the API (the Java enum AuditAction) is told in words, in both languages', () => {
  const java = readFileSync(resolve(web, '../functions/platform/src/main/java/io/spineintake/platform/referrals/AuditAction.java'), 'utf8');
  const body = java.slice(java.indexOf('{') + 1, java.lastIndexOf('}')).replace(/\/\*\*[\s\S]*?\*\//g, '');
  const actions = body.split(',').map((x) => x.trim()).filter(Boolean);
  assert.ok(actions.includes('CREATED') && actions.includes('FHIR_EXPORTED'), actions.join(' '));
  for (const action of actions) {
    for (const language of ['en', 'es']) {
      i18n.setLanguage(language);
      const said = m.auditText({ action, at: at(0), actor: 'alice.ng', leaseUntil: at(H), status: 'OPEN', disposition: 'CONSULT', outcome: 'BOOK_CONSULT' }, NOW);
      assert.notEqual(said, action, `${action} has words in ${language}`);
      assert.equal(said, said.trim());
    }
  }
});
