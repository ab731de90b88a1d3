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
