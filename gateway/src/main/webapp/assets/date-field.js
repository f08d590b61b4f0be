// A date field read and typed as dd/mm/yyyy, whatever the browser's language. The browser's own
// date input orders day and month by the browser's language (mm/dd/yyyy in an English Chrome, where
// 06/12 is June), and an officer in Vietnam must never have to guess which one a form means. The
// pages keep dates as ISO (yyyy-mm-dd), as the API takes them and as the address carries them.
import { h } from './dom.js';
import { formatDate, t } from './i18n.js';

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A text field showing iso (yyyy-mm-dd or '') as dd/mm/yyyy. */
export function dateField(id, iso = '') {
  const el = h('input', {
    id, name: id, type: 'text', class: 'date', inputmode: 'numeric', autocomplete: 'off', maxlength: '10',
    placeholder: t('date.placeholder'), value: formatDate(iso),
  });
  el.addEventListener('input', () => el.setCustomValidity(''));
  el.addEventListener('change', () => el.setCustomValidity(isoDate(el) === null ? t('date.invalid') : ''));
  return el;
}

/** The field's date as yyyy-mm-dd; '' when empty; null when it is not a real day (31/02/2026). */
export function isoDate(el) {
  const text = el.value.trim();
  if (text === '') {
    return '';
  }
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) {
    return null;
  }
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().substring(0, 10);
}

/** Shows iso (yyyy-mm-dd) in the field as dd/mm/yyyy. */
export function setDate(el, iso) {
  el.value = formatDate(iso);
  el.setCustomValidity('');
}

/**
 * True when every field holds a real day or nothing; otherwise the browser points at the first
 * wrong one with the reason, and the form is not sent.
 */
export function datesValid(...fields) {
  for (const el of fields) {
    el.setCustomValidity(isoDate(el) === null ? t('date.invalid') : '');
  }
  const wrong = fields.find((el) => !el.checkValidity());
  if (wrong) {
    wrong.reportValidity();
    return false;
  }
  return true;
}
