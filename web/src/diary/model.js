// The patient's post-block pain diary as pure functions: the capability read from the page's
// fragment, the texts of the API's statuses and time points, an entry checked before it is sent,
// an API problem's pointers mapped to the page's fields, and the offline queue (each entry with
// its own Idempotency-Key, made once when the patient saves, resent unchanged until the API has
// answered it, never sent again after). No DOM, no storage, no clock: main.js, the unit tests and
// the browser tests all use it. The API's `now` decides every status; nothing here reads the
// phone's clock.

/** The capability: exactly 43 base64url characters after "#" (docs/api.md), else null. */
export function tokenFrom(hash) {
  const match = /^#([A-Za-z0-9_-]{43})$/.exec(hash || '');
  return match ? match[1] : null;
}

/** "{name}" placeholders filled; a placeholder without a value stays visible (tests catch it). */
export const fill = (text, values = {}) => text.replace(/\{(\w+)\}/g, (all, name) => (values[name] ?? all).toString());

/** The words of a text key in a language; an unknown key throws. */
export function say(messages, language, key, values) {
  const texts = messages.text[key];
  if (!texts) throw new Error(`no diary text ${key}`);
  return fill(texts[language] ?? texts.en, values);
}

/** A time point's name: 15 min, 1 h, 1 h 30 min, 24 h. */
export function pointName(messages, language, minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return say(messages, language, 'durationMinutes', { m });
  if (!m) return say(messages, language, 'durationHours', { h });
  return say(messages, language, 'durationHoursMinutes', { h, m });
}

/** The locale Intl writes times with. */
export const locale = (language) => (language === 'es' ? 'es' : 'en-US');

/**
 * An instant as the phone shows it (its own time zone unless one is given): the time of day,
 * and the day too when it is not the day of the API's `now`.
 */
