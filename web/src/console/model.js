// The coordinators' console as pure functions (no DOM, no fetch): the lists and their order, the
// outcomes each disposition allows and when a reason is required (the API's rules, docs/api.md),
// times in words, what changed between two versions of a referral, the patient's answers read
// back through the questionnaire definition, and the statistics' rows. The pages, the unit tests
// and the browser tests all use it. Every word is messages.json's, in the console's language (i18n.js).
import * as form from '../app/form-model.js';
import { t, tr, locale } from './i18n.js';

/** An object whose values are texts of the messages file, read in the current language when used. */
function texts(prefix, keys, shape = (key) => t(key)) {
  const out = {};
  for (const k of keys) Object.defineProperty(out, k, { enumerable: true, get: () => shape(`${prefix}.${k}`, k) });
  return out;
}

/** The worklist's lists in the API's order (Band.IN_ORDER): each list is one disposition. */
export const BANDS = [
  // name: the list's heading; short: the list in a row of the worklist
  { band: 'EMERGENCY', disposition: 'EMERGENCY' },
  { band: 'URGENT_REVIEW', disposition: 'URGENT_REVIEW' },
  { band: 'CONSULT', disposition: 'CONSULT' },
  { band: 'GENERAL_CONSULT', disposition: 'OTHER_PATHWAY' },
  { band: 'RECONTACT', disposition: 'CONSERVATIVE_CARE_FIRST' },
].map((b) => Object.defineProperties(b, {
  name: { enumerable: true, get: () => t(`band.${b.band}.name`) },
  short: { enumerable: true, get: () => t(`band.${b.band}.short`) },
}));

export const bandOf = (band) => BANDS.find((b) => b.band === band);
export const bandOfDisposition = (disposition) => BANDS.find((b) => b.disposition === disposition);

// the names of the API's codes: messages.json's texts, in the language of the moment they are read
export const DISPOSITIONS = texts('disposition', ['EMERGENCY', 'URGENT_REVIEW', 'CONSULT', 'OTHER_PATHWAY', 'CONSERVATIVE_CARE_FIRST']);
export const STATUSES = texts('status', ['NEW', 'IN_REVIEW', 'WAITING_FOR_PATIENT', 'DECIDED']);
export const TIERS = texts('tier', ['HIGH', 'MODERATE', 'LOW']);
export const REGIONS = texts('region', ['CERVICAL', 'THORACIC', 'LUMBAR']);
export const CRITERION_STATUS = texts('criterion', ['MET', 'NOT_MET', 'UNKNOWN']);

/** The outcomes (Outcome.java): whether each closes the referral. */
const CLOSES = {
  SCHEDULE_CONSULT: true, NEEDS_MORE_INFORMATION: false, CONSERVATIVE_CARE_FIRST: true, OTHER_PATHWAY: true,
  ESCALATE_TO_URGENT: false, REFERRED_TO_EMERGENCY_CARE: true, DECLINED: true,
};
export const OUTCOMES = Object.fromEntries(Object.entries(CLOSES).map(([o, closes]) => [o,
  Object.defineProperty({ closes }, 'name', { enumerable: true, get: () => t(`outcome.${o}`) })]));

/** docs/api.md "Outcomes by disposition", in its order (the disposition's own outcome first). */
export const OUTCOMES_BY_DISPOSITION = {
  EMERGENCY: ['REFERRED_TO_EMERGENCY_CARE', 'NEEDS_MORE_INFORMATION', 'DECLINED'],
  URGENT_REVIEW: ['REFERRED_TO_EMERGENCY_CARE', 'NEEDS_MORE_INFORMATION', 'DECLINED'],
  CONSULT: ['SCHEDULE_CONSULT', 'NEEDS_MORE_INFORMATION', 'ESCALATE_TO_URGENT', 'DECLINED'],
  OTHER_PATHWAY: ['OTHER_PATHWAY', 'NEEDS_MORE_INFORMATION', 'ESCALATE_TO_URGENT', 'DECLINED'],
  CONSERVATIVE_CARE_FIRST: ['CONSERVATIVE_CARE_FIRST', 'NEEDS_MORE_INFORMATION', 'ESCALATE_TO_URGENT', 'DECLINED'],
};

/**
 * The outcomes a decision may take: those of the disposition it is judged by (the override's when
 * the coordinator changes the disposition). An override never escalates (the API refuses
 * overrideDisposition with ESCALATE_TO_URGENT), and nothing escalates an emergency.
 */
