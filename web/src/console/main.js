// The coordinators' console: the worklist (one list per band, in the API's order), a referral with
// every number's source, claim and release, the decision (with the API's reason rule), the 409 and
// 412 screens, and the statistics. Pages are drawn with the DOM (text only, never HTML strings);
// routes are the hash ("#/referrals/<id>": ids, never patient data). Every text is messages.json's,
// in English or Spanish (the header's switch; the choice is kept in memory only, see i18n.js).
import definition from '../../questionnaire/intake.json';
// the red flags' plain words: the rule set the API uses, bundled at build time
import { hardStops, urgentFlags } from 'generated:rules';
import * as m from './model.js';
import * as b from './blocks-model.js';
import * as pa from './prior-auth-model.js';
import qrcode from 'qrcode-generator';
import { createAuth } from './auth.js';
import { createApi, ApiError, SignInNeeded } from './api.js';
import { t, language, setLanguage, other, pick } from './i18n.js';
import { h } from '../dom.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || '';
const config = {
  apiBase: meta('api-base'),
  mode: meta('auth') === 'cognito' ? 'cognito' : 'local',
  domain: meta('cognito-domain'),
  clientId: meta('cognito-client-id'),
};
const rules = { hardStops, urgentFlags };
const auth = createAuth(config);
const api = createApi(config.apiBase, auth);
const REFRESH_MS = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const state = {
  list: null, // { key, bands: {BAND: {items, cursor, asOf, error}}, asOf, refreshes }
  referral: null, // { id, data, seen, read }: the page shows data; seen and read are the version and content the coordinator read
  drafts: new Map(), // referralId -> the decision form's values (memory only)
  conflict: null, // { id, before, after } after a 412
  packet: null, // { id, region, data, keep }: the prior-authorization packet shown
  flash: null, // { kind, text } for the next page drawn
  signInReason: null,
  timers: [],
};

// ---- DOM helpers -------------------------------------------------------------------------------


const hidden = (s) => h('span', { className: 'site-visually-hidden' }, s);
/** The API's own words (the engine's reasons and rules, a problem's detail: English), marked with their lang on a page in another language. */
const apiWords = (text, tag = 'span', attrs = {}) => (language() === 'en' || !text ? (tag === 'span' ? text : h(tag, attrs, text)) : h(tag, { ...attrs, lang: 'en' }, text));
const page = () => document.getElementById('page');
const now = () => api.now();
const me = () => auth.me();

function setTitle(title, error = false) {
  document.title = `${error ? `${t('errorPrefix')} ` : ''}${title} – ${t('consoleName')}`;
}

function focusHeading() {
  const h1 = page().querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: false });
  }
}

function alertBox(kind, heading, ...body) {
  return h('div', { className: `usa-alert usa-alert--${kind} usa-alert--slim${heading ? '' : ' usa-alert--no-heading'}` },
    h('div', { className: 'usa-alert__body' },
      heading ? h('h2', { className: 'usa-alert__heading' }, heading) : null,
      body.map((b) => (typeof b === 'string' ? h('p', { className: 'usa-alert__text' }, b) : b))));
}

function flash(root) {
  if (!state.flash) return;
  const f = state.flash;
  state.flash = null;
  const box = h('div', { id: 'flash', tabindex: '-1', role: f.kind === 'error' ? 'alert' : 'status' }, alertBox(f.kind, null, f.text));
  root.append(box);
}

function loading(root, what) {
  root.replaceChildren(h('p', { className: 'site-loading' }, t(what)));
}

/** An API failure that is not a conflict: what happened, that nothing changed, and a way on. */
function failure(root, error, title) {
  setTitle(title, true);
  const detail = error instanceof ApiError
    ? (error.status === 503 || error.status === 0 ? t('problemUnreachable')
      : error.status === 404 ? t('problemNoSuchReferral') : error.problem.detail ? apiWords(error.problem.detail, 'p', { className: 'usa-alert__text' }) : t('problemNotCompleted'))
    : t('problemUnexpected');
  root.replaceChildren(
    h('h1', {}, title),
    alertBox('error', t('problemTitle'), detail),
    h('p', {}, h('button', { type: 'button', className: 'usa-button', onclick: () => render() }, t('tryAgain')), ' ',
      h('a', { href: '#/', className: 'usa-link' }, t('backToWorklist'))));
  focusHeading();
}

/** Work started by an event (a key, a click): a sign-in that ended shows the sign-in page; nothing escapes as an uncaught error. */
function guard(promise) {
  return Promise.resolve(promise).catch((e) => {
    if (e instanceof SignInNeeded) {
      state.signInReason = 'expired';
      return render();
    }
    return failure(page(), e, t('somethingWrong'));
  });
}

function later(fn, ms) {
  const id = setInterval(fn, ms);
  state.timers.push(id);
}

// ---- routing -----------------------------------------------------------------------------------

function route() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'worklist', query };
  if (parts[0] === 'stats' && parts.length === 1) return { name: 'stats' };
  if (parts[0] === 'referrals' && UUID.test(parts[1] || '')) {
    if (parts.length === 2) return { name: 'referral', id: parts[1].toLowerCase() };
    if (parts.length === 3 && parts[2] === 'decision') return { name: 'decision', id: parts[1].toLowerCase() };
    if (parts.length === 4 && parts[2] === 'prior-auth' && pa.PACKET_REGIONS.includes((parts[3] || '').toUpperCase()) && parts[3] === parts[3].toLowerCase()) {
      return { name: 'packet', id: parts[1].toLowerCase(), region: parts[3].toUpperCase() };
    }
  }
  return { name: 'not-found' };
}

let drawn = 0;

async function render() {
  const mine = ++drawn;
  state.timers.forEach(clearInterval);
  state.timers = [];
  closeSheet();
  document.body.classList.remove('site-print-packet');
  document.removeEventListener('keydown', worklistKeys);
  const root = page();
  header();
  if (!auth.signedIn()) return signInPage(root);
  const r = route();
  try {
    if (r.name === 'worklist') await worklistPage(root, r.query, mine);
    else if (r.name === 'referral') await referralPage(root, r.id, mine);
    else if (r.name === 'decision') await decisionPage(root, r.id, mine);
    else if (r.name === 'packet') await packetPage(root, r.id, r.region, mine);
    else if (r.name === 'stats') await statsPage(root, mine);
    else notFound(root);
  } catch (e) {
    if (mine !== drawn) return;
    if (e instanceof SignInNeeded) {
      state.signInReason = 'expired';
      return render();
    }
    failure(root, e, t('pageLoadFailed'));
  }
}

function stale(mine) {
  return mine !== drawn;
}

window.addEventListener('hashchange', () => render());

function notFound(root) {
  setTitle(t('notFoundTitle'));
  root.replaceChildren(h('h1', {}, t('notFoundTitle')), h('p', {}, h('a', { href: '#/', className: 'usa-link' }, t('goToWorklist'))));
  focusHeading();
}

