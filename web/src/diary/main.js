// The patient's post-block pain diary (/diary/#<capability>): the time points of GET /diary with
// what is due now and what is next, an entry per due point (the pain 0-10 and each movement that
// made the pain worse: tried or not, easier / the same / harder), sent to POST /diary/entries.
//
// The capability is read from the fragment (which never reaches a server), kept in this module's
// memory and sent only as "Authorization: Diary <token>": never in a URL, a body, a log or storage.
// An entry is put in the tab's queue (sessionStorage: gone with the tab) with its own
// Idempotency-Key the moment the patient saves, then sent; without signal it waits there and is
// sent when the phone is back online (the online event, and on load), with the same key, and
// leaves the queue once the API has answered it. The API's `now` decides every status.
import messages from './messages.json';
import words from 'generated:diary-words';
import * as model from './model.js';
import { h } from '../dom.js';

const API = document.querySelector('meta[name="api-base"]')?.content || '';
const STORE = 'spine-intake-diary';
const REFRESH_MS = 60_000;

let token = null; // memory only
let diary = null; // the last GET /diary answer
let ended = null; // why the link does not open the diary: unknown, expired, revoked, ended
let unavailable = false; // the first GET /diary got no answer
let notices = []; // what the live region says: {kind, point}
let errors = null; // {point, list} of the entry being saved
const drafts = {}; // what the patient chose in a form not yet saved, by point (memory only)
let draining = false;
let retryTimer = null;
let state = load();

function load() {
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(STORE)) || {};
  } catch (ignored) { /* a damaged entry starts afresh */ }
  const language = ['en', 'es'].includes(saved.language) ? saved.language
    : (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  return { language, queue: model.parseQueue(JSON.stringify(saved.queue ?? [])) };
}

function persist() {
  sessionStorage.setItem(STORE, JSON.stringify(state));
}

const t = (key, values) => model.say(messages, state.language, key, values);
const point = (minutes) => model.pointName(messages, state.language, minutes);
const at = (iso) => model.when(iso, diary?.now, state.language);
const tr = (texts) => (texts ? texts[state.language] ?? texts.en : '');
const movementName = (code) => tr(words.movements[code]) || code;
const lowerFirst = (s) => s.charAt(0).toLocaleLowerCase(state.language) + s.slice(1);
const episode = () => (diary ? model.episodeOf(diary) : null);


