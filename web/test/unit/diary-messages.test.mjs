// The diary's texts (src/diary/messages.json): every key in English and Spanish with the same
// placeholders, no Spanish text left as the English one unless listed, every key the page asks
// for is there and every key is asked for; the page's words carry no movement or region names of
// their own (those are the questionnaire's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const messages = JSON.parse(readFileSync(join(web, 'src/diary/messages.json'), 'utf8'));
const sources = ['main.js', 'model.js'].map((f) => readFileSync(join(web, 'src/diary', f), 'utf8')).join('\n');
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

test('every key has a non-empty English and Spanish text with the same placeholders', () => {
  assert.deepEqual(Object.keys(messages.languages), ['en', 'es']);
  const keys = Object.keys(messages.text);
  assert.ok(keys.length > 60, `${keys.length} keys`);
  for (const [key, texts] of Object.entries(messages.text)) {
    assert.deepEqual(Object.keys(texts).sort(), ['en', 'es'], key);
    for (const lang of ['en', 'es']) assert.ok(typeof texts[lang] === 'string' && texts[lang].trim(), `${key}.${lang}`);
    assert.deepEqual(placeholders(texts.es), placeholders(texts.en), `${key}: the same placeholders`);
  }
});

test('no Spanish text is the English one, unless listed as deliberately the same', () => {
  const same = new Set(messages.sameInBothLanguages);
  const identical = Object.entries(messages.text).filter(([, x]) => x.en === x.es).map(([k]) => k);
  assert.deepEqual(identical.filter((k) => !same.has(k)), [], 'Spanish left as the English');
  assert.deepEqual([...same].filter((k) => !identical.includes(k)), [], 'listed as the same but not the same (or no such key)');
  assert.deepEqual([...same].sort(), ['durationHours', 'durationHoursMinutes', 'durationMinutes', 'errorPrefix', 'movementDone']);
});

test('every key the page asks for is in the file, and every key in the file is asked for', () => {
  const keys = new Set(Object.keys(messages.text));
  const asked = [...sources.matchAll(/\b(?:t|say\(messages, [\w.]+,)\s*\(?'([^']+)'/g)].map((x) => x[1]);
  assert.ok(asked.length > 40, `${asked.length} asked`);
  assert.deepEqual(asked.filter((k) => !keys.has(k)), [], 'asked for but missing');
  // keys made of a prefix and an API code: t(`choice.${...}`), `status.${...}`, `done.${...}`
  const prefixes = [...sources.matchAll(/`([\w]+\.)\$\{/g)].map((x) => x[1]);
  assert.deepEqual([...new Set(prefixes)].sort(), ['choice.', 'done.', 'status.']);
  const unused = [...keys].filter((k) => !sources.includes(`'${k}'`) && !prefixes.some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], 'in the file but never shown');
  for (const code of ['EASIER', 'SAME', 'HARDER', 'NOT_TRIED']) assert.ok(keys.has(`choice.${code}`) && keys.has(`done.${code}`), code);
  for (const s of ['DONE', 'DUE', 'UPCOMING', 'MISSED']) assert.ok(keys.has(`status.${s}`), s);
});

test('the page\'s own words name no movement or region: those are the questionnaire\'s', () => {
  const all = JSON.stringify(messages.text);
  for (const w of ['Leaning back', 'Twisting', 'lower back', 'Inclinarse', 'espalda']) assert.ok(!all.includes(w), w);
});