export function outcomesFor(current, override) {
  const judged = override || current;
  return (OUTCOMES_BY_DISPOSITION[judged] || []).filter((o) => o !== 'ESCALATE_TO_URGENT' || (!override && current !== 'EMERGENCY'));
}

/**
 * Why a reason is required, or null: an override of the engine's disposition, or an outcome that
 * closes an EMERGENCY or URGENT_REVIEW referral (the API answers 422 at /reason otherwise).
 */
export function reasonRequired({ disposition, override, outcome }) {
  if (override && override !== disposition) return 'override';
  if (outcome && OUTCOMES[outcome]?.closes && (disposition === 'EMERGENCY' || disposition === 'URGENT_REVIEW')) return 'closing';
  return null;
}

/**
 * The decision the API takes, from the form's choices, or the errors to show (GOV.UK pattern:
 * one per field, in the form's order). The same rules as the API: an outcome the judged
 * disposition allows, a note of at most 2000 characters, a reason of 1 to 1000 when required.
 */
export function decision(referral, choices) {
  const override = choices.disposition && choices.disposition !== referral.disposition ? choices.disposition : null;
  const errors = [];
  const outcome = choices.outcome || null;
  if (!outcome) errors.push({ field: 'outcome', text: t('chooseOutcome') });
  else if (!outcomesFor(referral.disposition, override).includes(outcome)) {
    errors.push({ field: 'outcome', text: t('chooseOutcomeFor', { disposition: DISPOSITIONS[override || referral.disposition].toLowerCase() }) });
  }
  const reason = (choices.reason || '').trim();
  const note = (choices.note || '').trim();
  const why = reasonRequired({ disposition: referral.disposition, override, outcome });
  if (why && !reason) {
    errors.push({
      field: 'reason',
      text: t(why === 'override' ? 'reasonOverrideMissing'
        : referral.disposition === 'EMERGENCY' ? 'reasonClosingEmergencyMissing' : 'reasonClosingUrgentMissing'),
    });
  } else if (reason.length > 1000) errors.push({ field: 'reason', text: t('reasonTooLong') });
  if (note.length > 2000) errors.push({ field: 'note', text: t('noteTooLong') });
  const body = { outcome };
  if (note) body.note = note;
  if (override) body.overrideDisposition = override;
  if (reason) body.reason = reason;
  return { errors, body, override, reasonRequired: why };
}

// ---- time ------------------------------------------------------------------------------------

// Every function of time takes the language last (the current one unless given): the unit tests
// call them in both languages.

/**
 * A length of time in words: "under a minute", "45 min", "3 h", "2 h 10 min", "4 d", "4 d 6 h"
 * (Spanish "menos de un minuto", the same units).
 */
export function duration(ms, language) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  if (minutes < 1) return t('underMinute', {}, language);
  if (minutes < 60) return t('durationMinutes', { m: minutes }, language);
  const hours = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (hours < 24) return m ? t('durationHoursMinutes', { h: hours, m }, language) : t('durationHours', { h: hours }, language);
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? t('durationDaysHours', { d: days, h }, language) : t('durationDays', { d: days }, language);
}

/** A duration of seconds (the stats), or "none" for null. */
export const seconds = (s, language) => (s === null || s === undefined ? t('statNone', {}, language) : duration(s * 1000, language));

/**
 * The due time against `now` (ms): "due in 3 h", or "2 h 10 min overdue" (Spanish "vence en 3 h",
 * "2 h 10 min de retraso"); overdue as the API says it (dueAt <= now).
 */
export function due(dueAt, now, language) {
  const diff = Date.parse(dueAt) - now;
  if (diff > 0) return { overdue: false, text: t('dueIn', { duration: duration(diff, language) }, language) };
  if (diff > -60000) return { overdue: true, text: t('dueNow', {}, language) };
  return { overdue: true, text: t('overdue', { duration: duration(diff, language) }, language) };
}

export const waiting = (submittedAt, now, language) => duration(Math.max(0, now - Date.parse(submittedAt)), language);

/** A lease's time left: "28 min left", or "ended 3 min ago". */
export function leaseLeft(leaseUntil, now, language) {
  const diff = Date.parse(leaseUntil) - now;
  return diff > 0 ? { live: true, text: t('leaseLeft', { duration: duration(diff, language) }, language) }
    : { live: false, text: t('leaseEnded', { duration: duration(diff, language) }, language) };
}

