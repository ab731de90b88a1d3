// The coordinators' API (docs/api.md) from the console: the bearer token, If-Match, problem+json
// refusals as ApiError, a 401 as SignInNeeded, and the server's clock (every answer's asOf) so
// due times, waits and leases are counted on the API's time, not the browser's.

import { t } from './i18n.js';

export class SignInNeeded extends Error {}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's type name (urn:spine-intake:problem:<name>). */
  get type() {
    return String(this.problem.type || '').replace('urn:spine-intake:problem:', '');
  }
}

export function createApi(base, auth) {
  let skew = 0; // the API's clock minus the browser's, from the latest asOf

  function sync(asOf) {
    const t = Date.parse(asOf);
    if (!Number.isNaN(t)) skew = t - Date.now();
  }

  async function call(method, path, { body, ifMatch } = {}) {
    const token = await auth.accessToken();
    if (!token) throw new SignInNeeded();
    const headers = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    let response;
    try {
      response = await fetch(`${base}${path}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
      });
    } catch (offline) {
      throw new ApiError(0, { title: t('noConnectionTitle'), detail: t('noConnectionDetail') });
    }
    if (response.status === 401) {
      auth.expire();
      throw new SignInNeeded();
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    if (data && typeof data.asOf === 'string') sync(data.asOf);
    const etag = response.headers.get('etag');
    return { data, version: etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : null };
  }

  /** A file (the packet's PDF): the body as a Blob and the name its Content-Disposition gives. */
  async function blob(path) {
    const token = await auth.accessToken();
    if (!token) throw new SignInNeeded();
    let response;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'GET', headers: { authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
      });
    } catch (offline) {
      throw new ApiError(0, { title: t('noConnectionTitle'), detail: t('noConnectionDetail') });
    }
    if (response.status === 401) {
      auth.expire();
      throw new SignInNeeded();
    }
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    const disposition = response.headers.get('content-disposition') || '';
    const name = /filename="([\w.-]+)"/.exec(disposition)?.[1] || null;
    return { blob: await response.blob(), name };
  }

  return {
    /** Now on the API's clock (ms). */
    blob,
    now: () => Date.now() + skew,
    get: (path) => call('GET', path),
    post: (path, options) => call('POST', path, options),
    del: (path) => call('DELETE', path),
  };
}
