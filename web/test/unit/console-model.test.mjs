// The console's model against the API's own rules (read from the Java sources and docs/api.md, so
// the two cannot drift), times in words, the patient's answers read back through the definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as m from '../../src/console/model.js';
import { consoleAuth } from '../../build/settings.mjs';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repo = resolve(web, '..');
const read = (p) => readFileSync(join(repo, p), 'utf8');
const definition = JSON.parse(readFileSync(join(web, 'questionnaire/intake.json'), 'utf8'));
const vignette = (id) => JSON.parse(read(`functions/triage-engine/src/test/resources/vignettes/${id}.json`));
const DISPOSITIONS = ['EMERGENCY', 'URGENT_REVIEW', 'OTHER_PATHWAY', 'CONSERVATIVE_CARE_FIRST', 'CONSULT'];
const H = 3600_000;
const NOW = Date.parse('2026-11-27T09:00:00Z');

test('the lists are the API\'s bands in its order (Band.java, sorted by the disposition\'s queue rank)', () => {
  const disposition = read('functions/triage-engine/src/main/java/io/spineintake/triage/assess/Disposition.java');
  const rank = Object.fromEntries([...disposition.matchAll(/^\s*([A-Z_]+)\((\d+)\)[,;]/gm)].map((x) => [x[1], Number(x[2])]));
  const band = read('functions/platform/src/main/java/io/spineintake/platform/referrals/Band.java');
  const bands = [...band.matchAll(/^\s*([A-Z_]+)\(Disposition\.([A-Z_]+)\)[,;]/gm)].map((x) => ({ band: x[1], disposition: x[2] }));
  assert.equal(bands.length, 5);
  const order = bands.sort((a, b) => rank[a.disposition] - rank[b.disposition]);
  assert.deepEqual(m.BANDS.map(({ band: b, disposition: d }) => ({ band: b, disposition: d })), order);
});

test('the outcomes each disposition allows are Outcome.java\'s, in docs/api.md\'s order, and which close is Outcome.java\'s', () => {
  const source = read('functions/platform/src/main/java/io/spineintake/platform/referrals/Outcome.java');
  const declared = [...source.matchAll(/^\s*([A-Z_]+)\((true|false), EnumSet\.(allOf\(Disposition\.class\)|of\(([^)]*)\))\)/gm)]
    .map((x) => ({ outcome: x[1], closes: x[2] === 'true', allowed: x[3].startsWith('allOf') ? DISPOSITIONS : x[4].split(',').map((d) => d.trim().replace('Disposition.', '')) }));
  assert.equal(declared.length, 7);
  assert.deepEqual(Object.keys(m.OUTCOMES).sort(), declared.map((d) => d.outcome).sort());
  for (const d of declared) assert.equal(m.OUTCOMES[d.outcome].closes, d.closes, d.outcome);
  for (const disposition of DISPOSITIONS) {
    assert.deepEqual([...m.OUTCOMES_BY_DISPOSITION[disposition]].sort(), declared.filter((d) => d.allowed.includes(disposition)).map((d) => d.outcome).sort(), disposition);
  }
  // docs/api.md "Outcomes by disposition": the same lists in the same order
  const docs = read('docs/api.md');
  const table = docs.slice(docs.indexOf('| Disposition | Its outcomes |'));
  for (const line of table.split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [names, outcomes] = line.split('|').slice(1, 3).map((c) => [...c.matchAll(/`([A-Z_]+)`/g)].map((x) => x[1]));
    for (const name of names) assert.deepEqual(m.OUTCOMES_BY_DISPOSITION[name], outcomes, `docs/api.md row ${name}`);
  }
});

