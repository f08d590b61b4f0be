// Tiếp nhận hồ sơ: the desk officer picks the procedure from the catalogue, ticks the papers
// received, types the applicant's details (checked as POST /api/v1/dossiers checks them, the error
// beside the field), sees the appointment date the gateway will set, and submits once: one
// Idempotency-Key per form fill, so a double click or a retry after a lost answer makes one dossier.
import { randomKey, segment } from './api.js';
import { daysOffBetween, officeHours, previewIntakeDue } from './calendar.js';
import { download, facts, field, h, notice, show } from './dom.js';
import { catalogue } from './dossiers.js';
import { formatDate, formatDateTime, language, t } from './i18n.js';
import { onTheSpotSection } from './on-the-spot.js';

const CITIZEN_ID = /^\d{12}$/;
const PHONE = /^(\+84|0)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** The fields the API names in its 400 answers, and the inputs they belong to. */
const API_FIELDS = { 'applicant.fullName': 'fullName', 'applicant.citizenId': 'citizenId', 'applicant.phone': 'phone',
  'applicant.email': 'email', procedureCode: 'procedure-search', channel: 'channel-COUNTER' };

let form = fresh();

function fresh() {
  return { procedure: '', search: '', fullName: '', citizenId: '', phone: '', email: '', channel: 'COUNTER', sms: false,
    mail: false, papers: new Set(), key: randomKey(), result: null, onTheSpot: false };
}

/** What is wrong with a value, as the API would say it; '' when nothing. */
function check(name, value) {
  const v = value.trim();
  switch (name) {
    case 'fullName': return v ? '' : t('intake.error.fullName');
    case 'citizenId': return CITIZEN_ID.test(v) ? '' : t('intake.error.citizenId');
    case 'phone': return !v || PHONE.test(v) ? '' : t('intake.error.phone');
    case 'email': return !v || (EMAIL.test(v) && v.length <= 254) ? '' : t('intake.error.email');
    default: return '';
  }
}

/** The intake page; a visit after a finished intake starts a new form, a redraw (language) keeps it. */
export async function intakePage(main, desk, redraw = false) {
  const visit = desk.visit;
  if (!redraw && form.result) {
    form = fresh();
  }
  desk.setRedraw(() => intakePage(main, desk, true));
  show(main, h('h1', { id: 'page-heading', tabindex: '-1' }, t('intake.title')));
  if (!desk.mayAct()) {
    main.append(notice('info', t('intake.forbidden')));
    return;
  }
  const [known, hours] = await Promise.all([catalogue(desk), officeHours(desk)]);
  if (known === null || hours === null) {
    return;
  }
  if (!known.ok || !hours.ok) {
    main.append(desk.failure(known.ok ? hours : known, () => intakePage(main, desk, true)));
    return;
  }
  if (form.result) {
    success(main, desk, visit);
    return;
  }
  draw(main, desk, known.body, hours.body, visit);
}

