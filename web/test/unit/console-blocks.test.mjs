// The block section's pure parts (src/console/blocks-model.js): levels per region, the "Record a
// block" form checked as the API checks it and its 422 pointers mapped to fields, the diary's rows
// (relief, "worse" for negative relief, late, missing), the movement notes in the questionnaire's
// words, the chart's geometry (scales, gaps at missed points, the 50% and 80% levels, the expected
// duration), the time points as clock times for the printed sheet, the LCD rows; English and Spanish.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as b from '../../src/console/blocks-model.js';
import * as i18n from '../../src/console/i18n.js';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const definition = JSON.parse(readFileSync(join(web, 'questionnaire/intake.json'), 'utf8'));
const NOW = Date.parse('2026-11-27T12:00:00Z');
afterEach(() => i18n.setLanguage('en'));

const ENDED = '2026-11-27T08:00:00.000Z';
const due = (min) => new Date(Date.parse(ENDED) + min * 60_000).toISOString();
const point = (minutes, nrs, baseline = 10, late = false) => (nrs === null
  ? { minutes, dueAt: due(minutes), recorded: false, nrs: null, reliefPercent: null, direction: null, description: 'missing', late: false }
  : { minutes, dueAt: due(minutes), recorded: true, nrs, reliefPercent: ((baseline - nrs) / baseline) * 100,
    direction: nrs < baseline ? 'RELIEF' : nrs === baseline ? 'NO_CHANGE' : 'WORSE', late });
const EPISODE = {
  episodeId: 'e1', endedAt: ENDED, region: 'LUMBAR', levels: ['L4-L5', 'L5-S1'], side: 'BOTH', anaesthetic: 'BUPIVACAINE',
  diagnosticBlock: 'FIRST', baselineNrs: 10,
  entries: [
    { timePoint: 15, nrs: 5, late: false, movements: [{ movement: 'TWISTING', tried: true, change: 'EASIER' }, { movement: 'BENDING_BACKWARD', tried: false, change: null }] },
    { timePoint: 30, nrs: 1, late: true, movements: [{ movement: 'TWISTING', tried: true, change: 'SAME' }] },
    { timePoint: 90, nrs: 10, late: false, movements: [] },
  ],
  result: { expectedMinutes: 120, clinicStandard: 'MEDICARE_LCD', points: [point(15, 5), point(30, 1, 10, true), point(60, null), point(90, 10, 8), point(120, 10)] },
};

test('the levels of each region: junctional levels in both, L5-S1 lumbar', () => {
  assert.deepEqual(b.levelsOf('CERVICAL'), ['C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1']);
  assert.equal(b.levelsOf('THORACIC')[0], 'C7-T1');
  assert.equal(b.levelsOf('THORACIC').at(-1), 'T12-L1');
  assert.deepEqual(b.levelsOf('LUMBAR'), ['T12-L1', 'L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']);
  assert.deepEqual(b.regionsOfLevel('L5-S1'), ['LUMBAR']);
});

test('a date and a time in the browser\'s zone as an ISO instant; impossible ones are null', () => {
  assert.equal(b.localInstant('2026-11-27', '09:30'), new Date(2026, 10, 27, 9, 30).toISOString());
  assert.equal(b.localInstant(' 2026-1-5 ', '7:05'), new Date(2026, 0, 5, 7, 5).toISOString());
  for (const [d, t] of [['2026-02-30', '09:00'], ['2026-13-01', '09:00'], ['27/11/2026', '09:00'], ['2026-11-27', '24:00'], ['2026-11-27', '9'], ['', '09:00']]) {
    assert.equal(b.localInstant(d, t), null, `${d} ${t}`);
  }
  const parts = b.localParts(new Date(2026, 10, 27, 9, 5).getTime());
  assert.deepEqual(parts, { date: '2026-11-27', time: '09:05' });
});

const good = { date: '2026-11-27', time: '08:00', region: 'LUMBAR', levels: ['L4-L5', 'L5-S1'], side: 'BOTH', anaesthetic: 'BUPIVACAINE', diagnosticBlock: 'FIRST', baselineNrs: '7' };

