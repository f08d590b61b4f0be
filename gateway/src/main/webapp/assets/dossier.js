// One dossier: its status and the next steps the desk may take from there (each a small form
// posting to the dossier API), the exchanges with other agencies (retry a failed step, or close as
// partially completed), the processing record (form 06), the documents with their signature badge
// and download, and the scans. While an agency exchange is under way the page asks again every few
// seconds, so the officer watches the dossier move; leaders see the same page without the forms.
import { call, segment } from './api.js';
import { officeHours, previewDue } from './calendar.js';
import { download, facts, h, notice, show } from './dom.js';
import { catalogue } from './dossiers.js';
import { formatDateTime, statusLabel, t } from './i18n.js';
import { scanUploader } from './scans.js';

const POLL_MS = 3000;
/** How long the page keeps asking after the last change it saw (results are signed after the last step). */
const SETTLE_MS = 20_000;
const POLL_FOR = 10 * 60_000;
const UNDER_WAY = ['HELD', 'PENDING', 'IN_FLIGHT', 'ACCEPTED'];
const BROKEN = ['FAILED', 'DEAD'];
/** Signature checks already made on this page load, by document id and digest: a redraw asks none again. */
const reports = new Map();

export async function dossierPage(main, desk, code) {
  const visit = desk.visit;
  desk.setRedraw(() => dossierPage(main, desk, code));
  const back = location.search ? location.search : '';
  show(main, h('p', {}, desk.link(back, t('dossier.back'))),
    h('h1', { id: 'page-heading', tabindex: '-1' }, t('dossier.title', { code })));
  const first = await load(desk, code);
  if (first === null || desk.visit !== visit) {
    return;
  }
  if (!first.dossier.ok) {
    main.append(desk.failure(first.dossier, () => dossierPage(main, desk, code)));
    return;
  }
  const page = {
    main, desk, code, visit,
    summary: h('div', { id: 'dossier-summary' }),
    said: h('div', { id: 'action-status', 'aria-live': 'polite' }),
    actions: h('div', { id: 'dossier-actions' }),
    exchanges: h('div', { id: 'dossier-exchanges' }),
    history: h('section', {}),
    documents: h('section', { 'aria-labelledby': 'documents-heading' }),
    rows: new Map(),
    shape: '',
    moves: '',
    changedAt: Date.now(),
    openedAt: Date.now(),
    kinds: [],
    procedure: null,
  };
  const known = await catalogue(desk);
  if (known && known.ok) {
    page.procedure = known.body.find((p) => p.code === first.dossier.body.procedureCode) || null;
  }
  main.append(page.summary, page.said, page.actions, page.exchanges, page.history, page.documents);
  if (desk.mayAct()) {
    // Also once finished: the papers handed in at the counter are archived whenever they are scanned.
    main.append(scanUploader(desk, code, () => refresh(page)));
  }
  render(page, first);
  schedule(page);
}

function isFinished(d) {
  return ['COMPLETED', 'PARTIALLY_COMPLETED', 'REJECTED', 'STOPPED'].includes(d.status);
}

async function load(desk, code) {
  const [dossier, history, documents] = await Promise.all([
    desk.authed('GET', `api/v1/dossiers/${segment(code)}`),
    desk.authed('GET', `api/v1/dossiers/${segment(code)}/history`),
    desk.authed('GET', `api/v1/dossiers/${segment(code)}/documents`),
  ]);
  return dossier === null || history === null || documents === null ? null : { dossier, history, documents };
}

async function refresh(page) {
  const data = await load(page.desk, page.code);
  if (data !== null && page.desk.visit === page.visit && data.dossier.ok) {
    render(page, data);
  }
}

/**
 * Asks again while an exchange is under way, while a paper the gateway owes is not signed yet (form
 * 01 after intake, a result per agency result, form 06 at completion), or when something changed a
 * moment ago; never longer than POLL_FOR after the page was opened.
 */
