// Mức độ hài lòng: the leader's figures from citizens' ratings for a period, per unit, procedure or
// officer (GET /api/v1/satisfaction), and the citizens' comments to moderate: a comment stays
// hidden from everyone but the leader until approved here. Comments are put on screen as text.
// The period and grouping live in the address (?from=&to=&groupBy=), so a link or Back keeps them.
import { dateField, datesValid, isoDate, setDate } from './date-field.js';
import { BASE, h, notice, show } from './dom.js';
import { formatDate, formatDateTime, t } from './i18n.js';

const GROUPS = ['AGENCY', 'PROCEDURE', 'OFFICER'];

function chosen() {
  const p = new URLSearchParams(location.search);
  const groupBy = p.get('groupBy');
  return { from: p.get('from') || '', to: p.get('to') || '', groupBy: GROUPS.includes(groupBy) ? groupBy : 'AGENCY' };
}

function query(f) {
  const p = new URLSearchParams();
  for (const key of ['from', 'to']) {
    if (f[key]) {
      p.set(key, f[key]);
    }
  }
  if (f.groupBy !== 'AGENCY') {
    p.set('groupBy', f.groupBy);
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

export async function satisfactionPage(main, desk) {
  const f = chosen();
  desk.setRedraw(() => satisfactionPage(main, desk));
  const from = dateField('satisfaction-from', f.from);
  const to = dateField('satisfaction-to', f.to);
  const groupBy = h('select', { id: 'satisfaction-group', name: 'groupBy' },
    GROUPS.map((g) => h('option', { value: g, selected: g === f.groupBy }, t(`satisfaction.by.${g}`))));
  const figures = h('div', { id: 'satisfaction-results', 'aria-live': 'polite' });
  const comments = h('section', { id: 'satisfaction-comments', 'aria-labelledby': 'comments-heading' });
  const form = h('form', { id: 'satisfaction-period', class: 'inline-form' },
    h('fieldset', { class: 'filters' }, h('legend', {}, t('satisfaction.period')),
      h('div', { class: 'field' }, h('label', { for: 'satisfaction-from' }, t('register.from')), from),
      h('div', { class: 'field' }, h('label', { for: 'satisfaction-to' }, t('register.to')), to),
      h('div', { class: 'field' }, h('label', { for: 'satisfaction-group' }, t('satisfaction.by')), groupBy)),
    h('button', { type: 'submit', class: 'primary' }, t('satisfaction.show')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!datesValid(from, to)) {
      return;
    }
    history.pushState(null, '', `${BASE}hai-long${query({ from: isoDate(from), to: isoDate(to), groupBy: groupBy.value })}`);
    await desk.reroute();
    document.getElementById('satisfaction-count')?.focus();
  });
  show(main, h('h1', { id: 'page-heading', tabindex: '-1' }, t('satisfaction.title')), h('p', {}, t('satisfaction.intro')),
    form, figures, comments);
  if (desk.role() !== 'leader') {
    show(figures, notice('info', t('satisfaction.forbidden')));
    return;
  }
  const [answer, listed] = await Promise.all([desk.authed('GET', `api/v1/satisfaction${query(f)}`),
    desk.authed('GET', 'api/v1/satisfaction/comments')]);
  if (answer === null || listed === null) {
    return;
  }
  if (!answer.ok) {
    show(figures, desk.failure(answer, () => satisfactionPage(main, desk)));
  } else {
    if (!f.from && !f.to) {
      setDate(from, answer.body.from);
      setDate(to, answer.body.to);
    }
    drawFigures(figures, desk, answer.body);
  }
  drawComments(comments, desk, listed);
}

function mark(value) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(2);
}

function drawFigures(figures, desk, s) {
  const name = (key) => (s.groupBy === 'AGENCY' && desk.agencies().get(key) ? `${desk.agencies().get(key)} (${key})` : key);
  const row = (r, cell) => h('tr', {}, cell(r.key === 'TOTAL' ? t('satisfaction.total') : name(r.key)),
    h('td', {}, String(r.ratings)), h('td', {}, mark(r.attitude)), h('td', {}, mark(r.time)), h('td', {}, mark(r.overall)),
    h('td', {}, r.ratings === 0 ? '–' : `${r.satisfied} (${Number(r.satisfiedPercent).toFixed(1)} %)`));
  show(figures,
    h('p', { id: 'satisfaction-count', tabindex: '-1' },
      t('satisfaction.count', { n: s.total.ratings, from: formatDate(s.from), to: formatDate(s.to) })),
    s.rows.length === 0 ? h('p', {}, t('satisfaction.none')) :
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'page-heading' },
        h('table', { id: 'satisfaction-table' },
          h('thead', {}, h('tr', {}, [`satisfaction.by.${s.groupBy}`, 'satisfaction.ratings', 'satisfaction.attitude',
            'satisfaction.time', 'satisfaction.overall', 'satisfaction.satisfied'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, s.rows.map((r) => row(r, (text) => h('th', { scope: 'row' }, text)))),
          h('tfoot', {}, row(s.total, (text) => h('th', { scope: 'row' }, text))))));
}

function drawComments(section, desk, listed) {
  const heading = h('h2', { id: 'comments-heading' }, t('satisfaction.comments'));
  if (!listed.ok) {
    show(section, heading, desk.failure(listed, () => drawComments(section, desk, listed)));
    return;
  }
  show(section, heading, h('p', {}, t('satisfaction.comments.hint')),
    listed.body.length === 0 ? h('p', {}, t('satisfaction.comments.none'))
      : h('ul', { class: 'comments' }, listed.body.map((c) => commentItem(desk, c))));
}

function commentItem(desk, c) {
  const item = h('li', { 'data-id': String(c.id), 'data-status': c.moderation });
  const draw = (comment, said) => {
    const about = [c.dossierCode ? t('satisfaction.comment.dossier', { code: c.dossierCode }) : t('satisfaction.comment.box'),
      c.procedureCode, c.officerId ? t('satisfaction.comment.officer', { id: c.officerId }) : null, formatDateTime(c.receivedAt)]
      .filter(Boolean).join(' · ');
    const tone = { APPROVED: 'ok', REJECTED: 'error', PENDING: 'warn' }[comment.moderation] || 'info';
    show(item, h('p', {}, h('span', { class: `badge badge-${tone}` }, t(`satisfaction.moderation.${comment.moderation}`)), ' ', about),
      h('blockquote', { class: 'citizen-comment' }, comment.text),
      comment.moderation === 'PENDING' ? h('div', { class: 'actions' },
        ['APPROVED', 'REJECTED'].map((decision) => {
          const button = h('button', { type: 'button', class: decision === 'APPROVED' ? 'primary small' : 'small',
            'aria-label': t(`satisfaction.decide.${decision}.label`, { id: comment.id }) }, t(`satisfaction.decide.${decision}`));
          button.addEventListener('click', () => decide(decision));
          return button;
        })) : null,
      said);
    item.dataset.status = comment.moderation;
  };
  const decide = async (decision) => {
    const answer = await desk.authed('POST', `api/v1/satisfaction/comments/${c.id}/moderation`, { body: { decision } });
    if (answer === null) {
      return;
    }
    if (answer.ok) {
      draw(answer.body, h('p', { role: 'status', tabindex: '-1' }, t(`satisfaction.decided.${decision}`)));
      item.querySelector('[role=status]')?.focus();
    } else {
      draw(c, desk.failure(answer, () => decide(decision)));
    }
  };
  draw(c, null);
  return item;
}
