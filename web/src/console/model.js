// The coordinators' console as pure functions (no DOM, no fetch): the lists and their order, the
// outcomes each disposition allows and when a reason is required (the API's rules, docs/api.md),
// times in words, what changed between two versions of a referral, the patient's answers read
// back through the questionnaire definition, and the statistics' rows. The pages, the unit tests
// and the browser tests all use it.
import * as form from '../app/form-model.js';

/** The worklist's lists in the API's order (Band.IN_ORDER): each list is one disposition. */
export const BANDS = [
  // name: the list's heading; short: the list in a row of the worklist
  { band: 'EMERGENCY', disposition: 'EMERGENCY', name: 'Emergency', short: 'Emergency' },
  { band: 'URGENT_REVIEW', disposition: 'URGENT_REVIEW', name: 'Urgent review', short: 'Urgent review' },
  { band: 'CONSULT', disposition: 'CONSULT', name: 'Consult (medial branch block pathway)', short: 'Consult' },
  { band: 'GENERAL_CONSULT', disposition: 'OTHER_PATHWAY', name: 'General spine consult', short: 'General consult' },
  { band: 'RECONTACT', disposition: 'CONSERVATIVE_CARE_FIRST', name: 'Re-contact after conservative care', short: 'Re-contact' },
];

export const bandOf = (band) => BANDS.find((b) => b.band === band);
export const bandOfDisposition = (disposition) => BANDS.find((b) => b.disposition === disposition);

export const DISPOSITIONS = {
  EMERGENCY: 'Emergency',
  URGENT_REVIEW: 'Urgent review',
  CONSULT: 'Consult (medial branch block pathway)',
  OTHER_PATHWAY: 'Other pathway: general spine consult',
  CONSERVATIVE_CARE_FIRST: 'Conservative care first, then re-contact',
};

export const STATUSES = {
  NEW: 'New',
  IN_REVIEW: 'In review',
  WAITING_FOR_PATIENT: 'Waiting for the patient',
  DECIDED: 'Decided',
};

export const TIERS = { HIGH: 'high', MODERATE: 'moderate', LOW: 'low' };
export const REGIONS = { CERVICAL: 'Neck', THORACIC: 'Mid back', LUMBAR: 'Lower back' };
export const CRITERION_STATUS = { MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown' };

/** The outcomes (Outcome.java): whether each closes the referral. */
export const OUTCOMES = {
  SCHEDULE_CONSULT: { name: 'Schedule a consult', closes: true },
  NEEDS_MORE_INFORMATION: { name: 'Needs more information from the patient', closes: false },
  CONSERVATIVE_CARE_FIRST: { name: 'Conservative care first', closes: true },
  OTHER_PATHWAY: { name: 'Other pathway (general spine consult)', closes: true },
  ESCALATE_TO_URGENT: { name: 'Escalate to urgent review', closes: false },
  REFERRED_TO_EMERGENCY_CARE: { name: 'Referred to emergency care', closes: true },
  DECLINED: { name: 'Declined', closes: true },
};

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
  if (!outcome) errors.push({ field: 'outcome', text: 'Choose an outcome' });
  else if (!outcomesFor(referral.disposition, override).includes(outcome)) {
    errors.push({ field: 'outcome', text: `Choose one of the outcomes for ${DISPOSITIONS[override || referral.disposition].toLowerCase()}` });
  }
  const reason = (choices.reason || '').trim();
  const note = (choices.note || '').trim();
  const why = reasonRequired({ disposition: referral.disposition, override, outcome });
  if (why && !reason) {
    errors.push({
      field: 'reason',
      text: why === 'override'
        ? 'Give the reason for changing the engine\'s disposition: it is kept in the audit trail'
        : `Give the reason for closing ${referral.disposition === 'EMERGENCY' ? 'an emergency' : 'an urgent'} referral: it is kept in the audit trail`,
    });
  } else if (reason.length > 1000) errors.push({ field: 'reason', text: 'The reason must be 1000 characters or fewer' });
  if (note.length > 2000) errors.push({ field: 'note', text: 'The note must be 2000 characters or fewer' });
  const body = { outcome };
  if (note) body.note = note;
  if (override) body.overrideDisposition = override;
  if (reason) body.reason = reason;
  return { errors, body, override, reasonRequired: why };
}

// ---- time ------------------------------------------------------------------------------------

/** A length of time in words: "under a minute", "45 min", "3 h", "2 h 10 min", "4 d", "4 d 6 h". */
export function duration(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (hours < 24) return m ? `${hours} h ${m} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days} d ${h} h` : `${days} d`;
}