/**
 * A time as a coordinator reads it, with Intl in the language: "10:30 UTC", with the day when not
 * today ("Nov 27, 2026, 10:30 UTC"; Spanish "27 nov 2026, 10:30 UTC").
 */
export function time(iso, now, timeZone, language) {
  if (!iso) return '';
  const at = new Date(iso);
  const zone = timeZone ? { timeZone } : {};
  const day = (d) => new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', ...zone }).format(d);
  const clock = new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', ...zone }).format(at);
  return day(at) === day(new Date(now)) ? clock : `${day(at)}, ${clock}`;
}

/** A calendar date of the form ("1974-01-15") written out, with the age at `now`. */
export function birthDate(iso, now, language) {
  const written = form.longDate(iso, locale(language));
  if (!written) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number);
  const today = new Date(now);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return t('age', { date: written, age }, language);
}

export const shortId = (id) => String(id).slice(0, 8);

// ---- the worklist ----------------------------------------------------------------------------

/**
 * The worklist query of one list: its disposition and the filters the API supports (status,
 * assignee for "mine"), the page size and where to continue. Ids and codes only: never patient data.
 */
export function worklistQuery({ band, status, assignee, limit, cursor }) {
  const q = new URLSearchParams();
  q.set('disposition', bandOf(band).disposition);
  if (status) q.set('status', status);
  if (assignee) q.set('assignee', assignee);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return `/referrals?${q}`;
}

/** The filters in the page's address ("#/?band=CONSULT&status=NEW&mine=1&size=25"), checked. */
export function filters(query) {
  const p = new URLSearchParams(query || '');
  const band = bandOf(p.get('band')) ? p.get('band') : '';
  const status = ['NEW', 'IN_REVIEW', 'WAITING_FOR_PATIENT'].includes(p.get('status')) ? p.get('status') : '';
  const size = [10, 25, 50, 100].includes(Number(p.get('size'))) ? Number(p.get('size')) : 25;
  return { band, status, mine: p.get('mine') === '1', size };
}

