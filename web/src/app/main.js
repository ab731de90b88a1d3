// The patient's intake form: every page is drawn from the questionnaire definition (data), checked
// with the API's own JSON Schema (compiled at build time), and sent to POST /intakes.
import definition from '../../questionnaire/intake.json';
// what the patient is told (next steps, advice): the API's own file, bundled at build time
import { nextSteps, advice, emergencyNumber } from 'generated:patient-messages';
import validateForm from 'generated:validate-form';
import * as model from './form-model.js';
import { h } from '../dom.js';

// Answers live in this tab only (sessionStorage): gone when the tab closes, cleared once sent.
const STORE = 'spine-intake-form';
const API = document.querySelector('meta[name="api-base"]')?.content || '';
// the clinic's emergency number until the API answers (build setting EMERGENCY_NUMBER, the stack's
// EmergencyNumber); the confirmation page uses the number the API sent
const EMERGENCY = document.querySelector('meta[name="emergency-number"]')?.content || emergencyNumber;
const messages = { nextSteps, advice };
let state = load();
let receipt = null; // the API's 201 answer, kept in memory only
let sending = false;
let pendingErrors = null; // the API's 422 pointers, shown when their page is drawn

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE));
    if (saved && typeof saved.answers === 'object') return saved;
  } catch (ignored) { /* a damaged entry starts afresh */ }
  const language = (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  return { language, answers: {}, idempotencyKey: null };
}

function persist() {
  sessionStorage.setItem(STORE, JSON.stringify(state));
}

const tr = (texts) => (texts ? texts[state.language] ?? texts.en : '');
const values = (extra) => ({ emergency: EMERGENCY, ...extra });
const text = (name, extra) => model.fill(tr(definition.text[name]), values(extra));
const regionName = (region) => tr(definition.regionNames[region]);
const labelOf = (item, region) => model.fill(tr(item.label ?? item.title), values({ region: region ? regionName(region) : '' }));
const idOf = (key) => `q-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;


const hidden = (s) => h('span', { className: 'site-visually-hidden' }, s);

// ---- routing: "#/<page>" (page ids only, never an answer) ------------------------------------

const route = () => (location.hash.startsWith('#/') ? decodeURIComponent(location.hash.slice(2)) : '');
function go(to) {
  if (route() === to) render();
  else location.hash = `#/${to}`;
}
window.addEventListener('hashchange', render);

function pages() {
  return model.visiblePages(definition, state.answers);
}

function render() {
  const r = route();
  document.documentElement.lang = state.language;
  header();
  const root = document.getElementById('page');
  root.replaceChildren();
  if (r === '') return startPage(root);
  if (r === 'resume') return resumePage(root);
  if (r === 'save') return savePage(root);
  if (r === 'check') return checkPage(root);
  if (r === 'done') return receipt ? confirmationPage(root) : go('');
  const all = pages();
  const index = all.findIndex((p) => p.route === r);
  if (index < 0) return go('');
  return questionPage(root, all, index);
}

function header() {
  document.getElementById('service-name').textContent = text('serviceName');
  document.getElementById('skip-link').textContent = text('skipLink');
  const other = state.language === 'en' ? 'es' : 'en';
  const link = document.getElementById('language-switch');
  link.hidden = false;
  link.lang = other;
  link.textContent = text('otherLanguage');
  link.onclick = (e) => {
    e.preventDefault();
    state.language = other;
    persist();
    render();
  };
}

function setTitle(title, hasErrors) {
  document.title = `${hasErrors ? `${text('errorPrefix')} ` : ''}${title} – ${text('serviceName')}`;
}