test('a reason is required to override or to close an emergency or urgent referral, as the API requires', () => {
  const emergency = { disposition: 'EMERGENCY' };
  assert.equal(m.reasonRequired({ ...emergency, outcome: 'REFERRED_TO_EMERGENCY_CARE' }), 'closing');
  assert.equal(m.reasonRequired({ ...emergency, outcome: 'DECLINED' }), 'closing');
  assert.equal(m.reasonRequired({ disposition: 'URGENT_REVIEW', outcome: 'DECLINED' }), 'closing');
  assert.equal(m.reasonRequired({ ...emergency, outcome: 'NEEDS_MORE_INFORMATION' }), null, 'stays open');
  assert.equal(m.reasonRequired({ disposition: 'CONSULT', outcome: 'SCHEDULE_CONSULT' }), null);
  assert.equal(m.reasonRequired({ disposition: 'CONSULT', outcome: 'DECLINED' }), null);
  assert.equal(m.reasonRequired({ disposition: 'CONSULT', override: 'CONSERVATIVE_CARE_FIRST', outcome: 'CONSERVATIVE_CARE_FIRST' }), 'override');
  assert.equal(m.reasonRequired({ disposition: 'CONSULT', override: 'CONSULT', outcome: 'SCHEDULE_CONSULT' }), null, 'the same disposition is no override');

  const refused = m.decision({ disposition: 'EMERGENCY' }, { outcome: 'REFERRED_TO_EMERGENCY_CARE', reason: '   ' });
  assert.deepEqual(refused.errors.map((e) => e.field), ['reason']);
  assert.match(refused.errors[0].text, /emergency/);
  const ok = m.decision({ disposition: 'EMERGENCY' }, { outcome: 'REFERRED_TO_EMERGENCY_CARE', reason: ' Sent to the ED ', note: '' });
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.body, { outcome: 'REFERRED_TO_EMERGENCY_CARE', reason: 'Sent to the ED' }, 'the API\'s field is reason; blanks are left out');
  const override = m.decision({ disposition: 'URGENT_REVIEW' }, { disposition: 'CONSULT', outcome: 'SCHEDULE_CONSULT', reason: 'Seen by the spine surgeon' });
  assert.deepEqual(override.body, { outcome: 'SCHEDULE_CONSULT', overrideDisposition: 'CONSULT', reason: 'Seen by the spine surgeon' });
  assert.deepEqual(m.decision({ disposition: 'URGENT_REVIEW' }, { disposition: 'CONSULT', outcome: 'SCHEDULE_CONSULT' }).errors.map((e) => e.field), ['reason']);
  assert.deepEqual(m.decision({ disposition: 'CONSULT' }, {}).errors.map((e) => e.field), ['outcome']);
  assert.deepEqual(m.decision({ disposition: 'EMERGENCY' }, { outcome: 'SCHEDULE_CONSULT' }).errors.map((e) => e.field), ['outcome', 'reason'], 'not an emergency outcome, and it would close one');
  assert.deepEqual(m.decision({ disposition: 'CONSULT' }, { outcome: 'DECLINED', note: 'x'.repeat(2001) }).errors.map((e) => e.field), ['note']);
  assert.deepEqual(m.decision({ disposition: 'CONSULT' }, { outcome: 'DECLINED', reason: 'x'.repeat(1001) }).errors.map((e) => e.field), ['reason']);
});

test('escalation is offered only where the API takes it: not for an emergency, never with an override', () => {
  assert.ok(m.outcomesFor('CONSULT', null).includes('ESCALATE_TO_URGENT'));
  assert.ok(!m.outcomesFor('EMERGENCY', null).includes('ESCALATE_TO_URGENT'));
  assert.ok(!m.outcomesFor('EMERGENCY', 'CONSULT').includes('ESCALATE_TO_URGENT'));
  assert.deepEqual(m.outcomesFor('EMERGENCY', 'CONSULT'), ['SCHEDULE_CONSULT', 'NEEDS_MORE_INFORMATION', 'DECLINED']);
});

