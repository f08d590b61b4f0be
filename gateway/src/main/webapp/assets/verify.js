// Kiểm tra văn bản điện tử: a PDF to /api/v1/verify, and the report in plain words per signature.
import { call } from './api.js';
import { facts, h, notice, show } from './dom.js';
import { formatDateTime, language, onLanguageChange, setUpLanguage, t } from './i18n.js';

const form = document.getElementById('verify');
const file = document.getElementById('file');
const result = document.getElementById('result');
let last = null;

const CHANGED = ['HASH_FAILURE', 'MODIFIED_AFTER_SIGNING', 'BYTE_RANGE_INVALID', 'DOCMDP_VIOLATION', 'SIG_CRYPTO_FAILURE',
  'FORMAT_FAILURE'];
const UNTRUSTED = ['NO_CERTIFICATE_CHAIN_FOUND', 'NO_SIGNING_CERTIFICATE_FOUND', 'REVOKED_NO_POE', 'REVOKED_CA_NO_POE',
  'OUT_OF_BOUNDS_NO_POE',
  'SIG_CONSTRAINTS_FAILURE', 'TRY_LATER', 'CRYPTO_CONSTRAINTS_FAILURE'];

/** One attribute of an X.500 name ("CN=Nguyễn Văn A, O=UBND xã, C=VN"), or ''. */
function rdn(subject, key) {
  const match = (subject || '').match(new RegExp(`(?:^|,)\\s*${key}=((?:\\\\,|[^,])*)`));
  return match ? match[1].replace(/\\,/g, ',').trim() : '';
}

function say(finding) {
  return language() === 'en' ? finding.en : finding.vi;
}

function signature(s) {
  const codes = s.findings.map((f) => f.code);
  const broken = codes.some((c) => CHANGED.includes(c));
  const distrust = s.findings.filter((f) => UNTRUSTED.includes(f.code));
  const laterUpdates = codes.includes('LATER_UPDATES');
  const when = s.timestampTime || s.claimedSigningTime;
  const verdictClass = { TOTAL_PASSED: 'ok', TOTAL_FAILED: 'error', INDETERMINATE: 'warn' }[s.indication];
  return h('article', { class: `signature signature-${verdictClass}`, 'aria-labelledby': `sig-${s.index}` },
    h('h3', { id: `sig-${s.index}` }, t('verify.signature', { i: s.index }), ': ',
      h('span', { class: `badge badge-${verdictClass}` }, t(`verify.verdict.${s.indication}`))),
    facts([
      [t('verify.signer'), rdn(s.signer, 'CN') || s.signer || t('verify.unknown')],
      [t('verify.agency'), rdn(s.signer, 'O') || t('verify.unknown')],
      [t('verify.when'), when ? `${formatDateTime(when)} ${t(s.timestampTime ? 'verify.when.timestamp' : 'verify.when.claimed')}`
        : t('verify.unknown')],
      [t('verify.content'), broken ? t('verify.content.changed') : (laterUpdates ? t('verify.content.later') : t('verify.content.same'))],
      [t('verify.cert'), distrust.length === 0 ? t('verify.cert.trusted')
        : t('verify.cert.untrusted', { why: distrust.map(say).join('; ') })],
    ]),
    h('details', {},
      h('summary', {}, t('verify.details')),
      facts([
        [t('verify.field'), s.name],
        [t('verify.signer'), s.signer || t('verify.unknown')],
        [t('verify.algorithm'), `${s.algorithm}, ${s.level}`],
        [t('verify.coverage'), s.coverage ? (s.coverage.coversWholeFile ? t('verify.coverage.whole')
          : t('verify.coverage.part', { end: s.coverage.revisionEnd, len: s.coverage.fileLength })) : ''],
      ]),
      h('h4', {}, t('verify.findings')),
      s.findings.length === 0 ? h('p', {}, t('verify.verdict.TOTAL_PASSED'))
        : h('ul', {}, s.findings.map((f) => h('li', {}, say(f), f.detail ? ` (${f.detail})` : '')))));
}

function summary(report) {
  const signatures = report.signatures;
  if (signatures.length === 0) {
    return notice('error', t('verify.none'));
  }
  const broken = signatures.filter((s) => s.indication === 'TOTAL_FAILED');
  if (broken.length > 0) {
    const list = broken.map((s) => `${s.index}${s.signer ? ` (${rdn(s.signer, 'CN') || s.signer})` : ''}`).join(', ');
    return notice('error', t('verify.summary.broken', { list }));
  }
  if (signatures.some((s) => s.indication !== 'TOTAL_PASSED')) {
    return notice('warn', t('verify.summary.unsure'));
  }
  return notice('ok', t('verify.summary.ok', { n: signatures.length }));
}

function message(answer) {
  switch (answer.kind) {
    case 'tooLarge': return t('verify.tooLarge');
    case 'unsupported': return t('verify.notPdf');
    case 'unprocessable': case 'invalid': return t('verify.unreadable');
    case 'throttled': return t('verify.busy', { s: answer.retryAfter });
    case 'network': return t('error.network');
    default: return t('error.server', { id: answer.requestId });
  }
}

function render() {
  if (!last) {
    return;
  }
  if (!last.ok) {
    show(result, notice('error', message(last)));
    return;
  }
  const report = last.body;
  show(result,
    h('h2', { tabindex: '-1', id: 'result-heading' }, t('verify.result'), ': ', report.document),
    summary(report),
    report.signatures.map(signature));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = file.files[0];
  if (!chosen) {
    last = null;
    show(result, notice('error', t('verify.noFile')));
    file.focus();
    return;
  }
  const body = new FormData();
  body.append('file', chosen, chosen.name);
  show(result, notice('info', t('verify.checking')));
  form.setAttribute('aria-busy', 'true');
  last = await call('POST', 'api/v1/verify', { body });
  form.removeAttribute('aria-busy');
  render();
  document.getElementById('result-heading')?.focus();
});

setUpLanguage();
onLanguageChange(render);
