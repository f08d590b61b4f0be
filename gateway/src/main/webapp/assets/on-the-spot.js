// "4 tại chỗ" on the intake page: for a procedure the catalogue marks onTheSpot, the desk officer who
// holds the unit's delegation appraises, approves and hands over at the counter right after intake.
// One call settles it (POST …/on-the-spot); the signed result paper (form 06) is then printed and
// handed over, and the history lines the gateway wrote are shown. Without the delegation the API's
// refusal is said here and the dossier goes the usual way.
import { segment } from './api.js';
import { download, h, notice, show } from './dom.js';
import { formatDateTime, statusLabel, t } from './i18n.js';

/** The section under a received dossier: the steps, the decision form, then the result to print. */
export function onTheSpotSection(desk, dossier, visit) {
  const code = dossier.code;
  const status = h('div', { id: 'on-the-spot-status', 'aria-live': 'polite' });
  const result = h('div', { id: 'on-the-spot-result' });
  const note = h('textarea', { id: 'on-the-spot-note', rows: '2', maxlength: '500' });
  const approve = h('button', { type: 'submit', class: 'primary', id: 'on-the-spot-approve' }, t('onTheSpot.approve'));
  const form = h('form', { id: 'on-the-spot-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'on-the-spot-note' }, t('onTheSpot.note')), note), approve);
  const live = () => desk.visit === visit && document.body.contains(status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    approve.disabled = true;
    show(status, notice('info', t('onTheSpot.sending')));
    const answer = await desk.authed('POST', `api/v1/dossiers/${segment(code)}/on-the-spot`,
      { body: { decision: 'APPROVED', note: note.value.trim() || null } });
    if (answer === null || !live()) {
      return;
    }
    if (!answer.ok) {
      approve.disabled = false;
      show(status, answer.kind === 'forbidden'
        ? notice('error', h('p', {}, t('onTheSpot.forbidden')), answer.body ? desk.problemText(answer.body) : null)
        : desk.failure(answer, () => form.requestSubmit()));
      return;
    }
    form.hidden = true;
    show(status, notice('ok', h('p', { id: 'on-the-spot-done', tabindex: '-1' },
      t('onTheSpot.done', { status: statusLabel(answer.body.status, null) }))));
    document.getElementById('on-the-spot-done')?.focus();
    handOver(desk, code, result, live);
  });

  return h('section', { id: 'on-the-spot', 'aria-labelledby': 'on-the-spot-heading' },
    h('h2', { id: 'on-the-spot-heading' }, t('onTheSpot.title')),
    h('p', {}, t('onTheSpot.intro')),
    h('ol', { class: 'on-the-spot-steps' }, ['received', 'decide', 'paper', 'handOver'].map((s) => h('li', {}, t(`onTheSpot.step.${s}`)))),
    form, status, result);
}

/** The signed result paper once the paper mill has made it, to print; the history the gateway wrote. */
async function handOver(desk, code, result, live) {
  const print = h('button', { type: 'button', class: 'primary', id: 'on-the-spot-print', disabled: true }, t('onTheSpot.print'));
  const printStatus = h('p', { id: 'on-the-spot-print-status', role: 'status' }, t('onTheSpot.print.waiting'));
  const lines = h('ul', { id: 'on-the-spot-history' });
  show(result, h('h3', {}, t('onTheSpot.handOver')), h('p', {}, t('onTheSpot.handOver.hint')),
    h('div', { class: 'actions' }, print, desk.link(`ho-so/${segment(code)}`, t('onTheSpot.open'))), printStatus,
    h('h3', {}, t('onTheSpot.history')), lines);
  let paper = null;
  print.addEventListener('click', async () => {
    const bytes = await desk.authed('GET', `api/v1/dossiers/${segment(code)}/documents/${segment(paper.id)}`,
      { raw: true, headers: { Accept: 'application/pdf' } });
    if (bytes !== null && bytes.ok) {
      download(bytes.body, `${paper.title} - ${code}.pdf`);
    } else if (bytes !== null) {
      show(printStatus, desk.failure(bytes, () => print.click()));
    }
  });
  const history = await desk.authed('GET', `api/v1/dossiers/${segment(code)}/history`);
  if (history === null || !live()) {
    return;
  }
  if (history.ok) {
    show(lines, history.body.steps.filter((s) => (s.note || '').startsWith('4 tại chỗ'))
      .map((s) => h('li', {}, formatDateTime(s.at), ' – ', s.note)));
  }
  // Form 06 is signed by the officer and the agency just after the completion: asked for until it is there.
  const started = Date.now();
  const poll = async () => {
    const listed = await desk.authed('GET', `api/v1/dossiers/${segment(code)}/documents`);
    if (listed === null || !live()) {
      return;
    }
    paper = listed.ok ? listed.body.find((doc) => doc.kind === 'FORM_06') : null;
    if (paper) {
      print.disabled = false;
      printStatus.textContent = t('onTheSpot.print.ready', { title: paper.title });
    } else if (Date.now() - started < 120_000) {
      setTimeout(poll, 1000);
    } else {
      printStatus.textContent = t('intake.print.late');
    }
  };
  poll();
}