test('times in words: due in, overdue, waiting, lease left', () => {
  assert.deepEqual(m.due(new Date(NOW + 3 * H).toISOString(), NOW), { overdue: false, text: 'due in 3 h' });
  assert.deepEqual(m.due(new Date(NOW - 2 * H).toISOString(), NOW), { overdue: true, text: '2 h overdue' });
  assert.deepEqual(m.due(new Date(NOW - 2 * H - 10 * 60_000).toISOString(), NOW), { overdue: true, text: '2 h 10 min overdue' });
  assert.deepEqual(m.due(new Date(NOW).toISOString(), NOW), { overdue: true, text: 'due now' }, 'dueAt <= asOf is overdue, as the API says');
  assert.deepEqual(m.due(new Date(NOW + 30_000).toISOString(), NOW), { overdue: false, text: 'due in under a minute' });
  assert.equal(m.due(new Date(NOW + 45 * 60_000 + 59_000).toISOString(), NOW).text, 'due in 45 min', 'whole minutes, rounded down');
  assert.equal(m.due(new Date(NOW + 13 * 24 * H + 6 * H).toISOString(), NOW).text, 'due in 13 d 6 h');
  assert.equal(m.due(new Date(NOW + 14 * 24 * H).toISOString(), NOW).text, 'due in 14 d');
  assert.equal(m.waiting(new Date(NOW - 3 * H - 10 * 60_000).toISOString(), NOW), '3 h 10 min');
  assert.equal(m.waiting(new Date(NOW + 5000).toISOString(), NOW), 'under a minute', 'a clock a little ahead is no negative wait');
  assert.deepEqual(m.leaseLeft(new Date(NOW + 28 * 60_000).toISOString(), NOW), { live: true, text: '28 min left' });
  assert.deepEqual(m.leaseLeft(new Date(NOW - 3 * 60_000).toISOString(), NOW), { live: false, text: 'ended 3 min ago' });
  assert.equal(m.time('2026-11-27T10:30:00.000Z', NOW, 'UTC'), '10:30 UTC');
  assert.equal(m.time('2026-11-25T10:30:00.000Z', NOW, 'UTC'), 'Nov 25, 2026, 10:30 UTC');
  assert.equal(m.seconds(null), 'none');
  assert.equal(m.seconds(5400), '1 h 30 min');
  assert.equal(m.birthDate('1974-01-15', NOW), 'January 15, 1974 (age 52)');
  assert.equal(m.birthDate('1974-12-15', NOW), 'December 15, 1974 (age 51)');
});

test('a worklist query carries the list, the API\'s filters and paging: ids and codes, never patient data', () => {
  assert.equal(m.worklistQuery({ band: 'GENERAL_CONSULT', limit: 25 }), '/referrals?disposition=OTHER_PATHWAY&limit=25');
  assert.equal(m.worklistQuery({ band: 'EMERGENCY', status: 'NEW', assignee: 'alice.ng', limit: 10, cursor: 'abc.def' }),
    '/referrals?disposition=EMERGENCY&status=NEW&assignee=alice.ng&limit=10&cursor=abc.def');
  assert.deepEqual(m.filters('band=CONSULT&status=IN_REVIEW&mine=1&size=10'), { band: 'CONSULT', status: 'IN_REVIEW', mine: true, size: 10 });
  assert.deepEqual(m.filters('band=<script>&status=DECIDED&size=7'), { band: '', status: '', mine: false, size: 25 }, 'unknown values are dropped');
  assert.equal(m.filterQuery({ band: 'CONSULT', status: '', mine: true, size: 25 }), '?band=CONSULT&mine=1');
  assert.equal(m.filterQuery({ band: '', status: '', mine: false, size: 25 }), '');
});

test('a worklist row: band, regions, red flags for urgent and emergency, score and tier for the rest, times, claim', () => {
  const rules = JSON.parse(read('functions/triage-engine/src/main/resources/io/spineintake/triage/rules/facet-rules.json'));
  const item = {
    referralId: '3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01', band: 'EMERGENCY', status: 'IN_REVIEW', regions: ['LUMBAR'],
    redFlags: ['H_SADDLE_NUMBNESS'], score: 25, tier: 'LOW', submittedAt: new Date(NOW - 3 * H).toISOString(),
    dueAt: new Date(NOW - 2 * H).toISOString(), assignee: 'alice.ng', leaseUntil: new Date(NOW + 20 * 60_000).toISOString(),
  };
  const r = m.row(item, NOW, 'bob', rules);
  assert.equal(r.label, 'Referral 3f1c9a52');
  assert.equal(r.band, 'Emergency');
  assert.equal(r.regions, 'Lower back');
  assert.deepEqual(r.assessment, ['Numbness in the saddle area (groin, buttocks, inner thighs)']);
  assert.equal(r.due.text, '2 h overdue');
  assert.equal(r.waiting, '3 h');
  assert.match(r.claim, /^alice\.ng, until \d\d:\d\d .+ \(20 min left\)$/);
  assert.equal(r.claimedBy, 'alice.ng');
  const consult = m.row({ ...item, band: 'CONSULT', redFlags: [], score: 62, tier: 'MODERATE', repeatRfaCandidate: true, status: 'NEW', assignee: null, leaseUntil: null }, NOW, 'bob', rules);
  assert.deepEqual(consult.assessment, ['Score 62, moderate tier; repeat ablation candidate']);
  assert.equal(consult.claim, 'Not claimed');
  const expired = m.row({ ...item, leaseUntil: new Date(NOW - 1000).toISOString() }, NOW, 'bob', rules);
  assert.equal(expired.claim, 'Not claimed', 'an ended lease holds nothing');
});