function header() {
  const lang = language();
  document.documentElement.lang = lang;
  document.getElementById('skip-link').textContent = t('skipLink');
  document.getElementById('site-name').textContent = t('siteName');
  document.getElementById('nav').setAttribute('aria-label', t('navLabel'));
  document.getElementById('nav-worklist').textContent = t('navWorklist');
  document.getElementById('nav-stats').textContent = t('navStats');
  document.getElementById('signed-in-as').textContent = t('signedInAs');
  document.getElementById('sign-out').textContent = t('signOut');
  const switcher = document.getElementById('language-switch');
  switcher.hidden = false;
  switcher.lang = other(lang);
  switcher.textContent = t('otherLanguage');
  const signed = auth.signedIn();
  document.getElementById('nav').hidden = !signed;
  document.getElementById('who').hidden = !signed;
  if (signed) document.getElementById('me').textContent = me();
  const r = route().name;
  document.querySelectorAll('#nav a').forEach((a) => {
    const current = (a.dataset.route === 'worklist' && ['worklist', 'referral', 'decision', 'packet'].includes(r)) || a.dataset.route === r;
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

// ---- sign-in -----------------------------------------------------------------------------------

function signInPage(root) {
  const expired = state.signInReason === 'expired';
  setTitle(t('signInTitle'));
  root.replaceChildren(h('h1', {}, t('signInTitle')));
  if (expired) {
    root.append(alertBox('info', t('signInEndedTitle'), t('signInEndedText')));
  }
  if (config.mode === 'cognito') {
    root.append(
      h('p', {}, t('signInCognito')),
      h('button', { type: 'button', className: 'usa-button', id: 'sign-in', onclick: () => auth.cognitoSignIn(location.hash || '#/') }, t('signInButton')));
    return focusHeading();
  }
  const slot = h('div', { id: 'error-summary-slot' });
  const typed = document.getElementById('username')?.value ?? '';
  const input = h('input', { className: 'usa-input', id: 'username', name: 'username', type: 'text', autocomplete: 'username', spellcheck: 'false', autocapitalize: 'none', 'aria-describedby': 'username-hint' });
  const group = h('div', { className: 'usa-form-group', id: 'username-group' },
    h('label', { className: 'usa-label', for: 'username' }, t('username')),
    h('div', { className: 'usa-hint', id: 'username-hint' }, t('usernameHint')),
    input);
  input.value = typed; // a switch of language keeps what was typed
  const form = h('form', { className: 'usa-form', novalidate: true }, group,
    h('button', { type: 'submit', className: 'usa-button', id: 'sign-in' }, t('signInButton')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = input.value.trim();
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(name)) {
      return fieldErrors(slot, [{ field: 'username', text: name ? t('usernameInvalid') : t('usernameMissing') }], t('signInTitle'));
    }
    try {
      await auth.localSignIn(name);
    } catch (err) {
      return fieldErrors(slot, [{ field: 'username', text: t('devLoginDown') }], t('signInTitle'));
    }
    state.signInReason = null;
    render();
  });
  root.append(
    h('p', {}, t('signInLocal')),
    slot, form);
  focusHeading();
}

/** The GOV.UK error pattern: a focused summary titled "There is a problem" linking to each field, inline messages, "Error:" in the title. */
function fieldErrors(slot, errors, title) {
  const root = page();
  root.querySelectorAll('.usa-form-group--error').forEach((g) => g.classList.remove('usa-form-group--error'));
  root.querySelectorAll('.usa-error-message').forEach((e) => e.remove());
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  root.querySelectorAll('[aria-describedby]').forEach((e) => {
    const ids = e.getAttribute('aria-describedby').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' '));
    else e.removeAttribute('aria-describedby');
  });
  if (!errors.length) {
    slot.replaceChildren();
    setTitle(title);
    return;
  }
  setTitle(title, true);
  const target = (field) => root.querySelector(`[data-field="${field}"]`) || root.querySelector(`#${field}`);
  slot.replaceChildren(h('div', { className: 'usa-alert usa-alert--error', id: 'error-summary', tabindex: '-1', role: 'alert', 'aria-labelledby': 'error-summary-title' },
    h('div', { className: 'usa-alert__body' },
      h('h2', { className: 'usa-alert__heading', id: 'error-summary-title' }, t('problemTitle')),
      h('ul', { className: 'usa-list usa-list--unstyled' }, errors.map((e) => h('li', {},
        h('a', { href: `#${e.field}`, className: 'usa-link', onclick: (ev) => { ev.preventDefault(); target(e.field)?.focus(); } }, e.text)))))));
  for (const e of errors) {
    const group = root.querySelector(`#${e.field}-group`);
    if (!group) continue;
    group.classList.add('usa-form-group--error');
    const message = h('span', { className: 'usa-error-message', id: `${e.field}-error` }, hidden(`${t('errorPrefix')} `), e.text);
    const anchor = group.querySelector('legend, label');
    anchor.after(message);
    const described = group.tagName === 'FIELDSET' ? group : target(e.field);
    if (!described) continue;
    if (described !== group) described.setAttribute('aria-invalid', 'true');
    const ids = (described.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
    described.setAttribute('aria-describedby', [...ids, `${e.field}-error`].join(' '));
  }
  document.getElementById('error-summary').focus();
}

// ---- the worklist ------------------------------------------------------------------------------

const listKey = (f) => JSON.stringify([f.band, f.status, f.mine, f.size, me()]);

/** One list's first `want` items (following nextCursor over sparse pages; bounded). */
async function loadBand(band, f, want) {
  const items = [];
  let cursor = null;
  let asOf = null;
  for (let pages = 0; pages < 20; pages++) {
    const path = m.worklistQuery({ band, status: f.status, assignee: f.mine ? me() : null, limit: Math.min(100, Math.max(want - items.length, 1)), cursor });
    const { data } = await api.get(path);
    asOf = asOf || data.asOf;
    items.push(...data.items);
    cursor = data.nextCursor;
    if (!cursor || items.length >= want) break;
  }
  return { items, cursor, asOf };
}

async function loadList(f, previous) {
  const bands = f.band ? [f.band] : m.BANDS.map((b) => b.band);
  const results = await Promise.all(bands.map((band) => {
    const shown = previous?.bands[band]?.items.length || 0;
    return loadBand(band, f, Math.max(f.size, shown)).then((r) => [band, r]);
  }));
  const list = { key: listKey(f), bands: Object.fromEntries(results), refreshes: (previous?.refreshes || 0) + (previous ? 1 : 0) };
  list.asOf = results.map(([, r]) => r.asOf).filter(Boolean).sort().pop() || new Date(now()).toISOString();
  return list;
}

async function worklistPage(root, query, mine) {
  const f = m.filters(query);
  const key = listKey(f);
  setTitle(t('worklistTitle'));
  const cached = state.list && state.list.key === key;
  if (!cached) loading(root, 'loadingWorklist');
  const list = await loadList(f, cached ? state.list : null);
  if (stale(mine)) return;
  state.list = list;
  root.replaceChildren();
  root.append(h('h1', {}, t('worklistTitle')));
  flash(root);
  root.append(
    h('div', { id: 'list-status', role: 'status', 'aria-live': 'polite', className: 'site-status' }),
    filterForm(f),
    shortcuts(),
    h('p', { className: 'site-asof', id: 'as-of' }),
    h('div', { id: 'lists' }));
  drawLists(f);
  document.addEventListener('keydown', worklistKeys);
  later(() => guard(refreshList(f, mine)), REFRESH_MS);
  const message = document.getElementById('flash');
  if (message) message.focus();
  else focusHeading();
}

function filterForm(f) {
  const select = (id, label, options, value) => h('div', { className: 'usa-form-group site-filter' },
    h('label', { className: 'usa-label', for: id }, label),
    h('select', { className: 'usa-select', id, name: id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  const form = h('form', { className: 'usa-form site-filters', id: 'filters', novalidate: true, 'aria-label': t('filtersLabel') },
    select('filter-band', t('filterList'), [['', t('allLists')], ...m.BANDS.map((b) => [b.band, b.name])], f.band),
    select('filter-status', t('filterStatus'), [['', t('anyStatus')], ...['NEW', 'IN_REVIEW', 'WAITING_FOR_PATIENT'].map((x) => [x, m.STATUSES[x]])], f.status),
    h('div', { className: 'usa-checkbox site-filter' },
      h('input', { className: 'usa-checkbox__input', type: 'checkbox', id: 'filter-mine', name: 'mine', checked: f.mine }),
      h('label', { className: 'usa-checkbox__label', for: 'filter-mine' }, t('filterMine'))),
    select('filter-size', t('filterSize'), [['10', '10'], ['25', '25'], ['50', '50'], ['100', '100']], String(f.size)),
    h('button', { type: 'submit', className: 'usa-button usa-button--outline site-filter' }, t('applyFilters')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {
      band: form.querySelector('#filter-band').value, status: form.querySelector('#filter-status').value,
      mine: form.querySelector('#filter-mine').checked, size: Number(form.querySelector('#filter-size').value),
    };
    location.hash = `#/${m.filterQuery(next)}`;
  });
  return form;
}

function shortcuts() {
  const key = (k, what) => h('li', {}, h('kbd', {}, k), ' ', what);
  return h('section', { className: 'site-shortcuts', id: 'shortcuts', tabindex: '-1', 'aria-labelledby': 'shortcuts-title' },
    h('h2', { id: 'shortcuts-title', className: 'site-shortcuts__title' }, t('shortcutsTitle')),
    h('ul', { className: 'site-shortcuts__list' },
      key('j', t('shortcutNext')), key('k', t('shortcutPrevious')), key('Enter', t('shortcutOpen')),
      key('c', t('shortcutClaim')), key('r', t('shortcutRefresh')), key('?', t('shortcutHelp'))));
}

function drawLists(f) {
  const list = state.list;
  const asOf = document.getElementById('as-of');
  asOf.replaceChildren(`${t('listsAsOf', { time: m.time(list.asOf, now()) })} `,
    h('button', { type: 'button', className: 'usa-button usa-button--unstyled', id: 'refresh', onclick: () => guard(refreshList(f, drawn)) }, t('refreshNow')));
  asOf.dataset.refreshes = String(list.refreshes);
  const container = document.getElementById('lists');
  container.replaceChildren(...Object.entries(list.bands).map(([band, b]) => bandSection(band, b, f)));
}

function bandSection(band, b, f) {
  const info = m.bandOf(band);
  const at = Date.parse(b.asOf) || now();
  const rows = b.items.map((item) => m.row(item, at, me(), rules));
  const urgent = band === 'EMERGENCY' || band === 'URGENT_REVIEW';
  const title = h('h2', { id: `list-${band}`, className: 'site-list__title' }, info.name,
    h('span', { className: 'site-list__count' }, ` ${t(rows.length === 1 ? 'listCountOne' : 'listCountMany', { n: `${rows.length}${b.cursor ? '+' : ''}` })}`));
  const section = h('section', { className: 'site-list', 'aria-labelledby': `list-${band}`, 'data-band': band }, title);
  if (b.error) section.append(alertBox('error', null, b.error));
  if (!rows.length) {
    section.append(h('p', { className: 'site-list__empty' }, t('listEmpty')));
    return section;
  }
  const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);
  section.append(h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-worklist' },
    h('caption', { className: 'site-visually-hidden' }, t('listCaption', { list: info.name })),
    h('thead', {}, h('tr', {},
      [t('colReferral'), t('colList'), t('colRegion'), urgent ? t('colRedFlags') : t('colScoreTier'), t('colStatus'), t('colWaiting'), t('colDue'), t('colClaim')]
        .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-id': r.id, className: r.due.overdue ? 'site-row--overdue' : '' },
      h('th', { scope: 'row', 'data-label': t('colReferral') }, h('a', { href: `#/referrals/${r.id}`, className: 'usa-link site-row-link', 'data-id': r.id }, r.label)),
      cell(t('colList'), r.band),
      cell(t('colRegion'), r.regions),
      // the red flags' words are the rule set's (English)
      cell(r.assessmentKind, !urgent ? r.assessment[0] : r.assessment.length ? h('ul', { className: 'site-flags' }, r.assessment.map((a) => apiWords(a, 'li'))) : t('none')),
      cell(t('colStatus'), r.status),
      cell(t('colWaiting'), r.waiting),
      cell(t('colDue'), h('span', { className: r.due.overdue ? 'site-due site-due--overdue' : 'site-due' }, r.due.text)),
      cell(t('colClaim'), h('span', { className: r.claimedBy && r.claimedBy !== me() ? 'site-claim site-claim--other' : 'site-claim' }, r.claim)))))));
  if (b.cursor) {
    section.append(h('button', { type: 'button', className: 'usa-button usa-button--outline site-more', onclick: () => guard(showMore(band, f)) },
      t('showMore', { n: f.size }), hidden(` ${t('showMoreOn', { list: info.name })}`)));
  }
  return section;
}

/** Where the coordinator is: the row (by referral id) and the control in it that has focus. */
function place() {
  const active = document.activeElement;
  const row = active?.closest?.('tr[data-id]');
  const links = [...document.querySelectorAll('a.site-row-link')];
  return {
    id: row?.dataset.id ?? null, index: row ? links.findIndex((l) => l.dataset.id === row.dataset.id) : -1,
    control: active?.id && !row ? active.id : null, scroll: window.scrollY,
  };
}

function restore(at) {
  if (at.id) {
    const links = [...document.querySelectorAll('a.site-row-link')];
    const same = links.find((l) => l.dataset.id === at.id);
    const near = same || links[Math.min(at.index, links.length - 1)];
    if (near) near.focus({ preventScroll: true });
  } else if (at.control) {
    document.getElementById(at.control)?.focus({ preventScroll: true });
  }
  window.scrollTo(window.scrollX, at.scroll);
}

let refreshing = null;

/**
 * The lists again, as many rows as are shown, without moving the coordinator's place or focus.
 * `again`: after a change of the coordinator's own, a refresh that started before it is not enough.
 */
async function refreshList(f, mine, { again = false } = {}) {
  if (refreshing && !again) return refreshing;
  if (refreshing) await refreshing;
  refreshing = (async () => {
    try {
      const list = await loadList(f, state.list);
      if (stale(mine) || !document.getElementById('lists')) return;
      const at = place();
      state.list = list;
      drawLists(f);
      restore(at);
    } catch (e) {
      if (e instanceof SignInNeeded) {
        state.signInReason = 'expired';
        render();
      } else {
        announce(t('refreshFailed'), 'error');
      }
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function showMore(band, f) {
  const b = state.list.bands[band];
  const at = place();
  const shown = b.items.length;
  try {
    const path = m.worklistQuery({ band, status: f.status, assignee: f.mine ? me() : null, limit: f.size, cursor: b.cursor });
    const { data } = await api.get(path);
    b.items.push(...data.items);
    b.cursor = data.nextCursor;
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) {
      // the listing's cursor expired (15 minutes): start it again, with one more page
      const fresh = await loadBand(band, f, b.items.length + f.size);
      state.list.bands[band] = fresh;
    } else throw e;
  }
  drawLists(f);
  // focus on the first row the page added (or, when it added none, where the coordinator was)
  const links = [...document.querySelector(`section[data-band="${band}"]`).querySelectorAll('a.site-row-link')];
  if (links[shown]) links[shown].focus();
  else restore(at);
}

function announce(text, kind = 'info') {
  const status = document.getElementById('list-status') || document.getElementById('claim-status');
  if (!status) return;
  status.replaceChildren(alertBox(kind, null, text));
}

function worklistKeys(e) {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target;
  if (target.closest && target.closest('input, textarea, select, [contenteditable="true"]')) return;
  const links = [...document.querySelectorAll('a.site-row-link')];
  const i = links.indexOf(target);
  const move = (to) => {
    e.preventDefault();
    if (links[to]) links[to].focus();
  };
  if (e.key === 'j' || (e.key === 'ArrowDown' && i >= 0)) move(i < 0 ? 0 : Math.min(i + 1, links.length - 1));
  else if (e.key === 'k' || (e.key === 'ArrowUp' && i >= 0)) move(i < 0 ? 0 : Math.max(i - 1, 0));
  else if (e.key === 'c') {
    e.preventDefault();
    if (i < 0) announce(t('moveFirst'));
    else guard(claimFromList(links[i].dataset.id));
  } else if (e.key === 'r') {
    e.preventDefault();
    guard(refreshList(m.filters(route().query), drawn));
  } else if (e.key === '?') {
    e.preventDefault();
    document.getElementById('shortcuts')?.focus();
  }
}

async function claimFromList(id) {
  const short = m.shortId(id);
  try {
    const { data } = await api.post(`/referrals/${id}/claim`);
    await refreshList(m.filters(route().query), drawn, { again: true });
    announce(t('claimedFromList', { id: short, time: m.time(data.leaseUntil, now()) }), 'success');
    return;
  } catch (e) {
    if (e instanceof SignInNeeded) throw e;
    if (e instanceof ApiError && e.type === 'claimed-by-another-coordinator') {
      await refreshList(m.filters(route().query), drawn, { again: true });
      const item = Object.values(state.list.bands).flatMap((b) => b.items).find((x) => x.referralId === id);
      announce(item?.assignee
        ? t('heldUntil', { who: item.assignee, id: short, time: m.time(item.leaseUntil, now()) })
        : t('heldByAnother', { id: short, detail: e.problem.detail }), 'warning');
      return;
    }
    if (e instanceof ApiError && e.type === 'referral-closed') announce(t('decidedAlready', { id: short }), 'warning');
    else announce(t('claimFailed', { id: short }), 'error');
  }
  await refreshList(m.filters(route().query), drawn, { again: true });
}

// ---- the referral ------------------------------------------------------------------------------

async function loadReferral(id) {
  const { data, version } = await api.get(`/referrals/${id}`);
  // data: what the page shows; seen/read: the version and content the coordinator read (a decision is sent on it);
  // blocks: GET .../blocks; links: diary links issued on this page (episodeId -> token, in memory only, shown once)
  const previous = state.referral?.id === id ? state.referral : null;
  state.referral = { id, data, seen: version ?? data.version, read: data, blocks: previous?.blocks ?? null, links: previous?.links ?? new Map() };
  return state.referral;
}

/** A claim or release of mine: the answer's claim fields; the content shown counts as current only if nothing else happened since. */
function applyMine(answer) {
  const r = state.referral;
  const mineOnly = answer.version === r.seen + 1;
  r.data = { ...r.data, status: answer.status, assignee: answer.assignee, leaseUntil: answer.leaseUntil, version: answer.version };
  if (mineOnly) {
    r.seen = answer.version;
    r.read = r.data;
  }
}

async function referralPage(root, id, mine) {
  const cached = state.referral?.id === id && state.referral.keep;
  if (!cached) {
    loading(root, 'loadingReferral');
    state.referral = null; // a fresh read: no diary link of an earlier visit is shown again
    await loadReferral(id);
    if (stale(mine)) return;
  }
  state.referral.keep = false;
  drawReferral(root);
  focusHeading();
}

function holdsClaim(d) {
  return d.open && d.status === 'IN_REVIEW' && d.assignee === me() && Date.parse(d.leaseUntil) > now();
}

function claimText(d) {
  if (!d.open) return t('claimDecided');
  if (d.status === 'IN_REVIEW' && d.assignee && Date.parse(d.leaseUntil) > now()) {
    const left = m.leaseLeft(d.leaseUntil, now()).text;
    return d.assignee === me()
      ? t('claimYours', { time: m.time(d.leaseUntil, now()), left })
      : t('claimOther', { who: d.assignee, time: m.time(d.leaseUntil, now()), left });
  }
  return t('claimNone');
}

function claimBox({ decisionLink = true } = {}) {
  const box = h('div', { className: 'site-claim-box', id: 'claim-box' });
  const draw = () => {
    const d = state.referral.data;
    const holds = holdsClaim(d);
    const other = d.open && d.status === 'IN_REVIEW' && d.assignee && d.assignee !== me() && Date.parse(d.leaseUntil) > now();
    box.replaceChildren(
      h('p', { id: 'claim-text', className: other ? 'site-claim site-claim--other' : 'site-claim' }, claimText(d)),
      d.open ? h('div', { className: 'site-actions' },
        h('button', { type: 'button', className: 'usa-button', id: 'claim', onclick: () => guard(claimHere()) }, holds ? t('extendClaim') : t('claim')),
        holds ? h('button', { type: 'button', className: 'usa-button usa-button--outline', id: 'release', onclick: () => guard(releaseHere()) }, t('release')) : null,
        holds && decisionLink ? h('a', { className: 'usa-button usa-button--secondary', id: 'decide', href: `#/referrals/${d.referralId}/decision` }, t('recordADecision')) : null) : null);
  };
  draw();
  box.redraw = draw;
  return box;
}

function claimStatus(kind, text) {
  const status = document.getElementById('claim-status');
  if (status) status.replaceChildren(alertBox(kind, null, text));
}

async function claimHere() {
  const r = state.referral;
  const label = m.shortId(r.id);
  try {
    const { data } = await api.post(`/referrals/${r.id}/claim`);
    applyMine(data);
    const onDecision = route().name === 'decision';
    if (onDecision) drawDecision(page());
    else redrawClaim();
    claimStatus('success', t('claimHeld', { id: label, time: m.time(data.leaseUntil, now()), left: m.leaseLeft(data.leaseUntil, now()).text }));
    const status = document.getElementById('claim-status');
    status.setAttribute('tabindex', '-1');
    (onDecision ? status : document.getElementById('decide') || status).focus();
  } catch (e) {
    await claimRefused(e, label);
  }
}

async function releaseHere() {
  const r = state.referral;
  try {
    const { data } = await api.post(`/referrals/${r.id}/release`);
    applyMine(data);
    if (route().name === 'decision') drawDecision(page());
    else redrawClaim();
    claimStatus('info', t('released', { id: m.shortId(r.id) }));
    document.getElementById('claim')?.focus();
  } catch (e) {
    await claimRefused(e, m.shortId(r.id));
  }
}

async function claimRefused(e, label) {
  if (e instanceof SignInNeeded) {
    state.signInReason = 'expired';
    return render();
  }
  if (e instanceof ApiError && (e.status === 409)) {
    // read it again: who holds it and until when, and what it is now
    await loadReferral(state.referral.id);
    const d = state.referral.data;
    if (route().name === 'decision') drawDecision(page());
    else drawReferral(page());
    if (e.type === 'claimed-by-another-coordinator' && d.assignee) {
      claimStatus('warning', t('claimHeldByOther', { who: d.assignee, id: label, time: m.time(d.leaseUntil, now()), left: m.leaseLeft(d.leaseUntil, now()).text }));
    } else if (e.type === 'referral-closed') {
      claimStatus('warning', t('decidedAlreadyWith', { id: label, outcome: m.OUTCOMES[d.outcome]?.name || t('decidedFallback'), by: d.decidedBy ? t('byWho', { who: d.decidedBy }) : '' }));
    } else {
      claimStatus('warning', t('claimChanged', { detail: e.problem.detail || t('claimChangedDefault') }));
    }
    document.getElementById('claim-status')?.setAttribute('tabindex', '-1');
    document.getElementById('claim-status')?.focus();
    return;
  }
  claimStatus('error', `${t('claimChangeFailed')}${e instanceof ApiError && e.problem.detail ? ` (${e.problem.detail})` : ''}`);
}

function redrawClaim() {
  document.getElementById('claim-box')?.redraw();
}

function section(id, title, ...content) {
  return h('section', { className: 'site-section', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

function dl(pairs, className = 'site-pairs') {
  return h('dl', { className }, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function drawReferral(root) {
  const { data: d } = state.referral;
  const at = now();
  const title = t('referralTitle', { id: m.shortId(d.referralId) });
  setTitle(title);
  const band = m.bandOf(d.band);
  const dueNow = d.dueAt ? m.due(d.dueAt, at) : null;
  root.replaceChildren(h('a', { href: '#/', className: 'usa-link site-back' }, t('backToWorklist')), h('h1', {}, title));
  flash(root);
  root.append(
    dl([
      [t('fieldList'), band ? band.name : d.band],
      [t('fieldStatus'), m.STATUSES[d.status] || d.status],
      [t('fieldDue'), dueNow ? h('span', { className: dueNow.overdue && d.open ? 'site-due site-due--overdue' : 'site-due' },
        d.open ? `${dueNow.text} (${m.time(d.dueAt, at)})` : m.time(d.dueAt, at)) : t('noDueTime')],
      [t('fieldWaiting'), d.open ? m.waiting(d.submittedAt, at) : t('submittedAt', { time: m.time(d.submittedAt, at) })],
    ], 'site-pairs site-pairs--summary'),
    h('div', { id: 'claim-status', role: 'status', 'aria-live': 'polite', className: 'site-status' }),
    claimBox());
  later(redrawClaim, 15_000);
  if (!d.open) {
    root.append(section('decision-title', t('decisionTitle'), dl([
      [t('fieldOutcome'), m.OUTCOMES[d.outcome]?.name || d.outcome],
      [t('fieldBy'), t('byAt', { who: d.decidedBy, time: m.time(d.decidedAt, at) })],
      d.originalDisposition ? [t('fieldDisposition'), t('engineSaid', { disposition: m.DISPOSITIONS[d.disposition], original: m.DISPOSITIONS[d.originalDisposition] })] : null,
      d.reason ? [t('fieldReason'), d.reason] : null,
      d.note ? [t('fieldNote'), d.note] : null,
    ])));
  }
  if (!d.assessment || !d.form) {
    root.append(alertBox('warning', t('intakeMissingTitle'), t('intakeMissingText')));
  } else {
    drawAssessment(root, d, at);
  }
  root.append(blocksSection());
  const [when, who, what] = [t('auditWhen'), t('auditWho'), t('auditWhat')];
  root.append(section('audit-title', t('auditTitle'),
    h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-audit' },
      h('caption', { className: 'site-visually-hidden' }, t('auditCaption')),
      h('thead', {}, h('tr', {}, [when, who, what].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, (d.audit || []).map((e) => h('tr', {},
        h('td', { 'data-label': when }, m.time(e.at, at)),
        h('td', { 'data-label': who }, e.actor === 'system' ? t('system') : e.actor),
        h('td', { 'data-label': what }, m.auditText(e, at))))))));
}

function drawAssessment(root, d, at) {
  const a = d.assessment;
  const confirm = m.toConfirm(definition, d);
  const unanswered = m.unanswered(definition, d);
  if (confirm.length) {
    root.append(h('section', { className: 'usa-summary-box site-confirm', 'aria-labelledby': 'confirm-title' },
      h('div', { className: 'usa-summary-box__body' },
        h('h2', { className: 'usa-summary-box__heading', id: 'confirm-title' }, t('toConfirmTitle')),
        h('ul', { className: 'usa-list', id: 'to-confirm' }, confirm.map((c) => h('li', {}, c.text))))));
  }
  const p = m.patient(d.form, at);
  root.append(section('patient-title', t('patientTitle'), h('p', { className: 'site-hint' }, t('patientHint')),
    dl([[t('patientName'), p.name], [t('patientDateOfBirth'), p.dateOfBirth], [t('patientPhone'), p.phone], [t('patientEmail'), p.email],
      [t('patientPreferredContact'), p.preferredContact], [t('patientFormLanguage'), p.language]], 'site-pairs site-patient')));

  root.append(section('why-title', t('whyTitle'), dl([
    [t('engineDisposition'), m.DISPOSITIONS[a.disposition] || a.disposition],
    [t('because'), h('span', {}, apiWords(a.dispositionReason), ' ', t('becauseRule', { rule: a.dispositionRule, version: a.ruleSetVersion }))],
    a.severity ? [t('severityGroup'), apiWords(a.severity.replace(/_/g, ' ').toLowerCase())] : null,
    [t('repeatAblation'), a.repeatRfaCandidate ? t('repeatAblationYes') : t('no')],
    d.originalDisposition ? [t('changedByCoordinator'), t('nowDisposition', { disposition: m.DISPOSITIONS[d.disposition] })] : null,
  ])));

  const flags = m.redFlags(definition, d);
  root.append(section('flags-title', t('redFlagsTitle'),
    flags.length ? h('ul', { className: 'usa-list usa-list--unstyled site-flag-list' }, flags.map((f) => h('li', { className: 'site-flag' },
      h('p', { className: 'site-flag__text' }, h('strong', {}, `${f.kind}: `), apiWords(f.text)),
      dl([[t('raisedBy'), `${f.question} — ${f.answer}`], [t('rule'), f.id], [t('source'), apiWords(f.source)]])))) : h('p', {}, t('noneRaised')),
    unanswered.length ? h('div', {}, h('h3', {}, t('unansweredSafety')),
      h('ul', { className: 'usa-list' }, unanswered.map((q) => h('li', {}, q)))) : null));

  const [rule, what, points, source] = [t('contribRule'), t('contribWhat'), t('contribPoints'), t('contribSource')];
  root.append(section('score-title', t('facetScoreTitle'), m.scores(d).map((r, i) => h('div', { className: 'site-region' },
    h('h3', { id: `score-${i}` }, t('regionScore', { region: r.region, main: r.main ? t('mainRegion') : '', score: r.score, tier: r.tier })),
    h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-contributions', 'aria-labelledby': `score-${i}` },
      h('thead', {}, h('tr', {}, [rule, what, points, source].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, r.contributions.map((c) => h('tr', {},
        h('td', { 'data-label': rule }, c.rule), apiWords(c.text, 'td', { 'data-label': what }),
        h('td', { 'data-label': points, className: 'site-number' }, c.points > 0 ? `+${c.points}` : String(c.points)),
        apiWords(c.source, 'td', { 'data-label': source })))))))));

  root.append(section('readiness-title', t('readinessTitle'),
    h('ol', { className: 'usa-list usa-list--unstyled site-criteria' }, m.readiness(definition, d).map((c) => h('li', { className: 'site-criterion' },
      h('h3', {}, `${c.number}. `, apiWords(c.text), ': ', h('span', { className: `site-status-tag site-status-tag--${c.status.toLowerCase()}` }, c.statusText)),
      apiWords(c.explanation, 'p'),
      c.evidence.length ? dl(c.evidence.map((e) => [e.question, e.answer]), 'site-pairs site-evidence') : null)))));

  const groups = m.answerGroups(definition, d.form).filter((g) => g.pageId !== 'about-you');
  root.append(section('answers-title', t('answersTitle'), h('p', { className: 'site-hint' }, t('answersHint')),
    groups.map((g) => h('div', { className: 'site-answers-group' }, h('h3', {}, g.title),
      dl(g.answers.map((x) => [x.question, x.answer]), 'site-pairs site-answers')))));
}

// ---- blocks, diaries and verdicts (issue 17) -----------------------------------------------------

const DAY2 = 48 * 3600_000;

function blocksSection() {
  const host = h('section', { className: 'site-section site-blocks', id: 'blocks', 'aria-labelledby': 'blocks-title' },
    h('h2', { id: 'blocks-title' }, t('blocksTitle')),
    h('p', { className: 'site-hint' }, t('blocksHint')),
    h('div', { id: 'blocks-status', role: 'status', 'aria-live': 'polite', className: 'site-status' }),
    h('div', { id: 'blocks-body' }));
  const r = state.referral;
  if (r.blocks) queueMicrotask(drawBlocks);
  else {
    host.querySelector('#blocks-body').append(h('p', { className: 'site-loading' }, t('loadingBlocks')));
    guard(loadBlocks(r.id));
  }
  return host;
}

async function loadBlocks(id) {
  try {
    const { data } = await api.get(`/referrals/${id}/blocks`);
    if (state.referral?.id !== id) return;
    state.referral.blocks = data;
    state.referral.blocksError = null;
  } catch (e) {
    if (e instanceof SignInNeeded || !(e instanceof ApiError)) throw e;
    if (state.referral?.id !== id) return;
    state.referral.blocksError = e;
  }
  drawBlocks();
}

function blocksStatus(kind, ...body) {
  const status = document.getElementById('blocks-status');
  if (!status) return;
  status.replaceChildren(alertBox(kind, null, ...body));
  status.setAttribute('tabindex', '-1');
  status.focus();
}

function drawBlocks() {
  const body = document.getElementById('blocks-body');
  const r = state.referral;
  if (!body || !r) return;
  if (r.blocksError) {
    body.replaceChildren(alertBox('error', t('problemTitle'), t('blocksLoadFailed')),
      h('p', {}, h('button', { type: 'button', className: 'usa-button usa-button--outline', onclick: () => guard(loadBlocks(r.id)) }, t('tryAgain'))));
    return;
  }
  const data = r.blocks;
  if (!data) return;
  const at = now();
  body.replaceChildren(...[
    data.episodes.length ? null : h('p', { id: 'no-blocks' }, t('noBlocks')),
    data.episodes.length ? candidacySection(data, at) : null,
    ...data.episodes.map((ep, i) => episodeSection(ep, i, at)),
    blockForm()].filter(Boolean));
}

const regionName = (r) => m.REGIONS[r] || r;
const standardName = (s) => t(`standard.${s}`);
const resultName = (x) => t(`blockResult.${x}`);
const minutesText = (min) => m.duration(min * 60_000);

function candidacySection(data, at) {
  const out = [h('h3', { id: 'rfa-title' }, t('rfaTitle'))];
  for (const c of data.rfaCandidacy || []) {
    out.push(h('div', { className: `site-rfa${c.candidate ? ' site-rfa--candidate' : ''}`, 'data-rfa': c.region },
      h('p', { className: 'site-rfa__verdict' }, h('strong', {}, `${regionName(c.region)}: `),
        t(c.candidate ? 'rfaCandidate' : 'rfaNotCandidate', { standard: standardName(c.standard), threshold: c.thresholdPercent })),
      apiWords(c.reason, 'p'),
      c.evidence.length ? [h('p', {}, t('rfaEvidence')), h('ul', { className: 'usa-list site-rfa__evidence' }, c.evidence.map((e) => h('li', { 'data-evidence': e.episodeId },
        t('rfaEvidenceItem', { which: t(`diagnosticBlock.${e.diagnosticBlock}`), time: m.time(e.endedAt, at), levels: e.levels.join(', '), side: t(`side.${e.side}`), result: resultName(e.result) }),
        ' ', apiWords(e.explanation))))] : null,
      dl([[t('rfaConsidered'), String(c.considered.length)], [t('rfaSameLevels'), c.sameLevelsAndSide ? t('yes') : t('no')]]),
      h('p', {}, h('a', { className: 'usa-link site-packet-link', href: pa.packetHash(state.referral.id, c.region), 'data-packet': c.region },
        t('pa.link', { region: regionName(c.region) })))));
  }
  if ((data.concordance || []).length) {
    out.push(h('h3', { id: 'concordance-title' }, t('concordanceTitle')), h('p', { className: 'site-hint' }, t('concordanceHint')),
      h('ul', { className: 'usa-list', id: 'concordance' }, data.concordance.map((c) => h('li', { 'data-concordance': `${c.region}-${c.standard}` },
        h('strong', {}, `${regionName(c.region)}, ${standardName(c.standard)}: ${t(`concordance.${c.result}`)}`), ' ',
        t('concordanceDurations', { first: minutesText(c.firstDurationMinutes), second: minutesText(c.secondDurationMinutes) }), ' ',
        apiWords(c.reason)))));
  }
  const rows = b.lcdRows(data.lcd);
  const heads = [t('lcdColGroup'), t('lcdColKind'), t('lcdColCount'), t('lcdColLimit')];
  out.push(h('h3', { id: 'lcd-title' }, t('lcdTitle')),
    h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-lcd', id: 'lcd-table', 'aria-labelledby': 'lcd-title' },
      h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((x) => h('tr', { className: x.atLimit ? 'site-row--overdue' : null },
        h('th', { scope: 'row', 'data-label': heads[0] }, x.groupName),
        h('td', { 'data-label': heads[1] }, x.kindName),
        h('td', { 'data-label': heads[2], className: 'site-number' }, String(x.count)),
        h('td', { 'data-label': heads[3], className: 'site-number' }, String(x.limit)))))),
    h('p', { className: 'site-hint' }, t('lcdWindow', { months: data.lcd.windowMonths, date: data.lcd.asOf })));
  return h('div', { className: 'site-block-summary' }, out);
}

function episodeSection(ep, i, at) {
  const id = `episode-${i}`;
  const result = ep.result;
  const verdicts = result?.verdicts || [];
  return h('section', { className: 'site-episode', 'data-episode': ep.episodeId, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, t('episodeTitle', { which: t(`diagnosticBlock.${ep.diagnosticBlock}`), region: regionName(ep.region), time: m.time(ep.endedAt, at) })),
    dl([
      [t('blockEndedAt'), m.time(ep.endedAt, at)],
      [t('blockRegion'), regionName(ep.region)],
      [t('blockLevels'), ep.levels.join(', ')],
      [t('blockSide'), t(`side.${ep.side}`)],
      [t('blockAnaesthetic'), t('anaestheticExpected', { anaesthetic: t(`anaesthetic.${ep.anaesthetic}`), minimum: minutesText(result?.expectedMinutes ?? 0) })],
      [t('blockWhich'), t(`diagnosticBlock.${ep.diagnosticBlock}`)],
      [t('blockBaseline'), t('nrsValue', { n: ep.baselineNrs })],
      [t('blockRecordedBy'), t('byAt', { who: ep.recordedBy, time: m.time(ep.recordedAt, at) })],
      result?.peak ? [t('blockPeak'), t('peakAt', { relief: b.reliefWords({ recorded: true, reliefPercent: result.peak.reliefPercent, direction: result.peak.reliefPercent < 0 ? 'WORSE' : 'RELIEF' }), point: b.pointLabel(result.peak.minutes) })] : null,
    ]),
    h('h4', { id: `${id}-verdicts` }, t('verdictsTitle')),
    h('ul', { className: 'usa-list usa-list--unstyled site-verdicts', 'aria-labelledby': `${id}-verdicts` }, verdicts.map((v) => h('li', {
      className: `site-verdict site-verdict--${v.result.toLowerCase()}`, 'data-verdict': v.standard },
    h('p', { className: 'site-verdict__head' }, h('strong', {}, t('verdictHead', { standard: standardName(v.standard), threshold: v.thresholdPercent })), ' ',
      h('span', { className: 'site-verdict__result' }, resultName(v.result)),
      v.standard === result.clinicStandard ? h('span', { className: 'site-verdict__clinic' }, t('clinicStandard')) : null),
    h('p', {}, v.fromMinutes === null || v.fromMinutes === undefined
      ? t('verdictNoRun', { threshold: v.thresholdPercent, minimum: minutesText(v.minimumMinutes), anaesthetic: t(`anaesthetic.${ep.anaesthetic}`) })
      : t('verdictRun', { threshold: v.thresholdPercent, duration: minutesText(v.durationMinutes), from: b.pointLabel(v.fromMinutes), to: b.pointLabel(v.toMinutes), minimum: minutesText(v.minimumMinutes), anaesthetic: t(`anaesthetic.${ep.anaesthetic}`) })),
    v.missingWithin?.length ? h('p', {}, t('verdictMissingWithin', { points: v.missingWithin.map((x) => b.pointLabel(x)).join(', ') })) : null,
    apiWords(v.explanation, 'p', { className: 'site-verdict__why' })))),
    painChart(ep, id),
    movementNotes(ep, id),
    diaryLinkPanel(ep, id, at));
}

/** The pain over time: an SVG drawn with DOM methods (aria-hidden), and the table that is its accessible version. */
function painChart(ep, id) {
  if (!(ep.entries || []).length) {
    return [h('h4', { id: `${id}-chart-title` }, t('chartTitle')), h('p', { className: 'site-no-entries' }, t('noEntriesYet'))];
  }
  // on a phone a narrower drawing, so its words stay readable when scaled down
  const at = now();
  const g = b.chartGeometry(ep, window.innerWidth < 480 ? { width: 360, height: 240, now: at } : { now: at });
  const line = (x1, y1, x2, y2, cls) => h('line', { x1, y1, x2, y2, className: cls });
  const label = (x, y, text, cls, anchor = 'start') => h('text', { x, y, className: cls, 'text-anchor': anchor }, text);
  const svg = h('svg', { viewBox: `0 0 ${g.width} ${g.height}`, className: 'site-bchart__svg', 'aria-hidden': 'true', focusable: 'false' },
    h('g', { className: 'site-bchart__axes' },
      line(g.x0, g.y0, g.x1, g.y0, 'site-bchart__axis'), line(g.x0, g.y0, g.x0, g.y1, 'site-bchart__axis'),
      g.yTicks.map((tk) => [line(g.x0 - 4, tk.y, g.x0, tk.y, 'site-bchart__axis'), label(g.x0 - 8, tk.y + 4, String(tk.nrs), 'site-bchart__tick', 'end')]),
      g.xTicks.map((tk) => [line(tk.x, g.y0, tk.x, g.y0 + 4, 'site-bchart__axis'), label(tk.x, g.y0 + 16, b.pointLabel(tk.minutes), 'site-bchart__tick', 'middle')]),
      label(g.x1, g.y0 + 32, t('chartMinutesAxis'), 'site-bchart__tick', 'end')),
    g.expected ? [line(g.expected.x, g.y0, g.expected.x, g.y1, 'site-bchart__expected'),
      label(g.expected.x + 4, g.y1 + 10, t('chartExpected', { minimum: minutesText(g.expected.minutes) }), 'site-bchart__note')] : null,
    line(g.x0, g.baseline.y, g.x1, g.baseline.y, 'site-bchart__baseline'),
    label(g.x1, g.baseline.y - 4, t('chartBaseline', { n: g.baseline.nrs }), 'site-bchart__note', 'end'),
    line(g.x0, g.relief50.y, g.x1, g.relief50.y, 'site-bchart__level site-bchart__level--50'),
    label(g.x1, g.relief50.y - 4, t('chartRelief', { n: 50 }), 'site-bchart__note', 'end'),
    line(g.x0, g.relief80.y, g.x1, g.relief80.y, 'site-bchart__level site-bchart__level--80'),
    label(g.x1, g.relief80.y - 4, t('chartRelief', { n: 80 }), 'site-bchart__note', 'end'),
    g.missing.map((p) => h('text', { x: p.x, y: g.y0 - 4, className: 'site-bchart__missing', 'text-anchor': 'middle' }, '×')),
    g.segments.map((pts) => h('polyline', { points: pts, className: 'site-bchart__line' })),
    g.dots.map((p) => h('circle', { cx: p.x, cy: p.y, r: 4, className: 'site-bchart__dot' })));
  const rows = b.pointRows(ep, { now: at });
  const heads = [t('colPoint'), t('colDueAt'), t('colNrs'), t('colRelief'), t('colLate'), t('colMissing')];
  return h('figure', { className: 'site-bchart', 'aria-labelledby': `${id}-chart-title` },
    h('h4', { id: `${id}-chart-title` }, t('chartTitle')),
    h('figcaption', { className: 'site-hint' }, t('chartCaption')),
    h('div', { className: 'site-bchart__frame' }, svg),
    h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-points', 'data-points': ep.episodeId },
      h('caption', {}, t('pointsCaption')),
      h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((x) => h('tr', { className: x.state === 'missed' ? 'site-point--missing' : null, 'data-minutes': String(x.minutes) },
        h('th', { scope: 'row', 'data-label': heads[0] }, x.point),
        [x.due, x.nrs, x.relief, x.late, x.missing].map((v, k) => h('td', { 'data-label': heads[k + 1] }, v)))))));
}

function movementNotes(ep, id) {
  const notes = b.movementRows(definition, ep);
  const out = [h('h4', { id: `${id}-moves` }, t('movementsTitle'))];
  if (!notes.rows.length) return [...out, h('p', {}, t('noMovementNotes'))];
  const heads = [t('colPoint'), ...notes.movements];
  return [...out, h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-movements', 'aria-labelledby': `${id}-moves` },
    h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, notes.rows.map((r) => h('tr', {}, h('th', { scope: 'row', 'data-label': heads[0] }, r.point),
      r.cells.map((c, k) => h('td', { 'data-label': heads[k + 1] }, c))))))];
}

/** A QR code of a text as SVG, drawn with DOM methods (qrcode-generator's matrix; no markup strings, no styles). */
function qrSvg(text, label) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  let d = '';
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  const size = n + 2 * quiet;
  return h('svg', { viewBox: `0 0 ${size} ${size}`, className: 'site-qr', role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges' },
    h('rect', { x: 0, y: 0, width: size, height: size, className: 'site-qr__light' }),
    h('path', { d, className: 'site-qr__dark' }));
}

function diaryLinkPanel(ep, id, at) {
  const issued = state.referral.links.get(ep.episodeId);
  const closed = Date.parse(ep.endedAt) + DAY2 <= at;
  const status = ep.diaryLink?.status || 'NONE';
  const live = status === 'ACTIVE' || issued;
  const panel = h('div', { className: 'site-diary-link', 'data-link': ep.episodeId },
    h('h4', { id: `${id}-link` }, t('diaryLinkTitle')),
    h('p', { className: 'site-diary-link__status' }, t(`linkStatus.${status}`, { time: ep.diaryLink?.expiresAt ? m.time(ep.diaryLink.expiresAt, at) : '' })));
  if (issued) {
    const url = b.diaryUrl(location.origin, issued.token);
    panel.append(h('div', { className: 'site-diary-link__issued' },
      h('p', {}, h('strong', {}, t('linkShownOnce'))),
      qrSvg(url, t('qrLabel')),
      h('p', { className: 'site-diary-url' }, h('span', { className: 'site-visually-hidden' }, `${t('linkAddress')} `), h('code', { 'data-diary-url': '' }, url)),
      h('p', {}, t('linkExpires', { time: m.time(issued.expiresAt, at) })),
      h('div', { className: 'site-actions' },
        h('button', { type: 'button', className: 'usa-button', id: `print-sheet-${short8(ep)}`, 'data-action': 'sheet', onclick: (e) => openSheet(ep, e.currentTarget) }, t('printSheet')))));
  }
  const actions = h('div', { className: 'site-actions' });
  if (!closed) {
    const again = live;
    const warnId = `${id}-reissue-warning`;
    if (again) panel.append(h('p', { className: 'site-hint', id: warnId }, t('reissueWarning')));
    actions.append(h('button', { type: 'button', className: again ? 'usa-button usa-button--outline' : 'usa-button', 'data-action': 'issue', 'aria-describedby': again ? warnId : null,
      onclick: (e) => guard(issueLink(ep, e.currentTarget)) }, again ? t('reissueLink') : t('issueLink')));
  } else {
    panel.append(h('p', { className: 'site-hint' }, t('diaryClosed')));
  }
  if (live) actions.append(h('button', { type: 'button', className: 'usa-button usa-button--secondary', 'data-action': 'revoke', onclick: (e) => guard(revokeLink(ep, e.currentTarget)) }, t('revokeLink')));
  if (actions.childNodes.length) panel.append(actions);
  return panel;
}

const short8 = (ep) => ep.episodeId.slice(0, 8);
let linkBusy = false;

async function issueLink(ep, button) {
  if (linkBusy) return;
  linkBusy = true;
  button.setAttribute('aria-disabled', 'true');
  const r = state.referral;
  try {
    const { data } = await api.post(`/referrals/${r.id}/blocks/${ep.episodeId}/diary-link`);
    r.links.set(ep.episodeId, { token: data.token, expiresAt: data.expiresAt });
    await loadBlocks(r.id);
    blocksStatus('success', t('linkIssued', { time: m.time(data.expiresAt, now()) }));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    blocksStatus('error', e.type === 'diary-closed' ? t('diaryClosed') : t('linkFailed', { detail: e.problem.detail || '' }));
  } finally {
    linkBusy = false;
    button.removeAttribute('aria-disabled');
  }
}

async function revokeLink(ep, button) {
  if (linkBusy) return;
  linkBusy = true;
  button.setAttribute('aria-disabled', 'true');
  const r = state.referral;
  try {
    await api.del(`/referrals/${r.id}/blocks/${ep.episodeId}/diary-link`);
    r.links.delete(ep.episodeId);
    closeSheet();
    await loadBlocks(r.id);
    blocksStatus('info', t('linkRevoked'));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    blocksStatus('error', t('linkFailed', { detail: e.problem.detail || '' }));
  } finally {
    linkBusy = false;
    button.removeAttribute('aria-disabled');
  }
}

// the printable sheet: outside #page (so print shows only it), in the patient's language, no patient data
let sheetOpener = null;

function closeSheet() {
  document.getElementById('sheet')?.remove();
  document.body.classList.remove('site-print-sheet');
  const back = sheetOpener;
  sheetOpener = null;
  return back;
}

function openSheet(ep, opener, sheetLanguage) {
  const issued = state.referral.links.get(ep.episodeId);
  if (!issued) return;
  closeSheet();
  sheetOpener = opener || null;
  const lang = sheetLanguage || (state.referral.data.form?.patient?.language === 'es' ? 'es' : 'en');
  const s = (key, values = {}) => t(`sheet.${key}`, values, lang);
  const url = b.diaryUrl(location.origin, issued.token);
  const minutes = (ep.result?.points || []).map((p) => p.minutes);
  const times = b.sheetTimes(ep.endedAt, minutes, lang);
  const expires = b.clock(issued.expiresAt, lang, undefined, ep.endedAt);
  const choice = (value, text) => h('div', { className: 'usa-radio' },
    h('input', { className: 'usa-radio__input', type: 'radio', name: 'sheet-language', id: `sheet-language-${value}`, value, checked: value === lang,
      onchange: () => { openSheet(ep, sheetOpener, value); document.getElementById(`sheet-language-${value}`)?.focus(); } }),
    h('label', { className: 'usa-radio__label', for: `sheet-language-${value}`, lang: value }, text));
  const sheet = h('section', { id: 'sheet', className: 'site-sheet-host', 'aria-labelledby': 'sheet-controls-title' },
    h('div', { className: 'site-sheet-controls' },
      h('h2', { id: 'sheet-controls-title', tabindex: '-1' }, t('sheetTitle')),
      h('p', { className: 'site-hint' }, t('sheetHint')),
      h('fieldset', { className: 'usa-fieldset' }, h('legend', { className: 'usa-legend' }, t('sheetLanguage')),
        choice('en', 'English'), choice('es', 'Español')),
      h('div', { className: 'site-actions' },
        h('button', { type: 'button', className: 'usa-button', id: 'sheet-print', onclick: () => window.print() }, t('sheetPrint')),
        h('button', { type: 'button', className: 'usa-button usa-button--outline', id: 'sheet-close', onclick: () => { const back = closeSheet(); if (back?.isConnected) back.focus(); else document.getElementById('blocks-title')?.focus(); } }, t('sheetClose')))),
    h('article', { className: 'site-sheet', lang, 'aria-label': s('title') },
      h('h2', { className: 'site-sheet__title' }, s('title')),
      h('p', {}, s('intro')),
      h('div', { className: 'site-sheet__link' },
        qrSvg(url, s('qrLabel')),
        h('div', {}, h('p', {}, s('scan')), h('p', { className: 'site-sheet__url' }, h('code', {}, url)),
          h('p', {}, h('strong', {}, s('expires', { time: expires }))))),
      h('h3', {}, s('timesTitle')),
      h('p', {}, s('timesIntro', { time: b.clock(ep.endedAt, lang) })),
      h('ol', { className: 'site-sheet__times' }, times.map((x) => h('li', {}, h('strong', {}, x.at), ` (${s('after', { after: x.after })})`))),
      h('h3', {}, s('recordTitle')),
      h('ul', {}, h('li', {}, s('recordPain')), h('li', {}, s('recordMovements')), h('li', {}, s('recordMissed'))),
      h('h3', {}, s('troubleTitle')),
      h('p', {}, s('trouble'))));
  document.getElementById('main-content').append(sheet);
  document.body.classList.add('site-print-sheet');
  document.getElementById('sheet-controls-title').focus();
}

// ---- the prior-authorization packet (issue 15): one printable document, and its PDF --------------

async function packetPage(root, id, region, mine) {
  const cached = state.packet?.id === id && state.packet.region === region && state.packet.keep;
  if (!cached) {
    loading(root, 'pa.loading');
    const { data } = await api.get(`/referrals/${id}/prior-auth/${region.toLowerCase()}`);
    if (stale(mine)) return;
    state.packet = { id, region, data };
  }
  state.packet.keep = false;
  drawPacket(root);
  focusHeading();
}

function drawPacket(root) {
  const { id, data: p } = state.packet;
  const region = regionName(p.region);
  const title = t('pa.title', { region });
  setTitle(title);
  document.body.classList.add('site-print-packet');
  const heads = (...keys) => h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, t(k)))));
  const s = p.scores;
  const blank = (v) => (v === null || v === undefined ? t('notAnswered') : String(v));
  const frequency = pa.frequency(p);
  root.replaceChildren(
    h('a', { href: `#/referrals/${id}`, className: 'usa-link site-back' }, t('backToReferral', { id: m.shortId(id) })),
    h('div', { className: 'site-actions site-packet-actions' },
      h('button', { type: 'button', className: 'usa-button', id: 'packet-print', onclick: () => window.print() }, t('sheetPrint')),
      h('button', { type: 'button', className: 'usa-button usa-button--outline', id: 'packet-pdf', onclick: (e) => guard(downloadPdf(id, p.region, e.currentTarget)) }, t('pa.download'))),
    h('div', { id: 'packet-status', role: 'status', 'aria-live': 'polite', className: 'site-status' }),
    h('article', { className: 'site-packet', 'aria-labelledby': 'packet-title' },
      h('h1', { id: 'packet-title' }, title),
      h('p', {}, t('pa.intro')),
      dl([
        [t('pa.referral'), m.shortId(id)],
        [t('pa.preparedOn'), pa.day(p.preparedOn)],
        [t('pa.rules'), t('pa.rulesValue', { rules: p.ruleSetVersion ?? t('notAnswered'), blockRules: p.blockRulesVersion })],
        [t('pa.clinicStandard'), standardName(p.clinicStandard)],
        p.codes.length ? [t('pa.codes'), p.codes.join(', ')] : null,
      ].filter(Boolean)),
      h('section', { className: 'site-packet__section', 'aria-labelledby': 'packet-missing-title' },
        h('h2', { id: 'packet-missing-title' }, t('pa.missingTitle')),
        p.missing.length
          ? h('ul', { className: 'usa-list site-packet__missing', id: 'packet-missing' }, pa.missing(p).map((x) => h('li', { 'data-missing': x.code }, x.text)))
          : h('p', { id: 'packet-missing' }, t('pa.missingNone'))),
      h('section', { className: 'site-packet__section', 'aria-labelledby': 'packet-criteria-title' },
        h('h2', { id: 'packet-criteria-title' }, t('pa.criteriaTitle')),
        h('ol', { className: 'usa-list usa-list--unstyled site-criteria', id: 'packet-criteria' }, pa.criteria(definition, p).map((c) => h('li', { className: 'site-criterion', 'data-criterion': c.id },
          h('h3', {}, `${c.number}. `, apiWords(c.text), ': ', h('span', { className: `site-status-tag site-status-tag--${c.status.toLowerCase()}` }, c.statusText)),
          apiWords(c.explanation, 'p'),
          c.answeredOn ? h('p', { className: 'site-hint' }, t('pa.answeredOn', { date: pa.day(c.answeredOn) })) : null,
          c.evidence.length ? dl(c.evidence.map((e) => [e.question, e.answer]), 'site-pairs site-evidence') : null)))),
      h('section', { className: 'site-packet__section', 'aria-labelledby': 'packet-care-title' },
        h('h2', { id: 'packet-care-title' }, t('pa.careTitle')),
        h('p', {}, p.painMonths === null || p.painMonths === undefined ? t('pa.painMonthsBlank') : t('pa.painMonths', { n: p.painMonths })),
        p.conservativeCare.length ? h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-packet__table', 'aria-labelledby': 'packet-care-title' },
          heads('pa.colTreatment', 'pa.colOutcome', 'pa.colWeeks'),
          h('tbody', {}, pa.care(definition, p).map((c) => h('tr', {},
            h('th', { scope: 'row', 'data-label': t('pa.colTreatment') }, c.treatment),
            h('td', { 'data-label': t('pa.colOutcome') }, c.outcome),
            h('td', { 'data-label': t('pa.colWeeks') }, c.weeks))))) : h('p', {}, t('pa.noForm'))),
      h('section', { className: 'site-packet__section', 'aria-labelledby': 'packet-scores-title' },
        h('h2', { id: 'packet-scores-title' }, t('pa.scoresTitle')),
        s ? dl([
          [t('pa.nrsNow'), blank(s.nrsNow)], [t('pa.nrsAverage'), blank(s.nrsAverage)], [t('pa.nrsWorst'), blank(s.nrsWorst)],
          [t('pa.pegPain'), blank(s.pegPain)], [t('pa.pegEnjoyment'), blank(s.pegEnjoyment)], [t('pa.pegActivity'), blank(s.pegActivity)],
          [t('pa.pegScore'), blank(s.pegScore)],
        ]) : h('p', {}, t('pa.noForm'))),
      h('section', { className: 'site-packet__section', 'aria-labelledby': 'packet-blocks-title' },
        h('h2', { id: 'packet-blocks-title' }, t('pa.blocksTitle')),
        p.blocks.length ? p.blocks.map((k, i) => h('div', { className: 'site-packet__block', 'data-episode': k.episodeId },
          h('h3', { id: `packet-block-${i}` }, t('pa.blockHead', { which: t(`diagnosticBlock.${k.diagnosticBlock}`), date: pa.day(k.date) })),
          dl([
            [t('blockLevels'), k.levels.join(', ')],
            [t('blockSide'), t(`side.${k.side}`)],
            [t('pa.anaesthetic'), t(`anaesthetic.${k.anaesthetic}`)],
            [t('blockBaseline'), t('nrsValue', { n: k.baselineNrs })],
          ]),
          k.postBlock.length ? h('table', { className: 'usa-table usa-table--borderless site-packet__table site-packet__points' },
            h('caption', {}, t('pa.postBlock')),
            heads('pa.colPoint', 'pa.colNrs', 'pa.colRelief'),
            h('tbody', {}, pa.points(k).map((x) => h('tr', {},
              h('th', { scope: 'row' }, x.point), h('td', { className: 'site-number' }, x.nrs), h('td', {}, x.relief))))) : h('p', {}, t('pa.noEntries')),
          h('ul', { className: 'usa-list usa-list--unstyled site-verdicts' }, k.verdicts.map((v) => h('li', {
            className: `site-verdict site-verdict--${v.result.toLowerCase()}`, 'data-verdict': v.standard },
          h('p', { className: 'site-verdict__head' }, h('strong', {}, t('verdictHead', { standard: standardName(v.standard), threshold: v.thresholdPercent })), ' ',
            h('span', { className: 'site-verdict__result' }, resultName(v.result))),
          apiWords(v.explanation, 'p', { className: 'site-verdict__why' })))))) : h('p', {}, t('pa.noBlocks'))),
      h('section', { className: 'site-packet__section', 'aria-labelledby': 'packet-lcd-title' },
        h('h2', { id: 'packet-lcd-title' }, t('pa.frequencyTitle')),
        h('p', {}, t('pa.frequencyWindow', { group: t(`lcdGroup.${p.frequency.group}`), months: p.frequency.windowMonths, from: pa.day(p.frequency.from), to: pa.day(p.frequency.to) })),
        h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-packet__table', id: 'packet-lcd', 'aria-labelledby': 'packet-lcd-title' },
          heads('lcdColKind', 'lcdColCount', 'lcdColLimit'),
          h('tbody', {}, frequency.map((x) => h('tr', { className: x.atLimit ? 'site-row--overdue' : null },
            h('th', { scope: 'row', 'data-label': t('lcdColKind') }, x.kindName),
            h('td', { className: 'site-number', 'data-label': t('lcdColCount') }, String(x.sessions)),
            h('td', { className: 'site-number', 'data-label': t('lcdColLimit') }, String(x.limit)))))))));
}

