// Scanned pages of a dossier: several files at once, put in page order before they go, sent as one
// multipart upload (POST /api/v1/dossiers/{code}/attachments) with a progress bar. Each file is
// looked at first (a JPEG or a PDF by its first bytes, not empty), and a refusal is said beside the
// file it concerns. The gateway makes one signed PDF/A of the pages, listed among the documents.
import { randomKey, segment, upload } from './api.js';
import { h, notice, show } from './dom.js';
import { language, t } from './i18n.js';

/** What a file's first bytes say it is: 'jpeg', 'pdf' or null. */
async function sniff(file) {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return 'jpeg';
  }
  return String.fromCharCode(...head) === '%PDF-' ? 'pdf' : null;
}

function size(bytes) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The scan section of a dossier page; onUploaded(answer body) after a successful upload. */
export function scanUploader(desk, code, onUploaded) {
  const pages = [];
  let key = null;
  let busy = false;
  const chooser = h('input', { type: 'file', id: 'scan-files', multiple: true, accept: '.pdf,.jpg,.jpeg,application/pdf,image/jpeg',
    'aria-describedby': 'scan-hint' });
  const list = h('ol', { class: 'scan-list', id: 'scan-list' });
  const progress = h('progress', { id: 'scan-progress', max: '100', value: '0', 'aria-labelledby': 'scan-progress-label' });
  const progressText = h('span', { id: 'scan-progress-text' });
  const progressRow = h('div', { class: 'progress', hidden: true },
    h('span', { id: 'scan-progress-label' }, t('scans.progress')), ' ', progress, ' ', progressText);
  const send = h('button', { type: 'button', class: 'primary', id: 'scan-upload', disabled: true }, t('scans.upload'));
  const status = h('div', { id: 'scan-status', 'aria-live': 'polite' });

  function changed() {
    key = null; // another set of pages is another upload
    draw();
  }

  function move(i, by) {
    const [page] = pages.splice(i, 1);
    pages.splice(i + by, 0, page);
    changed();
    // The focus follows the page moved, so several presses keep moving it.
    const buttons = list.querySelectorAll(`li:nth-child(${i + by + 1}) button`);
    (by < 0 ? buttons[0] : buttons[1])?.focus();
  }

  function draw() {
    show(list, pages.map((p, i) => {
      const n = i + 1;
      const up = h('button', { type: 'button', class: 'small', disabled: busy || i === 0, 'aria-label': t('scans.up', { n, name: p.file.name }) },
        '↑ ', t('scans.upShort'));
      const down = h('button', { type: 'button', class: 'small', disabled: busy || i === pages.length - 1,
        'aria-label': t('scans.down', { n, name: p.file.name }) }, '↓ ', t('scans.downShort'));
      const remove = h('button', { type: 'button', class: 'small', disabled: busy, 'aria-label': t('scans.remove', { n, name: p.file.name }) },
        t('scans.removeShort'));
      up.addEventListener('click', () => move(i, -1));
      down.addEventListener('click', () => move(i, 1));
      remove.addEventListener('click', () => {
        pages.splice(i, 1);
        changed();
        (list.querySelector('button') || chooser).focus();
      });
      const error = p.error ? h('p', { class: 'field-error', id: `scan-error-${n}` }, p.error) : null;
      return h('li', { class: p.error ? 'refused' : null, 'aria-describedby': error ? `scan-error-${n}` : null },
        h('span', { class: 'scan-name' }, t('scans.page', { n }), ': ', p.file.name, ` (${size(p.file.size)})`),
        h('span', { class: 'scan-buttons' }, up, down, remove), error);
    }));
    send.disabled = busy || pages.length === 0;
    send.textContent = pages.length > 0 ? t('scans.uploadN', { n: pages.length }) : t('scans.upload');
  }

  chooser.addEventListener('change', async () => {
    for (const file of Array.from(chooser.files)) {
      const kind = file.size === 0 ? null : await sniff(file);
      pages.push({ file, error: file.size === 0 ? t('scans.refused.empty') : (kind ? '' : t('scans.refused.type')) });
    }
    chooser.value = '';
    show(status);
    changed();
  });

  send.addEventListener('click', async () => {
    if (busy || pages.length === 0) {
      return;
    }
    const refused = pages.filter((p) => p.error).length;
    if (refused > 0) {
      show(status, notice('error', t('scans.refused.some', { n: refused })));
      list.querySelector('li.refused button')?.focus();
      return;
    }
    key = key || randomKey();
    const body = new FormData();
    for (const p of pages) {
      body.append('file', p.file, p.file.name);
    }
    busy = true;
    draw();
    progressRow.hidden = false;
    progress.value = 0;
    progressText.textContent = '0%';
    show(status, notice('info', t('scans.sending')));
    const answer = await upload(`api/v1/dossiers/${segment(code)}/attachments`, body, {
      headers: { 'Idempotency-Key': key },
      onProgress: (fraction) => {
        progress.value = Math.round(fraction * 100);
        progressText.textContent = `${Math.round(fraction * 100)}%`;
      },
    });
    busy = false;
    if (answer.kind === 'unauthorized') {
      desk.authed('GET', `api/v1/dossiers/${segment(code)}`); // ends the session the shell's way
      return;
    }
    if (answer.ok) {
      const n = pages.length;
      pages.splice(0, pages.length);
      key = null;
      draw();
      progressText.textContent = '100%';
      progress.value = 100;
      show(status, notice('ok', t('scans.done', { n, title: answer.body.document ? answer.body.document.title : '' })));
      onUploaded(answer.body);
      return;
    }
    // The gateway refuses the whole upload and names the page ("Trang 2 (…) không phải JPEG hay PDF").
    const problem = answer.body || {};
    const detail = (language() === 'en' ? problem.detailEn : problem.detail) || '';
    const page = (problem.detail || '').match(/Trang (\d+)/);
    if (page && pages[Number(page[1]) - 1]) {
      pages[Number(page[1]) - 1].error = detail;
    }
    draw();
    progressRow.hidden = true;
    show(status, answer.body && answer.kind !== 'server' ? notice('error', `${t('scans.refused')} ${detail}`)
      : desk.failure(answer, () => send.click()));
  });

  draw();
  return h('section', { 'aria-labelledby': 'scans-heading', class: 'scans' },
    h('h2', { id: 'scans-heading' }, t('scans.title')),
    h('p', { id: 'scan-hint', class: 'hint' }, t('scans.hint')),
    h('div', { class: 'field' }, h('label', { for: 'scan-files' }, t('scans.choose')), chooser),
    list, progressRow, send, status);
}
