// Thống kê, the leader's page: the period's figures by agency, procedure or officer as numbers and
// as a bar chart (inline SVG), each number a link to the dossiers behind it; the liên thông steps
// per agency; and the dossiers overdue now, with who holds each one and since when.
// The period and grouping live in the address (?from=&to=&groupBy=), so a link or Back keeps them.
import { segment } from './api.js';
import { dateField, datesValid, isoDate, setDate } from './date-field.js';
import { BASE, h, notice, show } from './dom.js';
import { formatDate, formatDateTime, statusLabel, t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const OPEN = ['RECEIVED', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED'];
const FIGURES = ['received', 'inProgress', 'completedEarly', 'completedOnTime', 'completedLate', 'overdue'];
const BARS = [['completedEarly', '#1d6b34'], ['completedOnTime', '#0b4f8a'], ['completedLate', '#8a5300'],
  ['overdue', '#a4161a'], ['inTime', '#8c96a3']];
/** What each figure counts, as a test on one dossier of the list API. */
const MATCH = {
  received: () => true,
  inProgress: (d) => OPEN.includes(d.status),
  completedEarly: (d) => d.timeliness === 'EARLY',
  completedOnTime: (d) => d.timeliness === 'ON_TIME',
  completedLate: (d) => d.timeliness === 'LATE',
  overdue: (d) => d.overdue,
};
const DRILL_SIZE = 200;
/** The drill-down reads the list page by page up to this many pages (5,000 dossiers), then says it stopped. */
const DRILL_PAGES = 25;

function settings() {
  const p = new URLSearchParams(location.search);
  return { from: p.get('from') || '', to: p.get('to') || '', groupBy: p.get('groupBy') || 'AGENCY' };
}

function query(s) {
  const p = new URLSearchParams();
  for (const key of ['from', 'to', 'groupBy']) {
    if (s[key]) {
      p.set(key, s[key]);
    }
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

export async function leaderPage(main, desk) {
  const s = settings();
  const visit = desk.visit;
  desk.setRedraw(() => leaderPage(main, desk));
  const heading = h('h1', { id: 'page-heading', tabindex: '-1' }, t('stats.title'));
  if (desk.role() !== 'leader') {
    show(main, heading, notice('info', t('forbidden')));
    return;
  }
  const from = dateField('stats-from', s.from);
  const to = dateField('stats-to', s.to);
  const groupBy = h('select', { id: 'stats-group', name: 'groupBy' },
    ['AGENCY', 'PROCEDURE', 'OFFICER'].map((g) => h('option', { value: g, selected: g === s.groupBy }, t(`stats.group.${g}`))));
  const form = h('form', { id: 'stats-period', class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, t('register.period')),
      h('div', { class: 'field' }, h('label', { for: 'stats-from' }, t('register.from')), from),
      h('div', { class: 'field' }, h('label', { for: 'stats-to' }, t('register.to')), to),
      h('div', { class: 'field' }, h('label', { for: 'stats-group' }, t('stats.groupBy')), groupBy)),
    h('button', { type: 'submit', class: 'primary' }, t('register.show')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!datesValid(from, to)) {
      return;
    }
    history.pushState(null, '', `${BASE}thong-ke${query({ from: isoDate(from), to: isoDate(to), groupBy: groupBy.value })}`);
    await desk.reroute();
    document.getElementById('stats-heading')?.focus();
  });
  const figures = h('section', { id: 'stats-figures', 'aria-live': 'polite' });
  const drill = h('section', { id: 'stats-drill', 'aria-live': 'polite' });
  const steps = h('section', { id: 'stats-steps' });
  const overdue = h('section', { id: 'stats-overdue' });
  show(main, heading, form, figures, drill, steps, overdue);

  const answer = await desk.authed('GET', `api/v1/statistics${query(s)}`);
  if (answer === null || desk.visit !== visit) {
    return;
  }
  if (!answer.ok) {
    show(figures, desk.failure(answer, () => leaderPage(main, desk)));
    return;
  }
  const r = answer.body;
  setDate(from, r.from);
  setDate(to, r.to);
  drawFigures(desk, figures, drill, r);
  await drawSteps(desk, steps, r);
  await drawOverdue(desk, overdue, visit);
}

function label(desk, groupBy, key) {
  if (groupBy === 'AGENCY' && desk.agencies().get(key)) {
    return `${desk.agencies().get(key)} (${key})`;
  }
  return key || '–';
}

function drawFigures(desk, figures, drill, r) {
  const rows = [...r.rows, { ...r.total, key: null }];
  const cell = (row, figure) => {
    const n = row[figure];
    if (n === 0) {
      return h('td', {}, '0');
    }
    const button = h('button', { type: 'button', class: 'link-button', 'data-figure': figure, 'data-key': row.key ?? '' },
      String(n));
    button.addEventListener('click', () => drillDown(desk, drill, r, row.key, figure));
    return h('td', {}, button);
  };
  show(figures,
    h('h2', { id: 'stats-heading', tabindex: '-1' },
      t('stats.figures', { from: formatDate(r.from), to: formatDate(r.to), asOf: formatDateTime(r.asOf) })),
    h('p', { class: 'hint' }, t('stats.drillHint')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'stats-heading' },
      h('table', { id: 'stats-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(`stats.group.${r.groupBy}`)),
          FIGURES.map((f) => h('th', { scope: 'col' }, t(`stats.${f}`))))),
        h('tbody', {}, rows.map((row) => h('tr', { 'data-key': row.key ?? '' },
          h('th', { scope: 'row' }, row.key === null ? t('stats.total') : label(desk, r.groupBy, row.key)),
          FIGURES.map((f) => cell(row, f))))))),
    chart(desk, r));
}