function schedule(page) {
  setTimeout(async () => {
    if (page.desk.visit !== page.visit || !document.body.contains(page.summary) || Date.now() - page.openedAt > POLL_FOR) {
      return;
    }
    const d = page.last;
    const underWay = (d.exchanges || []).some((e) => UNDER_WAY.includes(e.status));
    if (underWay || papersOwed(d, page.kinds) || Date.now() - page.changedAt < SETTLE_MS) {
      await refresh(page);
    }
    schedule(page);
  }, POLL_MS);
}

function papersOwed(d, kinds) {
  const count = (kind) => kinds.filter((k) => k === kind).length;
  const results = (d.exchanges || []).filter((e) => e.status === 'DONE').length;
  return count('FORM_01') === 0 || (d.status === 'COMPLETED' && count('FORM_06') === 0) || count('RESULT') < results;
}

function render(page, { dossier, history, documents }) {
  const d = dossier.body;
  page.last = d;
  if (documents.ok) {
    page.kinds = documents.body.map((doc) => doc.kind);
  }
  const moves = JSON.stringify([d.status, d.dueAt, (d.exchanges || []).map((e) => [e.operation, e.status, e.attempts])]);
  const shape = JSON.stringify([moves, documents.ok ? documents.body.map((doc) => doc.id) : null,
    history.ok ? history.body.steps.length : null]);
  if (shape === page.shape) {
    return;
  }
  const statusChanged = moves !== page.moves;
  page.shape = shape;
  page.moves = moves;
  page.changedAt = Date.now();
  drawSummary(page, d);
  if (statusChanged) {
    drawActions(page, d);
    drawExchanges(page, d);
  }
  show(page.history, h('h2', { id: 'history-heading' }, t('dossier.history')),
    history.ok ? historyTable(history.body.steps || []) : page.desk.failure(history, () => refresh(page)));
  drawDocuments(page, documents);
}

function drawSummary(page, d) {
  const agencies = page.desk.agencies();
  const tone = { COMPLETED: 'ok', PARTIALLY_COMPLETED: 'warn', REJECTED: 'error', STOPPED: 'error' }[d.status] || 'info';
  show(page.summary,
    page.desk.mayAct() ? null : h('p', { class: 'badge badge-info' }, t('dossier.readOnly')),
    facts([
      [t('search.status'), h('span', { id: 'dossier-status', class: `badge badge-${tone}` }, statusLabel(d.status, d.statusLabel))],
      [t('dossier.procedure'), d.procedureName ? `${d.procedureName} (${d.procedureCode})` : d.procedureCode],
      [t('dossier.applicant'), d.applicant ? d.applicant.fullName : ''],
      [t('dossier.agency'), agencies.get(d.agencyCode) ? `${agencies.get(d.agencyCode)} (${d.agencyCode})` : d.agencyCode],
      [t('dossier.received'), formatDateTime(d.receivedAt)],
      [t('dossier.due'), h('span', { id: 'dossier-due' }, formatDateTime(d.dueAt),
        d.overdue ? [' ', h('span', { class: 'badge badge-error' }, t('dossier.overdue'))] : null)],
      [t('dossier.finished'), formatDateTime(d.finishedAt)],
    ]));
}

// ---- The next steps ----

/** A small form behind a disclosure: fields, a submit button, and what the gateway answered. */
function actionForm(page, id, title, fields, label, send) {
  const said = h('div', { class: 'action-answer' });
  const button = h('button', { type: 'submit', class: 'primary' }, label);
  const form = h('form', { id: `form-${id}`, class: 'stack', novalidate: true }, fields, button, said);
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    const missing = form.querySelector('[required]:invalid');
    if (missing) {
      show(said, notice('error', t('action.required', { field: form.querySelector(`label[for="${missing.id}"]`)?.textContent || '' })));
      missing.focus();
      return;
    }
    busy = true;
    button.disabled = true;
    const answer = await send();
    busy = false;
    button.disabled = false;
    if (answer === null || page.desk.visit !== page.visit) {
      return;
    }
    if (!answer.ok) {
      show(said, page.desk.failure(answer, () => form.requestSubmit()));
      return;
    }
    show(page.said, notice('ok', t('action.done', { what: title })));
    page.said.querySelector('.notice').setAttribute('tabindex', '-1');
    await refresh(page);
    page.said.querySelector('.notice')?.focus();
  });
  return h('details', { class: 'action', id: `action-${id}` }, h('summary', {}, title), form);
}