test('the form gives the API\'s body, one POST\'s worth', () => {
  const r = b.blockForm(good, Date.parse(b.localInstant('2026-11-27', '12:00')));
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.body, { endedAt: b.localInstant('2026-11-27', '08:00'), region: 'LUMBAR', levels: ['L4-L5', 'L5-S1'], side: 'BOTH', anaesthetic: 'BUPIVACAINE', diagnosticBlock: 'FIRST', baselineNrs: 7 });
});

test('the form refuses what the API refuses: a baseline of 0, ranges, fractions, over 10; no levels or three; the future', () => {
  const at = Date.parse(b.localInstant('2026-11-27', '12:00'));
  const errorsOf = (change) => b.blockForm({ ...good, ...change }, at).errors;
  assert.deepEqual(errorsOf({ baselineNrs: '0' }), [{ field: 'block-baseline', text: i18n.t('blockBaselineZero') }]);
  for (const v of ['2-8', '5.5', '-1', 'seven']) assert.deepEqual(errorsOf({ baselineNrs: v }).map((e) => e.text), [i18n.t('blockBaselineWhole')], v);
  assert.deepEqual(errorsOf({ baselineNrs: '11' }).map((e) => e.field), ['block-baseline']);
  assert.deepEqual(errorsOf({ baselineNrs: '' }).map((e) => e.text), [i18n.t('blockBaselineMissing')]);
  assert.deepEqual(errorsOf({ levels: [] }).map((e) => e.field), ['block-levels']);
  assert.deepEqual(errorsOf({ levels: ['L3-L4', 'L4-L5', 'L5-S1'] }).map((e) => e.text), [i18n.t('blockLevelsTooMany')]);
  assert.deepEqual(errorsOf({ levels: ['C5-C6'] }).map((e) => e.field), ['block-levels'], 'a level of another region is not sent');
  assert.deepEqual(errorsOf({ time: '12:06' }).map((e) => e.text), [i18n.t('blockInFuture')]);
  assert.deepEqual(errorsOf({ time: '12:05' }), [], 'five minutes ahead is allowed, as by the API');
  const all = b.blockForm({ date: '', time: '', levels: [], baselineNrs: '' }, at).errors.map((e) => e.field);
  assert.deepEqual(all, ['block-date', 'block-time', 'block-region', 'block-side', 'block-anaesthetic', 'block-which', 'block-baseline'], 'in the form\'s order');
  i18n.setLanguage('es');
  assert.equal(errorsOf({ baselineNrs: '0' })[0].text, 'No se puede usar un basal de 0: no se puede medir el alivio frente a la ausencia de dolor');
});

test('the API\'s 422 pointers land at their fields, once each', () => {
  const problem = { detail: 'Some fields', errors: [{ pointer: '/baselineNrs', detail: 'A baseline of 0 is refused' }, { pointer: '/levels/1', detail: 'not in region' },
    { pointer: '/levels/0', detail: 'again' }, { pointer: '/endedAt', detail: 'future' }, { pointer: '/diagnosticBlock', detail: 'x' }, { pointer: '/extra', detail: 'unknown' }] };
  assert.deepEqual(b.blockProblem(problem).map((e) => [e.field, e.text]), [['block-baseline', 'A baseline of 0 is refused'], ['block-levels', 'not in region'],
    ['block-time', 'future'], ['block-which', 'x'], ['block-date', 'unknown']]);
  assert.deepEqual(b.blockProblem({ detail: 'Refused' }), [{ field: 'block-date', text: 'Refused', api: true }]);
});

test('relief in words: negative relief is "worse", never clamped; missing stays missing', () => {
  assert.equal(b.reliefWords(point(30, 1)), '90% relief');
  assert.equal(b.reliefWords(point(30, 12)), '20% worse');
  assert.equal(b.reliefWords(point(30, 10)), 'no change');
  assert.equal(b.reliefWords(point(30, null)), 'missing');
  assert.equal(b.reliefWords(point(30, 12), 'es'), '20% peor');
  assert.equal(b.reliefWords(point(30, 1), 'es'), '90% de alivio');
});

