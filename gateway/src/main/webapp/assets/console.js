// The console shell: sign-in (the province's identity provider, or the demo issuer in demo mode), the signed-in layout, navigation by role
// and the routes to the desk's pages (dossiers.js, intake.js, dossier.js). Every call goes to the
// published API with the session's token.
import { adminPage } from './admin.js';
import { call, claims, forgetToken, keepToken, token } from './api.js';
import { archivePage } from './archive.js';
import { BASE, facts, h, notice, show } from './dom.js';
import { dossierPage } from './dossier.js';
import { listPage } from './dossiers.js';
import { formatDateTime, language, onLanguageChange, setUpLanguage, statusLabel, t } from './i18n.js';
import { intakePage } from './intake.js';
import { leaderPage } from './leader.js';
import { beginSignIn, endProviderSession, finishSignIn, returningFromProvider } from './oidc.js';
import { registerPage } from './register.js';
import { satisfactionPage } from './satisfaction.js';

const main = document.getElementById('main');
const officer = document.getElementById('officer');
const nav = document.getElementById('console-nav');
const demoBadge = document.getElementById('demo');
let agencies = new Map();
let pendingMessage = null;
let demoOptions = null;
let provider = null;
let redraw = () => {};

const SEARCH_ROLES = ['desk-officer', 'leader'];
const DESK = 'desk-officer';
const AUDITOR = 'auditor';

function signedIn() {
  const c = token() ? claims() : null;
  if (!c) {
    return null;
  }
  if (typeof c.exp === 'number' && c.exp * 1000 <= Date.now()) {
    forgetToken();
    pendingMessage = 'signin.expired';
    return null;
  }
  return c;
}

function roleOf(c) {
  return (c.groups || []).find((g) => t(`role.${g}`) !== `role.${g}`) || (c.groups || [])[0] || '';
}

/** A call with the token; a refused token ends the session and asks to sign in again. */
async function authed(method, path, options = {}) {
  const answer = await call(method, path, { ...options, auth: true });
  if (answer.kind === 'unauthorized') {
    // Several calls may be refused together (the dossier view makes three): one sign-in page.
    const hadToken = token() !== null;
    forgetToken();
    pendingMessage = 'signin.expired';
    if (hadToken) {
      start();
    }
    return null;
  }
  return answer;
}

/** What to show for an answer that is not a success, with a way on. */
function failure(answer, retry) {
  if (answer.kind === 'forbidden') {
    return notice('error', h('p', {}, t('forbidden')), h('p', {}, link('', t('dossier.back'))));
  }
  if (answer.kind === 'notFound') {
    return notice('error', h('p', {}, t('dossier.notFound')), h('p', {}, link('', t('dossier.back'))));
  }
  if (['invalid', 'conflict', 'unprocessable', 'tooLarge', 'unsupported'].includes(answer.kind) && answer.body) {
    return notice('error', problemText(answer.body));
  }
  const text = answer.kind === 'network' ? t('error.network') : t('error.server', { id: answer.requestId });
  return notice('error', h('p', {}, text), h('button', { type: 'button', onclick: retry }, t('error.retry')));
}

/** A refusal's words in the page's language: the detail, each field's message, the moves allowed. */
function problemText(problem) {
  const en = language() === 'en';
  const detail = (en ? problem.detailEn : problem.detail) || (en ? problem.titleEn : problem.title) || '';
  return [h('p', {}, detail),
    problem.errors && problem.errors.length > 0
      ? h('ul', {}, problem.errors.map((e) => h('li', {}, en ? e.messageEn : e.message))) : null,
    problem.allowed && problem.allowed.length > 0
      ? h('p', {}, t('error.allowed', { list: problem.allowed.map((s) => statusLabel(s, null)).join(', ') })) : null];
}

function link(route, text) {
  return h('a', { href: BASE + route, 'data-route': '' }, text);
}

