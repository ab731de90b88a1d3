// The build's settings from the environment, checked before anything is written into the page.

/** API_BASE: the API's address in AWS (the stack's ApiUrl); empty locally (the API is on the page's origin). */
export function apiBase(raw) {
  const value = raw || '';
  if (value && !/^https:\/\/[A-Za-z0-9.-]+(\/[A-Za-z0-9_-]+)?$/.test(value)) throw new Error('API_BASE must be https://host[/stage]');
  return value;
}

/**
 * EMERGENCY_NUMBER: the number the form tells patients to call before it is sent; it must be the
 * stack's EmergencyNumber (the API's EMERGENCY_NUMBER), which the confirmation page then shows.
 * The same rule as the API's: 2 to 20 of digits, spaces and + * # ( ) -, with at least one digit.
 * Unset: the messages file's emergencyNumber.
 */
export function emergencyNumber(raw, fallback) {
  const value = raw === undefined || raw === '' ? fallback : raw;
  if (typeof value !== 'string' || !/^[0-9+*#() -]{2,20}$/.test(value) || !/[0-9]/.test(value)) {
    throw new Error('EMERGENCY_NUMBER must be a phone number: 2 to 20 digits, spaces and + * # ( ) -, as the stack parameter EmergencyNumber');
  }
  return value;
}

/**
 * The console's sign-in: COGNITO_DOMAIN (the user pool's Hosted UI, the stack's
 * CoordinatorSignInUrl: https://<prefix>.auth.<region>.amazoncognito.com, or the clinic's own
 * https domain) and COGNITO_CLIENT_ID (the stack's CoordinatorAppClientId), both or neither.
 * Neither: the local runner's development sign-in.
 */
export function consoleAuth(domainRaw, clientRaw) {
  const domain = (domainRaw || '').replace(/\/+$/, '');
  const clientId = clientRaw || '';
  if (!domain && !clientId) return { mode: 'local', domain: '', clientId: '' };
  if (!domain || !clientId) throw new Error('COGNITO_DOMAIN and COGNITO_CLIENT_ID go together (the stack outputs CoordinatorSignInUrl and CoordinatorAppClientId)');
  if (!/^https:\/\/[A-Za-z0-9.-]+$/.test(domain)) throw new Error('COGNITO_DOMAIN must be https://host (the Hosted UI domain, no path)');
  if (!/^[A-Za-z0-9]{1,128}$/.test(clientId)) throw new Error('COGNITO_CLIENT_ID must be the app client id (letters and digits)');
  return { mode: 'cognito', domain, clientId };
}
