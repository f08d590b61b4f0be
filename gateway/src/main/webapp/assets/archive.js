// Kho lưu trữ, the auditor's page: a fixity audit of the whole archive followed to 100 % with any
// damaged record named, the ledger's check, the renewal job's runs (PAdES-BASELINE-LTA), and the
// archive's search with each record's check, its versions,
// its legal hold (with a reason) and the BagIt export of what the search selects.
import { segment } from './api.js';
import { dateField, datesValid, isoDate } from './date-field.js';
import { download, h, notice, show } from './dom.js';
import { formatDateTime, t } from './i18n.js';

const KINDS = ['SCAN', 'RESULT', 'FORM_01', 'FORM_02', 'FORM_03', 'FORM_04', 'FORM_05', 'FORM_06'];
const POLL_MS = 400;

function kindLabel(documentType) {
  const key = `kind.${(documentType || '').toUpperCase().replace(/-/g, '_')}`;
  return t(key) === key ? documentType : t(key);
}

function outcomeLabel(outcome) {
  return t(`archive.outcome.${outcome}`);
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toLocaleString(undefined, { maximumFractionDigits: 2 })} MB`;
}

export async function archivePage(main, desk) {
  const visit = desk.visit;
  desk.setRedraw(() => archivePage(main, desk));
  const heading = h('h1', { id: 'page-heading', tabindex: '-1' }, t('archive.title'));
  if (desk.role() !== 'auditor') {
    show(main, heading, notice('info', t('forbidden')));
    return;
  }
  const audit = auditSection(desk, visit);
  const ledger = ledgerSection(desk);
  const renewals = renewalSection(desk, visit);
  const search = searchSection(desk);
  show(main, heading, audit.el, ledger, renewals.el, search);
  await audit.load();
  await renewals.load();
}

// ---- Renewal of the evidence (PAdES-BASELINE-LTA), runs of the scheduled job ----

function renewalSection(desk, visit) {
  const history = h('div', { id: 'renewal-history' });
  const el = h('section', { 'aria-labelledby': 'renewal-heading' },
    h('h2', { id: 'renewal-heading' }, t('archive.renewal.title')), h('p', { class: 'hint' }, t('archive.renewal.intro')),
    history);

  async function load() {
    const answer = await desk.authed('GET', 'api/v1/archive/renewals?limit=10');
    if (answer === null || desk.visit !== visit) {
      return;
    }
    if (!answer.ok) {
      show(history, desk.failure(answer, load));
      return;
    }
    const runs = answer.body;
    show(history, runs.length === 0 ? h('p', { id: 'renewal-none' }, t('archive.renewal.none')) :
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'renewal-heading' },
        h('table', { id: 'renewal-table' },
          h('thead', {}, h('tr', {}, ['archive.audit.number', 'archive.audit.startedAt', 'archive.audit.by',
            'archive.audit.status', 'archive.audit.checked', 'archive.renewal.extended', 'archive.renewal.renewed',
            'archive.renewal.failed'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, runs.map((r) => h('tr', {},
            h('td', {}, String(r.id)), h('td', {}, formatDateTime(r.startedAt)),
            h('td', {}, r.startedBy + (r.dryRun ? ` (${t('archive.renewal.dryRun')})` : '')),
            h('td', {}, t(`archive.audit.status.${r.status}`)), h('td', {}, `${r.checked}/${r.total}`),
            h('td', {}, String(r.extended)), h('td', {}, String(r.renewed)), h('td', {}, String(r.failed))))))));
  }

  return { el, load };
}

// ---- Fixity audit ----

function auditSection(desk, visit) {
  const start = h('button', { type: 'button', id: 'audit-start', class: 'primary' }, t('archive.audit.start'));
  const bar = h('progress', { id: 'audit-progress', max: '100', value: '0' });
  const percent = h('span', { id: 'audit-percent' }, '');
  const progress = h('div', { class: 'field', hidden: true },
    h('label', { for: 'audit-progress' }, t('archive.audit.progress')), h('div', { class: 'progress' }, bar, percent));
  const status = h('div', { id: 'audit-status', 'aria-live': 'polite' });
  const result = h('div', { id: 'audit-result' });
  const history = h('div', { id: 'audit-history' });
  const el = h('section', { 'aria-labelledby': 'audit-heading' },
    h('h2', { id: 'audit-heading' }, t('archive.audit.title')), h('p', { class: 'hint' }, t('archive.audit.intro')),
    start, progress, status, result, history);

  function draw(run) {
    progress.hidden = false;
    bar.value = run.percent;
    percent.textContent = `${run.percent} %`;
    if (run.status === 'RUNNING') {
      show(status, t('archive.audit.running', { checked: run.checked, total: run.total }));
      show(result);
      return;
    }
    show(status, run.status === 'FAILED' ? '' : t('archive.audit.finished', { id: run.id }));
    if (run.status === 'FAILED') {
      show(result, notice('error', t('archive.audit.failed', { error: run.error || '' })));
    } else if (run.damaged.length === 0 && run.checked === run.ok) {
      show(result, notice('ok', t('archive.audit.intact', { n: run.checked, size: megabytes(run.bytes) })),
        run.trustChecked ? null : notice('warn', t('archive.audit.trustUnchecked')));
    } else {
      show(result, notice('error', h('p', {}, t('archive.audit.damaged', { n: run.checked - run.ok, total: run.checked })),
        run.untrusted > 0 ? h('p', { id: 'audit-untrusted' }, t('archive.audit.untrusted', { n: run.untrusted })) : null,
        h('ul', { id: 'audit-damaged' }, run.damaged.map((d) => h('li', { 'data-outcome': d.outcome },
          h('strong', {}, d.dossierCode || '–'), ` · ${kindLabel(d.documentType)} · `,
          h('code', {}, d.recordId), ` · ${outcomeLabel(d.outcome)}: ${d.detail}`)))));
    }
  }

  async function follow(id) {
    for (;;) {
      const answer = await desk.authed('GET', `api/v1/archive/audits/${id}`);
      if (answer === null || desk.visit !== visit) {
        return;
      }
      if (!answer.ok) {
        show(status, desk.failure(answer, () => follow(id)));
        break;
      }
      draw(answer.body);
      if (answer.body.status !== 'RUNNING') {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    start.disabled = false;
    await drawHistory();
  }

  async function drawHistory() {
    const answer = await desk.authed('GET', 'api/v1/archive/audits?limit=10');
    if (answer === null || !answer.ok || desk.visit !== visit) {
      return null;
    }
    const runs = answer.body;
    show(history, runs.length === 0 ? null : [h('h3', {}, t('archive.audit.history')),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('archive.audit.history') },
        h('table', {},
          h('thead', {}, h('tr', {}, ['archive.audit.number', 'archive.audit.startedAt', 'archive.audit.by',
            'archive.audit.status', 'archive.audit.checked', 'archive.audit.problems']
            .map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, runs.map((r) => h('tr', {},
            h('td', {}, String(r.id)), h('td', {}, formatDateTime(r.startedAt)), h('td', {}, r.startedBy),
            h('td', {}, t(`archive.audit.status.${r.status}`)), h('td', {}, `${r.checked}/${r.total}`),
            h('td', {}, r.status === 'DONE' ? String(r.checked - r.ok) : ''))))))]);
    return runs;
  }

  start.addEventListener('click', async () => {
    start.disabled = true;
    show(result);
    const answer = await desk.authed('POST', 'api/v1/archive/audits');
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      start.disabled = false;
      show(status, desk.failure(answer, () => start.click()));
      return;
    }
    draw(answer.body);
    await follow(answer.body.id);
  });

  async function load() {
    const runs = await drawHistory();
    if (runs && runs.length > 0) {
      draw(runs[0]);
      if (runs[0].status === 'RUNNING') {
        start.disabled = true;
        await follow(runs[0].id);
      }
    }
  }

  return { el, load };
}

// ---- The ledger ----

function ledgerSection(desk) {
  const check = h('button', { type: 'button', id: 'ledger-verify' }, t('archive.ledger.check'));
  const result = h('div', { id: 'ledger-result', 'aria-live': 'polite' });
  check.addEventListener('click', async () => {
    show(result, t('archive.checking'));
    const answer = await desk.authed('GET', 'api/v1/archive/ledger/verify');
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(result, desk.failure(answer, () => check.click()));
      return;
    }
    const v = answer.body;
    show(result, v.intact
      ? notice('ok', t('archive.ledger.intact', { entries: v.entries, heads: v.signedHeads, tail: v.unsignedTail }))
      : notice('error', h('p', {}, t('archive.ledger.broken')), h('ul', {}, v.problems.map((p) => h('li', {}, p)))));
  });
  return h('section', { 'aria-labelledby': 'ledger-heading' },
    h('h2', { id: 'ledger-heading' }, t('archive.ledger.title')), h('p', { class: 'hint' }, t('archive.ledger.intro')),
    check, result);
}

// ---- Search, verify, legal hold, export ----

function searchSection(desk) {
  const input = (id) => h('input', { id, name: id, type: 'text' });
  const fields = {
    dossierCode: input('archive-dossier'),
    procedureCode: input('archive-procedure'),
    kind: h('select', { id: 'archive-kind', name: 'kind' }, h('option', { value: '' }, t('archive.search.anyKind')),
      KINDS.map((k) => h('option', { value: k }, t(`kind.${k}`)))),
    citizenId: input('archive-citizen'),
    from: dateField('archive-from'),
    to: dateField('archive-to'),
  };
  const labels = { dossierCode: 'archive.search.dossier', procedureCode: 'archive.search.procedure',
    kind: 'archive.search.kind', citizenId: 'archive.search.citizen', from: 'archive.search.from', to: 'archive.search.to' };
  const results = h('div', { id: 'archive-results', 'aria-live': 'polite' });
  const exportButton = h('button', { type: 'button', id: 'bag-export' }, t('archive.export'));
  const exportStatus = h('p', { id: 'bag-status', role: 'status' });
  const form = h('form', { id: 'archive-search', class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, t('archive.search.criteria')),
      Object.entries(fields).map(([name, el]) => h('div', { class: 'field' }, h('label', { for: el.id }, t(labels[name])), el))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('archive.search.submit')), exportButton),
    exportStatus);

  const dates = [fields.from, fields.to];
  const criteria = () => Object.fromEntries(Object.entries(fields)
    .map(([name, el]) => [name, dates.includes(el) ? isoDate(el) : el.value.trim()])
    .filter(([, value]) => value !== ''));

  async function search() {
    const query = new URLSearchParams(criteria()).toString();
    show(results, t('archive.searching'));
    const answer = await desk.authed('GET', `api/v1/archive/records${query ? `?${query}` : ''}`);
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(results, desk.failure(answer, search));
      return;
    }
    drawRecords(desk, results, answer.body, search);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (datesValid(...dates)) {
      search();
    }
  });
  exportButton.addEventListener('click', async () => {
    if (!datesValid(...dates)) {
      return;
    }
    show(exportStatus, t('archive.exporting'));
    const answer = await desk.authed('POST', 'api/v1/archive/bags',
      { body: criteria(), raw: true, headers: { Accept: 'application/zip, application/json' } });
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(exportStatus, desk.failure(answer, () => exportButton.click()));
      return;
    }
    download(answer.body, `bagit-${new Date().toISOString().slice(0, 10)}.zip`);
    show(exportStatus, t('archive.exported'));
  });
  return h('section', { 'aria-labelledby': 'archive-search-heading' },
    h('h2', { id: 'archive-search-heading' }, t('archive.search.title')), form, results);
}

function drawRecords(desk, results, page, again) {
  if (page.items.length === 0) {
    show(results, h('p', { id: 'archive-count' }, t('archive.search.none')));
    return;
  }
  const holdArea = h('div', { id: 'hold-area' });
  show(results,
    h('p', { id: 'archive-count' }, t(page.more ? 'archive.search.more' : 'archive.search.count', { n: page.items.length })),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'archive-search-heading' },
      h('table', { id: 'archive-table' },
        h('thead', {}, h('tr', {}, ['archive.col.dossier', 'archive.col.kind', 'archive.col.archived', 'archive.col.size',
          'archive.col.hold', 'archive.col.check', 'archive.col.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, page.items.map((r) => recordRow(desk, r, holdArea, again))))),
    holdArea);
}

function recordRow(desk, r, holdArea, again) {
  const checkCell = h('td', { id: `check-${r.id}` }, '');
  const verify = h('button', { type: 'button', class: 'verify-record', 'data-id': r.id }, t('archive.verify'));
  verify.addEventListener('click', async () => {
    show(checkCell, t('archive.checking'));
    const answer = await desk.authed('GET', `api/v1/archive/records/${segment(r.id)}/verify`);
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(checkCell, desk.failure(answer, () => verify.click()));
      return;
    }
    show(checkCell, h('span', { class: `badge ${answer.body.ok ? 'badge-ok' : 'badge-error'}` },
      outcomeLabel(answer.body.outcome)), answer.body.ok ? '' : ` ${answer.body.detail}`);
  });
  const versions = h('button', { type: 'button', class: 'record-versions', 'data-id': r.id }, t('archive.versions'));
  versions.addEventListener('click', async () => {
    show(checkCell, t('archive.checking'));
    const answer = await desk.authed('GET', `api/v1/archive/records/${segment(r.id)}/versions`);
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(checkCell, desk.failure(answer, () => versions.click()));
      return;
    }
    show(checkCell, h('ol', { class: 'versions' }, answer.body.map((v) => h('li', {},
      h('code', {}, v.sha256.slice(0, 12)), ` · ${megabytes(v.size)}`,
      v.current ? ` · ${t('archive.versions.current')}`
        : ` · ${t(`archive.versions.by.${v.supersededBy}`)} ${formatDateTime(v.supersededAt)}`))));
  });
  const hold = h('button', { type: 'button', class: 'hold-record', 'data-id': r.id },
    t(r.legalHold ? 'archive.hold.lift' : 'archive.hold.set'));
  hold.addEventListener('click', () => holdForm(desk, r, holdArea, again));
  return h('tr', { 'data-record': r.id },
    h('td', {}, h('strong', {}, r.dossierCode), h('br'), h('code', { class: 'record-id' }, r.id)),
    h('td', {}, kindLabel(r.documentType)),
    h('td', {}, formatDateTime(r.createdAt)),
    h('td', {}, megabytes(r.size)),
    h('td', {}, r.legalHold ? h('span', { class: 'badge badge-warn' }, t('archive.hold.on')) : t('archive.hold.off')),
    checkCell,
    h('td', {}, h('div', { class: 'actions' }, verify, versions, hold)));
}

function holdForm(desk, r, holdArea, again) {
  const reason = h('input', { id: 'hold-reason', name: 'reason', type: 'text', required: true, maxlength: '500' });
  const status = h('div', { id: 'hold-status' });
  const cancel = h('button', { type: 'button' }, t('archive.hold.cancel'));
  const form = h('form', { id: 'hold-form', class: 'stack', novalidate: true },
    h('h3', {}, t(r.legalHold ? 'archive.hold.liftTitle' : 'archive.hold.setTitle', { code: r.dossierCode })),
    h('p', {}, h('code', {}, r.id)),
    h('div', { class: 'field' }, h('label', { for: 'hold-reason' }, t('archive.hold.reason')), reason),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' },
      t(r.legalHold ? 'archive.hold.lift' : 'archive.hold.set')), cancel), status);
  cancel.addEventListener('click', () => show(holdArea));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (reason.value.trim() === '') {
      show(status, notice('error', t('archive.hold.reasonMissing')));
      reason.focus();
      return;
    }
    const answer = await desk.authed('PUT', `api/v1/archive/records/${segment(r.id)}/legal-hold`,
      { body: { onHold: !r.legalHold, reason: reason.value.trim() } });
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(status, desk.failure(answer, () => form.requestSubmit()));
      return;
    }
    await again();
    show(document.getElementById('hold-area') || holdArea, notice('ok',
      t(answer.body.legalHold ? 'archive.hold.done' : 'archive.hold.lifted', { code: answer.body.dossierCode })));
  });
  show(holdArea, form);
  reason.focus();
}