test('the table rows: every time point, its due time, NRS, relief, late and missing', () => {
  assert.deepEqual(b.pointRows(EPISODE, { language: 'en', timeZone: 'UTC' }).map((r) => [r.point, r.due, r.nrs, r.relief, r.late, r.missing]), [
    ['15 min', '08:15', '5', '50% relief', 'No', 'No'],
    ['30 min', '08:30', '1', '90% relief', 'Yes', 'No'],
    ['1 h', '09:00', '–', '–', '–', 'missing'],
    ['1 h 30 min', '09:30', '10', '25% worse', 'No', 'No'],
    ['2 h', '10:00', '10', 'no change', 'No', 'No'],
  ]);
  const es = b.pointRows(EPISODE, { language: 'es', timeZone: 'America/Los_Angeles' });
  assert.deepEqual(es[0].due, '00:15');
  assert.deepEqual([es[2].missing, es[1].late], ['falta', 'Sí']);
  assert.equal(b.pointLabel(1440), '24 h');
  assert.equal(b.pointLabel(90, 'es'), '1 h 30 min');
});

test('the movement notes in the questionnaire\'s own words (not copied), per recorded point', () => {
  const en = b.movementRows(definition, EPISODE, 'en');
  assert.deepEqual(en.codes, ['TWISTING', 'BENDING_BACKWARD']);
  assert.deepEqual(en.movements, ['Twisting or turning your body', 'Leaning back']);
  assert.deepEqual(en.rows.map((r) => [r.point, ...r.cells]), [['15 min', 'tried: easier', 'not tried'], ['30 min', 'tried: the same', '–']]);
  const es = b.movementRows(definition, EPISODE, 'es');
  assert.deepEqual(es.movements, ['Girar o torcer el cuerpo', 'Inclinarse hacia atrás']);
  assert.equal(es.rows[0].cells[0], 'probado: más fácil');
  for (const code of ['BENDING_FORWARD', 'SIDE_BENDING', 'EXTENSION_WITH_ROTATION', 'RISING_FROM_BENT', 'PROLONGED_STANDING', 'PROLONGED_SITTING', 'WALKING', 'COUGHING_SNEEZING', 'LOOKING_UP', 'TURNING_HEAD']) {
    assert.notEqual(b.movementLabel(definition, code, 'en'), code, `${code} has the questionnaire's label`);
  }
});

test('the chart: NRS upwards, minutes on a square-root scale, a gap at each missed point, the baseline, 50% and 80% levels, the expected duration', () => {
  const g = b.chartGeometry(EPISODE, { width: 640, height: 260 });
  assert.equal(g.y0, 260 - 36, 'NRS 0 at the bottom');
  assert.equal(g.y1, 16, 'NRS 10 at the top');
  assert.equal(g.baseline.y, g.y1);
  assert.equal(g.relief50.nrs, 5);
  assert.equal(g.relief80.nrs, 2);
  assert.ok(g.relief80.y > g.relief50.y && g.relief50.y > g.baseline.y, 'the lower the pain, the lower on the chart');
  assert.deepEqual(g.dots.map((d) => d.minutes), [15, 30, 90, 120]);
  assert.equal(g.segments.length, 2, 'the missed 1 h point breaks the line');
  assert.equal(g.segments[0].split(' ').length, 2);
  assert.deepEqual(g.missing.map((p) => p.minutes), [60]);
  assert.equal(g.expected.minutes, 120);
  const xs = g.xTicks.map((x) => x.x);
  assert.deepEqual([...xs].sort((p, q) => p - q), xs, 'time runs left to right');
  assert.ok(Math.abs(g.xTicks.at(-1).x - g.x1) < 1e-9, '24 h at the right edge');
  assert.ok(xs[1] - xs[0] > (xs.at(-1) - xs.at(-2)) / 4, 'the early points are not crushed together');
  for (const d of g.dots) assert.ok(d.x >= g.x0 && d.x <= g.x1 && d.y >= g.y1 && d.y <= g.y0);
  const worse = b.chartGeometry({ ...EPISODE, baselineNrs: 4, result: { ...EPISODE.result, points: [point(15, 9, 4)] } });
  assert.ok(worse.dots[0].y < worse.baseline.y, 'worse than the baseline is above it');
});

