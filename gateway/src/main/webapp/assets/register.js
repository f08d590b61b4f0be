// Sổ theo dõi hồ sơ (form 07): the unit's dossiers received in a period, one row each with its
// timeliness, the totals, and the same register as a PDF/A sealed by the agency, to print.
// The period lives in the address (?from=&to=), so a link or Back keeps it.
import { segment } from './api.js';
import { dateField, datesValid, isoDate, setDate } from './date-field.js';
import { BASE, download, h, notice, show } from './dom.js';
import { formatDate, statusLabel, t } from './i18n.js';

function period() {
  const p = new URLSearchParams(location.search);
  return { from: p.get('from') || '', to: p.get('to') || '' };
}

function query(f) {
  const p = new URLSearchParams();
  if (f.from) {
    p.set('from', f.from);
  }
  if (f.to) {
    p.set('to', f.to);
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

export async function registerPage(main, desk) {
  const f = period();
  desk.setRedraw(() => registerPage(main, desk));
  const from = dateField('register-from', f.from);
  const to = dateField('register-to', f.to);
  const results = h('div', { id: 'register-results', 'aria-live': 'polite' });
  const form = h('form', { id: 'register-period', class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, t('register.period')),
      h('div', { class: 'field' }, h('label', { for: 'register-from' }, t('register.from')), from),
      h('div', { class: 'field' }, h('label', { for: 'register-to' }, t('register.to')), to)),
    h('button', { type: 'submit', class: 'primary' }, t('register.show')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!datesValid(from, to)) {
      return;
    }
    history.pushState(null, '', `${BASE}so-theo-doi${query({ from: isoDate(from), to: isoDate(to) })}`);
    await desk.reroute();
    document.getElementById('register-count')?.focus();
  });
  show(main, h('h1', { id: 'page-heading', tabindex: '-1' }, t('register.title')), form, results);
  if (!desk.mayRead()) {
    show(results, notice('info', t('search.forbidden')));
    return;
  }
  const answer = await desk.authed('GET', `api/v1/register${query(f)}`);
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(results, desk.failure(answer, () => registerPage(main, desk)));
    return;
  }
  const r = answer.body;
  if (!f.from && !f.to) {
    setDate(from, r.from);
    setDate(to, r.to);
  }
  const print = h('button', { type: 'button', id: 'register-print' }, t('register.print'));
  const printStatus = h('p', { id: 'register-print-status', role: 'status' });
  print.addEventListener('click', async () => {
    show(printStatus, t('register.printing'));
    const pdf = await desk.authed('GET', `api/v1/register.pdf${query({ from: r.from, to: r.to })}`,
      { raw: true, headers: { Accept: 'application/pdf' } });
    if (pdf === null) {
      return;
    }
    if (!pdf.ok) {
      show(printStatus, desk.failure(pdf, () => print.click()));
      return;
    }
    download(pdf.body, `So theo doi ho so ${r.agencyCode} ${r.from} ${r.to}.pdf`);
    show(printStatus, t('register.printed'));
  });
  show(results,
    h('p', { id: 'register-count', tabindex: '-1' },
      t('register.count', { n: r.total, unit: `${r.agencyName} (${r.agencyCode})`, from: formatDate(r.from), to: formatDate(r.to) })),
    h('ul', { class: 'register-totals' },
      [['early', r.early], ['onTime', r.onTime], ['late', r.late], ['inTime', r.inTime], ['overdue', r.overdue]]
        .map(([key, n]) => h('li', {}, `${t(`register.${key}`)}: ${n}`))),
    h('div', { class: 'actions' }, print, printStatus),
    r.rows.length === 0 ? h('p', {}, t('search.none')) :
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'page-heading' },
        h('table', { id: 'register-table' },
          h('thead', {}, h('tr', {}, ['register.number', 'register.code', 'dossier.procedure', 'search.applicant',
            'search.received', 'dossier.due', 'register.returned', 'search.status', 'register.timeliness']
            .map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, r.rows.map((row) => h('tr', {},
            h('td', {}, String(row.number)),
            h('td', {}, desk.link(`ho-so/${segment(row.code)}`, row.code)),
            h('td', {}, `${row.procedureCode} – ${row.procedureName}`),
            h('td', {}, row.applicant || ''),
            h('td', {}, formatDate(row.receivedAt)),
            h('td', {}, formatDate(row.dueAt)),
            h('td', {}, row.returnedAt ? formatDate(row.returnedAt) : ''),
            h('td', {}, statusLabel(row.status, row.statusLabel)),
            h('td', {}, row.timeliness ? (row.timelinessLabel || row.timeliness) : '')))))));
}
