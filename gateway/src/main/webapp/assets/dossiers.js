// The dossiers of the officer's scope: search (code, applicant name or citizen ID), filters (status,
// procedure, receipt dates, overdue), pages of 20, overdue ones marked. The filters live in the
// address (?q=&status=&procedure=&from=&to=&overdue=1&page=), so a link or Back keeps them.
import { segment } from './api.js';
import { dateField, datesValid, isoDate } from './date-field.js';
import { BASE, facts, h, notice, show } from './dom.js';
import { formatDate, statusLabel, t } from './i18n.js';

const SIZE = 20;
const STATUSES = ['RECEIVED', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'COMPLETED', 'PARTIALLY_COMPLETED', 'REJECTED', 'STOPPED'];
let procedures = null;

/** The catalogue's procedures, asked once per page load (the intake page shares them). */
export async function catalogue(desk) {
  if (procedures === null) {
    const answer = await desk.authed('GET', 'api/v1/procedures');
    if (answer === null || !answer.ok) {
      return answer;
    }
    procedures = answer.body.procedures;
  }
  return { ok: true, body: procedures };
}

function filters() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '', status: p.get('status') || '', procedure: p.get('procedure') || '', from: p.get('from') || '',
    to: p.get('to') || '', overdue: p.get('overdue') === '1', page: Math.max(0, Number.parseInt(p.get('page') || '0', 10) || 0),
  };
}

function query(f, page) {
  const p = new URLSearchParams();
  for (const key of ['q', 'status', 'procedure', 'from', 'to']) {
    if (f[key]) {
      p.set(key, f[key]);
    }
  }
  if (f.overdue) {
    p.set('overdue', '1');
  }
  if (page > 0) {
    p.set('page', String(page));
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

export async function listPage(main, desk) {
  const f = filters();
  desk.setRedraw(() => listPage(main, desk));
  const input = h('input', { id: 'q', name: 'q', type: 'search', autocomplete: 'off', value: f.q });
  const status = h('select', { id: 'status', name: 'status' }, h('option', { value: '' }, t('list.any')),
    STATUSES.map((s) => h('option', { value: s, selected: s === f.status }, statusLabel(s, null))));
  const procedure = h('select', { id: 'procedure', name: 'procedure' }, h('option', { value: '' }, t('list.any')));
  const from = dateField('from', f.from);
  const to = dateField('to', f.to);
  const overdue = h('input', { id: 'overdue', name: 'overdue', type: 'checkbox', checked: f.overdue });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const form = h('form', { id: 'search', role: 'search', class: 'inline-form' },
    h('label', { for: 'q' }, t('search.label')),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'primary' }, t('search.submit'))),
    h('fieldset', { class: 'filters' }, h('legend', {}, t('list.filters')),
      h('div', { class: 'field' }, h('label', { for: 'status' }, t('search.status')), status),
      h('div', { class: 'field' }, h('label', { for: 'procedure' }, t('dossier.procedure')), procedure),
      h('div', { class: 'field' }, h('label', { for: 'from' }, t('list.from')), from),
      h('div', { class: 'field' }, h('label', { for: 'to' }, t('list.to')), to),
      h('div', { class: 'check' }, overdue, h('label', { for: 'overdue' }, t('list.overdueOnly')))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!datesValid(from, to)) {
      return;
    }
    const chosen = { q: input.value.trim(), status: status.value, procedure: procedure.value, from: isoDate(from), to: isoDate(to),
      overdue: overdue.checked };
    history.pushState(null, '', BASE + query(chosen, 0));
    await desk.reroute();
    document.getElementById('results-count')?.focus();
  });
  show(main, h('h1', { id: 'page-heading', tabindex: '-1' }, t('console.title')), form, results);
  if (!desk.mayRead()) {
    show(results, notice('info', t('search.forbidden')));
    return;
  }
  const [listed, known] = await Promise.all([
    desk.authed('GET', `api/v1/dossiers${query(f, 0)}${query(f, 0) ? '&' : '?'}page=${f.page}&size=${SIZE}`),
    catalogue(desk)]);
  if (listed === null || known === null) {
    return;
  }
  if (known.ok) {
    procedure.append(...known.body.map((p) => h('option', { value: p.code, selected: p.code === f.procedure },
      `${p.code} – ${p.name}`)));
  }
  if (!listed.ok) {
    show(results, desk.failure(listed, () => listPage(main, desk)));
    return;
  }
  const items = listed.body.items || [];
  const total = listed.body.total ?? items.length;
  const pages = Math.max(1, Math.ceil(total / SIZE));
  show(results,
    h('p', { id: 'results-count', tabindex: '-1' }, items.length === 0 ? t('search.none') : t('search.count', { n: total })),
    h('ul', { class: 'results' }, items.map((d) => h('li', { class: d.overdue ? 'overdue' : null },
      h('h2', { class: 'result-code' }, desk.link(`ho-so/${segment(d.code)}${query(f, f.page)}`, d.code),
        d.overdue ? [' ', h('span', { class: 'badge badge-error' }, t('dossier.overdue'))] : null),
      facts([
        [t('search.applicant'), d.applicant ? d.applicant.fullName : ''],
        [t('dossier.procedure'), d.procedureCode],
        [t('search.status'), statusLabel(d.status, d.statusLabel)],
        [t('search.received'), formatDate(d.receivedAt)],
        [t('dossier.due'), formatDate(d.dueAt)],
      ])))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('list.pages') },
      f.page > 0 ? desk.link(query(f, f.page - 1) || '', t('list.previous')) : null,
      h('span', {}, t('list.page', { page: f.page + 1, pages })),
      f.page + 1 < pages ? desk.link(query(f, f.page + 1), t('list.next')) : null) : null);
}
