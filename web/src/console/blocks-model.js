// The block section of a referral as pure functions (no DOM, no fetch): the levels of a region,
// the "Record a block" form checked as the API checks it (docs/api.md, BlockRequest), the API's
// 422 pointers mapped to the form's fields, the diary's points as table rows, the movement notes in
// the questionnaire's own words, the chart's geometry, the time points as clock times for the
// printed sheet, and the diary page's address. Every word is messages.json's (i18n.js).
import { t, tr, locale } from './i18n.js';

/** The facet levels as the clinic writes them (SpinalLevel.java), in order. */
export const LEVELS = ['C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1',
  'T1-T2', 'T2-T3', 'T3-T4', 'T4-T5', 'T5-T6', 'T6-T7', 'T7-T8', 'T8-T9', 'T9-T10', 'T10-T11', 'T11-T12', 'T12-L1',
  'L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'];
const LETTER = { C: 'CERVICAL', T: 'THORACIC', L: 'LUMBAR' };

/** The regions a level belongs to: a junctional level (C7-T1, T12-L1) to both; L5-S1 is lumbar. */
export function regionsOfLevel(level) {
  const [upper, lower] = level.split('-').map((v) => v[0]);
  return [...new Set([LETTER[upper], LETTER[lower]].filter(Boolean))];
}

/** The levels of a region, in order. */
export const levelsOf = (region) => LEVELS.filter((l) => regionsOfLevel(l).includes(region));

export const BLOCK_REGIONS = ['CERVICAL', 'THORACIC', 'LUMBAR'];
export const SIDES = ['LEFT', 'RIGHT', 'BOTH'];
export const ANAESTHETICS = ['LIDOCAINE', 'BUPIVACAINE'];
export const DIAGNOSTIC_BLOCKS = ['FIRST', 'SECOND'];
export const STANDARDS = ['MEDICARE_LCD', 'COHEN_2020'];

/**
 * A date ("2026-11-27") and a clock time ("09:30", 24 h) in the browser's time zone as an ISO
 * instant, or null when either is not a real date or time.
 */
export function localInstant(dateText, timeText) {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(dateText || '');
  const c = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(timeText || '');
  if (!d || !c) return null;
  const [y, mo, day, hh, mm] = [d[1], d[2], d[3], c[1], c[2]].map(Number);
  if (hh > 23 || mm > 59) return null;
  const at = new Date(y, mo - 1, day, hh, mm, 0, 0);
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== day || at.getHours() !== hh) return null;
  return at.toISOString();
}