export function filterQuery({ band, status, mine, size }) {
  const p = new URLSearchParams();
  if (band) p.set('band', band);
  if (status) p.set('status', status);
  if (mine) p.set('mine', '1');
  if (size && size !== 25) p.set('size', String(size));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The red flags' plain words from the rule set (`rules`: its hardStops and urgentFlags). */
export function flagText(rules, id) {
  const rule = [...(rules.hardStops || []), ...(rules.urgentFlags || [])].find((r) => r.id === id);
  return rule ? rule.text : id;
}

/** What a worklist row says, as text per column (the page adds the markup). */
export function row(item, now, me, rules) {
  const band = bandOf(item.band);
  const urgent = item.band === 'EMERGENCY' || item.band === 'URGENT_REVIEW';
  const dueNow = due(item.dueAt, now);
  const live = item.status === 'IN_REVIEW' && item.assignee && item.leaseUntil && Date.parse(item.leaseUntil) > now;
  const claim = live
    ? t('claimUntil', { who: item.assignee === me ? t('claimYou') : item.assignee, time: time(item.leaseUntil, now), left: leaseLeft(item.leaseUntil, now).text })
    : t('notClaimed');
  return {
    id: item.referralId,
    label: t('rowLabel', { id: shortId(item.referralId) }),
    band: band ? band.short : item.band,
    regions: (item.regions || []).map((r) => REGIONS[r] || r).join(', '),
    assessment: urgent
      ? (item.redFlags || []).map((f) => flagText(rules, f))
      : [`${t('score', { score: item.score ?? '–' })}${item.tier ? t('tierSuffix', { tier: TIERS[item.tier] || item.tier }) : ''}${item.repeatRfaCandidate ? t('repeatCandidate') : ''}`],
    assessmentKind: urgent ? t('colRedFlags') : t('colScoreTier'),
    status: STATUSES[item.status] || item.status,
    waiting: waiting(item.submittedAt, now),
    due: dueNow,
    claim,
    claimedBy: live ? item.assignee : null,
  };
}

// ---- the referral ----------------------------------------------------------------------------

/** The questionnaire's questions with their page and a pattern for their pointer (a region's '*' matches its index). */
function questionIndex(definition) {
  const index = [];
  for (const page of definition.pages) {
    for (const q of page.questions) {
      const escaped = q.pointer.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('(\\d+)');
      index.push({ page, question: q, pattern: new RegExp(`^${escaped}$`) });
    }
  }
  return index;
}

const indexes = new WeakMap();
const indexOf = (definition) => {
  if (!indexes.has(definition)) indexes.set(definition, questionIndex(definition));
  return indexes.get(definition);
};

const regionIndex = (pointer) => /^\/pain\/regions\/(\d+)(\/|$)/.exec(pointer)?.[1] ?? null;

function regionAt(formJson, pointer) {
  const i = regionIndex(pointer);
  return i === null ? null : formJson?.pain?.regions?.[Number(i)]?.region ?? null;
}

// the questionnaire's own words, in the console's language (the definition has both)
const fillRegion = (definition, text, region) => form.fill(text ?? '', { region: region ? tr(definition.regionNames[region]) || region : t('thisRegion') });
const words = (texts) => (texts ? tr(texts) : undefined);

/**
 * The question the form asked for a JSON pointer of the API (a red flag's, an evidence's, a
 * contribution's): its words, the page it was on, and for a region's question that region; for a
 * pointer to a group of questions (/treatments/physicalTherapy, /pain/peg) its one question, or the
 * page's title when several; null when the form asked no such thing.
 */
export function question(definition, formJson, pointer) {
  if (typeof pointer !== 'string') return null;
  const index = indexOf(definition);
  const region = regionAt(formJson, pointer);
  const found = (q, text) => ({ text, question: q.question, region, page: fillRegion(definition, words(q.page.title), region) });
  const exact = index.find((q) => q.pattern.test(pointer));
  if (exact) return found(exact, fillRegion(definition, words(exact.question.label) ?? words(exact.question.title), region));
  const i = regionIndex(pointer);
  const concrete = (q) => (q.question.pointer.includes('*') ? (i === null ? null : q.question.pointer.replace('*', i)) : q.question.pointer);
  const within = index.filter((q) => concrete(q)?.startsWith(`${pointer}/`));
  // a treatment's group is its outcome question (physicalTherapy: "Physical therapy")
  const main = within.length === 1 ? within[0] : within.find((q) => concrete(q) === `${pointer}/outcome`);
  if (main) return found(main, fillRegion(definition, words(main.question.label), region));
  if (within.length > 1 && within.every((q) => q.page === within[0].page)) {
    const title = fillRegion(definition, words(within[0].page.title), region);
    return { text: title, question: null, region, page: title };
  }
  return null;
}

/** An answer value as the form offered it ("NOT_TRIED" -> "Not tried"); "blank" and "incomplete" in words. */
export function answerWords(definition, asked, value, formJson) {
  if (value === 'blank' || value === null || value === undefined || value === '') return t('notAnswered');
  if (value === 'incomplete') return t('notAllAnswered');
  const q = asked?.question;
  if (q && (q.type === 'radio' || q.type === 'regions')) {
    const list = typeof q.options === 'string' ? definition.optionSets[q.options] : q.options;
    const option = (list || []).find((o) => o.value === value);
    if (option) return fillRegion(definition, words(option.label), asked.region);
  }
  if (q?.type === 'consent') return value === true || value === 'true' ? t('yes') : t('no');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  return String(value);
}

/** A question's answer in the stored form, in words (as the patient's "check your answers" page says it). */
function slotAnswer(definition, slot, answers) {
  const q = slot.question;
  const value = answers[slot.key];
  if (form.isBlank(value)) return t('notAnswered');
  if (q.type === 'radio' || q.type === 'regions') {
    const list = form.options(definition, q, answers, slot.region);
    return [].concat(value).map((v) => fillRegion(definition, words(list.find((o) => o.value === v)?.label) ?? v, slot.region)).join(', ');
  }
  if (q.type === 'consent') return value ? t('yes') : t('no');
  if (q.type === 'date') return `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
  if (q.type === 'number' && q.toSchema?.multiply) return String(value);
  return String(value);
}

/**
 * The patient's answers grouped as the form asked them: one group per page the patient was
 * shown (a region's pages once per region), each question's words and the answer's, blanks as
 * "Not answered". `about-you` (identity and contact) is the first group.
 */
export function answerGroups(definition, formJson) {
  if (!formJson) return [];
  const answers = form.disassemble(definition, formJson);
  const groups = [];
  for (const visible of form.visiblePages(definition, answers)) {
    const slots = form.slotsOf(visible, answers, definition);
    if (!slots.length) continue;
    groups.push({
      id: visible.route,
      pageId: visible.page.id,
      title: fillRegion(definition, words(visible.page.title), visible.region),
      answers: slots.map((slot) => ({
        pointer: slot.pointer,
        question: fillRegion(definition, words(slot.question.label) ?? words(slot.question.title), slot.region),
        answer: slotAnswer(definition, slot, answers),
      })),
    });
  }
  return groups;
}

/** The patient's identity and contact (shown on the referral page only, never in the list). */
export function patient(formJson, now) {
  const p = formJson?.patient || {};
  return {
    name: p.name || t('notGiven'),
    dateOfBirth: p.dateOfBirth ? birthDate(p.dateOfBirth, now) : t('notGiven'),
    phone: p.phone || t('notGiven'),
    email: p.email || t('notGiven'),
    preferredContact: ['PHONE', 'EMAIL', 'EITHER'].includes(p.preferredContact) ? t(`contact.${p.preferredContact}`) : p.preferredContact || t('notGiven'),
    language: ['en', 'es'].includes(p.language) ? t(`language.${p.language}`) : p.language || t('notGiven'),
  };
}

/**
 * What the coordinator must confirm with the patient (assessment.toConfirm): a readiness
 * criterion's text, or the question a pointer names.
 */
export function toConfirm(definition, detail) {
  const a = detail.assessment;
  if (!a) return [];
  return (a.toConfirm || []).map((item) => {
    const criterion = (a.readiness || []).find((c) => c.id === item);
    if (criterion) return { id: item, text: t('toConfirmCriterion', { text: criterion.text, n: criterion.number, status: CRITERION_STATUS[criterion.status] || criterion.status }) };
    if (item.startsWith('/')) {
      const q = question(definition, detail.form, item);
      return { id: item, text: q ? `${q.text} (${q.page})` : item };
    }
    return { id: item, text: item };
  });
}

/** Every red flag of the assessment, by kind, with the question that raised it. */
export function redFlags(definition, detail) {
  const flags = detail.assessment?.redFlags;
  if (!flags) return [];
  const kinds = [['hardStops', t('flagHardStop')], ['urgent', t('flagUrgent')], ['noted', t('flagNoted')]];
  return kinds.flatMap(([key, kind]) => (flags[key] || []).map((f) => ({
    id: f.id, kind, text: f.text, source: f.source,
    question: question(definition, detail.form, f.question)?.text ?? f.question,
    answer: answerWords(definition, question(definition, detail.form, f.question), form.getAt(detail.form || {}, f.question), detail.form),
  })));
}

/** Hard-stop and urgent questions the patient left blank or unsure (never read as "no"). */
export function unanswered(definition, detail) {
  const flags = detail.assessment?.redFlags;
  if (!flags) return [];
  return [...(flags.unansweredHardStops || []), ...(flags.unansweredUrgent || [])]
    .map((p) => question(definition, detail.form, p)?.text ?? p);
}

/** The four readiness criteria with their evidence in words. */
export function readiness(definition, detail) {
  return (detail.assessment?.readiness || []).map((c) => ({
    number: c.number, id: c.id, text: c.text, status: c.status, statusText: CRITERION_STATUS[c.status] || c.status,
    explanation: c.explanation,
    evidence: (c.evidence || []).map((e) => {
      const q = question(definition, detail.form, e.question);
      return { question: q ? q.text : e.question, answer: answerWords(definition, q, e.answer, detail.form) };
    }),
  }));
}

/** Each region's score with every contribution (rule, text, points, source). */
export function scores(detail) {
  return (detail.assessment?.regions || []).map((r) => ({
    region: REGIONS[r.region] || r.region, main: r.main, score: r.score, tier: TIERS[r.tier] || r.tier,
    contributions: (r.contributions || []).map((c) => ({ rule: c.ruleId, text: c.text, points: c.points, source: c.source })),
  }));
}

/** One audit entry in words. */
export function auditText(entry, now) {
  switch (entry.action) {
    case 'CREATED': return t('audit.CREATED', { status: STATUSES[entry.status] || entry.status, disposition: DISPOSITIONS[entry.disposition] || entry.disposition });
    case 'VIEWED': return t('audit.VIEWED');
    case 'CLAIMED': return t('audit.CLAIMED', { time: time(entry.leaseUntil, now) });
    case 'RELEASED': return t('audit.RELEASED');
    case 'ALERTED': return t('audit.ALERTED');
    case 'ESCALATED': return t('audit.ESCALATED');
    case 'DECIDED': {
      const parts = [t('audit.DECIDED', { outcome: OUTCOMES[entry.outcome]?.name || entry.outcome })];
      if (entry.overriddenDisposition) parts.push(t('audit.dispositionChanged', { from: DISPOSITIONS[entry.overriddenDisposition], to: DISPOSITIONS[entry.disposition] }));
      parts.push(t('audit.now', { status: (STATUSES[entry.status] || entry.status).toLowerCase() }));
      if (entry.reason) parts.push(t('audit.reason', { reason: entry.reason }));
      if (entry.note) parts.push(t('audit.note', { note: entry.note }));
      return parts.join('; ');
    }
    case 'FHIR_EXPORTED': return t('audit.FHIR_EXPORTED');
    // the note names the packet's region
    case 'PRIOR_AUTH_VIEWED': case 'PRIOR_AUTH_PDF':
      return entry.note ? `${t(`audit.${entry.action}`)}: ${REGIONS[entry.note] || entry.note}` : t(`audit.${entry.action}`);
    case 'BLOCK_RECORDED': case 'BLOCKS_VIEWED': case 'DIARY_LINK_ISSUED': case 'DIARY_LINK_REVOKED': case 'DIARY_ENTRY_RECORDED':
      // the note is the API's own words (an LCD warning, a time point)
      return entry.note ? `${t(`audit.${entry.action}`)}: ${entry.note}` : t(`audit.${entry.action}`);
    default: return entry.action;
  }
}

/**
 * What changed between the referral a coordinator decided on and the one there is now (a 412):
 * the fields a decision depends on, and every change's audit entry since, views and notices left out.
 */
export function changes(before, after, now) {
  const out = [];
  const none = t('changeNone');
  const say = (key, a, b) => { if ((a ?? null) !== (b ?? null)) out.push(`${t(`change.${key}`)}: ${a ?? none} → ${b ?? none}`); };
  say('status', STATUSES[before.status] || before.status, STATUSES[after.status] || after.status);
  say('claimedBy', before.assignee, after.assignee);
  say('claimUntil', before.leaseUntil ? time(before.leaseUntil, now) : null, after.leaseUntil ? time(after.leaseUntil, now) : null);
  say('disposition', DISPOSITIONS[before.disposition], DISPOSITIONS[after.disposition]);
  say('list', bandOf(before.band)?.name, bandOf(after.band)?.name);
  say('outcome', OUTCOMES[before.outcome]?.name, OUTCOMES[after.outcome]?.name);
  say('note', before.note, after.note);
  say('reason', before.reason, after.reason);
  // the changes since: entries of a version after the one read (each change's entry names the
  // version it made); without versions, the entries after as many as were read
  const notices = new Set(['VIEWED', 'ALERTED', 'ESCALATED']);
  const versioned = (after.audit || []).some((e) => e.version != null);
  const since = (versioned
    ? (after.audit || []).filter((e) => e.version != null && e.version > before.version)
    : (after.audit || []).slice((before.audit || []).length))
    .filter((e) => !notices.has(e.action))
    .map((e) => `${time(e.at, now)}: ${e.actor === 'system' ? t('theSystem') : e.actor} — ${auditText(e, now)}`);
  return { fields: out, since, versions: [before.version, after.version] };
}

// ---- statistics ------------------------------------------------------------------------------

/** The stats answer as rows per band (in worklist order) and per status. */
export function stats(s) {
  const bands = BANDS.map((b) => ({
    band: b.band, name: b.name,
    total: s.byDisposition?.[b.disposition] ?? 0,
    overdue: s.overdueByDisposition?.[b.disposition] ?? 0,
    oldestWaiting: seconds(s.oldestWaitingSeconds?.[b.disposition]),
    week: decisionTimes(s.timeToDecision?.last7Days?.[b.disposition]),
    month: decisionTimes(s.timeToDecision?.last30Days?.[b.disposition]),
  }));
  const statuses = Object.keys(STATUSES).map((k) => ({ status: k, name: STATUSES[k], count: s.byStatus?.[k] ?? 0 }));
  return { asOf: s.asOf, total: s.total, open: s.open, overdue: s.overdue, bands, statuses };
}

function decisionTimes(t) {
  return {
    decided: t?.decided ?? 0,
    median: t?.medianSeconds ?? null,
    p90: t?.p90Seconds ?? null,
    medianText: seconds(t?.medianSeconds),
    p90Text: seconds(t?.p90Seconds),
  };
}