/** A duration of seconds (the stats), or "none" for null. */
export const seconds = (s) => (s === null || s === undefined ? 'none' : duration(s * 1000));

/**
 * The due time against `now` (ms): "due in 3 h", or "2 h 10 min overdue"; overdue as the API says
 * it (dueAt <= now).
 */
export function due(dueAt, now) {
  const diff = Date.parse(dueAt) - now;
  if (diff > 0) return { overdue: false, text: `due in ${duration(diff)}` };
  if (diff > -60000) return { overdue: true, text: 'due now' };
  return { overdue: true, text: `${duration(diff)} overdue` };
}

export const waiting = (submittedAt, now) => duration(Math.max(0, now - Date.parse(submittedAt)));

/** A lease's time left: "28 min left", or "ended 3 min ago". */
export function leaseLeft(leaseUntil, now) {
  const diff = Date.parse(leaseUntil) - now;
  return diff > 0 ? { live: true, text: `${duration(diff)} left` } : { live: false, text: `ended ${duration(diff)} ago` };
}

/** A time as a coordinator reads it: "10:30 UTC", with the day when not today ("Nov 27, 10:30 UTC"). */
export function time(iso, now, timeZone) {
  if (!iso) return '';
  const at = new Date(iso);
  const zone = timeZone ? { timeZone } : {};
  const day = (d) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', ...zone }).format(d);
  const clock = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', ...zone }).format(at);
  return day(at) === day(new Date(now)) ? clock : `${day(at)}, ${clock}`;
}

/** A calendar date of the form ("1974-01-15") written out, with the age at `now`. */
export function birthDate(iso, now) {
  const written = form.longDate(iso, 'en-US');
  if (!written) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number);
  const today = new Date(now);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return `${written} (age ${age})`;
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
    ? `${item.assignee === me ? 'You' : item.assignee}, until ${time(item.leaseUntil, now)} (${leaseLeft(item.leaseUntil, now).text})`
    : 'Not claimed';
  return {
    id: item.referralId,
    label: `Referral ${shortId(item.referralId)}`,
    band: band ? band.short : item.band,
    regions: (item.regions || []).map((r) => REGIONS[r] || r).join(', '),
    assessment: urgent
      ? (item.redFlags || []).map((f) => flagText(rules, f))
      : [`Score ${item.score ?? '–'}${item.tier ? `, ${TIERS[item.tier] || item.tier} tier` : ''}${item.repeatRfaCandidate ? '; repeat ablation candidate' : ''}`],
    assessmentKind: urgent ? 'Red flags' : 'Score and tier',
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

const fillRegion = (definition, text, region) => form.fill(text ?? '', { region: region ? definition.regionNames[region]?.en ?? region : 'this' });

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
  const found = (q, text) => ({ text, question: q.question, region, page: fillRegion(definition, q.page.title.en, region) });
  const exact = index.find((q) => q.pattern.test(pointer));
  if (exact) return found(exact, fillRegion(definition, exact.question.label?.en ?? exact.question.title?.en, region));
  const i = regionIndex(pointer);
  const concrete = (q) => (q.question.pointer.includes('*') ? (i === null ? null : q.question.pointer.replace('*', i)) : q.question.pointer);
  const within = index.filter((q) => concrete(q)?.startsWith(`${pointer}/`));
  // a treatment's group is its outcome question (physicalTherapy: "Physical therapy")
  const main = within.length === 1 ? within[0] : within.find((q) => concrete(q) === `${pointer}/outcome`);
  if (main) return found(main, fillRegion(definition, main.question.label?.en, region));
  if (within.length > 1 && within.every((q) => q.page === within[0].page)) {
    const title = fillRegion(definition, within[0].page.title.en, region);
    return { text: title, question: null, region, page: title };
  }
  return null;
}

/** An answer value as the form offered it ("NOT_TRIED" -> "Not tried"); "blank" and "incomplete" in words. */
export function answerWords(definition, asked, value, formJson) {
  if (value === 'blank' || value === null || value === undefined || value === '') return 'Not answered';
  if (value === 'incomplete') return 'Not all answered';
  const q = asked?.question;
  if (q && (q.type === 'radio' || q.type === 'regions')) {
    const list = typeof q.options === 'string' ? definition.optionSets[q.options] : q.options;
    const option = (list || []).find((o) => o.value === value);
    if (option) return fillRegion(definition, option.label.en, asked.region);
  }
  if (q?.type === 'consent') return value === true || value === 'true' ? 'Yes' : 'No';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** A question's answer in the stored form, in words (as the patient's "check your answers" page says it). */