export function when(iso, nowIso, language, timeZone) {
  const zone = timeZone ? { timeZone } : {};
  const date = new Date(iso);
  const day = (d) => new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat(locale(language), { ...zone, hour: 'numeric', minute: '2-digit' }).format(date);
  if (!nowIso || day(date) === day(new Date(nowIso))) return time;
  const on = new Intl.DateTimeFormat(locale(language), { ...zone, weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  return `${on}, ${time}`;
}

export const STATUSES = ['DONE', 'DUE', 'UPCOMING', 'MISSED'];
export const CHANGES = ['EASIER', 'SAME', 'HARDER'];
/** The movement choice the patient makes: one of the three changes, or not tried. */
export const CHOICES = [...CHANGES, 'NOT_TRIED'];

/** The API's status of a point in the patient's words (a queued entry shows as saved on the phone). */
export function statusText(messages, language, point, { queued = false } = {}) {
  if (queued && point.status !== 'DONE') return say(messages, language, 'statusQueued');
  if (!STATUSES.includes(point.status)) return point.status;
  return say(messages, language, `status.${point.status}`);
}

/** Whether a due point is already late by the API's clock (its lateAfter passed at `now`). */
export const isLate = (point, nowIso) => point.status === 'DUE' && Date.parse(nowIso) > Date.parse(point.lateAfter);

/**
 * The movement words from the questionnaire definition (its "makes it worse" page: each
 * question's pointer ends with the form's field, bendingBackward, whose engine name is
 * BENDING_BACKWARD), so the diary asks in the very words the intake asked.
 */
export function movementWords(definition) {
  const words = {};
  for (const page of definition.pages) {
    for (const q of page.questions || []) {
      const match = /^\/pain\/regions\/\*\/worseWith\/(\w+)$/.exec(q.pointer || '');
      if (!match || q.options !== 'yesNoUnsure') continue;
      words[match[1].replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()] = q.label;
    }
  }
  return words;
}

/**
 * What the patient chose, as the API's entry: `nrs` a string "0".."10" or undefined, `choices`
 * a movement -> choice map. Returns {entry, errors}: errors name the field ("nrs" or the
 * movement) and the kind ("nrs" or "movement"), in the page's order.
 */
export function entryFrom(timePoint, movements, nrs, choices = {}) {
  const errors = [];
  const n = /^(10|[0-9])$/.test(nrs ?? '') ? Number(nrs) : null;
  if (n === null) errors.push({ field: 'nrs', kind: 'nrs' });
  const notes = [];
  for (const movement of movements) {
    const choice = choices[movement];
    if (!CHOICES.includes(choice)) {
      errors.push({ field: movement, kind: 'movement', movement });
      continue;
    }
    notes.push(choice === 'NOT_TRIED' ? { movement, tried: false } : { movement, tried: true, change: choice });
  }
  return { entry: errors.length ? null : { timePoint, nrs: n, movements: notes }, errors };
}

/** The choice a recorded movement note shows as. */
export const choiceOf = (note) => (note.tried ? note.change : 'NOT_TRIED');

/**
 * An API problem's errors on the page's fields: /nrs the pain score, /movements/<i>/... the i-th
 * movement sent, /timePoint and anything else the point itself (its message is the API's).
 */
export function fieldsOfProblem(problem, entry) {
  return (problem?.errors || []).map((e) => {
    const pointer = e.pointer ?? '';
    if (pointer === '/nrs') return { field: 'nrs', kind: 'nrs', message: e.detail ?? null };
    const m = /^\/movements\/(\d+)(\/|$)/.exec(pointer);
    const movement = m ? entry?.movements?.[Number(m[1])]?.movement : null;
    if (movement) return { field: movement, kind: 'movement', movement, message: e.detail ?? null };
    return { field: 'point', kind: 'point', message: e.detail ?? null };
  });
}

/**
 * Why a link does not open the diary: no token (or a broken one) and 401 "unknown"; 410 "expired"
 * or "revoked" (replaced or withdrawn) by the problem's type; any other 410 "ended".
 */
export function linkEnded(status, problem) {
  if (status === 401 || status === null) return 'unknown';
  const type = String(problem?.type ?? '');
  if (type.endsWith(':diary-link-expired')) return 'expired';
  if (type.endsWith(':diary-link-withdrawn')) return 'revoked';
  return 'ended';
}

// ---- the offline queue ------------------------------------------------------------------------

/**
 * What the API's answer to one queued entry means for it: "sent" (201, also the replay of a
 * resent key), "recorded" (409 time-point-already-recorded: the point has an entry already, so
 * this one is never sent again), "retry" (no answer, 429, 503, 5xx: later, with the same key),
 * "link" (401/410: the link no longer works; kept and shown as not sent), "refused" (422, 400,
 * 413, 415: the API will never take it; kept and shown as not sent, with its reasons).
 */
export function outcomeOf(status, problem) {
  if (status === 201) return 'sent';
  if (status === 409 && /time-point-already-recorded$/.test(problem?.type ?? '')) return 'recorded';
  if (status === null || status === undefined || status === 429 || status >= 500) return 'retry';
  if (status === 401 || status === 410) return 'link';
  return 'refused';
}

/** The seconds to wait before resending: the API's Retry-After (1 to 300 s), else 5, 10, 20 ... 60 s by attempt. */
export function retryAfter(header, attempts = 1) {
  const s = Number.parseInt(header ?? '', 10);
  if (Number.isFinite(s) && String(s) === String(header).trim()) return Math.min(300, Math.max(1, s));
  return Math.min(60, 5 * 2 ** Math.max(0, attempts - 1));
}

/** The episode a queued entry belongs to (no capability, no patient data: the block's end and region). */
export const episodeOf = (diary) => `${diary.episode.endedAt}|${diary.episode.region}`;

/**
 * The queue with this entry added, waiting to be sent, under `key` (made once, by the caller,
 * when the patient pressed save). An entry for a point already waiting is not added twice.
 */
export function enqueue(queue, { key, episode, entry, savedAt }) {
  if (queue.some((q) => q.episode === episode && q.entry.timePoint === entry.timePoint && q.state === 'queued')) return queue;
  return [...queue, { key, episode, entry, savedAt: savedAt ?? null, state: 'queued', attempts: 0 }];
}

/** The entries of this episode to send now, oldest first: waiting ones only, never a sent one. */
export const toSend = (queue, episode) => queue.filter((q) => q.episode === episode && q.state === 'queued');

/** The entry of this point waiting on the phone, if any. */
export const waiting = (queue, episode, timePoint) => queue.find((q) => q.episode === episode && q.state === 'queued'
  && q.entry.timePoint === timePoint) ?? null;

/**
 * The queue after the API answered the entry sent under `key`: sent and recorded entries leave
 * the queue (so they can never be sent again); retry keeps it waiting with the same key (one
 * attempt more); link and refused keep it, marked not sent, with the API's reasons, until the
 * patient has seen it (dismiss).
 */
export function settle(queue, key, outcome, reasons = []) {
  return queue.flatMap((q) => {
    if (q.key !== key || q.state !== 'queued') return [q];
    if (outcome === 'sent' || outcome === 'recorded') return [];
    if (outcome === 'retry') return [{ ...q, attempts: q.attempts + 1 }];
    return [{ ...q, state: outcome === 'link' ? 'link' : 'refused', reasons }];
  });
}

/** The queue without one entry (the API refused it at its fields: the patient corrects it and saves anew, with a new key). */
export const withdraw = (queue, key) => queue.filter((q) => q.key !== key);

/** Every waiting entry marked not sent because the link no longer works (shown to the patient, not dropped). */
export const endAll = (queue) => queue.map((q) => (q.state === 'queued' ? { ...q, state: 'link' } : q));

/** Entries the API did not take (link ended, or refused): shown to the patient, never dropped silently. */
export const notSent = (queue) => queue.filter((q) => q.state === 'link' || q.state === 'refused');

/** The queue without the not-sent entries the patient has read. */
export const dismiss = (queue) => queue.filter((q) => q.state === 'queued');

/** A stored queue back (a damaged one is empty: nothing of it can be trusted). */
export function parseQueue(text) {
  try {
    const q = JSON.parse(text ?? '[]');
    if (!Array.isArray(q)) return [];
    return q.filter((x) => x && typeof x.key === 'string' && typeof x.episode === 'string' && x.entry
      && Number.isInteger(x.entry.timePoint) && Number.isInteger(x.entry.nrs) && ['queued', 'link', 'refused'].includes(x.state))
      .map((x) => ({ attempts: 0, ...x }));
  } catch (ignored) {
    return [];
  }
}
