// Quản trị, the administrator's page: the agencies (health, circuit breaker, queue, last error, a
// test call), dead letters with their reason and a replay button, the
// message log's check, the citizen notices and their delivery, the audit trail with filters, and in
// demo mode the demo clock and the sandbox agencies' fault switches (to show an outage, a dead
// letter and a late dossier), and the officers' DEMO signing certificates. The sandbox switches are the sandbox's own endpoints (/sandbox/…),
// which exist only in demo mode; everything else is the published API.
import { call, segment } from './api.js';
import { dateField, datesValid, isoDate } from './date-field.js';
import { h, notice, show } from './dom.js';
import { formatDateTime, t } from './i18n.js';

const SANDBOX_AGENCIES = ['civil-status', 'residence', 'social-insurance'];
const FAULT_KINDS = ['400', '500', '502', '503'];

function table(id, labelledBy, headings, rows) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': labelledBy },
    h('table', { id }, h('thead', {}, h('tr', {}, headings.map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)));
}

function section(id, titleKey, ...children) {
  return h('section', { 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, t(titleKey)), ...children);
}

export async function adminPage(main, desk) {
  desk.setRedraw(() => adminPage(main, desk));
  const heading = h('h1', { id: 'page-heading', tabindex: '-1' }, t('admin.title'));
  if (desk.role() !== 'admin') {
    show(main, heading, notice('info', t('forbidden')));
    return;
  }
  const agencies = h('div', { id: 'agencies' });
  const certificates = h('div', { id: 'certificates' });
  const dead = h('div', { id: 'dead-letters', 'aria-live': 'polite' });
  const demo = h('div', { id: 'demo-switches' });
  const log = h('div', { id: 'message-log-result', 'aria-live': 'polite' });
  const notices = h('div', { id: 'notices' });
  const audit = h('div', { id: 'audit-trail' });
  const refresh = h('button', { type: 'button', id: 'dead-refresh' }, t('admin.refresh'));
  refresh.addEventListener('click', () => deadLetters(desk, dead));
  const verify = h('button', { type: 'button', id: 'message-log-verify' }, t('admin.log.verify'));
  verify.addEventListener('click', () => verifyLog(desk, log));
  const agenciesRefresh = h('button', { type: 'button', id: 'agencies-refresh' }, t('admin.refresh'));
  agenciesRefresh.addEventListener('click', () => agencyList(desk, agencies));
  show(main, heading,
    section('agencies', 'admin.agencies.title', h('p', { class: 'hint' }, t('admin.agencies.intro')), agenciesRefresh, agencies),
    section('dead', 'admin.dead.title', h('p', { class: 'hint' }, t('admin.dead.intro')), refresh, dead),
    demo,
    section('log', 'admin.log.title', h('p', { class: 'hint' }, t('admin.log.intro')), verify, log),
    section('notices', 'admin.notices.title', notices),
    section('audit', 'admin.audit.title', auditForm(desk, audit), audit),
    certificates);
  await agencyList(desk, agencies);
  await deadLetters(desk, dead);
  await demoSwitches(desk, demo);
  await noticeList(desk, notices);
  await auditTrail(desk, audit, {});
  await certificateList(desk, certificates);
}

// ---- Agencies: health, breaker, queue, last error, test call ----

async function agencyList(desk, el) {
  const answer = await desk.authed('GET', 'api/v1/admin/agencies');
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(el, desk.failure(answer, () => agencyList(desk, el)));
    return;
  }
  show(el, table('agencies-table', 'agencies-heading', ['admin.agencies.agency', 'admin.agencies.health',
    'admin.agencies.breaker', 'admin.agencies.queue', 'admin.agencies.lastError', 'archive.col.actions'],
  answer.body.map((a) => {
    const test = h('button', { type: 'button', class: 'agency-test' }, t('admin.agencies.test'));
    const result = h('span', { class: 'test-result', role: 'status' });
    test.addEventListener('click', async () => {
      test.disabled = true;
      show(result, t('archive.checking'));
      const done = await desk.authed('POST', `api/v1/admin/agencies/${segment(a.id)}/test`);
      test.disabled = false;
      if (done !== null) {
        show(result, !done.ok ? desk.failure(done, () => test.click()) : done.body.reachable
          ? t('admin.agencies.reachable', { status: done.body.status, ms: done.body.millis })
          : t('admin.agencies.unreachable', { error: done.body.error }));
      }
    });
    return h('tr', { 'data-agency': a.id },
      h('td', {}, `${a.name} (${a.id})`), h('td', {}, t(`admin.agencies.health.${a.health}`)),
      h('td', { class: 'breaker' }, a.breaker), h('td', {}, t('admin.agencies.depth', { pending: a.pending, inFlight: a.inFlight })),
      h('td', { class: 'cause' }, a.lastError ? `${a.lastError} (${formatDateTime(a.lastErrorAt)})` : '–'),
      h('td', {}, test, ' ', result));
  })));
}