function textArea(id, label, value = '') {
  const area = h('textarea', { id, name: id, rows: '3', required: true, maxlength: '2000' });
  area.value = value;
  return { area, el: h('div', { class: 'field' }, h('label', { for: id }, label), area) };
}

function transition(page, status, reason) {
  return page.desk.authed('POST', `api/v1/dossiers/${segment(page.code)}/transitions`, { body: { status, reason } });
}

function drawActions(page, d) {
  if (!page.desk.mayAct() || isFinished(d)) {
    show(page.actions);
    return;
  }
  const allowed = d.allowedTransitions || [];
  const forms = [];
  forms.push(handOverForm(page));
  if (d.status === 'SUPPLEMENT_REQUESTED' && allowed.includes('IN_PROGRESS')) {
    const r = textArea('resubmit-reason', t('action.reason'), t('action.resubmit.default'));
    forms.push(actionForm(page, 'resubmit', t('action.resubmit'), r.el, t('action.resubmit.submit'),
      () => transition(page, 'IN_PROGRESS', r.area.value.trim())));
  }
  if (allowed.includes('SUPPLEMENT_REQUESTED')) {
    forms.push(supplementForm(page));
  }
  if (allowed.includes('COMPLETED')) {
    const r = textArea('complete-reason', t('action.reason'), t('action.complete.default'));
    forms.push(actionForm(page, 'complete', t('action.complete'), r.el, t('action.complete.submit'),
      () => transition(page, 'COMPLETED', r.area.value.trim())));
  }
  forms.push(extensionForm(page, d));
  if (allowed.includes('REJECTED')) {
    const r = textArea('reject-reason', t('action.reason'));
    forms.push(actionForm(page, 'reject', t('action.reject'), r.el, t('action.reject.submit'),
      () => transition(page, 'REJECTED', r.area.value.trim())));
  }
  if (allowed.includes('STOPPED')) {
    const r = textArea('stop-reason', t('action.reason'));
    forms.push(actionForm(page, 'stop', t('action.stop'), r.el, t('action.stop.submit'),
      () => transition(page, 'STOPPED', r.area.value.trim())));
  }
  show(page.actions, h('section', { 'aria-labelledby': 'actions-heading' },
    h('h2', { id: 'actions-heading' }, t('action.title')),
    h('p', { class: 'hint' }, t('action.allowed', { list: allowed.map((s) => statusLabel(s, null)).join(', ') || '–' })),
    forms));
}

function handOverForm(page) {
  const toUnit = h('input', { id: 'handover-to', type: 'text', required: true, maxlength: '200' });
  const toAgency = h('input', { id: 'handover-agency', type: 'text', maxlength: '40', 'aria-describedby': 'handover-agency-hint' });
  const hours = h('input', { id: 'handover-hours', type: 'number', min: '0.25', step: '0.25', 'aria-describedby': 'handover-hours-hint' });
  const note = h('textarea', { id: 'handover-note', rows: '2', maxlength: '2000' });
  const fields = [
    h('div', { class: 'field' }, h('label', { for: 'handover-to' }, t('action.handover.to')), toUnit),
    h('div', { class: 'field' }, h('label', { for: 'handover-agency' }, t('action.handover.agency')),
      h('p', { class: 'hint', id: 'handover-agency-hint' }, t('action.handover.agency.hint')), toAgency),
    h('div', { class: 'field' }, h('label', { for: 'handover-hours' }, t('action.handover.hours')),
      h('p', { class: 'hint', id: 'handover-hours-hint' }, t('action.handover.hours.hint')), hours),
    h('div', { class: 'field' }, h('label', { for: 'handover-note' }, t('action.handover.note')), note),
  ];
  return actionForm(page, 'handover', t('action.handover'), fields, t('action.handover.submit'), () =>
    page.desk.authed('POST', `api/v1/dossiers/${segment(page.code)}/steps`, { body: {
      toUnit: toUnit.value.trim(), toAgency: toAgency.value.trim() || null,
      workingHours: hours.value ? Number(hours.value) : null, note: note.value.trim() || null,
    } }));
}