function focusHeading(root) {
  const heading = root.querySelector('h1');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

// ---- pages ----------------------------------------------------------------------------------

function startPage(root) {
  setTitle(text('serviceName'));
  root.append(
    h('h1', {}, text('serviceName')),
    h('p', { className: 'usa-intro' }, text('startIntro')),
    h('div', { className: 'usa-alert usa-alert--warning usa-alert--slim' },
      h('div', { className: 'usa-alert__body' }, h('p', { className: 'usa-alert__text' }, text('startEmergency')))),
    h('p', {}, text('startPrivacy')),
    h('div', { className: 'site-actions' },
      h('a', { className: 'usa-button usa-button--big', href: `#/${pages()[0].route}`, role: 'button', draggable: 'false' }, text('start')),
      h('a', { href: '#/resume' }, text('resumeLink'))),
  );
  focusHeading(root);
}

function questionPage(root, all, index) {
  const current = all[index];
  const title = labelOf(current.page, current.region);
  const back = index === 0 ? '' : all[index - 1].route;
  root.append(
    h('a', { href: `#/${back}`, className: 'usa-link site-back' }, text('back')),
    h('p', { className: 'site-progress' }, text('stepOf', { n: index + 1, total: all.length })),
    h('div', { id: 'error-summary-slot' }),
    h('h1', {}, title),
  );
  if (current.page.intro) root.append(h('p', {}, labelOf({ label: current.page.intro }, current.region)));
  if (current.page.type === 'advice') {
    adviceBody(root);
  }
  const form = h('form', { className: 'usa-form usa-form--large', novalidate: true, onsubmit: (e) => { e.preventDefault(); next(all, index); } });
  const questions = h('div', { id: 'questions' });
  form.append(questions, h('div', { className: 'site-actions' },
    h('button', { className: 'usa-button', type: 'submit' }, text(current.page.type === 'advice' ? 'emergencyContinue' : 'continue')),
    current.page.type === 'advice' ? h('a', { href: '#/check' }, text('emergencyGoSend')) : null,
    h('a', { href: '#/save', onclick: () => { saveReturn = current.route; } }, text('saveLink'))));
  root.append(form);
  drawQuestions(questions, current);
  form.addEventListener('change', () => {
    // a changed answer may show or hide questions of this page: redraw them, keeping focus
    const focused = document.activeElement?.id;
    const before = model.slotsOf(current, state.answers, definition).map((s) => s.key).join();
    collect(current);
    const after = model.slotsOf(current, state.answers, definition).map((s) => s.key).join();
    if (before !== after) {
      drawQuestions(questions, current);
      if (focused) document.getElementById(focused)?.focus();
    }
  });
  const errors = pendingErrors ? model.errorsBySlot(pendingErrors, model.slotsOf(current, state.answers, definition)) : [];
  pendingErrors = null;
  if (errors.length) showErrors(root, errors, title);
  else {
    setTitle(title);
    focusHeading(root);
  }
}

/** The emergency advice of a hard-stop question (its rule's advice code), with the clinic's number. */
const adviceText = (code) => model.fill(tr(messages.advice[code]), values());

function adviceBody(root) {
  const flagged = model.allSlots(definition, state.answers).filter((s) => s.question.hardStop && state.answers[s.key] === 'YES');
  const codes = [...new Set(flagged.map((s) => s.question.advice))]; // two cauda equina signs: one advice
  root.append(h('div', { className: 'usa-alert usa-alert--emergency', role: 'alert' }, h('div', { className: 'usa-alert__body' },
    h('p', { className: 'usa-alert__text' }, text('emergencyAnswer')),
    h('ul', {}, flagged.map((s) => h('li', {}, labelOf(s.question)))),
    codes.map((code) => h('p', { className: 'usa-alert__text' }, adviceText(code))),
    h('p', { className: 'usa-alert__text' }, text('emergencySend')))));
}

let saveReturn = '';

/** Reads the page's inputs into the answers and keeps them for a reload. */
function collect(current) {
  for (const slot of model.slotsOf(current, state.answers, definition)) {
    const id = idOf(slot.key);
    const q = slot.question;
    if (q.type === 'radio' || q.type === 'scale') {
      const checked = document.querySelector(`input[name="${id}"]:checked`);
      setAnswer(slot.key, checked ? checked.value : undefined);
    } else if (q.type === 'regions') {
      setAnswer(slot.key, [...document.querySelectorAll(`input[name="${id}"]:checked`)].map((i) => i.value));
    } else if (q.type === 'consent') {
      setAnswer(slot.key, document.getElementById(id)?.checked ? true : undefined);
    } else if (q.type === 'date') {
      setAnswer(slot.key, { day: field(`${id}-day`), month: field(`${id}-month`), year: field(`${id}-year`) });
    } else {
      setAnswer(slot.key, field(id));
    }
  }
  persist();
}

const field = (id) => document.getElementById(id)?.value ?? '';

function setAnswer(key, value) {
  if (model.isBlank(value)) delete state.answers[key];
  else state.answers[key] = value;
}

function next(all, index) {
  const current = all[index];
  collect(current);
  const slots = model.slotsOf(current, state.answers, definition);
  const errors = validate(slots);
  if (errors.length) {
    showErrors(document.getElementById('page'), errors, labelOf(current.page, current.region));
    return;
  }
  const now = pages();
  const at = now.findIndex((p) => p.route === current.route);
  go(at + 1 < now.length ? now[at + 1].route : 'check');
}

/** The schema's errors for these questions (the whole form is checked; only these are shown). */
function validate(slots) {
  const form = model.assemble(definition, state.answers, state.language);
  return validateForm(form) ? [] : model.errorsBySlot(validateForm.errors, slots);
}

function messageFor({ slot, kind, message }) {
  if (message) return message;
  const own = slot.question.errors?.[kind];
  return tr(own ?? (kind === 'required' ? slot.question.errors?.invalid : null) ?? definition.errors[kind]);
}

/** GOV.UK's pattern: a focused summary at the top linking to each field, the message at each field. */
function showErrors(root, errors, title) {
  root.querySelectorAll('.usa-form-group--error').forEach((g) => g.classList.remove('usa-form-group--error'));
  root.querySelectorAll('.usa-error-message').forEach((m) => m.replaceChildren());
  const summary = h('div', { className: 'usa-alert usa-alert--error', id: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('div', { className: 'usa-alert__body' },
      h('h2', { className: 'usa-alert__heading', id: 'error-summary-title' }, text('errorSummaryTitle')),
      h('ul', { className: 'usa-list' }, errors.map((e) => h('li', {},
        h('a', { href: `#${idOf(e.slot.key)}${e.slot.question.type === 'date' ? '-day' : ''}`, onclick: (ev) => { ev.preventDefault(); focusField(e.slot); } }, messageFor(e)))))));
  for (const e of errors) {
    const group = document.getElementById(`${idOf(e.slot.key)}-group`);
    if (!group) continue;
    group.classList.add('usa-form-group--error');
    group.querySelector('.usa-error-message').replaceChildren(hidden(`${text('errorPrefix')} `), messageFor(e));
    group.querySelectorAll('input.usa-input, textarea').forEach((i) => i.classList.add('usa-input--error'));
  }
  root.querySelector('#error-summary-slot').replaceChildren(summary);
  setTitle(title, true);
  summary.focus();
}

function focusField(slot) {
  const el = document.getElementById(idOf(slot.key)) || document.getElementById(`${idOf(slot.key)}-day`);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}

// ---- questions ------------------------------------------------------------------------------

function drawQuestions(container, current) {
  container.replaceChildren(...model.slotsOf(current, state.answers, definition).map((slot) => question(slot)));
}

function question(slot) {
  const q = slot.question;
  const id = idOf(slot.key);
  const value = state.answers[slot.key];
  const label = labelOf(q, slot.region);
  const hint = q.hint ? h('div', { className: 'usa-hint', id: `${id}-hint` }, labelOf({ label: q.hint }, slot.region)) : null;
  const error = h('span', { className: 'usa-error-message', id: `${id}-error` });
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  const group = h('div', { className: 'usa-form-group', id: `${id}-group` });

  if (q.type === 'radio' || q.type === 'scale' || q.type === 'regions') {
    const multiple = q.type === 'regions';
    const choices = q.type === 'scale'
      ? Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: { en: String(n), es: String(n) } }))
      : model.options(definition, q, state.answers, slot.region);
    const box = multiple ? 'checkbox' : 'radio';
    const items = choices.map((o, i) => {
      const optionId = i === 0 ? id : `${id}-${o.value}`;
      const checked = multiple ? (value || []).includes(o.value) : value === o.value;
      return h('div', { className: `usa-${box}` },
        h('input', { className: `usa-${box}__input`, type: box, id: optionId, name: id, value: o.value, checked }),
        h('label', { className: `usa-${box}__label`, for: optionId }, labelOf(o, slot.region)));
    });
    group.append(h('fieldset', { className: 'usa-fieldset', 'aria-describedby': describedBy },
      h('legend', { className: 'usa-legend' }, label), hint, error,
      q.type === 'scale' ? h('div', { className: 'site-scale' }, items) : items));
    if (q.hardStop) {
      const alertSlot = h('div', { id: `${id}-advice` });
      group.append(alertSlot);
      const show = () => {
        const yes = group.querySelector(`input[name="${id}"]:checked`)?.value === 'YES';
        alertSlot.replaceChildren(...(yes ? [hardStopAlert(q)] : []));
      };
      group.addEventListener('change', show);
      if (value === 'YES') alertSlot.append(hardStopAlert(q, true));
    }
    return group;
  }
  if (q.type === 'consent') {
    group.append(error, h('div', { className: 'usa-checkbox' },
      h('input', { className: 'usa-checkbox__input', type: 'checkbox', id, name: id, value: 'true', checked: value === true, 'aria-describedby': describedBy }),
      h('label', { className: 'usa-checkbox__label', for: id }, label)));
    return group;
  }
  if (q.type === 'date') {
    const part = (name, size, max) => h('div', { className: `usa-form-group usa-form-group--${name === 'year' ? 'year' : name}` },
      h('label', { className: 'usa-label', for: `${id}-${name}` }, text(name)),
      h('input', { className: `usa-input usa-input--inline`, id: `${id}-${name}`, name: `${id}-${name}`, inputmode: 'numeric', maxlength: max,
        autocomplete: q.id === 'dateOfBirth' || q.id === 'resumeDob' ? `bday-${name === 'year' ? 'year' : name === 'month' ? 'month' : 'day'}` : 'off',
        value: value?.[name] ?? '', size, 'aria-describedby': describedBy }));
    group.append(h('fieldset', { className: 'usa-fieldset' }, h('legend', { className: 'usa-legend' }, label), hint, error,
      h('div', { className: 'usa-memorable-date' }, part('day', 2, 2), part('month', 2, 2), part('year', 4, 4))));
    return group;
  }
  const attrs = { className: 'usa-input', id, name: id, value: value ?? '', 'aria-describedby': describedBy, autocomplete: q.autocomplete || 'off' };
  let input;
  if (q.type === 'textarea') {
    input = h('textarea', { className: 'usa-textarea', id, name: id, rows: 5, 'aria-describedby': describedBy }, value ?? '');
  } else if (q.type === 'number') {
    input = h('input', { ...attrs, type: 'text', inputmode: q.decimal ? 'decimal' : 'numeric', className: 'usa-input usa-input--small' });
  } else {
    input = h('input', { ...attrs, type: q.type === 'tel' ? 'tel' : q.type === 'email' ? 'email' : 'text', spellcheck: 'false' });
  }
  group.append(...[h('label', { className: 'usa-label', for: id }, label), hint, error, input].filter(Boolean));
  return group;
}

