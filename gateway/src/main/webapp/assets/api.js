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
 * 'unauthorized', 'forbidden', 'notFound', 'throttled', 'invalid', 'conflict', 'tooLarge',
 * 'unsupported', 'unprocessable', 'server' or 'network'. Never throws. With raw, a successful body is a Blob.
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
  return answer(response.status, parsed, (name) => response.headers.get(name));
}

function answer(status, parsed, header) {
  const ok = status >= 200 && status < 300;
  const kinds = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 409: 'conflict', 413: 'tooLarge',
    415: 'unsupported', 422: 'unprocessable', 429: 'throttled', 503: 'throttled' };
  const kind = ok ? 'ok' : (kinds[status] || (status >= 500 ? 'server' : 'invalid'));
  return {
    ok,
    status,
    kind,
    body: parsed,
    retryAfter: Number.parseInt(header('Retry-After') || '30', 10) || 30,
    requestId: header('X-Request-Id') || (parsed && parsed.instance) || '–',
  };
}

/**
 * A multipart upload with progress (fetch cannot report upload progress): the same answer as
 * {@link call}; onProgress gets the fraction sent, 0 to 1.
 */
export function upload(path, body, { headers = {}, onProgress = () => {} } = {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path.replace(/^\//, ''));
    xhr.setRequestHeader('Accept', 'application/json');
    if (token()) {
      xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
    }
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, kind: 'network', body: null }));
    xhr.addEventListener('load', () => {
      let parsed = null;
      if ((xhr.getResponseHeader('Content-Type') || '').includes('json')) {
        try {
          parsed = JSON.parse(xhr.responseText);
        } catch {
          parsed = null;
        }
      }
      resolve(answer(xhr.status, parsed, (name) => xhr.getResponseHeader(name)));
    });
    xhr.send(body);
  });
}

/** A fresh random key (Idempotency-Key): randomUUID where the page is a secure context, else the same from random bytes. */
export function randomKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Encodes one path segment (a dossier code, a document id). */
export function segment(value) {
  return encodeURIComponent(value);
}