function supplementForm(page) {
  const r = textArea('supplement-reason', t('action.reason'));
  const wanted = ((page.procedure && page.procedure.requiredDocuments) || []).map((name, i) => {
    const box = h('input', { type: 'checkbox', id: `supplement-doc-${i}`, value: name });
    return { box, el: h('div', { class: 'check' }, box, h('label', { for: `supplement-doc-${i}` }, name)) };
  });
  const other = h('input', { id: 'supplement-other', type: 'text', maxlength: '200' });
  const fields = [r.el, h('fieldset', { class: 'checks' }, h('legend', {}, t('action.supplement.documents')),
    wanted.map((w) => w.el),
    h('div', { class: 'field' }, h('label', { for: 'supplement-other' }, t('action.supplement.other')), other))];
  return actionForm(page, 'supplement', t('action.supplement'), fields, t('action.supplement.submit'), () => {
    const papers = wanted.filter((w) => w.box.checked).map((w) => w.box.value);
    if (other.value.trim()) {
      papers.push(other.value.trim());
    }
    // Form 02 lists the papers to bring under the reason; the history line names them too.
    return page.desk.authed('POST', `api/v1/dossiers/${segment(page.code)}/transitions`,
      { body: { status: 'SUPPLEMENT_REQUESTED', reason: r.area.value.trim(), documentsToAdd: papers } });
  });
}

function extensionForm(page, d) {
  const days = h('input', { id: 'extension-days', type: 'number', min: '1', max: '60', step: '1', value: '1', required: true });
  const newDate = h('output', { id: 'extension-date', for: 'extension-days' });
  const r = textArea('extension-reason', t('action.extension.reason'));
  let preview = null;
  const ask = async () => {
    preview = null;
    newDate.textContent = '…';
    const office = await officeHours(page.desk);
    const n = Number.parseInt(days.value, 10);
    if (!office || !office.ok || !(n > 0)) {
      newDate.textContent = '';
      return;
    }
    const answer = await previewDue(page.desk, n * office.body.dayHours, d.dueAt);
    if (answer && answer.ok && days.value === String(n)) {
      preview = answer.body.dueAt;
      newDate.textContent = formatDateTime(preview);
    }
  };
  days.addEventListener('input', ask);
  ask();
  const fields = [
    h('div', { class: 'field' }, h('label', { for: 'extension-days' }, t('action.extension.days')), days),
    h('p', {}, t('action.extension.from', { date: formatDateTime(d.dueAt) }), ' ', h('strong', {}, t('action.extension.new')), ' ',
      newDate),
    r.el];
  return actionForm(page, 'extension', t('action.extension'), fields, t('action.extension.submit'), async () => {
    if (!preview) {
      await ask();
    }
    return page.desk.authed('POST', `api/v1/dossiers/${segment(page.code)}/extensions`,
      { body: { newDueAt: preview, reason: r.area.value.trim() } });
  });
}

// ---- Agency exchanges ----

