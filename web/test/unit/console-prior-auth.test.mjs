// The prior-authorization packet's pure parts (src/console/prior-auth-model.js), on the golden packet
// triage-api's PriorAuthPacketTest keeps (V01 with two lumbar blocks): every criterion with its
// status and its evidence in the questionnaire's words, the missing list exactly the API's, the
// conservative care, the diary points with their relief, the LCD counts; English and Spanish.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pa from '../../src/console/prior-auth-model.js';
import * as i18n from '../../src/console/i18n.js';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const definition = JSON.parse(readFileSync(join(web, 'questionnaire/intake.json'), 'utf8'));
const golden = JSON.parse(readFileSync(join(web, '../functions/triage-api/src/test/resources/prior-auth/V01-LUMBAR-packet.json'), 'utf8'));
afterEach(() => i18n.setLanguage('en'));

test('the hash of a packet names the referral and the region only', () => {
  assert.equal(pa.packetHash('0b9c3f0e-5d2a-4c61-9a57-6f1e2d3c4b5a', 'LUMBAR'), '#/referrals/0b9c3f0e-5d2a-4c61-9a57-6f1e2d3c4b5a/prior-auth/lumbar');
  assert.deepEqual(pa.PACKET_REGIONS, ['CERVICAL', 'THORACIC', 'LUMBAR']);
});

test('every criterion with its status in words and its evidence as the form asked it', () => {
  const c = pa.criteria(definition, golden);
  assert.deepEqual(c.map((x) => x.id), golden.criteria.map((x) => x.id));
  assert.deepEqual(c.map((x) => x.statusText), golden.criteria.map(() => 'Met'));
  for (const x of c) for (const e of x.evidence) assert.ok(!e.question.startsWith('/'), `${e.pointer} in words: ${e.question}`);
  const pt = c[1].evidence.find((e) => e.pointer === '/treatments/physicalTherapy');
  assert.ok(!/DID_NOT_HELP/.test(pt.answer) && pt.answer.endsWith(', 8 weeks'), pt.answer);
  assert.equal(c[0].evidence.find((e) => e.pointer === '/pain/peg').answer, 'mean 6');
  const pattern = c[0].evidence.find((e) => e.pointer === '/pain/regions/0/pattern');
  assert.ok(!/MOSTLY_AXIAL/.test(pattern.answer), pattern.answer);
  i18n.setLanguage('es');
  assert.equal(pa.criteria(definition, golden)[0].statusText, 'Cumplido');
});

test('the missing list is the API\'s, one line per item, in both languages', () => {
  const missing = { ...golden, missing: [
    { code: 'CRITERION_UNKNOWN', ref: 'R2_THREE_MONTHS_CONSERVATIVE_CARE', text: 'x' },
    { code: 'NO_DIARY_ENTRIES', ref: golden.blocks[1].episodeId, text: 'x' },
    { code: 'NO_SECOND_POSITIVE_BLOCK', ref: null, text: 'x' }] };
  const en = pa.missing(missing);
  assert.deepEqual(en.map((x) => x.code), ['CRITERION_UNKNOWN', 'NO_DIARY_ENTRIES', 'NO_SECOND_POSITIVE_BLOCK']);
  assert.match(en[0].text, /^Criterion 2 is not settled/);
  assert.match(en[1].text, /^Second block \(Nov 21, 2026\): its diary has no entry/);
  i18n.setLanguage('es');
  assert.match(pa.missing(missing)[0].text, /^El criterio 2/);
  assert.deepEqual(pa.missing(golden).map((x) => x.code), golden.missing.map((x) => x.code));
});

test('conservative care, diary points and LCD counts in words', () => {
  const care = pa.care(definition, golden);
  assert.equal(care.length, golden.conservativeCare.length);
  assert.equal(care[0].weeks, '8 weeks');
  assert.ok(!/DID_NOT_HELP/.test(care[0].outcome), care[0].outcome);
  const points = pa.points(golden.blocks[0]);
  assert.equal(points.length, golden.blocks[0].postBlock.length);
  assert.equal(points[0].relief, '88% relief');
  assert.deepEqual(pa.frequency(golden).map((x) => [x.kind, x.sessions, x.limit]), [['DIAGNOSTIC', 2, 4], ['THERAPEUTIC', 0, 4], ['RFA', 0, 2]]);
  assert.equal(pa.day('2026-11-27', 'en'), 'Nov 27, 2026');
});
