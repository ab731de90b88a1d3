// What the confirmation page says, from the API's nextSteps and the API's patient-messages.json;
// and the build's settings (API_BASE, EMERGENCY_NUMBER) checked before they go into the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as model from '../../src/app/form-model.js';
import { apiBase, emergencyNumber } from '../../build/settings.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const messages = JSON.parse(readFileSync(resolve(repo, 'functions/triage-engine/src/main/resources/io/spineintake/triage/patient-messages.json'), 'utf8'));

/** A 201's nextSteps as SubmitIntake writes it (English). */
const consult = {
  code: 'CONSULT_TEAM_WILL_CONTACT', language: 'en', message: 'server message', when: 'server when', contactBy: '2026-12-15',
  emergencyNumber: '112', advice: [{ code: 'SAFETY_LOW_BACK', text: 'server low back' }, { code: 'SAFETY_NECK', text: 'server neck' }],
};

test('the date is written out in the page\'s language, and never moves to the day before whatever the time zone', () => {
  assert.equal(model.longDate('2026-12-15', 'en'), 'December 15, 2026');
  assert.equal(model.longDate('2026-12-15', 'es'), '15 de diciembre de 2026');
  const zone = process.env.TZ;
  try {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      assert.equal(model.longDate('2027-01-01', 'en'), 'January 1, 2027', tz);
    }
  } finally {
    if (zone === undefined) delete process.env.TZ; else process.env.TZ = zone;
  }
  for (const notADate of [null, undefined, '', '2026-02-30', '2026-12-15T00:00:00Z', '15/12/2026']) {
    assert.equal(model.longDate(notADate, 'en'), null, String(notADate));
  }
});

test('the confirmation says the messages file\'s words for the code, in the page\'s language, with the server\'s date and emergency number', () => {
  const en = model.confirmation(messages, consult, 'en');
  assert.equal(en.message.text, messages.nextSteps.CONSULT_TEAM_WILL_CONTACT.message.en);
  assert.equal(en.when.text, 'We will contact you by December 15, 2026, by the contact method you chose.');
  assert.deepEqual(en.advice.map((a) => a.text), [
    messages.advice.SAFETY_LOW_BACK.en.replace('{emergency}', '112'), messages.advice.SAFETY_NECK.en.replace('{emergency}', '112')]);
  assert.ok([en.message, en.when, ...en.advice].every((t) => t.lang === 'en'));

  const es = model.confirmation(messages, consult, 'es'); // the patient switched language after sending
  assert.equal(es.when.text, 'Nos comunicaremos con usted a más tardar el 15 de diciembre de 2026, por el medio de contacto que eligió.');
  assert.ok(es.advice[1].text.startsWith('Si sus manos') && es.advice[1].text.includes('llame al 112'), es.advice[1].text);
  assert.ok([es.message, es.when, ...es.advice].every((t) => t.lang === 'es'));
});

test('an emergency has no date and names the number; a code or advice the file does not know shows the server\'s own words, marked with their language', () => {
  const emergency = {
    code: 'SEEK_EMERGENCY_CARE_NOW', language: 'es', message: 'm', when: 'w', contactBy: null, emergencyNumber: '911',
    advice: [{ code: 'EMERGENCY_STROKE', text: 'x' }, { code: 'SAFETY_NECK', text: 'y' }],
  };
  const said = model.confirmation(messages, emergency, 'en');
  assert.ok(said.message.text.includes('call 911 now'), said.message.text);
  assert.equal(said.when.text, messages.nextSteps.SEEK_EMERGENCY_CARE_NOW.when.en);
  assert.ok(said.advice[0].text.startsWith('Sudden severe neck pain') && said.advice[0].text.includes('Call 911 now'));

  const unknown = model.confirmation(messages, { ...consult, code: 'SOMETHING_NEW', language: 'es',
    advice: [{ code: 'SAFETY_NEW_REGION', text: 'consejo del servidor' }, { code: 'SAFETY_NECK', text: 'y' }] }, 'en');
  assert.deepEqual(unknown.message, { text: 'server message', lang: 'es' });
  assert.deepEqual(unknown.when, { text: 'server when', lang: 'es' });
  assert.deepEqual(unknown.advice[0], { text: 'consejo del servidor', lang: 'es' });
  assert.equal(unknown.advice[1].lang, 'en');

  // a dated code without a date (or a date that is none): never "{contactBy}" in front of a patient
  for (const contactBy of [null, 'soon']) {
    const undated = model.confirmation(messages, { ...consult, contactBy }, 'en');
    assert.deepEqual(undated.when, { text: 'server when', lang: 'en' }, String(contactBy));
    assert.equal(undated.message.text, messages.nextSteps.CONSULT_TEAM_WILL_CONTACT.message.en);
  }
  assert.deepEqual(model.confirmation(messages, { ...consult, advice: undefined }, 'en').advice, []);
});

test('the build\'s settings: EMERGENCY_NUMBER like the API\'s EmergencyNumber (default the messages file\'s), API_BASE https only', () => {
  assert.equal(emergencyNumber(undefined, '911'), '911');
  assert.equal(emergencyNumber('', '911'), '911');
  for (const ok of ['112', '+1 (555) 010-1234', '*99#', '00']) assert.equal(emergencyNumber(ok, '911'), ok);
  for (const bad of ['9', '911"><script>', '+-()', 'call 911', '1'.repeat(21), '911\n']) {
    assert.throws(() => emergencyNumber(bad, '911'), /EMERGENCY_NUMBER/, JSON.stringify(bad));
  }
  assert.throws(() => emergencyNumber(undefined, 'none'), /EMERGENCY_NUMBER/, 'a wrong default fails too');
  assert.equal(apiBase(undefined), '');
  assert.equal(apiBase('https://abc.execute-api.us-east-1.amazonaws.com/v1'), 'https://abc.execute-api.us-east-1.amazonaws.com/v1');
  for (const bad of ['http://example.com', 'https://example.com/v1?x=1', 'https://exa"mple.com']) assert.throws(() => apiBase(bad), /API_BASE/);
});
