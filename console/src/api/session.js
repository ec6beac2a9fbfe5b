// The signed-in token lives in sessionStorage: it is gone when the browser tab closes, and never sent
// anywhere but the gateway's /api/v1.
const KEY = 'rollgate.token';
const listeners = new Set();

export function storedToken() {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token) {
  sessionStorage.setItem(KEY, token);
  listeners.forEach((listener) => listener({ token, reason: null }));
}

export function forgetToken(reason = null) {
  sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener({ token: null, reason }));
}

export function onTokenChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads the claims the console needs to know what to offer. The signature is the gateway's business: a
 * forged token gets a 401 on the first call, which signs the browser out.
 */
export function claimsOf(token) {
  const parts = (token || '').trim().split('.');
  if (parts.length !== 3) {
    throw new Error('a token has three parts separated by dots; this one has ' + parts.length);
  }
  let payload;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    payload = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('the token is not a JWT: its middle part is not base64url JSON');
  }
  return {
    subject: payload.upn || payload.sub || '(no subject)',
    roles: Array.isArray(payload.groups) ? payload.groups : [],
    apps: Array.isArray(payload.apps) ? payload.apps : [],
    expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
  };
}