document.addEventListener('click', (event) => {
  const a = event.target.closest && event.target.closest('a[data-route]');
  if (!a || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  history.pushState(null, '', a.getAttribute('href'));
  routeTo();
});
window.addEventListener('popstate', () => routeTo());

// ---- Sign-in ----

async function signInPage() {
  officer.replaceChildren();
  nav.replaceChildren();
  document.body.classList.remove('signed-in');
  const message = pendingMessage;
  redraw = () => drawSignIn(message);
  const answer = await demoMode();
  const providerAnswer = await providerMode();
  if (demoOptions === null || provider === null) {
    const refused = demoOptions === null ? answer : providerAnswer;
    // A demo sign-in refused to another machine says why and how to open it (a 403 with its reason).
    show(main, h('h1', {}, t('signin.title')), refused.kind === 'forbidden' && refused.body
      ? notice('error', problemText(refused.body)) : failure(refused, () => start()));
    return;
  }
  drawSignIn(message);
}

/** Asks once whether the demo issuer runs: its sign-in options, false when it is off (404). */
async function demoMode() {
  if (demoOptions !== null) {
    return null;
  }
  const answer = await call('GET', 'api/v1/demo/sign-in');
  demoOptions = answer.ok ? answer.body : (answer.kind === 'notFound' ? false : null);
  demoBadge.hidden = !demoOptions;
  return answer;
}

/** Asks once for the province's identity provider: its settings, false when none is configured (404). */
async function providerMode() {
  if (provider !== null) {
    return null;
  }
  const answer = await call('GET', 'api/v1/sign-in/provider');
  provider = answer.ok ? answer.body : (answer.kind === 'notFound' ? false : null);
  return answer;
}

/** The provider's way in: one button, which leaves for its sign-in page and comes back signed in. */
function providerSignIn() {
  const button = h('button', { type: 'button', id: 'signin-provider', class: 'primary' }, t('signin.provider'));
  button.addEventListener('click', () => {
    button.disabled = true;
    const here = location.pathname + location.search;
    beginSignIn(provider, here.startsWith(BASE) ? here : BASE);
  });
  return h('section', { class: 'stack', 'aria-labelledby': 'signin-provider-heading' },
    h('h2', { id: 'signin-provider-heading' }, t('signin.provider.title')),
    h('p', {}, t('signin.provider.note')), h('p', {}, button));
}

function drawSignIn(message) {
  const parts = [h('h1', { id: 'page-heading', tabindex: '-1' }, t('signin.title'))];
  if (message) {
    parts.push(notice(message === 'signin.signedOut' ? 'info' : 'error', t(message)));
  }
  if (provider) {
    parts.push(providerSignIn());
  }
  if (!demoOptions) {
    if (!provider) {
      parts.push(h('p', {}, t('signin.noDemo')));
    }
    show(main, parts);
    return;
  }
  const role = h('select', { id: 'role', name: 'role', required: true },
    demoOptions.roles.map((r) => h('option', { value: r.code }, t(`role.${r.code}`))));
  const agency = h('select', { id: 'agency', name: 'agency', required: true },
    demoOptions.agencies.map((a) => h('option', { value: a.code }, `${a.name} (${a.code})`)));
  const status = h('div', { id: 'signin-status' });
  const form = h('form', { id: 'signin', class: 'stack', novalidate: true },
    h('p', { class: 'demo-note' }, h('strong', {}, t('signin.demo')), ' ', t('signin.demoNote')),
    h('div', { class: 'field' }, h('label', { for: 'role' }, t('signin.role')), role),
    h('div', { class: 'field' }, h('label', { for: 'agency' }, t('signin.agency')), agency),
    h('button', { type: 'submit', class: 'primary' }, t('signin.submit')), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', 'api/v1/demo/sign-in', { body: { role: role.value, agencyCode: agency.value } });
    if (!answer.ok) {
      show(status, failure(answer, () => form.requestSubmit()));
      return;
    }
    keepToken(answer.body.token);
    pendingMessage = null;
    start();
  });
  parts.push(form);
  show(main, parts);
}

// ---- The signed-in layout ----