/** A horizontal bar per group: early, on time, late, overdue and still in time, to scale. */
function chart(desk, r) {
  const el = (tag, attributes, ...children) => {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, String(value));
    }
    node.append(...children);
    return node;
  };
  const max = Math.max(1, ...r.rows.map((row) => row.received));
  const width = 600;
  const labelWidth = 200;
  const rowHeight = 28;
  const height = r.rows.length * rowHeight + 30;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'stats-chart-title',
    class: 'chart', id: 'stats-chart' }, el('title', { id: 'stats-chart-title' }, t('stats.chart')));
  r.rows.forEach((row, i) => {
    const y = i * rowHeight + 4;
    const inTime = Math.max(0, row.inProgress - row.overdue);
    const values = { ...row, inTime };
    svg.append(el('text', { x: 0, y: y + 16, 'font-size': 12, fill: '#1b1b1b' }, label(desk, r.groupBy, row.key).slice(0, 30)));
    let x = labelWidth;
    for (const [figure, colour] of BARS) {
      const w = ((width - labelWidth - 40) * values[figure]) / max;
      if (w > 0) {
        svg.append(el('rect', { x, y, width: w, height: 20, fill: colour },
          el('title', {}, `${t(`stats.${figure}`)}: ${values[figure]}`)));
        x += w;
      }
    }
    svg.append(el('text', { x: x + 4, y: y + 16, 'font-size': 12, fill: '#1b1b1b' }, String(row.received)));
  });
  const legend = h('ul', { class: 'chart-legend' }, BARS.map(([figure]) =>
    h('li', {}, h('span', { class: `swatch swatch-${figure}` }), t(`stats.${figure}`))));
  return h('figure', { class: 'chart-figure' }, svg, h('figcaption', {}, legend));
}