function draw(main, desk, procedures, office, visit) {
  const chosen = () => procedures.find((p) => p.code === form.procedure);
  const summary = h('div', { id: 'intake-errors' });
  const status = h('div', { id: 'intake-status' });

  // The procedure: a search over name and code, then one radio per match.
  const search = h('input', { id: 'procedure-search', type: 'search', autocomplete: 'off', value: form.search });
  const choices = h('div', { class: 'choices', id: 'procedure-choices' });
  const papers = h('div', { id: 'papers' });
  const preview = h('div', { id: 'due-preview', 'aria-live': 'polite' });
  const searchField = field(search, t('intake.procedure.search'), t('intake.procedure.hint'));

  function drawChoices() {
    const words = form.search.trim().toLowerCase();
    const matches = procedures.filter((p) => !words || p.code.toLowerCase().includes(words)
      || p.name.toLowerCase().includes(words));
    show(choices, matches.length === 0 ? h('p', {}, t('intake.procedure.none')) : h('fieldset', { class: 'radios' },
      h('legend', {}, t('intake.procedure')),
      matches.map((p) => {
        const radio = h('input', { type: 'radio', name: 'procedure', id: `procedure-${p.code}`, value: p.code,
          checked: p.code === form.procedure });
        radio.addEventListener('change', () => {
          form.procedure = p.code;
          form.papers = new Set();
          searchField.setError('');
          drawPapers();
          drawPreview();
        });
        return h('div', { class: 'radio' }, radio, h('label', { for: `procedure-${p.code}` }, `${p.code} – ${p.name}`));
      })));
  }
  search.addEventListener('input', () => {
    form.search = search.value;
    drawChoices();
  });

  function drawPapers() {
    const p = chosen();
    if (!p) {
      show(papers);
      return;
    }
    const time = p.processingTime || {};
    show(papers, facts([
      [t('intake.time'), time.unit === 'SAME_DAY' ? t('intake.time.sameDay')
        : t(`intake.time.${time.unit}`, { n: time.value })],
      [t('intake.fee'), p.fee ? p.fee.description || String(p.fee.amountVnd) : ''],
      [t('intake.agencies'), (p.agencies || []).map((a) => a.name).join('; ')],
    ]), h('fieldset', { class: 'checks' }, h('legend', {}, t('intake.papers')),
      h('p', { class: 'hint' }, t('intake.papers.hint')),
      (p.requiredDocuments || []).map((name, i) => {
        const box = h('input', { type: 'checkbox', id: `paper-${i}`, checked: form.papers.has(name) });
        box.addEventListener('change', () => {
          if (box.checked) {
            form.papers.add(name);
          } else {
            form.papers.delete(name);
          }
        });
        return h('div', { class: 'check' }, box, h('label', { for: `paper-${i}` }, name));
      })));
  }

  async function drawPreview() {
    const p = chosen();
    if (!p) {
      show(preview);
      return;
    }
    const answer = await previewIntakeDue(desk, p.code, desk.claims().agency_code);
    if (answer === null || desk.visit !== visit || chosen() !== p) {
      return;
    }
    if (!answer.ok) {
      show(preview, desk.failure(answer, drawPreview));
      return;
    }
    const due = answer.body;
    // A golden day moves even a same-day procedure to that day's hour: then the date and time are shown.
    const golden = due.reason === 'GOLDEN_DAY';
    const sameDay = (p.processingTime || {}).unit === 'SAME_DAY' && !golden;
    const lateStart = formatDate(due.countingFrom) !== formatDate(due.from);
    const closed = await daysOffBetween(desk, due.countingFrom, due.dueAt);
    if (desk.visit !== visit || chosen() !== p) {
      return;
    }
    show(preview, h('div', { class: 'notice notice-info', role: 'status' },
      h('p', {}, h('strong', {}, t('intake.due')), ': ',
        h('span', { id: 'due-date' }, sameDay ? t('intake.due.sameDay', { date: formatDate(due.countingFrom) })
          : formatDateTime(due.dueAt))),
      lateStart ? h('p', { id: 'due-late' }, t('intake.due.late', { cutOff: office.cutOff, from: formatDateTime(due.countingFrom) }))
        : null,
      h('p', { id: 'due-reason', class: golden ? 'golden-day' : null },
        h('strong', {}, t(golden ? 'intake.due.golden' : 'intake.due.why')), ' ',
        language() === 'en' ? due.explanationEn : due.explanation),
      closed.length > 0 ? h('p', { id: 'due-closed' }, t('intake.due.closed', {
        list: closed.map((c) => (c.first === c.last ? `${c.name} (${c.first})` : `${c.name} (${c.first}–${c.last})`)).join('; '),
      })) : null,
      h('p', { class: 'hint' }, t('intake.due.hint', { at: formatDateTime(due.from) }))));
  }

  // The applicant, each field checked when it is left and again on submit.
  const inputs = {
    fullName: h('input', { id: 'fullName', type: 'text', autocomplete: 'off', value: form.fullName, required: true }),
    citizenId: h('input', { id: 'citizenId', type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '12',
      value: form.citizenId, required: true }),
    phone: h('input', { id: 'phone', type: 'text', inputmode: 'tel', autocomplete: 'off', value: form.phone }),
    email: h('input', { id: 'email', type: 'text', inputmode: 'email', autocomplete: 'off', value: form.email }),
  };
  const fields = {
    fullName: field(inputs.fullName, t('intake.fullName'), null),
    citizenId: field(inputs.citizenId, t('intake.citizenId'), t('intake.citizenId.hint')),
    phone: field(inputs.phone, t('intake.phone'), t('intake.phone.hint')),
    email: field(inputs.email, t('intake.email'), null),
  };
  for (const [name, input] of Object.entries(inputs)) {
    input.addEventListener('input', () => {
      form[name] = input.value;
      if (input.getAttribute('aria-invalid')) {
        fields[name].setError(check(name, input.value));
      }
    });
    input.addEventListener('blur', () => {
      if (input.value.trim()) {
        fields[name].setError(check(name, input.value));
      }
    });
  }
  const channel = h('fieldset', { class: 'radios', id: 'channel' }, h('legend', {}, t('intake.channel')),
    ['COUNTER', 'ONLINE'].map((c) => {
      const radio = h('input', { type: 'radio', name: 'channel', id: `channel-${c}`, value: c, checked: form.channel === c });
      radio.addEventListener('change', () => {
        form.channel = c;
      });
      return h('div', { class: 'radio' }, radio, h('label', { for: `channel-${c}` }, t(`intake.channel.${c}`)));
    }));
  const sms = h('input', { type: 'checkbox', id: 'notify-sms', checked: form.sms });
  const mail = h('input', { type: 'checkbox', id: 'notify-email', checked: form.mail });
  const consentError = h('p', { id: 'notify-error', class: 'field-error', hidden: true });
  sms.setAttribute('aria-describedby', 'notify-error');
  mail.setAttribute('aria-describedby', 'notify-error');
  sms.addEventListener('change', () => {
    form.sms = sms.checked;
  });
  mail.addEventListener('change', () => {
    form.mail = mail.checked;
  });
  const consent = h('fieldset', { class: 'checks' }, h('legend', {}, t('intake.notify')),
    h('div', { class: 'check' }, sms, h('label', { for: 'notify-sms' }, t('intake.notify.sms'))),
    h('div', { class: 'check' }, mail, h('label', { for: 'notify-email' }, t('intake.notify.email'))), consentError);

  const submit = h('button', { type: 'submit', class: 'primary', id: 'intake-submit' }, t('intake.submit'));
  const el = h('form', { id: 'intake', class: 'stack wide', novalidate: true },
    summary,
    h('h2', {}, t('intake.procedure')), searchField, choices, papers, preview,
    h('h2', {}, t('intake.applicant')), fields.fullName, fields.citizenId, fields.phone, fields.email, channel, consent,
    submit, status);

  /** Every check the API makes, each error beside its field; the first wrong field takes the focus. */
  function validate() {
    const wrong = [];
    if (!chosen()) {
      searchField.setError(t('intake.error.procedure'));
      wrong.push(search);
    }
    for (const [name, input] of Object.entries(inputs)) {
      const message = check(name, input.value);
      fields[name].setError(message);
      if (message) {
        wrong.push(input);
      }
    }
    const consentMessage = (form.sms && !form.phone.trim()) ? t('intake.error.smsPhone')
      : (form.mail && !form.email.trim()) ? t('intake.error.mailEmail') : '';
    consentError.textContent = consentMessage;
    consentError.hidden = !consentMessage;
    if (consentMessage) {
      wrong.push(form.sms && !form.phone.trim() ? sms : mail);
    }
    show(summary, wrong.length === 0 ? null : notice('error', t('intake.error.summary', { n: wrong.length })));
    return wrong;
  }

  let busy = false;
  async function send() {
    if (busy) {
      return;
    }
    const wrong = validate();
    if (wrong.length > 0) {
      wrong[0].focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    submit.textContent = t('intake.sending');
    show(status, notice('info', t('intake.sending')));
    const c = desk.claims();
    const answer = await desk.authed('POST', 'api/v1/dossiers', {
      headers: { 'Idempotency-Key': form.key },
      body: {
        procedureCode: form.procedure, agencyCode: c.agency_code, channel: form.channel,
        applicant: { fullName: form.fullName.trim(), citizenId: form.citizenId.trim(), phone: form.phone.trim() || null,
          email: form.email.trim() || null, notify: { sms: form.sms, email: form.mail } },
      },
    });
    busy = false;
    submit.disabled = false;
    submit.textContent = t('intake.submit');
    if (answer === null || desk.visit !== visit) {
      return;
    }
    if (answer.ok) {
      form.result = answer.body;
      form.onTheSpot = Boolean(chosen()?.onTheSpot);
      success(main, desk, visit);
      return;
    }
    if (answer.kind === 'invalid' && answer.body && answer.body.errors) {
      show(status);
      const wrongFields = [];
      for (const e of answer.body.errors) {
        const name = API_FIELDS[e.field];
        const target = fields[name] || (name === 'procedure-search' ? searchField : null);
        if (target) {
          target.setError(document.documentElement.lang === 'en' ? e.messageEn : e.message);
          wrongFields.push(document.getElementById(name));
        }
      }
      show(summary, notice('error', desk.problemText(answer.body)));
      (wrongFields[0] || submit).focus();
      return;
    }
    show(status, desk.failure(answer, send));
    status.querySelector('button')?.focus();
  }
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });

  main.append(h('p', {}, t('intake.intro')), el);
  drawChoices();
  drawPapers();
  drawPreview();
  // The appointment moves with the clock (the 15:00 cut-off, midnight): asked again every minute.
  const timer = setInterval(() => {
    if (desk.visit !== visit || !document.body.contains(preview)) {
      clearInterval(timer);
      return;
    }
    drawPreview();
  }, 60_000);
}

