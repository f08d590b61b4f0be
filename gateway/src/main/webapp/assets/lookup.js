// Tra cứu hồ sơ: a dossier's status by its code and the last four digits of the applicant's phone.
import { call, segment } from './api.js';
import { facts, h, notice, show } from './dom.js';
import { formatDate, onLanguageChange, setUpLanguage, statusLabel, t } from './i18n.js';
import { FINISHED, ratingSection } from './rating.js';

const form = document.getElementById('lookup');
const code = document.getElementById('code');
const phone = document.getElementById('phone');
const result = document.getElementById('result');
let last = null;

function render() {
  if (!last) {
    return;
  }
  if (last.ok) {
    const d = last.body;
    const [vi] = (d.statusLabel || '').split(' / ');
    show(result, h('h2', { tabindex: '-1', id: 'result-heading' }, t('lookup.result')), facts([
      [t('lookup.code'), d.code],
      [t('lookup.status'), statusLabel(d.status, vi)],
      [t('lookup.step'), d.step],
      [t('lookup.due'), formatDate(d.dueAt)],
      [t('lookup.ready'), d.resultReady ? t('lookup.ready.yes') : t('lookup.ready.no')],
    ]), FINISHED.has(d.status) ? ratingSection(d.code, last.digits) : null);
  } else {
    show(result, notice('error', message(last)));
  }
}

function message(answer) {
  switch (answer.kind) {
    case 'notFound': return t('lookup.notFound');
    case 'invalid': return t('lookup.phoneInvalid');
    case 'throttled': return t('lookup.throttled', { s: answer.retryAfter });
    case 'network': return t('error.network');
    default: return t('error.server', { id: answer.requestId });
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const wantedCode = code.value.trim();
  const digits = phone.value.trim();
  if (!wantedCode) {
    last = null;
    show(result, notice('error', t('lookup.codeMissing')));
    code.focus();
    return;
  }
  if (!/^\d{4}$/.test(digits)) {
    last = null;
    show(result, notice('error', t('lookup.phoneInvalid')));
    phone.focus();
    return;
  }
  form.setAttribute('aria-busy', 'true');
  last = await call('GET', `api/v1/public/dossiers/${segment(wantedCode)}?phone=${digits}`);
  last.digits = digits;
  form.removeAttribute('aria-busy');
  render();
  // The rating link of the result notice (…#danh-gia) leads to the rating form once the look-up answers.
  const target = location.hash === '#danh-gia' && document.getElementById('rating-heading');
  (target || document.getElementById('result-heading'))?.focus();
});

setUpLanguage();
onLanguageChange(render);
const prefilled = new URLSearchParams(location.search).get('ma');
if (prefilled) {
  code.value = prefilled;
  phone.focus();
}