test('the API\'s pointers are the questions the form asked, in its words', () => {
  const form = vignette('V12'); // lumbar and cervical
  assert.equal(m.question(definition, form, '/safety/saddleNumbness').text, definition.pages.find((p) => p.id === 'urgent-symptoms').questions[0].label.en);
  const twisting = m.question(definition, form, '/pain/regions/1/worseWith/twisting');
  assert.equal(twisting.text, 'Twisting or turning your body');
  assert.equal(twisting.page, `What makes your ${definition.regionNames[form.pain.regions[1].region].en} pain worse`);
  assert.equal(m.question(definition, form, '/treatments/physicalTherapy').text, 'Physical therapy', 'a treatment is its outcome question');
  assert.equal(m.question(definition, form, '/pain/peg').text, 'How much it hurts', 'a group of questions is its page');
  assert.equal(m.question(definition, form, '/nothing/here'), null);
  assert.equal(m.answerWords(definition, m.question(definition, form, '/treatments/physicalTherapy'), 'NOT_TRIED'),
    definition.optionSets.treatmentOutcome.find((o) => o.value === 'NOT_TRIED').label.en);
  assert.equal(m.answerWords(definition, null, 'blank'), 'Not answered');
  assert.equal(m.answerWords(definition, null, 'incomplete'), 'Not all answered');
});

test('the patient\'s answers come back grouped as the form asked them, about you first, every placeholder filled', () => {
  for (const id of ['V01', 'V04', 'V12', 'V17']) {
    const form = vignette(id);
    const groups = m.answerGroups(definition, form);
    assert.equal(groups[0].pageId, 'about-you', id);
    assert.ok(groups[0].answers.some((a) => a.answer === form.patient.name), `${id}: the name is in the first group`);
    const text = JSON.stringify(groups);
    assert.doesNotMatch(text, /\{\w+\}/, `${id}: no placeholder left`);
    // each region's pages once per region, in the form's order
    const regions = form.pain.regions.map((r) => r.region);
    assert.equal(groups.filter((g) => g.pageId === 'region-worse').length, regions.length, id);
    const pageOrder = definition.pages.map((p) => p.id);
    const seen = groups.map((g) => pageOrder.indexOf(g.pageId));
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), `${id}: pages in the form's order`);
  }
  assert.deepEqual(m.answerGroups(definition, null), []);
});

test('what changed between the version decided on and the one there now (412)', () => {
  const before = { version: 2, status: 'IN_REVIEW', assignee: 'alice', leaseUntil: '2026-11-27T09:30:00.000Z', disposition: 'CONSULT', band: 'CONSULT',
    audit: [{ at: '2026-11-27T08:00:00.000Z', actor: 'system', action: 'CREATED', status: 'NEW', disposition: 'CONSULT' }, { at: '2026-11-27T08:55:00.000Z', actor: 'alice', action: 'CLAIMED', leaseUntil: '2026-11-27T09:30:00.000Z' }] };
  const after = { ...before, version: 4, assignee: 'bob', leaseUntil: '2026-11-27T09:40:00.000Z',
    audit: [...before.audit, { at: '2026-11-27T09:05:00.000Z', actor: 'alice', action: 'RELEASED', status: 'NEW' },
      { at: '2026-11-27T09:06:00.000Z', actor: 'carol', action: 'VIEWED' },
      { at: '2026-11-27T09:10:00.000Z', actor: 'bob', action: 'CLAIMED', leaseUntil: '2026-11-27T09:40:00.000Z' }] };
  const c = m.changes(before, after, NOW);
  assert.deepEqual(c.versions, [2, 4]);
  assert.ok(c.fields.includes('Claimed by: alice → bob'));
  assert.equal(c.since.length, 2, 'views left out');
  assert.match(c.since[0], /alice — Released the claim/);
  assert.match(c.since[1], /bob — Claimed until/);
});

