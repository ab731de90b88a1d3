// Signing coordinators in. In AWS: Cognito's Hosted UI, authorization code with PKCE (S256), the
// tokens kept in this module's memory only (never localStorage, sessionStorage, cookies or
// IndexedDB), renewed with the refresh token while the tab is open. Locally: the runner's
// development login (POST /local/login), which stands in for Cognito. The one thing that outlives
// a redirect is the PKCE verifier, the state and the page to come back to (sessionStorage, this
// tab only, removed as soon as Cognito sends the coordinator back): no token, nothing of a patient.

const FLOW = 'console-sign-in';
const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));

/** The claims of a JWT (not verified here: the API's authorizer verifies it). */
export function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return null;
  }
}

/** The coordinator's name as the API reads it: cognito:username, else username, else sub. */
export function username(c) {
  return c?.['cognito:username'] ?? c?.username ?? c?.sub ?? null;
}

export function createAuth(config) {
  let access = null;
  let refresh = null;
  let expiresAt = 0;
  let renewal = null;
  const redirectUri = `${location.origin}/console/`;

  const signedIn = () => access !== null && Date.now() < expiresAt;

  function keep(answer) {
    access = answer.access_token;
    if (answer.refresh_token) refresh = answer.refresh_token;
    const exp = claims(access)?.exp;
    // the token's own expiry, else what the answer says; a minute early, so no request carries a dying token
    expiresAt = (exp ? exp * 1000 : Date.now() + (answer.expires_in || 3600) * 1000) - 60_000;
    clearTimeout(renewal);
    if (config.mode === 'cognito' && refresh) {
      renewal = setTimeout(() => { renew().catch(() => {}); }, Math.max(5_000, expiresAt - Date.now() - 60_000));
    }
  }

  async function token(endpoint, body) {
    const r = await fetch(`${config.domain}/oauth2/${endpoint}`, {
      method: 'POST', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    if (!r.ok) throw new Error(`token endpoint answered ${r.status}`);
    return r.json();
  }

  async function renew() {
    if (!refresh) throw new Error('no refresh token');
    keep(await token('token', { grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refresh }));
  }

  return {
    mode: config.mode,
    signedIn,
    /** The access token, renewed when it is about to end (Cognito); null when the coordinator must sign in. */
    async accessToken() {
      if (signedIn()) return access;
      if (config.mode === 'cognito' && refresh) {
        try {
          await renew();
          return access;
        } catch (e) {
          refresh = null;
        }
      }
      access = null;
      return null;
    },
    me: () => (access ? username(claims(access)) : null),
    /** The API said 401: the token is no good any more. */
    expire() {
      access = null;
      expiresAt = 0;
    },

    /** Locally: the runner's development login for a username. */
    async localSignIn(name) {
      const r = await fetch(`${config.apiBase}/local/login`, {
        method: 'POST', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
        headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name }),
      });
      if (!r.ok) throw new Error(`development login answered ${r.status}`);
      keep(await r.json());
    },

    /** In AWS: off to the Hosted UI, to come back to `returnTo` (the page's hash: no patient data). */
    async cognitoSignIn(returnTo) {
      const verifier = random(48);
      const state = random(24);
      const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
      sessionStorage.setItem(FLOW, JSON.stringify({ state, verifier, returnTo }));
      const q = new URLSearchParams({
        response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, scope: 'openid',
        state, code_challenge: challenge, code_challenge_method: 'S256',
      });
      location.assign(`${config.domain}/oauth2/authorize?${q}`);
    },

    /**
     * Back from the Hosted UI (?code=...&state=...): the code for tokens, the address cleaned, and
     * the page the coordinator was on. Returns null when this is no such return.
     */
    async completeCognitoSignIn() {
      const params = new URLSearchParams(location.search);
      if (!params.has('code') && !params.has('error')) return null;
      const flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
      sessionStorage.removeItem(FLOW);
      const returnTo = flow?.returnTo || '#/';
      history.replaceState(null, '', `${redirectUri}${returnTo}`);
      if (!flow || params.get('state') !== flow.state || !params.has('code')) return { returnTo, failed: true };
      keep(await token('token', {
        grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
        redirect_uri: redirectUri, code_verifier: flow.verifier,
      }));
      return { returnTo, failed: false };
    },

    /** Forgets the tokens; in AWS also ends the Hosted UI's session (and revokes the refresh token). */
    signOut() {
      const revoke = refresh;
      access = null;
      refresh = null;
      expiresAt = 0;
      clearTimeout(renewal);
      if (config.mode === 'cognito') {
        if (revoke) {
          fetch(`${config.domain}/oauth2/revoke`, {
            method: 'POST', keepalive: true, credentials: 'omit', referrerPolicy: 'no-referrer',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ token: revoke, client_id: config.clientId }),
          }).catch(() => {});
        }
        location.assign(`${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri })}`);
      }
    },
  };
}
