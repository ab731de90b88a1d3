// The diary's pure model (src/diary/model.js): the capability from the fragment, the offline queue
// (enqueue, what to send, settle: never twice once answered, the key kept across retries), what an
// API answer means for a queued entry, Retry-After, the link's end, entries checked before sending,
// API pointers on the page's fields, point names and times on the phone's clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as m from '../../src/diary/model.js';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const messages = JSON.parse(readFileSync(join(web, 'src/diary/messages.json'), 'utf8'));
const definition = JSON.parse(readFileSync(join(web, 'questionnaire/intake.json'), 'utf8'));
const EP = '2026-11-27T08:00:00.000Z|LUMBAR';
const entry = (timePoint, nrs = 2) => ({ timePoint, nrs, movements: [] });

test('the capability: exactly 43 base64url characters after "#", nothing else', () => {
  const token = 'aB3_-'.repeat(8) + 'abc';
  assert.equal(token.length, 43);
  assert.equal(m.tokenFrom(`#${token}`), token);
  for (const bad of ['', '#', `#${token}x`, `#${token.slice(1)}`, `${token}`, `#${token.slice(1)}=`, `#/${token.slice(1)}`, `#${token.slice(1)}+`, null, undefined]) {
    assert.equal(m.tokenFrom(bad), null, String(bad));
  }
});

test('enqueue: one waiting entry per point and episode, with the key it was saved with', () => {
  let q = m.enqueue([], { key: 'k1', episode: EP, entry: entry(60) });
  assert.deepEqual(q, [{ key: 'k1', episode: EP, entry: entry(60), savedAt: null, state: 'queued', attempts: 0 }]);
  assert.equal(m.enqueue(q, { key: 'k2', episode: EP, entry: entry(60, 5) }), q, 'a second save of the same point is not queued');
  q = m.enqueue(q, { key: 'k3', episode: EP, entry: entry(90) });
  q = m.enqueue(q, { key: 'k4', episode: 'other|CERVICAL', entry: entry(60) });
  assert.deepEqual(m.toSend(q, EP).map((x) => x.key), ['k1', 'k3'], 'oldest first, this episode only');
  assert.equal(m.waiting(q, EP, 90).key, 'k3');
  assert.equal(m.waiting(q, EP, 120), null);
});

test('drain: retries keep the key; once answered (201 or 409 already recorded) an entry is never sent again', () => {
  let q = m.enqueue(m.enqueue([], { key: 'k1', episode: EP, entry: entry(60) }), { key: 'k2', episode: EP, entry: entry(90) });
  const sends = [];
  const send = (answers) => {
    for (const item of m.toSend(q, EP)) {
      sends.push(item.key);
      const [status, problem] = answers.shift();
      const outcome = m.outcomeOf(status, problem);
      q = m.settle(q, item.key, outcome);
      if (outcome === 'retry') break;
    }
  };
  send([[null]]); // no signal
  assert.deepEqual(sends, ['k1']);
  assert.equal(q[0].attempts, 1);
  send([[503]]);
  assert.equal(q[0].key, 'k1', 'the same key after retries');
  assert.equal(q[0].attempts, 2);
  send([[201], [409, { type: 'urn:spine-intake:problem:time-point-already-recorded' }]]);
  assert.deepEqual(sends, ['k1', 'k1', 'k1', 'k2']);
  assert.deepEqual(q, []);
  send([]);
  assert.deepEqual(sends, ['k1', 'k1', 'k1', 'k2'], 'nothing is sent twice once answered');
  // settling an answered key again changes nothing
  assert.deepEqual(m.settle(q, 'k1', 'retry'), []);
});

test('an answer: 201 sent, 409 already recorded, no answer/429/5xx retry, 401/410 link, 4xx refused', () => {
  assert.equal(m.outcomeOf(201), 'sent');
  assert.equal(m.outcomeOf(409, { type: 'urn:spine-intake:problem:time-point-already-recorded' }), 'recorded');
  for (const s of [null, undefined, 429, 500, 502, 503, 504]) assert.equal(m.outcomeOf(s), 'retry', String(s));
  assert.equal(m.outcomeOf(401), 'link');
  assert.equal(m.outcomeOf(410), 'link');
  for (const s of [400, 413, 415, 422]) assert.equal(m.outcomeOf(s, { type: 'x' }), 'refused', String(s));
  assert.equal(m.outcomeOf(409, { type: 'urn:spine-intake:problem:other' }), 'refused');
});

