// The console shell: sign-in (demo issuer in demo mode), the signed-in layout, the dossier search
// and a read-only dossier view. Every call goes to the published API with the session's token.
import { call, claims, forgetToken, keepToken, segment, token } from './api.js';
import { BASE, facts, h, notice, show } from './dom.js';
import { formatDate, formatDateTime, onLanguageChange, setUpLanguage, statusLabel, t } from './i18n.js';

const main = document.getElementById('main');
const officer = document.getElementById('officer');
const nav = document.getElementById('console-nav');
const demoBadge = document.getElementById('demo');
let agencies = new Map();
let pendingMessage = null;
let demoOptions = null;
let redraw = () => {};

const SEARCH_ROLES = ['desk-officer', 'leader'];

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
  const text = answer.kind === 'network' ? t('error.network') : t('error.server', { id: answer.requestId });
  return notice('error', h('p', {}, text), h('button', { type: 'button', onclick: retry }, t('error.retry')));
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
  route();
});
window.addEventListener('popstate', () => route());

// ---- Sign-in ----

async function signInPage() {
  officer.replaceChildren();
  nav.replaceChildren();
  document.body.classList.remove('signed-in');
  const message = pendingMessage;
  redraw = () => drawSignIn(message);
  const answer = await demoMode();
  if (demoOptions === null) {
    show(main, h('h1', {}, t('signin.title')), failure(answer, () => start()));
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

function drawSignIn(message) {
  const parts = [h('h1', { id: 'page-heading', tabindex: '-1' }, t('signin.title'))];
  if (message) {
    parts.push(notice(message === 'signin.signedOut' ? 'info' : 'error', t(message)));
  }
  if (!demoOptions) {
    parts.push(h('p', {}, t('signin.noDemo')));
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
  show(nav, h('ul', {}, SEARCH_ROLES.includes(role)
    ? h('li', {}, link('', t('console.nav.search')))
    : h('li', {}, t('console.nav.role'))));
  return true;
}

// ---- Search ----

async function searchPage(c) {
  const query = new URLSearchParams(location.search).get('q') || '';
  const input = h('input', { id: 'q', name: 'q', type: 'search', autocomplete: 'off', value: query });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const form = h('form', { id: 'search', role: 'search', class: 'inline-form' },
    h('label', { for: 'q' }, t('search.label')), h('div', { class: 'row' }, input,
      h('button', { type: 'submit', class: 'primary' }, t('search.submit'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.pushState(null, '', `${BASE}?q=${encodeURIComponent(input.value.trim())}`);
    route();
  });
  show(main, h('h1', { id: 'page-heading', tabindex: '-1' }, t('console.title')), form, results);
  redraw = () => searchPage(c);
  if (!SEARCH_ROLES.includes(roleOf(c))) {
    show(results, notice('info', t('search.forbidden')));
    return;
  }
  if (!query) {
    return;
  }
  const answer = await authed('GET', `api/v1/dossiers?q=${encodeURIComponent(query)}&size=50`);
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(results, failure(answer, () => searchPage(c)));
    return;
  }
  const items = answer.body.items || [];
  show(results, h('p', {}, items.length === 0 ? t('search.none') : t('search.count', { n: answer.body.total ?? items.length })),
    h('ul', { class: 'results' }, items.map((d) => h('li', {},
      h('h2', { class: 'result-code' }, link(`ho-so/${segment(d.code)}?q=${encodeURIComponent(query)}`, d.code)),
      facts([
        [t('search.applicant'), d.applicant ? d.applicant.fullName : ''],
        [t('search.status'), statusLabel(d.status, d.statusLabel)],
        [t('search.received'), formatDate(d.receivedAt)],
      ])))));
}

// ---- One dossier, read only ----

async function dossierPage(code) {
  redraw = () => dossierPage(code);
  show(main, h('p', {}, link(location.search ? `${location.search}` : '', t('dossier.back'))),
    h('h1', { id: 'page-heading', tabindex: '-1' }, t('dossier.title', { code })));
  const [dossier, history, documents] = await Promise.all([
    authed('GET', `api/v1/dossiers/${segment(code)}`),
    authed('GET', `api/v1/dossiers/${segment(code)}/history`),
    authed('GET', `api/v1/dossiers/${segment(code)}/documents`),
  ]);
  if (dossier === null || history === null || documents === null) {
    return;
  }
  if (!dossier.ok) {
    main.append(failure(dossier, () => dossierPage(code)));
    return;
  }
  const d = dossier.body;
  main.append(h('p', { class: 'badge badge-info' }, t('dossier.readOnly')), facts([
    [t('search.status'), statusLabel(d.status, d.statusLabel)],
    [t('dossier.procedure'), d.procedureName ? `${d.procedureName} (${d.procedureCode})` : d.procedureCode],
    [t('dossier.applicant'), d.applicant ? d.applicant.fullName : ''],
    [t('dossier.agency'), agencies.get(d.agencyCode) ? `${agencies.get(d.agencyCode)} (${d.agencyCode})` : d.agencyCode],
    [t('dossier.received'), formatDateTime(d.receivedAt)],
    [t('dossier.due'), formatDateTime(d.dueAt) + (d.overdue ? ` – ${t('dossier.overdue')}` : '')],
  ]));
  // Not a named section: the table's scrolling region carries the heading's name, once.
  main.append(h('section', {},
    h('h2', { id: 'history-heading' }, t('dossier.history')),
    history.ok ? historyTable(history.body.steps || []) : failure(history, () => dossierPage(code))));
  const list = h('section', { 'aria-labelledby': 'documents-heading' }, h('h2', { id: 'documents-heading' }, t('dossier.documents')));
  main.append(list);
  if (!documents.ok) {
    list.append(failure(documents, () => dossierPage(code)));
    return;
  }
  if (documents.body.length === 0) {
    list.append(h('p', {}, t('dossier.documents.none')));
    return;
  }
  const rows = documents.body.map((doc) => {
    const badge = h('span', { class: 'badge badge-info' }, t('dossier.documents.checking'));
    const signers = h('span', { class: 'signers' });
    return { doc, badge, signers, item: h('li', {}, h('h3', {}, doc.title),
      facts([[t('dossier.documents.kind'), t(`kind.${doc.kind}`)], [t('dossier.history.at'), formatDateTime(doc.createdAt)]]),
      h('p', {}, t('dossier.documents.signature'), ': ', badge, ' ', signers)) };
  });
  list.append(h('ul', { class: 'documents' }, rows.map((r) => r.item)));
  // One after the other: the verifier is rate-limited per address, like any citizen's check.
  for (const row of rows) {
    await checkSignature(code, row);
  }
}

function historyTable(steps) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'history-heading' },
    h('table', {},
      h('thead', {}, h('tr', {}, ['dossier.history.at', 'dossier.history.what', 'dossier.history.from', 'dossier.history.to',
        'dossier.history.actor'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, steps.map((s) => h('tr', {},
        h('td', {}, formatDateTime(s.at)),
        h('td', {}, t(`event.${s.kind}`), s.toStatus ? ` → ${statusLabel(s.toStatus, null)}` : '', s.note ? ` (${s.note})` : ''),
        h('td', {}, s.fromUnit || ''), h('td', {}, s.toUnit || ''), h('td', {}, s.actor || ''))))));
}

async function checkSignature(code, { doc, badge, signers }) {
  const bytes = await authed('GET', `api/v1/dossiers/${segment(code)}/documents/${segment(doc.id)}`,
    { raw: true, headers: { Accept: 'application/pdf' } });
  if (bytes === null) {
    return;
  }
  let answer = bytes;
  if (bytes.ok) {
    const body = new FormData();
    body.append('file', bytes.body, `${doc.id}.pdf`);
    answer = await call('POST', 'api/v1/verify', { body });
  }
  if (!answer.ok) {
    badge.className = 'badge badge-warn';
    badge.textContent = t('dossier.documents.unchecked');
    return;
  }
  const report = answer.body;
  const indication = report.signatures.length === 0 ? 'TOTAL_FAILED' : report.indication;
  badge.className = `badge badge-${{ TOTAL_PASSED: 'ok', TOTAL_FAILED: 'error', INDETERMINATE: 'warn' }[indication]}`;
  badge.textContent = t(`verify.verdict.${indication}`);
  signers.textContent = report.signatures.map((s) => {
    const cn = ((s.signer || '').match(/CN=((?:\\,|[^,])*)/) || [])[1] || s.signer || t('verify.unknown');
    const when = s.timestampTime || s.claimedSigningTime;
    return `${cn}${when ? `, ${formatDateTime(when)}` : ''}`;
  }).join('; ');
}

// ---- Routing ----

async function route() {
  const c = signedIn();
  if (!c) {
    await signInPage();
    return;
  }
  const path = location.pathname.substring(BASE.length);
  const dossier = path.match(/^ho-so\/([^/]+)\/?$/);
  if (dossier) {
    await dossierPage(decodeURIComponent(dossier[1]));
  } else {
    await searchPage(c);
  }
}

async function start() {
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