/** Today's date and the time now in the browser's zone, as the form's fields take them. */
export function localParts(ms) {
  const at = new Date(ms);
  const two = (n) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`, time: `${two(at.getHours())}:${two(at.getMinutes())}` };
}

/**
 * The block the API takes from the form's values, or the errors to show (GOV.UK pattern: one per
 * field, in the form's order), with the API's rules: an instant not more than 5 minutes ahead,
 * 1 or 2 levels of the region, a baseline NRS that is one whole number from 1 to 10 (0 refused).
 */
export function blockForm(values, now) {
  const errors = [];
  const endedAt = localInstant(values.date, values.time);
  if (!(values.date || '').trim()) errors.push({ field: 'block-date', text: t('blockDateMissing') });
  else if (!localInstant(values.date, '00:00')) errors.push({ field: 'block-date', text: t('blockDateInvalid') });
  if (!(values.time || '').trim()) errors.push({ field: 'block-time', text: t('blockTimeMissing') });
  else if (!localInstant('2000-01-01', values.time)) errors.push({ field: 'block-time', text: t('blockTimeInvalid') });
  else if (endedAt && Date.parse(endedAt) > now + 5 * 60_000) errors.push({ field: 'block-time', text: t('blockInFuture') });
  if (!BLOCK_REGIONS.includes(values.region)) errors.push({ field: 'block-region', text: t('blockRegionMissing') });
  const levels = (values.levels || []).filter((l) => !values.region || levelsOf(values.region).includes(l));
  if (BLOCK_REGIONS.includes(values.region)) {
    if (!levels.length) errors.push({ field: 'block-levels', text: t('blockLevelsMissing') });
    else if (levels.length > 2) errors.push({ field: 'block-levels', text: t('blockLevelsTooMany') });
  }
  if (!SIDES.includes(values.side)) errors.push({ field: 'block-side', text: t('blockSideMissing') });
  if (!ANAESTHETICS.includes(values.anaesthetic)) errors.push({ field: 'block-anaesthetic', text: t('blockAnaestheticMissing') });
  if (!DIAGNOSTIC_BLOCKS.includes(values.diagnosticBlock)) errors.push({ field: 'block-which', text: t('blockWhichMissing') });
  const nrs = (values.baselineNrs ?? '').trim();
  let baselineNrs = null;
  if (!nrs) errors.push({ field: 'block-baseline', text: t('blockBaselineMissing') });
  else if (!/^\d+$/.test(nrs)) errors.push({ field: 'block-baseline', text: t('blockBaselineWhole') });
  else if (Number(nrs) === 0) errors.push({ field: 'block-baseline', text: t('blockBaselineZero') });
  else if (Number(nrs) > 10) errors.push({ field: 'block-baseline', text: t('blockBaselineRange') });
  else baselineNrs = Number(nrs);
  const body = { endedAt, region: values.region, levels, side: values.side, anaesthetic: values.anaesthetic, diagnosticBlock: values.diagnosticBlock, baselineNrs };
  return { errors, body };
}

/** The form's field for a pointer of the API's 422 (invalid-block). */
export function blockField(pointer) {
  const p = String(pointer || '');
  if (p === '/endedAt') return 'block-time';
  if (p === '/levels' || p.startsWith('/levels/')) return 'block-levels';
  return { '/region': 'block-region', '/side': 'block-side', '/anaesthetic': 'block-anaesthetic', '/diagnosticBlock': 'block-which', '/baselineNrs': 'block-baseline' }[p] || 'block-date';
}

/** The 422's errors on the form's fields (the API's own words, one per field). */
export function blockProblem(problem) {
  const seen = new Set();
  const out = [];
  for (const e of problem?.errors || []) {
    const field = blockField(e.pointer);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, text: e.detail, api: true });
  }
  return out.length ? out : [{ field: 'block-date', text: problem?.detail || t('blockRefused'), api: true }];
}

// ---- the diary -------------------------------------------------------------------------------

/** A time point after the block in words: "15 min", "1 h 30 min", "24 h". */
export function pointLabel(minutes, language) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return t('durationMinutes', { m }, language);
  return m ? t('durationHoursMinutes', { h, m }, language) : t('durationHours', { h }, language);
}

/** A clock time ("10:15") in a time zone (the browser's unless given), with the day when it is not the block's. */
export function clock(iso, language, timeZone, dayOf) {
  const zone = timeZone ? { timeZone } : {};
  const at = new Date(iso);
  const hm = new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone }).format(at);
  if (!dayOf) return hm;
  const day = (d) => new Intl.DateTimeFormat(locale(language), { weekday: 'short', day: 'numeric', month: 'short', ...zone }).format(d);
  return day(at) === day(new Date(dayOf)) ? hm : `${day(at)}, ${hm}`;
}

/** Relief in words: "90% relief", "20% worse" (never clamped), "no change". */
export function reliefWords(point, language) {
  if (!point || !point.recorded) return t('pointMissing', {}, language);
  const pct = Math.round(Math.abs(point.reliefPercent));
  if (point.direction === 'WORSE' || point.reliefPercent < 0) return t('reliefWorse', { n: pct }, language);
  if (point.direction === 'NO_CHANGE' || point.reliefPercent === 0) return t('reliefNone', {}, language);
  return t('reliefPercent', { n: pct }, language);
}

/**
 * Where an unrecorded point stands at `now` (ms): 'upcoming' before it is due, 'open' until the
 * next point falls due (the last one: until the link expires, 48 h after the block), then
 * 'missed' for good. Without `now` every unrecorded point counts as missed, as the verdicts do.
 */
export function pointState(episode, index, now) {
  const points = episode.result?.points || [];
  const p = points[index];
  if (p.recorded) return 'recorded';
  if (now === undefined || now === null) return 'missed';
  const closes = index + 1 < points.length ? Date.parse(points[index + 1].dueAt) : Date.parse(episode.endedAt) + 48 * 3600_000;
  if (now < Date.parse(p.dueAt)) return 'upcoming';
  return now < closes ? 'open' : 'missed';
}

const STATE_WORDS = { recorded: 'no', missed: 'pointMissing', open: 'pointOpen', upcoming: 'pointUpcoming' };

/** The chart's table: one row per time point of the rule set (recorded, missed, or not yet). */
export function pointRows(episode, { language, timeZone, now } = {}) {
  const points = episode.result?.points || [];
  return points.map((p, i) => {
    const state = pointState(episode, i, now);
    return {
      minutes: p.minutes,
      point: pointLabel(p.minutes, language),
      due: clock(p.dueAt, language, timeZone, episode.endedAt),
      nrs: p.recorded ? String(p.nrs) : '–',
      relief: p.recorded ? reliefWords(p, language) : '–',
      late: p.recorded ? (p.late ? t('yes', {}, language) : t('no', {}, language)) : '–',
      missing: t(STATE_WORDS[state], {}, language),
      recorded: p.recorded,
      state,
    };
  });
}

/** A movement code (the engine's Movement) as the questionnaire asked it: TWISTING -> worse-twisting's label. */
export function movementLabel(definition, code, language) {
  const id = `worse-${String(code).toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase())}`;
  for (const page of definition.pages || []) {
    const q = page.questions.find((x) => x.id === id);
    if (q) return tr(q.label, language);
  }
  return code;
}

/** The movement notes: the movements any entry names (in the order they first appear), and per recorded point what each says. */
export function movementRows(definition, episode, language) {
  const codes = [];
  for (const e of episode.entries || []) for (const mv of e.movements || []) if (!codes.includes(mv.movement)) codes.push(mv.movement);
  const rows = (episode.entries || []).filter((e) => (e.movements || []).length).map((e) => ({
    minutes: e.timePoint,
    point: pointLabel(e.timePoint, language),
    cells: codes.map((c) => {
      const mv = e.movements.find((x) => x.movement === c);
      if (!mv) return '–';
      return mv.tried ? t('movementTried', { change: t(`movementChange.${mv.change}`, {}, language) }, language) : t('movementNotTried', {}, language);
    }),
  }));
  return { movements: codes.map((c) => movementLabel(definition, c, language)), codes, rows };
}

// ---- the chart -------------------------------------------------------------------------------

const X_TICKS = [15, 60, 120, 240, 360, 720, 1440];

/**
 * The chart's geometry (SVG user units): minutes on a square-root scale (the early points are
 * dense), NRS 0-10 upwards; the recorded points, the line between consecutive recorded points
 * only (a missed point leaves a gap), the baseline, the levels of 50% and 80% relief (NRS =
 * baseline x 0.5 and x 0.2), and the anaesthetic's expected minimum after the block.
 */
export function chartGeometry(episode, { width = 640, height = 260, now } = {}) {
  const pad = { left: 40, right: 16, top: 16, bottom: 36 };
  const points = episode.result?.points || [];
  const last = Math.max(1440, ...points.map((p) => p.minutes));
  const x = (min) => pad.left + (Math.sqrt(Math.max(0, min)) / Math.sqrt(last)) * (width - pad.left - pad.right);
  const y = (nrs) => pad.top + ((10 - nrs) / 10) * (height - pad.top - pad.bottom);
  const dots = points.filter((p) => p.recorded).map((p) => ({ minutes: p.minutes, nrs: p.nrs, x: x(p.minutes), y: y(p.nrs) }));
  const segments = [];
  let run = [];
  for (const p of points) {
    if (p.recorded) run.push({ x: x(p.minutes), y: y(p.nrs) });
    else {
      if (run.length) segments.push(run);
      run = [];
    }
  }
  if (run.length) segments.push(run);
  const baseline = episode.baselineNrs;
  const expected = episode.result?.expectedMinutes ?? null;
  return {
    width, height, pad,
    dots,
    missing: points.map((p, i) => ({ p, state: pointState(episode, i, now) })).filter((m) => m.state === 'missed').map(({ p }) => ({ minutes: p.minutes, x: x(p.minutes) })),
    segments: segments.map((s) => s.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')),
    baseline: { nrs: baseline, y: y(baseline) },
    relief50: { nrs: baseline * 0.5, y: y(baseline * 0.5) },
    relief80: { nrs: baseline * 0.2, y: y(baseline * 0.2) },
    expected: expected === null ? null : { minutes: expected, x: x(expected) },
    xTicks: X_TICKS.filter((m) => m <= last).map((m) => ({ minutes: m, x: x(m) })),
    yTicks: [0, 2, 4, 6, 8, 10].map((n) => ({ nrs: n, y: y(n) })),
    x0: pad.left, x1: width - pad.right, y0: y(0), y1: y(10),
  };
}

// ---- the diary link and its sheet -------------------------------------------------------------

/** The patient's page for a capability: the token in the fragment, which never reaches a server. */
export const diaryUrl = (origin, token) => `${origin}/diary/#${token}`;

/** The time points as clock times after the block, for the printed sheet (in the sheet's language). */
export function sheetTimes(endedAt, minutes, language, timeZone) {
  const ended = Date.parse(endedAt);
  return minutes.map((m) => ({
    minutes: m,
    after: pointLabel(m, language),
    at: clock(new Date(ended + m * 60_000).toISOString(), language, timeZone, endedAt),
  }));
}

/** The LCD counts against the limits, one row per region group and kind. */
export function lcdRows(lcd, language) {
  const rows = [];
  for (const group of Object.keys(lcd?.limits || {})) {
    for (const kind of Object.keys(lcd.limits[group])) {
      const count = lcd.counts?.[group]?.[kind] ?? 0;
      const limit = lcd.limits[group][kind];
      rows.push({ group, kind, groupName: t(`lcdGroup.${group}`, {}, language), kindName: t(`lcdKind.${kind}`, {}, language), count, limit, atLimit: count >= limit });
    }
  }
  return rows;
}