test('link ended or refused: kept and shown as not sent, never dropped silently, until dismissed', () => {
  let q = m.enqueue(m.enqueue([], { key: 'k1', episode: EP, entry: entry(60) }), { key: 'k2', episode: EP, entry: entry(90) });
  q = m.settle(q, 'k1', 'refused', ['missed']);
  assert.deepEqual(m.notSent(q).map((x) => [x.key, x.state, x.reasons]), [['k1', 'refused', ['missed']]]);
  assert.deepEqual(m.toSend(q, EP).map((x) => x.key), ['k2'], 'a refused entry is not sent again');
  q = m.endAll(q);
  assert.deepEqual(m.notSent(q).map((x) => [x.key, x.state]), [['k1', 'refused'], ['k2', 'link']]);
  assert.deepEqual(m.toSend(q, EP), []);
  assert.deepEqual(m.dismiss(q), []);
  assert.deepEqual(m.withdraw(q, 'k1').map((x) => x.key), ['k2']);
});

test('a stored queue back: its entries as they were; a damaged one is empty', () => {
  const q = m.settle(m.enqueue([], { key: 'k1', episode: EP, entry: entry(60) }), 'k1', 'retry');
  assert.deepEqual(m.parseQueue(JSON.stringify(q)), q);
  for (const bad of ['{', '{}', '"x"', '[{"key":1}]', '[{"key":"k","episode":"e","entry":{"timePoint":"60","nrs":1},"state":"queued"}]', null]) {
    assert.deepEqual(m.parseQueue(bad), [], String(bad));
  }
});

test('Retry-After: the API\'s seconds (1 to 300), else 5, 10, 20, 40, 60 s by attempt', () => {
  assert.equal(m.retryAfter('5'), 5);
  assert.equal(m.retryAfter('0'), 1);
  assert.equal(m.retryAfter('9999'), 300);
  assert.deepEqual([1, 2, 3, 4, 5, 9].map((a) => m.retryAfter(null, a)), [5, 10, 20, 40, 60, 60]);
  assert.equal(m.retryAfter('Wed, 21 Oct 2026 07:28:00 GMT', 1), 5);
});

test('the link\'s end: 401 or no token unknown, 410 expired or revoked by its detail', () => {
  assert.equal(m.linkEnded(401, {}), 'unknown');
  assert.equal(m.linkEnded(null), 'unknown');
  assert.equal(m.linkEnded(410, { type: 'urn:spine-intake:problem:diary-link-expired', detail: 'anything' }), 'expired');
  assert.equal(m.linkEnded(410, { type: 'urn:spine-intake:problem:diary-link-withdrawn', detail: 'anything' }), 'revoked');
  // the words of the detail decide nothing: only the type does
  assert.equal(m.linkEnded(410, { type: 'urn:spine-intake:problem:other', detail: 'This diary link has expired' }), 'ended');
  assert.equal(m.linkEnded(410, {}), 'ended');
});

test('an entry: one integer 0-10, a choice for every movement; errors name the fields in the page\'s order', () => {
  const moves = ['BENDING_BACKWARD', 'TWISTING'];
  assert.deepEqual(m.entryFrom(30, moves, '2', { BENDING_BACKWARD: 'EASIER', TWISTING: 'NOT_TRIED' }), { entry: { timePoint: 30, nrs: 2,
    movements: [{ movement: 'BENDING_BACKWARD', tried: true, change: 'EASIER' }, { movement: 'TWISTING', tried: false }] }, errors: [] });
  assert.deepEqual(m.entryFrom(30, moves, undefined, { TWISTING: 'SAME' }).errors, [{ field: 'nrs', kind: 'nrs' },
    { field: 'BENDING_BACKWARD', kind: 'movement', movement: 'BENDING_BACKWARD' }]);
  for (const bad of ['11', '-1', '2-8', '2.5', ' 2', '', 'x']) assert.equal(m.entryFrom(30, [], bad).errors[0]?.field, 'nrs', bad);
  assert.equal(m.entryFrom(30, [], '10').entry.nrs, 10);
  assert.equal(m.entryFrom(30, [], '0').entry.nrs, 0);
  assert.deepEqual(m.entryFrom(30, ['WALKING'], '3', { WALKING: 'MAYBE' }).errors, [{ field: 'WALKING', kind: 'movement', movement: 'WALKING' }]);
});