/** The packet's PDF (its own function): fetched with the bearer token, saved as the file the API names. */
async function downloadPdf(id, region, button) {
  const status = document.getElementById('packet-status');
  button.disabled = true;
  status?.replaceChildren(t('pa.downloading'));
  try {
    const file = await api.blob(`/referrals/${id}/prior-auth/${region.toLowerCase()}/pdf`);
    const url = URL.createObjectURL(file.blob);
    const a = h('a', { href: url, download: file.name || 'prior-auth.pdf', className: 'site-visually-hidden' }, file.name || 'prior-auth.pdf');
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status?.replaceChildren(t('pa.downloaded', { name: file.name || 'prior-auth.pdf' }));
  } catch (e) {
    if (e instanceof SignInNeeded) throw e;
    status?.replaceChildren(alertBox('error', null, t('pa.downloadFailed')));
  } finally {
    button.disabled = false;
  }
}

// the "Record a block" form (no claim is needed: recording a block changes nothing of the referral)
function blockDraft() {
  const r = state.referral;
  if (!r.blockDraft) r.blockDraft = { ...b.localParts(now()), time: '', region: null, levels: [], side: null, anaesthetic: null, diagnosticBlock: null, baselineNrs: '' };
  return r.blockDraft;
}

function blockForm() {
  const v = blockDraft();
  const slot = h('div', { id: 'block-error-slot' });
  const text = (id, label, hint, value, onInput, attrs = {}) => {
    const input = h('input', { className: 'usa-input site-input--short', id, name: id, type: 'text', 'aria-describedby': `${id}-hint`, ...attrs });
    input.value = value;
    input.addEventListener('input', () => onInput(input.value));
    return h('div', { className: 'usa-form-group', id: `${id}-group` },
      h('label', { className: 'usa-label', for: id }, label), h('div', { className: 'usa-hint', id: `${id}-hint` }, hint), input);
  };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const levelsSlot = h('div', { id: 'block-levels-slot' });
  const drawLevels = () => {
    if (!v.region) {
      levelsSlot.replaceChildren(h('fieldset', { className: 'usa-fieldset usa-form-group', id: 'block-levels-group', 'aria-describedby': 'block-levels-hint' },
        h('legend', { className: 'usa-legend' }, t('blockLevels')),
        h('div', { className: 'usa-hint', id: 'block-levels-hint' }, t('blockLevelsChooseRegion'))));
      return;
    }
    v.levels = v.levels.filter((l) => b.levelsOf(v.region).includes(l));
    levelsSlot.replaceChildren(h('fieldset', { className: 'usa-fieldset usa-form-group', id: 'block-levels-group', 'aria-describedby': 'block-levels-hint' },
      h('legend', { className: 'usa-legend' }, t('blockLevels')),
      h('div', { className: 'usa-hint', id: 'block-levels-hint' }, t('blockLevelsHint', { region: regionName(v.region) })),
      h('div', { className: 'site-levels' }, b.levelsOf(v.region).map((l, k) => h('div', { className: 'usa-checkbox' },
        h('input', { className: 'usa-checkbox__input', type: 'checkbox', id: k === 0 ? 'block-levels' : `block-levels-${l}`, 'data-field': k === 0 ? 'block-levels' : null, value: l, checked: v.levels.includes(l),
          onchange: (e) => { v.levels = e.target.checked ? [...v.levels, l] : v.levels.filter((x) => x !== l); } }),
        h('label', { className: 'usa-checkbox__label', for: k === 0 ? 'block-levels' : `block-levels-${l}` }, l))))));
  };
  drawLevels();
  const choice = (name, legend, codes, prefix, key) => radios(name, legend, null,
    codes.map((c) => ({ value: c, label: prefix ? t(`${prefix}.${c}`) : regionName(c) })), v[key], (e) => { v[key] = e.target.value; if (key === 'region') drawLevels(); });
  const form = h('form', { className: 'usa-form usa-form--large site-block-form', id: 'block-form', novalidate: true, 'aria-labelledby': 'block-form-title' },
    h('h3', { id: 'block-form-title' }, t('recordBlockTitle')),
    h('p', { className: 'site-hint' }, t('recordBlockHint')),
    slot,
    text('block-date', t('blockDate'), t('blockDateHint', { zone }), v.date, (x) => { v.date = x; }, { autocomplete: 'off', spellcheck: 'false' }),
    text('block-time', t('blockTime'), t('blockTimeHint', { zone }), v.time, (x) => { v.time = x; }, { autocomplete: 'off', spellcheck: 'false', inputmode: 'numeric' }),
    choice('block-region', t('blockRegion'), b.BLOCK_REGIONS, null, 'region'),
    levelsSlot,
    choice('block-side', t('blockSide'), b.SIDES, 'side', 'side'),
    choice('block-anaesthetic', t('blockAnaesthetic'), b.ANAESTHETICS, 'anaesthetic', 'anaesthetic'),
    choice('block-which', t('blockWhich'), b.DIAGNOSTIC_BLOCKS, 'diagnosticBlock', 'diagnosticBlock'),
    text('block-baseline', t('blockBaseline'), t('blockBaselineHint'), v.baselineNrs, (x) => { v.baselineNrs = x; }, { inputmode: 'numeric', autocomplete: 'off' }),
    h('div', { className: 'site-actions' }, h('button', { type: 'submit', className: 'usa-button', id: 'record-block' }, t('recordBlock'))));
  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    const title = t('referralTitle', { id: m.shortId(state.referral.id) });
    const checked = b.blockForm(v, now());
    fieldErrors(slot, checked.errors, title);
    if (checked.errors.length) return;
    sending = true;
    form.querySelector('#record-block').setAttribute('aria-disabled', 'true');
    try {
      await guard(sendBlock(checked.body, slot, title));
    } finally {
      sending = false;
      form.querySelector('#record-block')?.removeAttribute('aria-disabled');
    }
  });
  return form;
}