function slotAnswer(definition, slot, answers) {
  const q = slot.question;
  const value = answers[slot.key];
  if (form.isBlank(value)) return 'Not answered';
  if (q.type === 'radio' || q.type === 'regions') {
    const list = form.options(definition, q, answers, slot.region);
    return [].concat(value).map((v) => fillRegion(definition, list.find((o) => o.value === v)?.label.en ?? v, slot.region)).join(', ');
  }
  if (q.type === 'consent') return value ? 'Yes' : 'No';
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
      title: fillRegion(definition, visible.page.title.en, visible.region),
      answers: slots.map((slot) => ({
        pointer: slot.pointer,
        question: fillRegion(definition, slot.question.label?.en ?? slot.question.title?.en, slot.region),
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
    name: p.name || 'Not given',
    dateOfBirth: p.dateOfBirth ? birthDate(p.dateOfBirth, now) : 'Not given',
    phone: p.phone || 'Not given',
    email: p.email || 'Not given',
    preferredContact: { PHONE: 'Phone', EMAIL: 'Email', EITHER: 'Either' }[p.preferredContact] || p.preferredContact || 'Not given',
    language: { en: 'English', es: 'Spanish' }[p.language] || p.language || 'Not given',
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
    if (criterion) return { id: item, text: `${criterion.text} (readiness criterion ${criterion.number}: ${CRITERION_STATUS[criterion.status] || criterion.status})` };
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
  const kinds = [['hardStops', 'Hard stop'], ['urgent', 'Urgent'], ['noted', 'Noted (not a red flag on its own)']];
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
    case 'CREATED': return `Created: ${STATUSES[entry.status] || entry.status}, ${DISPOSITIONS[entry.disposition] || entry.disposition}`;
    case 'VIEWED': return 'Viewed';
    case 'CLAIMED': return `Claimed until ${time(entry.leaseUntil, now)}`;
    case 'RELEASED': return 'Released the claim';
    case 'ALERTED': return 'Alert sent to the team';
    case 'ESCALATED': return 'Escalated: still not decided';
    case 'DECIDED': {
      const parts = [`Decided: ${OUTCOMES[entry.outcome]?.name || entry.outcome}`];
      if (entry.overriddenDisposition) parts.push(`disposition changed from ${DISPOSITIONS[entry.overriddenDisposition]} to ${DISPOSITIONS[entry.disposition]}`);
      parts.push(`now ${(STATUSES[entry.status] || entry.status).toLowerCase()}`);
      if (entry.reason) parts.push(`reason: ${entry.reason}`);
      if (entry.note) parts.push(`note: ${entry.note}`);
      return parts.join('; ');
    }
    default: return entry.action;
  }
}

/**
 * What changed between the referral a coordinator decided on and the one there is now (a 412):
 * the fields a decision depends on, and every change's audit entry since, views and notices left out.
 */
export function changes(before, after, now) {
  const out = [];
  const say = (label, a, b) => { if ((a ?? null) !== (b ?? null)) out.push(`${label}: ${a ?? 'none'} → ${b ?? 'none'}`); };
  say('Status', STATUSES[before.status] || before.status, STATUSES[after.status] || after.status);
  say('Claimed by', before.assignee, after.assignee);
  say('Claim until', before.leaseUntil ? time(before.leaseUntil, now) : null, after.leaseUntil ? time(after.leaseUntil, now) : null);
  say('Disposition', DISPOSITIONS[before.disposition], DISPOSITIONS[after.disposition]);
  say('List', bandOf(before.band)?.name, bandOf(after.band)?.name);
  say('Outcome', OUTCOMES[before.outcome]?.name, OUTCOMES[after.outcome]?.name);
  say('Note', before.note, after.note);
  say('Reason', before.reason, after.reason);
  // the changes since: entries of a version after the one read (each change's entry names the
  // version it made); without versions, the entries after as many as were read
  const notices = new Set(['VIEWED', 'ALERTED', 'ESCALATED']);
  const versioned = (after.audit || []).some((e) => e.version != null);
  const since = (versioned
    ? (after.audit || []).filter((e) => e.version != null && e.version > before.version)
    : (after.audit || []).slice((before.audit || []).length))
    .filter((e) => !notices.has(e.action))
    .map((e) => `${time(e.at, now)}: ${e.actor === 'system' ? 'the system' : e.actor} — ${auditText(e, now)}`);
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
