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