async function sendBlock(body, slot, title) {
  const r = state.referral;
  try {
    const { data } = await api.post(`/referrals/${r.id}/blocks`, { body });
    r.blockDraft = null;
    await loadBlocks(r.id);
    setTitle(title);
    const warnings = data.lcdWarnings || [];
    const said = t('blockRecorded', { which: t(`diagnosticBlock.${data.diagnosticBlock}`), region: regionName(data.region), time: m.time(data.endedAt, now()) });
    if (!warnings.length) return blocksStatus('success', said);
    blocksStatus('warning', h('p', { className: 'usa-alert__text' }, said), h('p', { className: 'usa-alert__text' }, h('strong', {}, t('lcdWarningTitle'))),
      h('ul', { className: 'usa-list', id: 'lcd-warnings' }, warnings.map((w) => h('li', {},
        t('lcdWarning', { group: t(`lcdGroup.${w.group}`), kind: t(`lcdKind.${w.kind}`), count: w.countWithBooking, limit: w.limit, from: w.windowFrom, to: w.windowTo }), ' ',
        apiWords(w.message)))));
  } catch (e) {
    if (e instanceof SignInNeeded || !(e instanceof ApiError)) throw e;
    if (e.status === 422) return fieldErrors(slot, b.blockProblem(e.problem), title);
    slot.replaceChildren(h('div', { id: 'error-summary', tabindex: '-1', role: 'alert' },
      alertBox('error', t('blockNotRecorded'), e.status === 503 || e.status === 0 ? t('notRecordedUnreachable')
        : t('notRecordedDetail', { detail: e.problem.detail || t('notRecordedDefault') }))));
    setTitle(title, true);
    document.getElementById('error-summary').focus();
  }
}