/** What to do now, the moment a hard-stop question is answered yes (spec section 6). */
function hardStopAlert(q, quiet) {
  return h('div', { className: 'usa-alert usa-alert--emergency', role: quiet ? null : 'alert' },
    h('div', { className: 'usa-alert__body' },
      h('h2', { className: 'usa-alert__heading' }, text('emergencyTitle')),
      h('p', { className: 'usa-alert__text' }, adviceText(q.advice)),
      h('p', { className: 'usa-alert__text' }, text('emergencySend'))));
}

// ---- check your answers, send ----------------------------------------------------------------

function answerText(slot) {
  const q = slot.question;
  const value = state.answers[slot.key];
  if (model.isBlank(value)) return text('notAnswered');
  if (q.type === 'radio' || q.type === 'regions') {
    const list = model.options(definition, q, state.answers, slot.region);
    return [].concat(value).map((v) => labelOf(list.find((o) => o.value === v) ?? { label: { en: v } }, slot.region)).join(', ');
  }
  if (q.type === 'consent') return labelOf(q);
  if (q.type === 'date') return `${value.day} / ${value.month} / ${value.year}`;
  return String(value);
}

function checkPage(root) {
  const title = text('checkTitle');
  setTitle(title);
  const all = pages();
  root.append(
    h('a', { href: `#/${all[all.length - 1].route}`, className: 'usa-link site-back' }, text('back')),
    h('div', { id: 'error-summary-slot' }),
    h('h1', {}, title),
    h('p', {}, text('checkIntro')));
  for (const current of all) {
    const slots = model.slotsOf(current, state.answers, definition);
    if (!slots.length) continue;
    root.append(h('h2', {}, labelOf(current.page, current.region)),
      h('dl', { className: 'site-answers' }, slots.map((slot) => [
        h('dt', {}, labelOf(slot.question, slot.region)),
        h('dd', {}, answerText(slot), ' ',
          h('a', { href: `#/${current.route}` }, text('change'), hidden(` ${labelOf(slot.question, slot.region)}`)))])));
  }
  const status = h('div', { id: 'send-status', 'aria-live': 'polite' });
  const button = h('button', { className: 'usa-button usa-button--big', type: 'button', id: 'send' }, text('send'));
  button.addEventListener('click', () => send(button, status));
  root.append(status, h('div', { className: 'site-actions' }, button));
  focusHeading(root);
}