// ---- Officers' DEMO signing certificates: list, revoke with a reason, issue anew ----

const REVOCATION_REASONS = ['key-compromise', 'affiliation-changed', 'superseded', 'cessation-of-operation', 'unspecified'];

async function certificateList(desk, el, message) {
  const answer = await desk.authed('GET', 'api/v1/admin/certificates');
  if (answer === null) {
    return;
  }
  if (answer.status === 404) {
    show(el); // not in demo mode: the gateway is not the CA
    return;
  }
  if (!answer.ok) {
    show(el, desk.failure(answer, () => certificateList(desk, el)));
    return;
  }
  const redraw = (text) => certificateList(desk, el, text);
  const list = answer.body.length === 0 ? h('p', {}, t('admin.certs.none')) :
    table('certificates-table', 'certificates-heading', ['admin.certs.holder', 'admin.certs.serial', 'admin.certs.valid',
      'admin.dead.status', 'archive.col.actions'], answer.body.map((c) => certificateRow(desk, c, redraw)));
  const status = h('div', { id: 'certificates-status', role: 'status' }, message ? notice('ok', message) : '');
  show(el, section('certificates', 'admin.certs.title', h('p', { class: 'hint' }, t('admin.certs.intro')),
    status, list, issueForm(desk, redraw)));
}

function certificateRow(desk, c, redraw) {
  const [agencyCode, officerId] = c.holder.split('/');
  const actions = h('td', {});
  if (!c.revokedAt) {
    const id = `revoke-${c.serial}`;
    const reason = h('select', { id: `${id}-reason`, name: 'reason' }, REVOCATION_REASONS.map((r) => h('option', { value: r }, r)));
    const form = h('form', { id, class: 'inline-form revoke' },
      h('div', { class: 'field' }, h('label', { for: `${id}-reason` }, t('admin.certs.reason')), reason),
      h('button', { type: 'submit' }, t('admin.certs.revoke')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const done = await desk.authed('POST', `api/v1/admin/certificates/${segment(c.serial)}/revocation`, { body: { reason: reason.value } });
      if (done !== null && done.ok) {
        redraw(t('admin.certs.revoked', { serial: c.serial }));
      } else if (done !== null) {
        show(actions, desk.failure(done, () => form.requestSubmit()));
      }
    });
    actions.append(form);
  }
  if (c.current) {
    const again = h('button', { type: 'button', class: 'reissue' }, t('admin.certs.reissue'));
    again.addEventListener('click', () => issue(desk, officerId, agencyCode, redraw, actions));
    actions.append(again);
  }
  return h('tr', { 'data-serial': c.serial, 'data-holder': c.holder },
    h('td', {}, c.holder), h('td', { class: 'cause' }, c.serial),
    h('td', {}, `${formatDateTime(c.notBefore)} – ${formatDateTime(c.notAfter)}`),
    h('td', {}, c.revokedAt ? t('admin.certs.revokedState', { reason: c.revocationReason, at: formatDateTime(c.revokedAt) })
      : t(c.current ? 'admin.certs.current' : 'admin.certs.retired')),
    actions);
}

async function issue(desk, officerId, agencyCode, redraw, where) {
  const done = await desk.authed('POST', 'api/v1/admin/certificates/officers', { body: { officerId, agencyCode } });
  if (done !== null && done.ok) {
    redraw(t('admin.certs.issued', { holder: done.body.holder, serial: done.body.serial }));
  } else if (done !== null) {
    show(where, desk.failure(done, () => issue(desk, officerId, agencyCode, redraw, where)));
  }
}

function issueForm(desk, redraw) {
  const officer = h('input', { id: 'certificate-officer', name: 'officerId', type: 'text', required: '' });
  const agency = h('input', { id: 'certificate-agency', name: 'agencyCode', type: 'text', required: '' });
  const status = h('span', { role: 'status' });
  const form = h('form', { id: 'certificate-issue', class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, t('admin.certs.issueTitle')),
      h('div', { class: 'field' }, h('label', { for: 'certificate-officer' }, t('admin.certs.officer')), officer),
      h('div', { class: 'field' }, h('label', { for: 'certificate-agency' }, t('console.agency')), agency)),
    h('button', { type: 'submit', class: 'primary' }, t('admin.certs.issue')), status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    issue(desk, officer.value.trim(), agency.value.trim(), redraw, status);
  });
  return form;
}