// ---- the decision ------------------------------------------------------------------------------

async function decisionPage(root, id, mine) {
  if (state.referral?.id !== id) {
    loading(root, 'loadingReferral');
    await loadReferral(id);
    if (stale(mine)) return;
  }
  if (state.conflict?.id !== id) state.conflict = null;
  drawDecision(root);
  focusHeading();
}

function draft(id) {
  if (!state.drafts.has(id)) state.drafts.set(id, { disposition: null, outcome: null, reason: '', note: '' });
  return state.drafts.get(id);
}

function drawDecision(root) {
  const r = state.referral;
  const d = r.data;
  const title = t('recordADecision');
  root.replaceChildren(h('a', { href: `#/referrals/${d.referralId}`, className: 'usa-link site-back' }, t('backToReferral', { id: m.shortId(d.referralId) })));
  if (state.conflict) return drawConflict(root);
  setTitle(title);
  root.append(h('h1', {}, title));
  flash(root);
  const a = d.assessment;
  root.append(dl([
    [t('fieldReferral'), m.shortId(d.referralId)],
    [t('fieldList'), m.bandOf(d.band)?.name || d.band],
    [t('fieldDisposition'), h('span', {}, m.DISPOSITIONS[d.disposition], a ? [' — ', apiWords(a.dispositionReason)] : null)],
    d.redFlags?.length ? [t('fieldRedFlags'), apiWords(d.redFlags.map((f) => m.flagText(rules, f)).join('; '))] : null,
  ], 'site-pairs site-pairs--summary'));
  const confirm = a ? m.toConfirm(definition, d) : [];
  if (confirm.length) {
    root.append(h('div', { className: 'usa-summary-box site-confirm' }, h('div', { className: 'usa-summary-box__body' },
      h('h2', { className: 'usa-summary-box__heading' }, t('toConfirmTitle')),
      h('ul', { className: 'usa-list' }, confirm.map((c) => h('li', {}, c.text))))));
  }
  root.append(h('div', { id: 'claim-status', role: 'status', 'aria-live': 'polite', className: 'site-status' }));
  if (!d.open) {
    root.append(alertBox('info', null, t('referralDecided', { outcome: m.OUTCOMES[d.outcome]?.name || d.outcome, by: d.decidedBy ? t('byWho', { who: d.decidedBy }) : '' })));
    return;
  }
  if (!holdsClaim(d)) {
    root.append(alertBox('warning', null, t('needClaim')), claimBox({ decisionLink: false }));
    later(redrawClaim, 15_000);
    return;
  }
  root.append(claimBox({ decisionLink: false }));
  later(redrawClaim, 15_000);
  root.append(decisionForm(d));
}