async function send(button, status) {
  if (sending) return; // a double click sends once
  sending = true;
  button.disabled = true;
  button.setAttribute('aria-disabled', 'true');
  status.replaceChildren(h('p', {}, text('sending')));
  const form = model.assemble(definition, state.answers, state.language);
  try {
    if (!validateForm(form)) {
      return problems(validateForm.errors, status);
    }
    state.idempotencyKey = state.idempotencyKey || crypto.randomUUID();
    persist();
    let response;
    try {
      response = await fetch(`${API}/intakes`, {
        method: 'POST', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
        headers: { 'content-type': 'application/json', 'idempotency-key': state.idempotencyKey },
        body: JSON.stringify(form),
      });
    } catch (offline) {
      return retry(status, button, text('offline'));
    }
    if (response.status === 201) {
      const answer = await response.json();
      receipt = answer;
      sessionStorage.removeItem(STORE);
      state = { language: state.language, answers: {}, idempotencyKey: null };
      return go('done');
    }
    if (response.status === 422 || response.status === 400) {
      const problem = await response.json().catch(() => ({}));
      return problems((problem.errors || []).map((e) => ({ instancePath: e.pointer, keyword: 'server' })), status);
    }
    // 503 and anything else: nothing was stored; the same key makes a retry safe
    return retry(status, button, text('unavailable'));
  } finally {
    sending = false;
    button.disabled = false;
    button.removeAttribute('aria-disabled');
  }
}

