// Sign-in through the province's identity provider: OpenID Connect authorization code with PKCE,
// run by the browser itself (a public client, no secret). The access token it gets is the bearer
// token of every API call, verified by MicroProfile JWT with the provider's keys; the gateway keeps
// no session. Why in the browser: Jakarta Security allows one authentication mechanism per
// application, and the API's is MicroProfile JWT.
import { BASE } from './dom.js';

const PENDING = 'lienthong.oidc.pending';
const ID_TOKEN = 'lienthong.oidc.idToken';

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Where the provider sends the browser back: the console's root, as registered with the provider. */
export function redirectUri() {
  return new URL(BASE, location.origin).href;
}

/** Leaves for the provider's sign-in page; the verifier and state wait in this tab's sessionStorage. */
export async function beginSignIn(provider, returnTo) {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(provider.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', provider.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.href);
}

/** Whether this address is the provider's answer to a sign-in this tab began. */
export function returningFromProvider() {
  const params = new URLSearchParams(location.search);
  return sessionStorage.getItem(PENDING) !== null && params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Finishes a sign-in: checks the state, exchanges the code (with the verifier) for tokens at the
 * provider's token endpoint. Resolves to {token, returnTo} or {error, returnTo}; the code is taken
 * out of the address either way, so a reload or Back cannot replay it.
 */
export async function finishSignIn(provider) {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  const returnTo = pending && pending.returnTo ? pending.returnTo : BASE;
  history.replaceState(null, '', returnTo);
  if (!pending || params.get('state') !== pending.state) {
    return { error: 'signin.provider.state', returnTo };
  }
  if (params.has('error') || !params.get('code')) {
    return { error: 'signin.provider.refused', returnTo };
  }
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    client_id: provider.clientId,
    code_verifier: pending.verifier,
  });
  let response;
  try {
    response = await fetch(provider.tokenEndpoint, {
      method: 'POST', body, credentials: 'omit', headers: { Accept: 'application/json' },
    });
  } catch {
    return { error: 'signin.provider.unreachable', returnTo };
  }
  const tokens = response.ok ? await response.json().catch(() => null) : null;
  if (!tokens || typeof tokens.access_token !== 'string') {
    return { error: 'signin.provider.refused', returnTo };
  }
  if (typeof tokens.id_token === 'string') {
    sessionStorage.setItem(ID_TOKEN, tokens.id_token);
  }
  return { token: tokens.access_token, returnTo };
}

/**
 * Ends the provider's session too (RP-initiated logout), so that the next officer at this desk
 * must sign in with their own account; back to the console's sign-in page afterwards.
 */
export function endProviderSession(provider) {
  const idToken = sessionStorage.getItem(ID_TOKEN);
  sessionStorage.removeItem(ID_TOKEN);
  if (!provider || !provider.endSessionEndpoint) {
    return false;
  }
  const url = new URL(provider.endSessionEndpoint);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (idToken) {
    url.searchParams.set('id_token_hint', idToken);
  }
  location.assign(url.href);
  return true;
}