test('what changed since the version read, by the versions the entries made, however the trail sorts', () => {
  const created = { at: '2026-11-27T08:00:00.000Z', actor: 'system', action: 'CREATED', status: 'NEW', disposition: 'CONSULT', version: 1 };
  const view = (actor) => ({ at: '2026-11-27T08:00:00.000Z', actor, action: 'VIEWED' });
  const before = { version: 2, status: 'IN_REVIEW', assignee: 'alice', disposition: 'CONSULT', band: 'CONSULT',
    audit: [view('bob'), created, { at: '2026-11-27T08:00:00.000Z', actor: 'alice', action: 'CLAIMED', leaseUntil: '2026-11-27T08:30:00.000Z', version: 2 }] };
  const after = { ...before, version: 4, assignee: 'bob',
    audit: [view('bob'), view('alice'), view('carol'), created, ...before.audit.slice(2),
      { at: '2026-11-27T08:01:00.000Z', actor: 'alice', action: 'RELEASED', status: 'NEW', version: 3 },
      { at: '2026-11-27T08:01:00.000Z', actor: 'system', action: 'ALERTED' },
      { at: '2026-11-27T08:02:00.000Z', actor: 'bob', action: 'CLAIMED', leaseUntil: '2026-11-27T08:32:00.000Z', version: 4 }] };
  const c = m.changes(before, after, NOW);
  assert.equal(c.since.length, 2, 'views and notices left out, nothing read before counted again');
  assert.match(c.since[0], /alice — Released the claim/);
  assert.match(c.since[1], /bob — Claimed until/);
  assert.equal(m.auditText({ action: 'ALERTED' }, NOW), 'Alert sent to the team');
});

test('the stats answer as rows in the worklist\'s order', () => {
  const s = m.stats({
    asOf: '2026-11-27T09:00:00.000Z', total: 3, open: 2, overdue: 1,
    byStatus: { NEW: 2, IN_REVIEW: 0, WAITING_FOR_PATIENT: 0, DECIDED: 1 },
    byDisposition: { EMERGENCY: 1, URGENT_REVIEW: 0, OTHER_PATHWAY: 0, CONSERVATIVE_CARE_FIRST: 0, CONSULT: 2 },
    overdueByDisposition: { EMERGENCY: 1, URGENT_REVIEW: 0, OTHER_PATHWAY: 0, CONSERVATIVE_CARE_FIRST: 0, CONSULT: 0 },
    oldestWaitingSeconds: { EMERGENCY: 7200, URGENT_REVIEW: null, OTHER_PATHWAY: null, CONSERVATIVE_CARE_FIRST: null, CONSULT: 86400 },
    timeToDecision: { last7Days: { CONSULT: { decided: 1, medianSeconds: 14400, p90Seconds: 14400 } }, last30Days: {} },
  });
  assert.deepEqual(s.bands.map((b) => b.band), m.BANDS.map((b) => b.band));
  assert.equal(s.bands[0].oldestWaiting, '2 h');
  assert.equal(s.bands[2].week.medianText, '4 h');
  assert.equal(s.bands[2].month.medianText, 'none');
  assert.equal(s.bands[1].oldestWaiting, 'none');
  assert.deepEqual(s.statuses.map((x) => x.count), [2, 0, 0, 1]);
});

test('the console\'s sign-in settings: both Cognito settings or neither', () => {
  assert.deepEqual(consoleAuth(undefined, undefined), { mode: 'local', domain: '', clientId: '' });
  assert.deepEqual(consoleAuth('https://spine-intake-123456789012.auth.us-east-1.amazoncognito.com/', '4l2k3j4h5g6f7d8s9a0q1w2e3r'),
    { mode: 'cognito', domain: 'https://spine-intake-123456789012.auth.us-east-1.amazoncognito.com', clientId: '4l2k3j4h5g6f7d8s9a0q1w2e3r' });
  assert.throws(() => consoleAuth('https://x.auth.us-east-1.amazoncognito.com', ''), /go together/);
  assert.throws(() => consoleAuth('http://x.example', 'abc'), /https/);
  assert.throws(() => consoleAuth('https://x.example/path', 'abc'), /no path/);
  assert.throws(() => consoleAuth('https://x.example', 'a"b'), /app client id/);
});