test('API pointers on the page\'s fields: /nrs, /movements/<i>/... the i-th movement sent, anything else the point', () => {
  const sent = { timePoint: 30, nrs: 2, movements: [{ movement: 'BENDING_BACKWARD', tried: false }, { movement: 'TWISTING', tried: true, change: 'SAME' }] };
  const problem = { errors: [{ pointer: '/nrs' }, { pointer: '/movements/1/change' }, { pointer: '/movements/0' }, { pointer: '/timePoint', detail: 'stays missing' }, { pointer: '' }, { pointer: '/movements/7/change' }] };
  assert.deepEqual(m.fieldsOfProblem(problem, sent).map((e) => e.field), ['nrs', 'TWISTING', 'BENDING_BACKWARD', 'point', 'point', 'point']);
  assert.deepEqual(m.fieldsOfProblem({}, sent), []);
});

test('statuses and point names in both languages; a queued entry says it is saved on the phone', () => {
  assert.deepEqual([15, 30, 60, 90, 1440].map((x) => m.pointName(messages, 'en', x)), ['15 min', '30 min', '1 h', '1 h 30 min', '24 h']);
  for (const s of m.STATUSES) {
    assert.notEqual(m.statusText(messages, 'en', { status: s }), m.statusText(messages, 'es', { status: s }), s);
  }
  assert.equal(m.statusText(messages, 'en', { status: 'MISSED' }), 'Missed');
  assert.equal(m.statusText(messages, 'es', { status: 'DUE' }), 'Para completar ahora');
  assert.equal(m.statusText(messages, 'en', { status: 'DUE' }, { queued: true }), "Saved on this phone, will be sent when you're back online");
  assert.equal(m.statusText(messages, 'en', { status: 'DONE' }, { queued: true }), 'Recorded');
  assert.equal(m.isLate({ status: 'DUE', lateAfter: '2026-11-27T08:25:00.000Z' }, '2026-11-27T08:27:00.000Z'), true);
  assert.equal(m.isLate({ status: 'DUE', lateAfter: '2026-11-27T08:25:00.000Z' }, '2026-11-27T08:25:00.000Z'), false);
});

test('times on the phone\'s clock: the time of day, with the day when it is not the API\'s today', () => {
  const norm = (s) => s.replace(/\s+/g, ' ');
  assert.equal(norm(m.when('2026-11-27T08:15:00.000Z', '2026-11-27T08:14:00.000Z', 'en', 'America/Chicago')), '2:15 AM');
  assert.equal(norm(m.when('2026-11-27T08:15:00.000Z', '2026-11-27T08:14:00.000Z', 'en', 'Asia/Tokyo')), '5:15 PM');
  assert.equal(norm(m.when('2026-11-29T08:00:00.000Z', '2026-11-27T08:14:00.000Z', 'en', 'America/Chicago')), 'Sunday, November 29, 2:00 AM');
  assert.match(norm(m.when('2026-11-29T08:00:00.000Z', '2026-11-27T08:14:00.000Z', 'es', 'America/Chicago')), /^domingo, 29 de noviembre, 2:00/);
});

test('the movement words are the questionnaire\'s, one for every movement of the engine', () => {
  const words = m.movementWords(definition);
  const source = readFileSync(join(web, '../functions/triage-engine/src/main/java/io/spineintake/triage/block/Movement.java'), 'utf8');
  const names = /public enum Movement \{\s*([A-Z_,\s]+);/.exec(source)[1].split(',').map((s) => s.trim());
  assert.equal(names.length, 12);
  assert.deepEqual(Object.keys(words).sort(), [...names].sort());
  assert.deepEqual(words.BENDING_BACKWARD, { en: 'Leaning back', es: 'Inclinarse hacia atrás' });
  for (const n of names) assert.ok(words[n].en && words[n].es && words[n].en !== words[n].es, n);
});