function radios(name, legend, hint, options, value, onchange) {
  return h('fieldset', { className: 'usa-fieldset usa-form-group', id: `${name}-group`, 'aria-describedby': hint ? `${name}-hint` : null },
    h('legend', { className: 'usa-legend usa-legend--large' }, legend),
    hint ? h('div', { className: 'usa-hint', id: `${name}-hint` }, hint) : null,
    options.map((o, i) => h('div', { className: 'usa-radio' },
      h('input', { className: 'usa-radio__input', type: 'radio', name, id: i === 0 ? name : `${name}-${o.value}`, value: o.value,
        checked: o.value === value, 'data-field': i === 0 ? name : null, onchange }),
      h('label', { className: 'usa-radio__label', for: i === 0 ? name : `${name}-${o.value}` }, o.label,
        o.hint ? h('span', { className: 'usa-checkbox__label-description' }, o.hint) : null))));
}

function decisionForm(d) {
  const values = draft(d.referralId);
  const disposition = () => values.disposition || d.disposition;
  const override = () => (disposition() !== d.disposition ? disposition() : null);
  const slot = h('div', { id: 'error-summary-slot' });
  const outcomeSlot = h('div', { id: 'outcome-slot' });
  const reasonLabel = h('span', { id: 'reason-required' });
  const reasonHint = h('div', { className: 'usa-hint', id: 'reason-hint', 'aria-live': 'polite' });
  const reason = h('textarea', { className: 'usa-textarea', id: 'reason', name: 'reason', rows: '3', 'aria-describedby': 'reason-hint' });
  reason.value = values.reason;
  reason.addEventListener('input', () => { values.reason = reason.value; });
  const note = h('textarea', { className: 'usa-textarea', id: 'note', name: 'note', rows: '3', 'aria-describedby': 'note-hint' });
  note.value = values.note;
  note.addEventListener('input', () => { values.note = note.value; });

  const drawReason = () => {
    const why = m.reasonRequired({ disposition: d.disposition, override: override(), outcome: values.outcome });
    reasonLabel.textContent = why ? t('required') : t('optional');
    reasonHint.textContent = t(why === 'override' ? 'reasonHintOverride'
      : why === 'closing' ? (d.disposition === 'EMERGENCY' ? 'reasonHintClosingEmergency' : 'reasonHintClosingUrgent')
        : 'reasonHint');
  };
  const drawOutcomes = () => {
    const allowed = m.outcomesFor(d.disposition, override());
    if (!allowed.includes(values.outcome)) values.outcome = null;
    outcomeSlot.replaceChildren(radios('outcome', t('outcomeLegend'), t('outcomesFor', { disposition: m.DISPOSITIONS[disposition()].toLowerCase() }),
      allowed.map((o) => ({ value: o, label: m.OUTCOMES[o].name, hint: m.OUTCOMES[o].closes ? t('closesReferral') : t('keepsOnWorklist') })),
      values.outcome, (e) => { values.outcome = e.target.value; drawReason(); }));
  };
  const dispositions = Object.keys(m.DISPOSITIONS).sort((x, y) => (x === d.disposition ? -1 : y === d.disposition ? 1 : 0));
  const dispositionGroup = radios('disposition', t('dispositionLegend'), t('dispositionHint'),
    dispositions.map((x) => ({ value: x, label: m.DISPOSITIONS[x], hint: x === d.disposition ? t('enginesDisposition') : (d.originalDisposition === x ? t('enginesFirstDisposition') : null) })),
    disposition(), (e) => { values.disposition = e.target.value; drawOutcomes(); drawReason(); });
  drawOutcomes();
  drawReason();

  const form = h('form', { className: 'usa-form usa-form--large site-decision', novalidate: true, id: 'decision-form' },
    slot, dispositionGroup, outcomeSlot,
    h('div', { className: 'usa-form-group', id: 'reason-group' },
      h('label', { className: 'usa-label', for: 'reason' }, t('reasonLabel'), reasonLabel), reasonHint, reason),
    h('div', { className: 'usa-form-group', id: 'note-group' },
      h('label', { className: 'usa-label', for: 'note' }, t('noteLabel')),
      h('div', { className: 'usa-hint', id: 'note-hint' }, t('noteHint')), note),
    h('div', { className: 'site-actions' }, h('button', { type: 'submit', className: 'usa-button usa-button--big', id: 'record' }, t('recordDecision'))));
  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    const choice = m.decision(d, values);
    fieldErrors(slot, choice.errors, t('recordADecision'));
    if (choice.errors.length) return;
    sending = true;
    form.querySelector('#record').setAttribute('aria-disabled', 'true');
    try {
      await guard(record(d, choice.body, slot));
    } finally {
      sending = false;
      form.querySelector('#record')?.removeAttribute('aria-disabled');
    }
  });
  return form;
}