/** The dossier code, its appointment date, form 01 to print once it is signed, and the way on. */
function success(main, desk, visit) {
  const d = form.result;
  const print = h('button', { type: 'button', class: 'primary', id: 'print-form-01', disabled: true }, t('intake.print'));
  const printStatus = h('p', { id: 'print-status', role: 'status' }, t('intake.print.waiting'));
  const another = h('button', { type: 'button', id: 'intake-again' }, t('intake.again'));
  another.addEventListener('click', () => {
    form = fresh();
    intakePage(main, desk, true).then(() => document.getElementById('page-heading')?.focus());
  });
  show(main, h('h1', { id: 'page-heading', tabindex: '-1' }, t('intake.title')),
    h('div', { class: 'notice notice-ok', role: 'status' },
      h('h2', { id: 'intake-done', tabindex: '-1' }, t('intake.done', { code: d.code })),
      facts([
        [t('lookup.code'), h('strong', { id: 'dossier-code' }, d.code)],
        [t('search.applicant'), d.applicant ? d.applicant.fullName : ''],
        [t('dossier.procedure'), d.procedureName ? `${d.procedureCode} – ${d.procedureName}` : d.procedureCode],
        [t('dossier.due'), formatDateTime(d.dueAt)],
      ]),
      h('div', { class: 'actions' }, print, desk.link(`ho-so/${segment(d.code)}`, t('intake.open')), another),
      printStatus),
    form.onTheSpot ? onTheSpotSection(desk, d, visit) : null);
  document.getElementById('intake-done')?.focus();

  let form01 = null;
  print.addEventListener('click', async () => {
    const bytes = await desk.authed('GET', `api/v1/dossiers/${segment(d.code)}/documents/${segment(form01.id)}`,
      { raw: true, headers: { Accept: 'application/pdf' } });
    if (bytes === null) {
      return;
    }
    if (!bytes.ok) {
      show(printStatus, desk.failure(bytes, () => print.click()));
      return;
    }
    download(bytes.body, `${form01.title} - ${d.code}.pdf`);
  });
  // Form 01 is signed and archived just after the dossier is committed: asked for until it is there.
  const started = Date.now();
  const poll = async () => {
    if (desk.visit !== visit || form.result !== d) {
      return;
    }
    const listed = await desk.authed('GET', `api/v1/dossiers/${segment(d.code)}/documents`);
    if (listed === null || desk.visit !== visit) {
      return;
    }
    form01 = listed.ok ? listed.body.find((doc) => doc.kind === 'FORM_01') : null;
    if (form01) {
      print.disabled = false;
      printStatus.textContent = t('intake.print.ready');
    } else if (Date.now() - started < 120_000) {
      setTimeout(poll, 1000);
    } else {
      printStatus.textContent = t('intake.print.late');
    }
  };
  poll();
}