function drawExchanges(page, d) {
  const exchanges = d.exchanges || [];
  if (exchanges.length === 0) {
    show(page.exchanges);
    return;
  }
  const act = page.desk.mayAct() && !isFinished(d);
  const rows = exchanges.map((e) => {
    const retry = act && BROKEN.includes(e.status)
      ? h('button', { type: 'button', class: 'small', 'aria-label': t('exchange.retry.label', { op: operation(e.operation) }) },
        t('exchange.retry')) : null;
    retry?.addEventListener('click', async () => {
      retry.disabled = true;
      const answer = await page.desk.authed('POST',
        `api/v1/dossiers/${segment(page.code)}/steps/${segment(e.operation)}/retry`, { body: {} });
      if (answer === null) {
        return;
      }
      show(page.said, answer.ok ? notice('ok', t('exchange.retried', { op: operation(e.operation) }))
        : page.desk.failure(answer, () => retry.click()));
      page.changedAt = Date.now();
      await refresh(page);
    });
    const tone = e.status === 'DONE' ? 'ok' : (BROKEN.includes(e.status) ? 'error' : 'info');
    return h('tr', {},
      h('td', {}, operation(e.operation)),
      h('td', {}, e.agency),
      h('td', {}, h('span', { class: `badge badge-${tone}` }, t(`exchange.status.${e.status}`))),
      h('td', {}, String(e.attempts)),
      h('td', {}, e.error || ''),
      h('td', {}, formatDateTime(e.updatedAt)),
      h('td', {}, retry));
  });
  const failed = exchanges.some((e) => BROKEN.includes(e.status));
  const parts = [h('h2', { id: 'exchanges-heading' }, t('exchange.title')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'exchanges-heading' },
      h('table', {},
        h('thead', {}, h('tr', {}, ['exchange.step', 'exchange.agency', 'exchange.status', 'exchange.attempts', 'exchange.error',
          'exchange.updated', 'exchange.action'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows)))];
  if (act && failed) {
    const r = textArea('close-reason', t('action.reason'));
    parts.push(actionForm(page, 'close', t('exchange.close'), [h('p', { class: 'hint' }, t('exchange.close.hint')), r.el],
      t('exchange.close.submit'), () => page.desk.authed('POST', `api/v1/dossiers/${segment(page.code)}/flow/close`,
        { body: { reason: r.area.value.trim() } })));
  }
  show(page.exchanges, h('section', {}, parts));
}

function operation(op) {
  const label = t(`operation.${op}`);
  return label === `operation.${op}` ? op : label;
}

// ---- The processing record and the documents ----

function historyTable(steps) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'history-heading' },
    h('table', {},
      h('thead', {}, h('tr', {}, ['dossier.history.at', 'dossier.history.what', 'dossier.history.from', 'dossier.history.to',
        'dossier.history.actor'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, steps.map((s) => h('tr', {},
        h('td', {}, formatDateTime(s.at)),
        h('td', {}, t(`event.${s.kind}`), s.toStatus && s.toStatus !== s.fromStatus ? ` → ${statusLabel(s.toStatus, null)}` : '',
          s.note ? ` (${s.note})` : '', s.stepDeadline ? ` – ${t('dossier.history.deadline', { at: formatDateTime(s.stepDeadline) })}` : ''),
        h('td', {}, s.fromUnit || ''), h('td', {}, s.toUnit || ''), h('td', {}, s.actor || ''))))));
}

function kindLabel(kind) {
  const label = t(`kind.${kind}`);
  return label === `kind.${kind}` ? kind : label;
}

function drawDocuments(page, documents) {
  if (!page.documents.firstChild) {
    page.documents.append(h('h2', { id: 'documents-heading' }, t('dossier.documents')), h('div', { class: 'documents-body' }));
  }
  const body = page.documents.querySelector('.documents-body');
  if (!documents.ok) {
    show(body, page.desk.failure(documents, () => refresh(page)));
    return;
  }
  if (documents.body.length === 0) {
    show(body, h('p', {}, t('dossier.documents.none')));
    return;
  }
  let list = body.querySelector('ul.documents');
  if (!list) {
    list = h('ul', { class: 'documents' });
    show(body, list);
  }
  const fresh = [];
  for (const doc of documents.body) {
    if (!page.rows.has(doc.id)) {
      const row = documentRow(page, doc);
      page.rows.set(doc.id, row);
      list.append(row.item);
      fresh.push(row);
    }
  }
  checkInTurn(page, fresh);
}