test('the printed sheet: time points as clock times after the block, in the sheet\'s language; the diary address', () => {
  const times = b.sheetTimes(ENDED, [15, 30, 60, 720, 1440], 'en', 'UTC');
  assert.deepEqual(times.map((x) => [x.after, x.at]), [['15 min', '08:15'], ['30 min', '08:30'], ['1 h', '09:00'], ['12 h', '20:00'], ['24 h', 'Sat, Nov 28, 08:00']]);
  assert.equal(b.sheetTimes(ENDED, [1440], 'es', 'UTC')[0].at, 'sáb, 28 nov, 08:00');
  assert.equal(b.sheetTimes(ENDED, [15], 'en', 'America/New_York')[0].at, '03:15');
  const token = 'A'.repeat(43);
  assert.equal(b.diaryUrl('https://clinic.example', token), `https://clinic.example/diary/#${token}`);
});

test('the LCD counts against the limits, per region group and kind', () => {
  const lcd = { counts: { LUMBAR_SACRAL: { DIAGNOSTIC: 4, THERAPEUTIC: 0, RFA: 0 }, CERVICAL_THORACIC: { DIAGNOSTIC: 0, THERAPEUTIC: 0, RFA: 0 } },
    limits: { CERVICAL_THORACIC: { DIAGNOSTIC: 4, THERAPEUTIC: 4, RFA: 2 }, LUMBAR_SACRAL: { DIAGNOSTIC: 4, THERAPEUTIC: 4, RFA: 2 } } };
  const rows = b.lcdRows(lcd, 'en');
  assert.equal(rows.length, 6);
  assert.deepEqual(rows.filter((r) => r.atLimit).map((r) => [r.groupName, r.kindName, r.count, r.limit]), [['Lumbar and sacral', 'Diagnostic', 4, 4]]);
  assert.equal(b.lcdRows(lcd, 'es')[0].groupName, 'Cervical y torácica');
});

test('a point not recorded is missed only once it has closed (the next point is due; the last: 48 h after the block)', () => {
  const ep = { ...EPISODE, result: { ...EPISODE.result, points: [point(15, 5), point(30, null), point(60, null), point(1440, null)] } };
  const at = (min) => Date.parse(ENDED) + min * 60_000;
  assert.deepEqual([0, 1, 2, 3].map((i) => b.pointState(ep, i, at(45))), ['recorded', 'open', 'upcoming', 'upcoming']);
  assert.deepEqual([0, 1, 2, 3].map((i) => b.pointState(ep, i, at(60))), ['recorded', 'missed', 'open', 'upcoming']);
  assert.equal(b.pointState(ep, 3, at(2879)), 'open');
  assert.equal(b.pointState(ep, 3, at(2880)), 'missed');
  assert.deepEqual([1, 2, 3].map((i) => b.pointState(ep, i)), ['missed', 'missed', 'missed'], 'without a time, as the verdicts count them');
  assert.deepEqual(b.pointRows(ep, { language: 'en', timeZone: 'UTC', now: at(45) }).map((r) => r.missing), ['No', 'due now', 'not due yet', 'not due yet']);
  assert.deepEqual(b.pointRows(ep, { language: 'es', timeZone: 'UTC', now: at(60) }).map((r) => r.missing), ['No', 'falta', 'pendiente ahora', 'todavía no']);
  assert.deepEqual(b.chartGeometry(ep, { now: at(60) }).missing.map((p) => p.minutes), [30], 'a mark only where a point was missed');
  assert.equal(b.chartGeometry(ep, { now: at(60) }).segments.length, 1);
});