async function record(d, body, slot) {
  const r = state.referral;
  try {
    const { data } = await api.post(`/referrals/${d.referralId}/decision`, { body, ifMatch: r.seen });
    state.drafts.delete(d.referralId);
    state.referral = null;
    state.flash = { kind: 'success', text: data.status === 'DECIDED'
      ? t('decisionRecordedClosed', { id: m.shortId(d.referralId), outcome: m.OUTCOMES[data.outcome].name })
      : t('decisionRecordedOpen', { id: m.shortId(d.referralId), outcome: m.OUTCOMES[data.outcome].name, status: m.STATUSES[data.status].toLowerCase() }) };
    location.hash = '#/';
  } catch (e) {
    if (e instanceof SignInNeeded) {
      state.signInReason = 'expired';
      state.referral.keep = true;
      return render();
    }
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 412) {
      const before = r.read;
      const { data: after } = await api.get(`/referrals/${d.referralId}`);
      state.conflict = { id: d.referralId, before, after };
      return drawDecision(page());
    }
    if (e.status === 422) {
      const fields = { '/outcome': 'outcome', '/reason': 'reason', '/note': 'note', '/overrideDisposition': 'disposition' };
      const errors = (e.problem.errors || []).map((x) => ({ field: fields[x.pointer] || 'outcome', text: x.detail }));
      return fieldErrors(slot, errors.length ? errors : [{ field: 'outcome', text: e.problem.detail || t('decisionRefused') }], t('recordADecision'));
    }
    if (e.status === 409) {
      await loadReferral(d.referralId);
      drawDecision(page());
      const now2 = state.referral.data;
      const text = e.type === 'referral-closed'
        ? t('notRecordedClosed', { outcome: m.OUTCOMES[now2.outcome]?.name || '', by: now2.decidedBy ? t('byWho', { who: now2.decidedBy }) : '' })
        : now2.assignee && now2.assignee !== me() && Date.parse(now2.leaseUntil) > now()
          ? t('notRecordedHeld', { who: now2.assignee, time: m.time(now2.leaseUntil, now()) })
          : t('notRecordedClaim', { detail: e.problem.detail || t('claimNotLive') });
      claimStatus('warning', text);
      document.getElementById('claim-status').setAttribute('tabindex', '-1');
      document.getElementById('claim-status').focus();
      return;
    }
    slot.replaceChildren(h('div', { id: 'error-summary', tabindex: '-1' },
      alertBox('error', t('notRecordedTitle'), e.status === 503 || e.status === 0
        ? t('notRecordedUnreachable')
        : t('notRecordedDetail', { detail: e.problem.detail || t('notRecordedDefault') }))));
    setTitle(t('recordADecision'), true);
    document.getElementById('error-summary').focus();
  }
}