// ---- Dead letters ----

async function deadLetters(desk, el) {
  const answer = await desk.authed('GET', 'api/v1/admin/dead-letters?limit=50');
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(el, desk.failure(answer, () => deadLetters(desk, el)));
    return;
  }
  if (answer.body.length === 0) {
    show(el, h('p', { id: 'dead-none' }, t('admin.dead.none')));
    return;
  }
  show(el, table('dead-table', 'dead-heading', ['admin.dead.dossier', 'admin.dead.agency', 'admin.dead.status',
    'admin.dead.attempts', 'admin.dead.cause', 'admin.dead.at', 'archive.col.actions'],
  answer.body.map((d) => {
    const replay = h('button', { type: 'button', class: 'replay', 'data-dossier': d.dossierCode }, t('admin.dead.replay'));
    const status = h('span', { role: 'status' });
    replay.addEventListener('click', async () => {
      replay.disabled = true;
      const done = await desk.authed('POST', `api/v1/admin/dead-letters/${d.id}/replay`);
      if (done === null) {
        return;
      }
      if (!done.ok) {
        replay.disabled = false;
        show(status, desk.failure(done, () => replay.click()));
        return;
      }
      await deadLetters(desk, el);
      document.getElementById('dead-letters').prepend(notice('ok', t('admin.dead.replayed', { code: d.dossierCode })));
    });
    return h('tr', { 'data-dossier': d.dossierCode },
      h('td', {}, desk.link(`ho-so/${segment(d.dossierCode)}`, d.dossierCode)),
      h('td', {}, `${d.agency} · ${d.operation}`), h('td', {}, d.status), h('td', {}, String(d.attempts)),
      h('td', { class: 'cause' }, d.cause || ''), h('td', {}, formatDateTime(d.failedAt)),
      h('td', {}, replay, status));
  })));
}

// ---- Demo mode: the clock and the sandbox agencies ----

async function demoSwitches(desk, el) {
  const clock = await desk.authed('GET', 'api/v1/admin/demo-clock');
  if (clock === null || !clock.ok) {
    show(el);
    return;
  }
  const clockState = h('p', { id: 'demo-clock-state', role: 'status' });
  const drawClock = (c) => show(clockState, t('admin.clock.state', { offset: c.offset, now: formatDateTime(c.now) }));
  drawClock(clock.body);
  const days = h('input', { id: 'demo-clock-days', name: 'days', type: 'number', min: '0', max: '3650', value: '0' });
  const move = h('form', { id: 'demo-clock', class: 'inline-form' },
    h('div', { class: 'field' }, h('label', { for: 'demo-clock-days' }, t('admin.clock.days')), days),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('admin.clock.move')),
      h('button', { type: 'button', id: 'demo-clock-reset' }, t('admin.clock.reset'))));
  move.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await desk.authed('PUT', 'api/v1/admin/demo-clock', { body: { offset: `P${Number(days.value) || 0}D` } });
    if (answer !== null) {
      show(clockState, answer.ok ? t('admin.clock.state', { offset: answer.body.offset, now: formatDateTime(answer.body.now) })
        : desk.failure(answer, () => move.requestSubmit()));
    }
  });
  move.querySelector('#demo-clock-reset').addEventListener('click', async () => {
    const answer = await desk.authed('DELETE', 'api/v1/admin/demo-clock');
    if (answer !== null && answer.ok) {
      drawClock(answer.body);
    }
  });
  const agencies = await Promise.all(SANDBOX_AGENCIES.map(async (a) => [a, await call('GET', `sandbox/${a}/_faults`)]));
  show(el, section('demo', 'admin.demo.title', h('p', { class: 'hint' }, t('admin.demo.intro')),
    h('h3', {}, t('admin.clock.title')), move, clockState,
    h('h3', {}, t('admin.faults.title')),
    agencies.filter(([, answer]) => answer.ok).map(([agency, answer]) => faultForm(agency, answer.body))));
}