/** Appends the nodes given, leaving out what is not there (the DOM's own append would write "null"). */
const put = (root, ...nodes) => root.append(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
const hidden = (s) => h('span', { className: 'site-visually-hidden' }, s);
const alert = (type, title, ...body) => h('div', { className: `usa-alert usa-alert--${type} usa-alert--slim` }, h('div', { className: 'usa-alert__body' },
  title ? h('h2', { className: 'usa-alert__heading' }, title) : null, body.filter(Boolean).map((b) => h('p', { className: 'usa-alert__text' }, b))));

// ---- the page -------------------------------------------------------------------------------

function header() {
  document.documentElement.lang = state.language;
  document.getElementById('service-name').textContent = t('serviceName');
  const skip = document.getElementById('skip-link');
  skip.textContent = t('skipLink');
  // the fragment is the capability: an in-page link must never replace it
  skip.onclick = (e) => {
    e.preventDefault();
    document.getElementById('main-content').focus();
  };
  const other = state.language === 'en' ? 'es' : 'en';
  const button = document.getElementById('language-switch');
  button.hidden = false;
  button.lang = other;
  button.textContent = t('otherLanguage');
  button.onclick = () => {
    keepDrafts();
    state.language = other;
    persist();
    render();
    document.getElementById('language-switch').focus();
  };
}

function setTitle(title, hasErrors) {
  document.title = `${hasErrors ? `${t('errorPrefix')} ` : ''}${title} – ${t('serviceName')}`;
}

function render() {
  header();
  const root = document.getElementById('page');
  root.replaceChildren();
  if (ended) notices = [];
  renderNotices();
  if (ended) return endedPage(root);
  if (!diary) return unavailable ? unavailablePage(root) : loadingPage(root);
  return diaryPage(root);
}

let shownNotices = '';
/** The live region (in the page from the start, so a screen reader announces what changes in it) says what happened to an entry. */
function renderNotices() {
  const said = JSON.stringify([state.language, notices]);
  if (said === shownNotices) return;
  shownNotices = said;
  document.getElementById('diary-status').replaceChildren(...noticeNodes());
}

function loadingPage(root) {
  setTitle(t('title'));
  put(root, h('h1', {}, t('title')), h('p', { role: 'status' }, t('loading')));
}

function unavailablePage(root) {
  setTitle(t('unavailableTitle'));
  put(root, h('h1', { tabindex: '-1' }, t('unavailableTitle')), h('p', {}, t('unavailable')),
    h('div', { className: 'site-actions' }, h('button', { className: 'usa-button', type: 'button', id: 'try-again', onclick: () => refresh({ focus: true }) }, t('tryAgain'))),
    notSentList());
}

/** The link does not open the diary: what happened and what to do, with no episode data. */
function endedPage(root) {
  const title = t('endedTitle');
  setTitle(title);
  const why = { expired: 'endedExpired', revoked: 'endedRevoked', unknown: 'endedUnknown' }[ended] ?? 'endedOther';
  put(root, h('h1', { tabindex: '-1', id: 'ended-title' }, title),
    h('p', { className: 'usa-intro', id: 'ended-why' }, t(why)),
    h('h2', {}, t('endedWhatTitle')), h('p', {}, t('endedWhat')),
    notSentList());
}

/** Entries the API did not take: kept and shown until the patient has read them. */
function notSentList() {
  const list = model.notSent(state.queue);
  if (!list.length) return null;
  return h('div', { className: 'usa-alert usa-alert--warning', id: 'not-sent' }, h('div', { className: 'usa-alert__body' },
    h('h2', { className: 'usa-alert__heading' }, t('notSentTitle')),
    list.map((q) => h('p', { className: 'usa-alert__text' }, q.state === 'link'
      ? t('notSentLink', { point: point(q.entry.timePoint), nrs: q.entry.nrs })
      : t('notSentRefused', { point: point(q.entry.timePoint), nrs: q.entry.nrs, reason: reasonText(q) }))),
    h('div', { className: 'site-actions' }, h('button', { className: 'usa-button usa-button--outline', type: 'button', id: 'dismiss', onclick: () => {
      state.queue = model.dismiss(state.queue);
      persist();
      render();
      document.querySelector('#page h1')?.focus();
    } }, t('dismiss')))));
}

function reasonText(q) {
  const kind = q.reasons?.[0] ?? 'refused';
  return t({ notOpen: 'errorPointNotOpen', missed: 'errorPointMissed', recorded: 'errorPointRecorded' }[kind] ?? 'errorPointRefused',
    { point: point(q.entry.timePoint), time: opensAtOf(q.entry.timePoint) ? at(opensAtOf(q.entry.timePoint)) : '' });
}

function diaryPage(root) {
  const title = t('title');
  const due = diary.timePoints.filter((p) => p.status === 'DUE');
  put(root,
    h('div', { id: 'error-summary-slot' }),
    h('h1', {}, title),
    h('p', { className: 'usa-intro' }, t('intro', { region: tr(words.regions[diary.episode.region]), ended: at(diary.episode.endedAt) })),
    h('p', {}, t('until', { expires: at(diary.episode.expiresAt) })),
    h('p', { className: 'site-checked' }, t('checked', { time: at(diary.now) }), ' ',
      h('button', { className: 'usa-button usa-button--unstyled', type: 'button', id: 'check-again', onclick: () => refresh({ announce: true }) }, t('checkAgain'))),
    navigator.onLine ? null : h('div', { id: 'offline' }, alert('info', null, t('offline'))),
    notSentList(),
    h('section', { className: 'site-section', 'aria-labelledby': 'due-title' },
      h('h2', { id: 'due-title' }, t('dueTitle')),
      due.length ? due.map(dueForm) : h('p', { id: 'none-due' }, t('noneDue'))),
    h('section', { className: 'site-section', 'aria-labelledby': 'next-title' },
      h('h2', { id: 'next-title' }, t('nextTitle')),
      h('p', { id: 'next' }, diary.next ? t('next', { point: point(diary.next.minutes), time: at(diary.next.dueAt), opens: at(diary.next.opensAt) }) : t('noNext'))),
    h('section', { className: 'site-section', 'aria-labelledby': 'points-title' },
      h('h2', { id: 'points-title' }, t('pointsTitle')),
      h('ol', { className: 'site-points', id: 'points' }, diary.timePoints.map(pointItem))),
  );
  if (errors) showErrors(errors.point, errors.list, false);
  else setTitle(title);
}

function noticeNodes() {
  return notices.map((n) => {
    const p = point(n.point);
    if (n.kind === 'sent') return alert('success', t('noticeSentTitle'), t('noticeSent', { point: p }));
    if (n.kind === 'recorded') return alert('info', t('noticeSentTitle'), t('noticeRecorded', { point: p }));
    if (n.kind === 'retry') return alert('warning', t('noticeQueuedTitle'), t('noticeRetry', { point: p }));
    if (n.kind === 'sending') return h('p', {}, t('sending'));
    return alert('warning', t('noticeQueuedTitle'), t('noticeQueued', { point: p }));
  });
}

/** One point in the list: its name and time, the API's status, what was recorded or why nothing can be. */
function pointItem(p) {
  const queued = model.waiting(state.queue, episode(), p.minutes);
  const entry = diary.entries.find((e) => e.timePoint === p.minutes);
  const tag = (cls, text) => h('span', { className: `usa-tag site-tag--${cls}` }, text);
  const body = [];
  if (p.status === 'DONE' && entry) {
    body.push(h('p', {}, t('recorded', { nrs: entry.nrs, time: at(entry.receivedAt) })));
    if (entry.late) body.push(h('p', {}, t('recordedLate')));
    if (entry.movements.length) {
      body.push(h('ul', {}, entry.movements.map((m) => h('li', {}, t('movementDone', { movement: movementName(m.movement), choice: t(`done.${model.choiceOf(m)}`) })))));
    }
  } else if (queued) {
    body.push(h('p', {}, t('queuedPoint', { nrs: queued.entry.nrs })));
  } else if (p.status === 'MISSED') {
    body.push(h('p', {}, t('missed')));
  } else if (p.status === 'DUE') {
    body.push(h('p', {}, t('dueAt', { time: at(p.dueAt) }), ' ', t('dueBelow')));
  } else {
    body.push(h('p', {}, t('upcomingAt', { time: at(p.dueAt) })));
  }
  return h('li', { id: `point-${p.minutes}`, 'data-status': queued && p.status !== 'DONE' ? 'QUEUED' : p.status },
    h('p', {}, h('span', { className: 'site-points__name' }, t('pointHeading', { point: point(p.minutes) })), ' ',
      queued && p.status !== 'DONE' ? tag('QUEUED', t('statusQueued')) : tag(p.status, model.statusText(messages, state.language, p)),
      entry?.late ? [' ', tag('late', t('late'))] : null),
    body);
}

const fieldId = (minutes, field) => `p${minutes}-${field === 'nrs' ? 'nrs' : `m-${field}`}`;

/** A due point's entry: the pain 0-10 (one integer), then each movement (one choice of four). */
function dueForm(p) {
  const minutes = p.minutes;
  const queued = model.waiting(state.queue, episode(), minutes);
  const name = point(minutes);
  const box = h('div', { className: 'site-point', id: `due-${minutes}` },
    h('h3', { id: `due-${minutes}-title` }, t('pointHeading', { point: name })),
    h('p', {}, t('dueAt', { time: at(p.dueAt) })),
    model.isLate(p, diary.now) ? h('p', { id: `due-${minutes}-late` }, t('lateNow')) : null,
    h('span', { className: 'usa-error-message', id: `${fieldId(minutes, 'point')}-error` }));
  if (queued) {
    box.append(h('p', {}, h('span', { className: 'usa-tag site-tag--QUEUED' }, t('statusQueued'))), h('p', {}, t('queuedPoint', { nrs: queued.entry.nrs })));
    return box;
  }
  const draft = drafts[minutes] ?? {};
  const form = h('form', { className: 'usa-form', novalidate: true, id: `form-${minutes}`, 'aria-labelledby': `due-${minutes}-title`,
    onsubmit: (e) => { e.preventDefault(); save(minutes); } });
  const nrsId = fieldId(minutes, 'nrs');
  form.append(h('div', { className: 'usa-form-group', id: `${nrsId}-group` },
    h('fieldset', { className: 'usa-fieldset', 'aria-describedby': `${nrsId}-hint ${nrsId}-error` },
      h('legend', { className: 'usa-legend usa-legend--large' }, t('nrsLegend'), hidden(` (${name})`)),
      h('div', { className: 'usa-hint', id: `${nrsId}-hint` }, t('nrsHint')),
      h('span', { className: 'usa-error-message', id: `${nrsId}-error` }),
      h('div', { className: 'site-scale' }, Array.from({ length: 11 }, (_, n) => {
        const id = n === 0 ? nrsId : `${nrsId}-${n}`;
        return h('div', { className: 'usa-radio' },
          h('input', { className: 'usa-radio__input usa-radio__input--tile', type: 'radio', id, name: nrsId, value: String(n), checked: draft.nrs === String(n) }),
          h('label', { className: 'usa-radio__label', for: id }, String(n),
            n === 0 ? h('span', { className: 'site-anchor' }, t('anchor0')) : null,
            n === 10 ? h('span', { className: 'site-anchor' }, t('anchor10')) : null));
      })))));
  if (diary.movements.length) {
    form.append(h('h4', {}, t('movementsTitle')), h('p', { className: 'usa-hint', id: `due-${minutes}-movements-hint` }, t('movementsHint')));
    for (const movement of diary.movements) {
      const id = fieldId(minutes, movement);
      form.append(h('div', { className: 'usa-form-group', id: `${id}-group` },
        h('fieldset', { className: 'usa-fieldset', 'aria-describedby': `due-${minutes}-movements-hint ${id}-error` },
          h('legend', { className: 'usa-legend' }, movementName(movement), hidden(` (${name})`)),
          h('span', { className: 'usa-error-message', id: `${id}-error` }),
          model.CHOICES.map((choice, i) => {
            const optionId = i === 0 ? id : `${id}-${choice}`;
            return h('div', { className: 'usa-radio' },
              h('input', { className: 'usa-radio__input', type: 'radio', id: optionId, name: id, value: choice, checked: draft.choices?.[movement] === choice }),
              h('label', { className: 'usa-radio__label', for: optionId }, t(`choice.${choice}`)));
          }))));
    }
  }
  form.append(h('div', { className: 'site-actions' }, h('button', { className: 'usa-button usa-button--big', type: 'submit', id: `save-${minutes}` }, t('save', { point: name }))));
  box.append(form);
  return box;
}

function readForm(minutes) {
  const value = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;
  const choices = {};
  for (const m of diary?.movements ?? []) {
    const v = value(fieldId(minutes, m));
    if (v) choices[m] = v;
  }
  return { nrs: value(fieldId(minutes, 'nrs')), choices };
}

/** What the patient chose in every open form, so a redraw (new statuses, the language) keeps it. */
function keepDrafts() {
  document.querySelectorAll('form[id^="form-"]').forEach((f) => {
    const minutes = Number(f.id.slice(5));
    drafts[minutes] = readForm(minutes);
  });
}

// ---- errors: GOV.UK's pattern ------------------------------------------------------------------

function errorText(minutes, e) {
  const name = point(minutes);
  if (e.kind === 'nrs') return t('errorNrs', { point: name });
  if (e.kind === 'movement') return t('errorMovement', { point: name, movement: lowerFirst(movementName(e.movement)) });
  return t({ notOpen: 'errorPointNotOpen', missed: 'errorPointMissed', recorded: 'errorPointRecorded' }[e.reason] ?? 'errorPointRefused',
    { point: name, time: e.opensAt ? at(e.opensAt) : '' });
}

/** A focused summary at the top linking to each field, the same message at each field; the title starts with "Error:". */
function showErrors(minutes, list, focus = true) {
  const root = document.getElementById('page');
  root.querySelectorAll('.usa-form-group--error').forEach((g) => g.classList.remove('usa-form-group--error'));
  root.querySelectorAll('.usa-error-message').forEach((m) => m.replaceChildren());
  const target = (e) => (e.kind === 'point' ? `due-${minutes}-title` : fieldId(minutes, e.field));
  const summary = h('div', { className: 'usa-alert usa-alert--error', id: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('div', { className: 'usa-alert__body' },
      h('h2', { className: 'usa-alert__heading', id: 'error-summary-title' }, t('errorSummaryTitle')),
      h('ul', { className: 'usa-list' }, list.map((e) => h('li', {},
        // the fragment is the capability: the link moves the focus, never the location
        h('a', { href: `#${target(e)}`, onclick: (ev) => { ev.preventDefault(); focusField(target(e)); } }, errorText(minutes, e)))))));
  for (const e of list) {
    const id = e.kind === 'point' ? fieldId(minutes, 'point') : fieldId(minutes, e.field);
    const group = document.getElementById(`${id}-group`);
    group?.classList.add('usa-form-group--error');
    document.getElementById(`${id}-error`)?.replaceChildren(hidden(`${t('errorPrefix')} `), errorText(minutes, e));
  }
  root.querySelector('#error-summary-slot').replaceChildren(summary);
  setTitle(t('title'), true);
  if (focus) summary.focus();
}

function focusField(id) {
  const el = document.getElementById(id);
  if (!el) return;
  if (el.tagName === 'H3') el.setAttribute('tabindex', '-1');
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/** The API's 422/409 for an entry, on its fields (a point's own refusal in the page's words). */
function problemErrors(status, problem, entry) {
  const reason = status === 409 ? 'recorded' : pointReason(problem);
  const list = model.fieldsOfProblem(problem, entry).map((e) => (e.kind === 'point' ? { ...e, reason, opensAt: opensAtOf(entry.timePoint) } : e));
  return list.length ? list : [{ field: 'point', kind: 'point', reason, opensAt: opensAtOf(entry.timePoint) }];
}

const pointReason = (problem) => {
  const detail = (problem?.errors || []).find((e) => e.pointer === '/timePoint')?.detail ?? '';
  if (/opens at/i.test(detail)) return 'notOpen';
  if (/missed|stays missing/i.test(detail)) return 'missed';
  return 'refused';
};
const opensAtOf = (minutes) => diary?.timePoints.find((p) => p.minutes === minutes)?.opensAt ?? null;

// ---- saving and the queue ----------------------------------------------------------------------

function save(minutes) {
  if (!diary) return;
  const { nrs, choices } = readForm(minutes);
  const { entry, errors: found } = model.entryFrom(minutes, diary.movements, nrs, choices);
  if (found.length) {
    drafts[minutes] = { nrs, choices };
    errors = { point: minutes, list: found };
    showErrors(minutes, found);
    return;
  }
  errors = null;
  // the key is made once, here, and travels with the entry until the API has answered it
  state.queue = model.enqueue(state.queue, { key: crypto.randomUUID(), episode: episode(), entry });
  persist();
  delete drafts[minutes];
  notices = [{ kind: navigator.onLine ? 'sending' : 'queued', point: minutes }];
  redraw({ focusNotice: true });
  drain();
}

/** Redraws keeping what the patient chose and the focus (by id) where it was. */
function redraw({ focusNotice = false } = {}) {
  const focused = document.activeElement?.id;
  keepDrafts();
  render();
  if (focusNotice) document.getElementById('diary-status')?.focus();
  else if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

/** Sends every waiting entry of this episode, oldest first, one at a time; stops at the first that must wait. */
async function drain() {
  if (draining || !token || !diary) return;
  clearTimeout(retryTimer);
  draining = true;
  let changed = false;
  try {
    for (const item of model.toSend(state.queue, episode())) {
      if (!navigator.onLine) {
        setNotice({ kind: 'queued', point: item.entry.timePoint });
        break;
      }
      let status = null;
      let problem = null;
      let retryHeader = null;
      try {
        const response = await fetch(`${API}/diary/entries`, {
          method: 'POST', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
          headers: { authorization: `Diary ${token}`, 'content-type': 'application/json', 'idempotency-key': item.key },
          body: JSON.stringify(item.entry),
        });
        status = response.status;
        retryHeader = response.headers.get('retry-after');
        problem = status === 201 ? null : await response.json().catch(() => null);
      } catch (noSignal) {
        status = null;
      }
      const outcome = model.outcomeOf(status, problem);
      const reasons = outcome === 'refused' ? problemErrors(status, problem, item.entry).map((e) => e.reason ?? 'refused') : [];
      state.queue = model.settle(state.queue, item.key, outcome, reasons);
      persist();
      changed = true;
      const minutes = item.entry.timePoint;
      if (outcome === 'sent') setNotice({ kind: 'sent', point: minutes });
      else if (outcome === 'recorded') setNotice({ kind: 'recorded', point: minutes });
      else if (outcome === 'retry') {
        setNotice({ kind: status === null ? 'queued' : 'retry', point: minutes });
        const waitFor = model.retryAfter(retryHeader, item.attempts + 1);
        retryTimer = setTimeout(drain, waitFor * 1000);
        break;
      } else if (outcome === 'link') {
        ended = model.linkEnded(status, problem);
        state.queue = model.endAll(state.queue);
        persist();
        diary = null;
        break;
      } else {
        const list = problemErrors(status, problem, item.entry);
        if (list.some((e) => e.kind !== 'point')) {
          // the patient corrects it at its fields: it leaves the queue (it was never recorded), what they chose comes back
          state.queue = model.withdraw(state.queue, item.key);
          persist();
          drafts[minutes] = draftOf(item.entry);
          errors = { point: minutes, list, focus: true };
        }
        notices = notices.filter((n) => n.point !== minutes);
      }
    }
  } finally {
    draining = false;
  }
  if (changed && !ended) await refresh({ quiet: true });
  else redraw();
  if (ended) document.getElementById('ended-title')?.focus();
  if (errors?.focus) {
    errors.focus = false;
    document.getElementById('error-summary')?.focus();
  }
}

const draftOf = (entry) => ({ nrs: String(entry.nrs), choices: Object.fromEntries(entry.movements.map((m) => [m.movement, model.choiceOf(m)])) });

function setNotice(n) {
  notices = [...notices.filter((x) => x.point !== n.point), n];
}

// ---- reading the diary -----------------------------------------------------------------------

const fingerprint = (d) => (d ? JSON.stringify([d.timePoints.map((p) => p.status), d.entries, d.dueNow, d.next?.minutes]) : '');

/** GET /diary: the API's statuses at its own `now`. Without an answer the last diary stays shown. */
async function refresh({ focus = false, quiet = false, announce = false } = {}) {
  if (!token) return;
  let response;
  try {
    response = await fetch(`${API}/diary`, {
      cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', headers: { authorization: `Diary ${token}` },
    });
  } catch (noSignal) {
    if (!diary) unavailable = true;
    redraw();
    if (focus) document.querySelector('#page h1')?.focus();
    return;
  }
  if (response.status === 401 || response.status === 410) {
    ended = model.linkEnded(response.status, await response.json().catch(() => null));
    // what waits on the phone can no longer be sent with this link: shown as not sent, never dropped
    state.queue = model.endAll(state.queue);
    persist();
    diary = null;
    render();
    document.getElementById('ended-title')?.focus();
    return;
  }
  if (response.status !== 200) {
    if (!diary) unavailable = true;
    redraw();
    return;
  }
  const before = fingerprint(diary);
  const first = !diary;
  diary = await response.json();
  unavailable = false;
  if (first || focus) {
    render();
    document.querySelector('#page h1')?.setAttribute('tabindex', '-1');
    document.querySelector('#page h1')?.focus();
  } else if (quiet || announce || before !== fingerprint(diary)) {
    redraw();
  } else {
    // nothing changed but the time checked
    const checked = document.querySelector('.site-checked');
    if (checked) checked.firstChild.textContent = t('checked', { time: at(diary.now) });
  }
  if (first && model.toSend(state.queue, episode()).length) drain();
}

function start() {
  token = model.tokenFrom(location.hash);
  diary = null;
  ended = token ? null : 'unknown';
  unavailable = false;
  notices = [];
  errors = null;
  render();
  if (!token) {
    document.getElementById('ended-title')?.focus();
    return;
  }
  refresh();
}

window.addEventListener('hashchange', () => {
  const next = model.tokenFrom(location.hash);
  if (next && next !== token) return start();
  // an in-page link changed the fragment: put the capability back, so a reload still opens the diary
  if (token) history.replaceState(null, '', `${location.pathname}#${token}`);
  return undefined;
});
window.addEventListener('online', () => {
  drain();
  if (!draining) refresh({ quiet: true });
});
window.addEventListener('offline', () => redraw());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && diary) refresh();
});
setInterval(() => {
  if (document.visibilityState === 'visible' && diary && navigator.onLine) refresh();
}, REFRESH_MS);

start();