function drawConflict(root) {
  const { before, after } = state.conflict;
  const c = m.changes(before, after, now());
  setTitle(t('conflictTitle'), true);
  root.append(h('h1', {}, t('conflictHeading')),
    alertBox('warning', t('conflictNotRecorded'), t('conflictVersions', { before: before.version, after: after.version })),
    section('changed-title', t('whatChanged'),
      c.fields.length ? h('ul', { className: 'usa-list', id: 'changed-fields' }, c.fields.map((x) => h('li', {}, x))) : h('p', {}, t('noFieldChanged')),
      c.since.length ? [h('h3', {}, t('sinceYouRead')), h('ol', { className: 'usa-list', id: 'changed-since' }, c.since.map((x) => h('li', {}, x)))] : null),
    h('div', { className: 'site-actions' },
      h('button', { type: 'button', className: 'usa-button', id: 'decide-again', onclick: () => {
        state.referral = { id: after.referralId, data: after, seen: after.version, read: after };
        state.conflict = null;
        drawDecision(page());
        focusHeading();
      } }, t('decideAgain')),
      h('a', { href: `#/referrals/${after.referralId}`, className: 'usa-button usa-button--outline', onclick: () => {
        state.referral = { id: after.referralId, data: after, seen: after.version, read: after, keep: true };
        state.conflict = null;
      } }, t('readAgain'))));
}

// ---- statistics --------------------------------------------------------------------------------

async function statsPage(root, mine) {
  loading(root, 'loadingStats');
  const { data } = await api.get('/referrals/stats');
  if (stale(mine)) return;
  const s = m.stats(data);
  const at = now();
  setTitle(t('statsTitle'));
  const table = (id, caption, heads, rows) => h('table', { className: 'usa-table usa-table--borderless usa-table--stacked site-stats-table', id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, heads.map((x, i) => h('th', { scope: 'col', className: i ? 'site-number' : null }, x)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((x, i) => (i === 0 ? h('th', { scope: 'row', 'data-label': heads[0] }, x)
      : h('td', { 'data-label': heads[i], className: 'site-number' }, String(x))))))));
  root.replaceChildren(
    h('h1', {}, t('statsTitle')),
    h('p', {}, t('statsAsOf', { time: m.time(s.asOf, at), open: s.open, overdue: s.overdue, total: s.total })),
    section('bands-title', t('byListTitle'),
      chart('chart-bands', t('byListChart'),
        s.bands.map((b) => ({ label: b.name, bars: [{ value: b.total, text: t('inAll', { n: b.total }), kind: 'total' }, { value: b.overdue, text: t('nOverdue', { n: b.overdue }), kind: 'overdue' }] }))),
      table('table-bands', t('byListTitle'), [t('statList'), t('statAll'), t('statOverdueNow'), t('statLongestWait')],
        s.bands.map((b) => [b.name, b.total, b.overdue, b.oldestWaiting]))),
    section('status-title', t('byStatusTitle'),
      table('table-status', t('byStatusTitle'), [t('statStatus'), t('statReferrals')], s.statuses.map((x) => [x.name, x.count]))),
    section('ttd-title', t('ttdTitle'),
      h('p', { className: 'site-hint' }, t('ttdHint')),
      ['week', 'month'].map((w) => {
        const label = w === 'week' ? t('last7Days') : t('last30Days');
        return [
          chart(`chart-ttd-${w}`, t('ttdChart', { period: label }),
            s.bands.map((b) => ({ label: b.name, bars: [
              { value: b[w].median ?? 0, text: b[w].median === null ? t('noDecisions') : t('medianOf', { t: b[w].medianText }), kind: 'median' },
              { value: b[w].p90 ?? 0, text: b[w].p90 === null ? '' : t('p90Of', { t: b[w].p90Text }), kind: 'p90' }] }))),
          table(`table-ttd-${w}`, t('ttdTable', { period: label }), [t('statList'), t('statDecided'), t('statMedian'), t('statP90')],
            s.bands.map((b) => [b.name, b[w].decided, b[w].medianText, b[w].p90Text])),
        ];
      })));
  focusHeading();
}

/** A bar chart drawn with the page's own elements (no inline styles in markup: widths are set through the CSSOM). */
function chart(id, caption, groups) {
  const max = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.value)));
  return h('figure', { className: 'site-chart', id },
    h('figcaption', { className: 'site-chart__caption' }, caption),
    h('div', { className: 'site-chart__body', 'aria-hidden': 'true' }, groups.map((g) => h('div', { className: 'site-chart__group' },
      h('div', { className: 'site-chart__label' }, g.label),
      g.bars.filter((b) => b.text).map((b) => {
        const bar = h('span', { className: `site-chart__bar site-chart__bar--${b.kind}` });
        bar.style.width = `${(60 * b.value) / max}%`;
        return h('div', { className: 'site-chart__row' }, bar, h('span', { className: 'site-chart__value' }, b.text));
      })))));
}

// ---- start -------------------------------------------------------------------------------------

/** The header's language switch: the same page in the other language, the focus kept on the switch. */
function switchLanguage() {
  setLanguage(other());
  if (state.referral && route().name === 'referral') state.referral.keep = true; // redrawn from memory, not read again
  if (state.packet && route().name === 'packet') state.packet.keep = true;
  const switcher = document.getElementById('language-switch');
  return Promise.resolve(render()).then(() => switcher.focus());
}

async function start() {
  setLanguage(pick(navigator.languages?.length ? navigator.languages : navigator.language));
  document.getElementById('language-switch').addEventListener('click', () => guard(switchLanguage()));
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('main-content').focus();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    auth.signOut();
    state.list = null;
    state.referral = null;
    state.drafts.clear();
    state.signInReason = null;
    if (config.mode === 'local') {
      location.hash = '#/';
      render();
    }
  });
  if (config.mode === 'cognito') {
    try {
      const back = await auth.completeCognitoSignIn();
      if (back?.failed) state.flash = { kind: 'error', text: t('signInIncomplete') };
    } catch (e) {
      state.flash = { kind: 'error', text: t('signInIncomplete') };
    }
  }
  render();
}

start();