function faultForm(agency, faults) {
  const id = `faults-${agency}`;
  const state = h('p', { id: `${id}-state`, role: 'status' });
  const drawState = (f) => show(state, f.failNext > 0 || f.errorRate > 0
    ? t('admin.faults.on', { kind: f.kind, n: f.failNext }) : t('admin.faults.off'));
  drawState(faults);
  const kind = h('select', { id: `${id}-kind`, name: 'kind' }, FAULT_KINDS.map((k) => h('option', { value: k }, k)));
  const count = h('input', { id: `${id}-count`, name: 'failNext', type: 'number', min: '1', max: '100', value: '1' });
  const fix = h('button', { type: 'button', id: `${id}-fix` }, t('admin.faults.fix'));
  const form = h('form', { id, class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, agency),
      h('div', { class: 'field' }, h('label', { for: `${id}-kind` }, t('admin.faults.kind')), kind),
      h('div', { class: 'field' }, h('label', { for: `${id}-count` }, t('admin.faults.count')), count)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.faults.set')), fix), state);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('PUT', `sandbox/${agency}/_faults`, { body: { kind: kind.value, failNext: Number(count.value) || 1 } });
    if (answer.ok) {
      drawState(answer.body);
    }
  });
  fix.addEventListener('click', async () => {
    const answer = await call('POST', `sandbox/${agency}/_reset`);
    if (answer.ok) {
      const now = await call('GET', `sandbox/${agency}/_faults`);
      if (now.ok) {
        drawState(now.body);
      }
    }
  });
  return form;
}

// ---- Message log, notices, audit trail ----

async function verifyLog(desk, el) {
  show(el, t('archive.checking'));
  const answer = await desk.authed('GET', 'api/v1/admin/message-log/verify');
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(el, desk.failure(answer, () => verifyLog(desk, el)));
    return;
  }
  const v = answer.body;
  show(el, v.ok ? notice('ok', t('admin.log.ok', { records: v.records, batches: v.batches, unsigned: v.unsignedRecords }))
    : notice('error', t('admin.log.bad', { id: v.firstBadRecord.id, reason: v.firstBadRecord.reason })));
}

async function noticeList(desk, el) {
  const answer = await desk.authed('GET', 'api/v1/admin/notices?limit=20');
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(el, desk.failure(answer, () => noticeList(desk, el)));
    return;
  }
  show(el, answer.body.length === 0 ? h('p', {}, t('admin.notices.none')) :
    table('notices-table', 'notices-heading', ['admin.dead.dossier', 'admin.notices.event', 'admin.notices.channel',
      'admin.dead.status', 'admin.dead.attempts', 'admin.notices.updated'],
    answer.body.map((n) => h('tr', {}, h('td', {}, n.dossierCode), h('td', {}, n.event), h('td', {}, n.channel),
      h('td', {}, n.status + (n.lastError ? ` – ${n.lastError}` : '')), h('td', {}, String(n.attempts)),
      h('td', {}, formatDateTime(n.updatedAt))))));
}

function auditForm(desk, el) {
  const actor = h('input', { id: 'audit-actor', name: 'actor', type: 'text' });
  const outcome = h('select', { id: 'audit-outcome', name: 'outcome' }, h('option', { value: '' }, t('archive.search.anyKind')),
    ['SUCCESS', 'DENIED', 'REFUSED', 'ERROR'].map((o) => h('option', { value: o }, o)));
  const from = dateField('audit-from');
  const to = dateField('audit-to');
  const form = h('form', { id: 'audit-filters', class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, t('archive.search.criteria')),
      [[actor, 'admin.audit.actor'], [outcome, 'admin.audit.outcome'], [from, 'archive.search.from'], [to, 'archive.search.to']]
        .map(([input, key]) => h('div', { class: 'field' }, h('label', { for: input.id }, t(key)), input))),
    h('button', { type: 'submit', class: 'primary' }, t('archive.search.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!datesValid(from, to)) {
      return;
    }
    auditTrail(desk, el, { actor: actor.value.trim(), outcome: outcome.value, from: isoDate(from), to: isoDate(to) });
  });
  return form;
}

async function auditTrail(desk, el, filters) {
  const p = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      p.set(key, value);
    }
  }
  const answer = await desk.authed('GET', `api/v1/admin/audit?${p}`);
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(el, desk.failure(answer, () => auditTrail(desk, el, filters)));
    return;
  }
  show(el, answer.body.length === 0 ? h('p', {}, t('admin.audit.none')) :
    table('audit-table', 'audit-heading', ['admin.notices.updated', 'admin.audit.actor', 'admin.audit.call', 'admin.audit.outcome'],
      answer.body.map((e) => h('tr', {}, h('td', {}, formatDateTime(e.occurredAt)), h('td', {}, e.actor || '–'),
        h('td', { class: 'cause' }, `${e.action} ${e.target}`), h('td', {}, `${e.status} ${e.outcome}`)))));
}