async function drillDown(desk, drill, r, key, figure) {
  const p = new URLSearchParams({ from: r.from, to: r.to, size: String(DRILL_SIZE) });
  if (key !== null && r.groupBy === 'AGENCY') {
    p.set('agency', key);
  }
  if (key !== null && r.groupBy === 'PROCEDURE') {
    p.set('procedure', key);
  }
  if (figure === 'overdue') {
    p.set('overdue', 'true');
  }
  show(drill, t('stats.loading'));
  // The list API filters by period and unit or procedure only: the figure's own test runs here, on
  // every page of the list, so a number above 200 opens all of its dossiers.
  const seen = new Map();
  let total = 0;
  for (let page = 0; page < DRILL_PAGES; page += 1) {
    p.set('page', String(page));
    const answer = await desk.authed('GET', `api/v1/dossiers?${p}`);
    if (answer === null) {
      return;
    }
    if (!answer.ok) {
      show(drill, desk.failure(answer, () => drillDown(desk, drill, r, key, figure)));
      return;
    }
    total = answer.body.total;
    for (const d of answer.body.items) {
      if (MATCH[figure](d) && (key === null || r.groupBy !== 'OFFICER' || d.receivedBy === key)) {
        seen.set(d.code, d); // a dossier received meanwhile shifts the pages: each one once
      }
    }
    if ((page + 1) * DRILL_SIZE >= total || answer.body.items.length === 0) {
      break;
    }
    show(drill, t('stats.loadingMore', { n: (page + 1) * DRILL_SIZE, total }));
  }
  const items = [...seen.values()];
  const title = t('stats.drillTitle', { figure: t(`stats.${figure}`),
    group: key === null ? t('stats.total') : label(desk, r.groupBy, key) });
  show(drill, h('h2', { id: 'drill-heading', tabindex: '-1' }, title),
    h('p', { id: 'drill-count', class: 'hint' }, t('stats.drillCount', { n: items.length })),
    total > DRILL_PAGES * DRILL_SIZE ? h('p', { class: 'hint' }, t('stats.drillFirst', { n: DRILL_PAGES * DRILL_SIZE })) : null,
    dossierTable(desk, items, 'drill-table', 'drill-heading'));
  document.getElementById('drill-heading')?.focus();
}

function dossierTable(desk, items, id, labelledBy) {
  if (items.length === 0) {
    return h('p', {}, t('search.none'));
  }
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': labelledBy },
    h('table', { id },
      h('thead', {}, h('tr', {}, ['register.code', 'dossier.procedure', 'stats.holder', 'dossier.due', 'search.status',
        'register.timeliness'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, items.map((d) => h('tr', {},
        h('td', {}, desk.link(`ho-so/${segment(d.code)}`, d.code)),
        h('td', {}, `${d.procedureCode} – ${d.procedureName}`),
        h('td', {}, holder(desk, d)),
        h('td', {}, formatDateTime(d.dueAt)),
        h('td', {}, statusLabel(d.status, d.statusLabel)),
        h('td', {}, d.timeliness ? t(`stats.timeliness.${d.timeliness}`) : (d.overdue ? t('stats.overdue') : '')))))));
}

/** Who holds the dossier now: the agency of an exchange still under way, else its own unit and receiving officer. */
function holder(desk, d) {
  const open = (d.exchanges || []).find((e) => ['PENDING', 'IN_FLIGHT', 'ACCEPTED', 'FAILED', 'DEAD'].includes(e.status));
  if (open) {
    return t('stats.heldByAgency', { agency: open.agency, since: formatDateTime(open.updatedAt) });
  }
  const unit = desk.agencies().get(d.agencyCode) || d.agencyCode;
  return d.receivedBy ? `${unit} – ${d.receivedBy}` : unit;
}

async function drawSteps(desk, steps, r) {
  const answer = await desk.authed('GET', `api/v1/statistics/steps${query({ from: r.from, to: r.to })}`);
  if (answer === null) {
    return;
  }
  if (!answer.ok) {
    show(steps, desk.failure(answer, () => drawSteps(desk, steps, r)));
    return;
  }
  const rows = answer.body.rows;
  show(steps, h('h2', { id: 'steps-heading' }, t('stats.steps')),
    rows.length === 0 ? h('p', {}, t('stats.noSteps')) :
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'steps-heading' },
        h('table', { id: 'steps-table' },
          h('thead', {}, h('tr', {}, ['stats.agency', 'stats.started', 'stats.doneOnTime', 'stats.doneLate', 'stats.overdue',
            'stats.failed'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, rows.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.agencyId),
            [s.started, s.doneOnTime, s.doneLate, s.overdue, s.failed].map((n) => h('td', {}, String(n)))))))));
}

async function drawOverdue(desk, overdue, visit) {
  const answer = await desk.authed('GET', `api/v1/dossiers?overdue=true&size=${DRILL_SIZE}`);
  if (answer === null || desk.visit !== visit) {
    return;
  }
  if (!answer.ok) {
    show(overdue, desk.failure(answer, () => drawOverdue(desk, overdue, visit)));
    return;
  }
  show(overdue, h('h2', { id: 'overdue-heading' }, t('stats.overdueNow', { n: answer.body.total })),
    dossierTable(desk, answer.body.items, 'overdue-table', 'overdue-heading'));
}
