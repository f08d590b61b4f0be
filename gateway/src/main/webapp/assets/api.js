// Calls to the published API (/api/v1): the bearer token from the session, and every answer
// classified so a page can always say something readable, never a raw body.
import { BASE } from './dom.js';

const TOKEN = 'lienthong.token';

/** The session's token, or null. sessionStorage: this tab only, gone when the tab closes. */
export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function keepToken(value) {
  sessionStorage.setItem(TOKEN, value);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN);
}

/** The token's claims (for display only: the server checks the signature on every call). */
export function claims(jwt = token()) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * One API call. Resolves to {ok, status, body, retryAfter, requestId, kind}; kind is 'ok',
 * 'unauthorized', 'forbidden', 'notFound', 'throttled', 'invalid', 'tooLarge', 'unsupported',
 * 'unprocessable', 'server' or 'network'. Never throws. With raw, a successful body is a Blob.
 */
export async function call(method, path, { body, headers = {}, auth = false, raw = false } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'omit' };
  if (auth && token()) {
    init.headers.Authorization = `Bearer ${token()}`;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(BASE + path.replace(/^\//, ''), init);
  } catch {
    return { ok: false, status: 0, kind: 'network', body: null };
  }
  let parsed = null;
  const type = response.headers.get('Content-Type') || '';
  if (raw && response.ok) {
    parsed = await response.blob();
  } else if (type.includes('json')) {
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
  }
  const kinds = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 413: 'tooLarge',
    415: 'unsupported', 422: 'unprocessable', 429: 'throttled', 503: 'throttled' };
  const kind = response.ok ? 'ok' : (kinds[response.status] || (response.status >= 500 ? 'server' : 'invalid'));
  return {
    ok: response.ok,
    status: response.status,
    kind,
    body: parsed,
    retryAfter: Number.parseInt(response.headers.get('Retry-After') || '30', 10) || 30,
    requestId: response.headers.get('X-Request-Id') || (parsed && parsed.instance) || '–',
  };
}

/** Encodes one path segment (a dossier code, a document id). */
export function segment(value) {
  return encodeURIComponent(value);
}