function retry(status, button, message) {
  status.replaceChildren(h('div', { className: 'usa-alert usa-alert--error', role: 'alert' }, h('div', { className: 'usa-alert__body' },
    h('h2', { className: 'usa-alert__heading' }, text('unavailableTitle')),
    h('p', { className: 'usa-alert__text' }, message),
    h('button', { className: 'usa-button', type: 'button', id: 'retry', onclick: () => send(button, status) }, text('tryAgain')))));
}

/** Errors found on sending: go to the first question at fault and show them there. */
function problems(errors, status) {
  const slots = model.allSlots(definition, state.answers);
  const found = model.errorsBySlot(errors, slots);
  if (!found.length) {
    status.replaceChildren(h('p', { className: 'usa-error-message' }, text('serverErrors')));
    return;
  }
  pendingErrors = errors;
  go(found[0].slot.page.route);
}

function confirmationPage(root) {
  const title = text('confirmationTitle');
  setTitle(title);
  // the API's nextSteps: its code, date and emergency number, in the words of the page's language
  const steps = receipt.nextSteps ?? {};
  const said = model.confirmation(messages, steps, state.language);
  const lang = (t) => (t.lang && t.lang !== state.language ? t.lang : null);
  root.append(
    h('div', { className: 'usa-alert usa-alert--success' }, h('div', { className: 'usa-alert__body' }, h('h1', { className: 'usa-alert__heading' }, title))),
    h('h2', {}, text('confirmationWhatNext')),
    // an emergency's next step stands out as the emergency advice does on the form's pages
    steps.code === 'SEEK_EMERGENCY_CARE_NOW'
      ? h('div', { className: 'usa-alert usa-alert--emergency' }, h('div', { className: 'usa-alert__body' },
        h('p', { className: 'usa-alert__text', id: 'next-steps', lang: lang(said.message) }, said.message.text)))
      : h('p', { id: 'next-steps', lang: lang(said.message) }, said.message.text),
    h('p', { id: 'next-steps-when', lang: lang(said.when) }, said.when.text),
    ...(said.advice.length ? [
      h('h2', {}, text('confirmationSafety')),
      h('ul', { id: 'advice' }, said.advice.map((a) => h('li', { lang: lang(a) }, a.text)))] : []),
    h('p', {}, `${text('confirmationReference')}: `, h('strong', {}, receipt.intakeId.slice(0, 8).toUpperCase())));
  focusHeading(root);
}

// ---- save and come back later ------------------------------------------------------------------