async function shell(c) {
  document.body.classList.add('signed-in');
  await demoMode();
  if (agencies.size === 0) {
    const answer = await authed('GET', 'api/v1/agencies');
    if (answer === null) {
      return false;
    }
    if (answer.ok) {
      agencies = new Map(answer.body.agencies.map((a) => [a.code, a.name]));
    }
  }
  const role = roleOf(c);
  const signOut = h('button', { type: 'button', id: 'sign-out' }, t('console.signOut'));
  signOut.addEventListener('click', () => {
    forgetToken();
    if (provider && endProviderSession(provider)) {
      return;
    }
    pendingMessage = 'signin.signedOut';
    history.pushState(null, '', BASE);
    start();
  });
  show(officer, facts([
    [t('console.officer'), c.name || c.upn || c.sub],
    [t('console.role'), t(`role.${role}`)],
    [t('console.agency'), agencies.get(c.agency_code) ? `${agencies.get(c.agency_code)} (${c.agency_code})` : c.agency_code],
    [t('console.validUntil'), c.exp ? formatDateTime(new Date(c.exp * 1000).toISOString()) : ''],
  ], 'facts officer-facts'), signOut);
  const items = [];
  if (SEARCH_ROLES.includes(role)) {
    items.push(h('li', {}, link('', t('console.nav.search'))));
  }
  if (role === DESK) {
    items.push(h('li', {}, link('tiep-nhan', t('console.nav.intake'))));
  }
  if (SEARCH_ROLES.includes(role)) {
    items.push(h('li', {}, link('so-theo-doi', t('console.nav.register'))));
  }
  if (role === 'leader') {
    items.push(h('li', {}, link('thong-ke', t('console.nav.statistics'))));
    items.push(h('li', {}, link('hai-long', t('console.nav.satisfaction'))));
  }
  if (role === 'admin') {
    items.push(h('li', {}, link('quan-tri', t('console.nav.admin'))));
  }
  if (role === AUDITOR) {
    items.push(h('li', {}, link('luu-tru', t('console.nav.archive'))));
  }
  show(nav, h('ul', {}, items.length > 0 ? items : h('li', {}, t('console.nav.role'))));
  markCurrent();
  return true;
}

/** aria-current on the navigation link of the page shown. */
function markCurrent() {
  const path = location.pathname;
  for (const a of nav.querySelectorAll('a')) {
    if (new URL(a.href).pathname === path) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
}

/** What the page modules get from the shell: calls with the session, messages, links, who is signed in. */
const desk = {
  authed,
  failure,
  problemText,
  link,
  agencies: () => agencies,
  role: () => {
    const c = signedIn();
    return c ? roleOf(c) : '';
  },
  claims: () => signedIn(),
  mayAct: () => desk.role() === DESK,
  mayRead: () => SEARCH_ROLES.includes(desk.role()),
  setRedraw: (fn) => {
    redraw = fn;
  },
  /** Bumped on every route: a page's timers stop when it is no longer the page shown. */
  visit: 0,
  /** Shows the page of the current address again (after pushState), signing in first if the session ended. */
  reroute: () => route(),
};

// ---- Routing ----

async function route() {
  desk.visit += 1;
  const c = signedIn();
  if (!c) {
    await signInPage();
    return;
  }
  markCurrent();
  const path = location.pathname.substring(BASE.length);
  const dossier = path.match(/^ho-so\/([^/]+)\/?$/);
  if (dossier) {
    await dossierPage(main, desk, decodeURIComponent(dossier[1]));
  } else if (/^tiep-nhan\/?$/.test(path)) {
    await intakePage(main, desk);
  } else if (/^so-theo-doi\/?$/.test(path)) {
    await registerPage(main, desk);
  } else if (/^quan-tri\/?$/.test(path)) {
    await adminPage(main, desk);
  } else if (/^thong-ke\/?$/.test(path)) {
    await leaderPage(main, desk);
  } else if (/^luu-tru\/?$/.test(path)) {
    await archivePage(main, desk);
  } else if (/^hai-long\/?$/.test(path)) {
    await satisfactionPage(main, desk);
  } else {
    await listPage(main, desk);
  }
}

/** A route followed from a link: the new page's heading takes the focus, as after a page load. */
async function routeTo() {
  await route();
  document.getElementById('page-heading')?.focus();
}

async function start() {
  if (returningFromProvider()) {
    await providerMode();
    if (provider) {
      const result = await finishSignIn(provider);
      if (result.token) {
        keepToken(result.token);
        pendingMessage = null;
      } else {
        pendingMessage = result.error;
      }
    }
  }
  const c = signedIn();
  if (c && !(await shell(c))) {
    return;
  }
  await route();
  document.getElementById('page-heading')?.focus();
}

setUpLanguage();
onLanguageChange(async () => {
  const c = signedIn();
  if (c) {
    await shell(c);
  }
  redraw();
});
start();