function documentRow(page, doc) {
  const badge = h('span', { class: 'badge badge-info' }, t('dossier.documents.checking'));
  const signers = h('ul', { class: 'signers' });
  const save = h('button', { type: 'button', class: 'small', 'aria-label': t('dossier.documents.download.label', { title: doc.title }) },
    t('dossier.documents.download'));
  save.addEventListener('click', async () => {
    const bytes = await page.desk.authed('GET', `api/v1/dossiers/${segment(page.code)}/documents/${segment(doc.id)}`,
      { raw: true, headers: { Accept: 'application/pdf' } });
    if (bytes !== null && bytes.ok) {
      download(bytes.body, `${doc.title} - ${page.code}.pdf`);
    } else if (bytes !== null) {
      show(page.said, page.desk.failure(bytes, () => save.click()));
    }
  });
  const item = h('li', { 'data-kind': doc.kind, 'data-id': doc.id }, h('h3', {}, doc.title),
    facts([[t('dossier.documents.kind'), kindLabel(doc.kind)], [t('dossier.history.at'), formatDateTime(doc.createdAt)]]),
    h('p', {}, t('dossier.documents.signature'), ': ', badge), signers, save);
  return { doc, badge, signers, item };
}

/** The badges, one check after the other (the verifier is rate-limited per address, like any citizen's check). */
async function checkInTurn(page, rows) {
  page.checking = (page.checking || Promise.resolve()).then(async () => {
    for (const row of rows) {
      if (page.desk.visit !== page.visit) {
        return;
      }
      await checkSignature(page, row);
    }
  });
  await page.checking;
}

async function checkSignature(page, { doc, badge, signers }) {
  const cacheKey = `${doc.id}:${doc.sha256}`;
  let report = reports.get(cacheKey);
  if (!report) {
    const bytes = await page.desk.authed('GET', `api/v1/dossiers/${segment(page.code)}/documents/${segment(doc.id)}`,
      { raw: true, headers: { Accept: 'application/pdf' } });
    if (bytes === null) {
      return;
    }
    let answer = bytes;
    // A busy verifier says when to come back (Retry-After): the page waits that long, a few times.
    for (let attempt = 0; bytes.ok && attempt < 5; attempt += 1) {
      const form = new FormData();
      form.append('file', bytes.body, `${doc.id}.pdf`);
      answer = await call('POST', 'api/v1/verify', { body: form });
      if (answer.kind !== 'throttled') {
        break;
      }
      badge.textContent = t('dossier.documents.waiting');
      await new Promise((resolve) => setTimeout(resolve, Math.min(answer.retryAfter, 15) * 1000));
    }
    if (!answer.ok) {
      badge.className = 'badge badge-warn';
      badge.textContent = t('dossier.documents.unchecked');
      return;
    }
    report = answer.body;
    reports.set(cacheKey, report);
  }
  const indication = report.signatures.length === 0 ? 'TOTAL_FAILED' : report.indication;
  badge.className = `badge badge-${tone(indication)}`;
  badge.textContent = t(`verify.verdict.${indication}`);
  show(signers, report.signatures.map((s) => {
    const cn = ((s.signer || '').match(/CN=((?:\\,|[^,])*)/) || [])[1] || s.signer || t('verify.unknown');
    const when = s.timestampTime || s.claimedSigningTime;
    return h('li', { class: 'signer' }, h('span', { class: `badge badge-${tone(s.indication)}` }, t(`verify.verdict.${s.indication}`)),
      ' ', cn, when ? `, ${formatDateTime(when)}` : '');
  }));
}

function tone(indication) {
  return { TOTAL_PASSED: 'ok', TOTAL_FAILED: 'error', INDETERMINATE: 'warn' }[indication] || 'warn';
}