function savePage(root) {
  const title = text('saveTitle');
  setTitle(title);
  const dob = model.toSchema({ type: 'date' }, state.answers.dateOfBirth);
  root.append(h('a', { href: `#/${saveReturn || pages()[0].route}`, className: 'usa-link site-back' }, text('back')),
    h('h1', {}, title), h('p', {}, text('saveIntro')));
  const status = h('div', { 'aria-live': 'polite' });
  if (!dob || !/^\d{4}-\d\d-\d\d$/.test(dob)) {
    root.append(h('p', {}, h('a', { href: `#/${pages()[0].route}` }, text('saveNeedsDob'))));
  } else {
    const button = h('button', { className: 'usa-button', type: 'button', id: 'get-code' }, text('saveButton'));
    button.addEventListener('click', async () => {
      if (sending) return;
      sending = true;
      button.disabled = true;
      try {
        const response = await post('/intake-drafts', { form: model.assemble(definition, state.answers, state.language), dateOfBirth: dob });
        if (response?.status !== 201) return retry(status, button, text('unavailable'));
        const saved = await response.json();
        const until = new Date(saved.expiresAt).toLocaleDateString(state.language, { day: 'numeric', month: 'long', year: 'numeric' });
        status.replaceChildren(h('div', { className: 'usa-summary-box', role: 'region', 'aria-labelledby': 'saved-title' },
          h('div', { className: 'usa-summary-box__body' },
            h('h2', { className: 'usa-summary-box__heading', id: 'saved-title' }, text('savedTitle')),
            h('p', {}, `${text('savedCode')} `, h('span', { className: 'site-code', id: 'resume-code' }, saved.resumeCode)),
            h('p', {}, text('savedUntil', { date: until })),
            h('a', { href: `#/${saveReturn || pages()[0].route}` }, text('savedBack')))));
        button.remove();
        status.querySelector('h2').setAttribute('tabindex', '-1');
        status.querySelector('h2').focus();
      } finally {
        sending = false;
        button.disabled = false;
      }
    });
    root.append(h('div', { className: 'site-actions' }, button));
  }
  root.append(status);
  focusHeading(root);
}

async function post(path, body) {
  try {
    return await fetch(`${API}${path}`, {
      method: 'POST', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
  } catch (offline) {
    return null;
  }
}

const RESUME_CODE = { id: 'resumeCode', type: 'text', label: null, errors: {} };
const RESUME_DOB = { id: 'resumeDob', type: 'date', errors: {} };

function resumePage(root) {
  const title = text('resumeTitle');
  setTitle(title);
  const code = { question: { ...RESUME_CODE, label: definition.text.resumeCode, hint: definition.text.resumeCodeHint }, key: 'resumeCode', region: null };
  const dob = { question: { ...RESUME_DOB, label: definition.text.resumeDob, hint: definition.pages[0].questions[1].hint }, key: 'resumeDob', region: null };
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { className: 'usa-form usa-form--large', novalidate: true });
  form.append(question(code), question(dob), h('div', { className: 'site-actions' }, h('button', { className: 'usa-button', type: 'submit' }, text('resumeButton'))));
  root.append(h('a', { href: '#/', className: 'usa-link site-back' }, text('back')), h('div', { id: 'error-summary-slot' }), h('h1', {}, title), form, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    const typed = field(idOf('resumeCode'));
    const date = model.toSchema({ type: 'date' }, { day: field('q-resumeDob-day'), month: field('q-resumeDob-month'), year: field('q-resumeDob-year') });
    const errors = [];
    if (!/^[2-9A-HJKMNP-Za-hjkmnp-z]{4}[\s-]?[2-9A-HJKMNP-Za-hjkmnp-z]{4}$/.test(typed.trim())) errors.push({ slot: code, kind: 'invalid', message: text('resumeCodeError') });
    if (!date || !/^\d{4}-\d\d-\d\d$/.test(date)) errors.push({ slot: dob, kind: 'invalid', message: tr(definition.pages[0].questions[1].errors.invalid) });
    if (errors.length) return resumeErrors(root, errors, title);
    sending = true;
    try {
      const response = await post('/intake-drafts/resume', { resumeCode: typed.trim(), dateOfBirth: date });
      if (response?.status === 200) {
        const draft = await response.json();
        state.answers = model.disassemble(definition, draft.form);
        persist();
        return go('check');
      }
      const message = { 404: 'resumeNoMatch', 410: 'resumeExpired', 423: 'resumeLocked', 422: 'resumeNoMatch' }[response?.status];
      if (message) return resumeErrors(root, [{ slot: code, kind: 'invalid', message: text(message) }], title);
      status.replaceChildren(h('p', { className: 'usa-error-message', role: 'alert' }, text('unavailable')));
    } finally {
      sending = false;
    }
  });
  focusHeading(root);
}

function resumeErrors(root, errors, title) {
  showErrors(root, errors, title);
}

render();
