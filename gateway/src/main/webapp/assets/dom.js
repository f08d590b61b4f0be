// Builds elements from data without ever parsing it as HTML: strings become text nodes.

/** An element with attributes (class, id, aria-*, for, href, …) and children (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'class') {
      el.className = value;
    } else if (name.startsWith('on')) {
      el.addEventListener(name.substring(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Replaces what el shows. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A term–description list from [term, description] pairs; empty descriptions are left out. */
export function facts(pairs, cls = 'facts') {
  return h('dl', { class: cls }, pairs.filter(([, d]) => d !== '' && d !== null && d !== undefined)
    .map(([term, description]) => h('div', {}, h('dt', {}, term), h('dd', {}, description))));
}

/** A notice box: kind is info, ok, warn or error. Errors are announced to screen readers. */
export function notice(kind, ...children) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/** The application's base path (the WAR's context root, with a trailing slash). */
export const BASE = document.documentElement.dataset.base || '/';

/** Hands bytes to the browser as a download named name (a file the officer can open and print). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A labelled field: the input gets the ids of its hint and of its error line (aria-describedby),
 * so a screen reader reads both; setError writes the error beside the field and marks it invalid.
 */
export function field(input, label, hint) {
  const id = input.id;
  const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const hintEl = hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  input.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  const el = h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, input, error);
  el.setError = (message) => {
    error.textContent = message || '';
    error.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  };
  return el;
}
