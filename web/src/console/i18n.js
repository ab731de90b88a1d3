// The console's languages: every text it shows is in messages.json (data: English and Spanish,
// the same shape as the questionnaire definition's `text`), looked up here by a stable key, with
// "{name}" placeholders filled as the patient's form fills its own. The language is chosen from the
// browser's, switched with the header's button, and kept in this module's memory only (never in
// localStorage, sessionStorage or cookies: a reload starts again from the browser's language).
import messages from './messages.json' with { type: 'json' };
import { fill } from '../app/form-model.js';

export { messages };
export const LANGUAGES = Object.keys(messages.languages);

let current = 'en';

/** The language a browser's preference list gives: Spanish for any "es-*", English otherwise. */
export function pick(preferred) {
  const first = [].concat(preferred || []).find((l) => typeof l === 'string' && l) || 'en';
  return first.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function setLanguage(language) {
  current = LANGUAGES.includes(language) ? language : 'en';
  return current;
}

export const language = () => current;

/** The other language (the switch's). */
export const other = (language = current) => (language === 'en' ? 'es' : 'en');

/** The locale Intl formats dates and times with. */
export const locale = (language = current) => (language === 'es' ? 'es' : 'en-US');

/** A text by key in a language (the current one unless given), placeholders filled; an unknown key throws. */
export function t(key, values = {}, language = current) {
  const texts = messages.text[key];
  if (!texts) throw new Error(`no console text ${key}`);
  return fill(texts[language] ?? texts.en, values);
}

/** A text of another file's {en, es} pair (the questionnaire's), in the current language. */
export const tr = (texts, language = current) => (texts ? texts[language] ?? texts.en : '');
