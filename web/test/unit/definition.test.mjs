// The questionnaire definition against the API's JSON Schema (the very file the API loads) and the
// rule set: every schema field is asked or listed as not asked, every question fills a real field
// with values the schema accepts, every text is in English and Spanish. Adding a field to the
// schema fails "every schema field is asked" until a question (data) asks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as model from '../../src/app/form-model.js';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repo = resolve(web, '..');
const read = (path) => JSON.parse(readFileSync(resolve(repo, path), 'utf8'));
const schema = read('functions/triage-engine/src/main/resources/io/spineintake/triage/intake-form.schema.json');
const rules = read('functions/triage-engine/src/main/resources/io/spineintake/triage/rules/facet-rules.json');
const definition = read('web/questionnaire/intake.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv, ['date', 'email']);
const validate = ajv.compile(schema);
const questions = definition.pages.flatMap((p) => p.questions.map((q) => ({ ...q, page: p })));

/** Every leaf of the schema as a pointer, '*' for an array item. */
function leaves(node, pointer = '', out = []) {
  if (node.$ref) return leaves(schema.$defs[node.$ref.split('/').pop()], pointer, out);
  if (node.properties) {
    for (const [name, child] of Object.entries(node.properties)) leaves(child, `${pointer}/${name}`, out);
  } else if (node.items) {
    leaves(node.items, `${pointer}/*`, out);
  } else {
    out.push(pointer);
  }
  return out;
}

/** The pointers a question fills ('regions' fills each item's region). */
const fills = (q) => (q.type === 'regions' ? [`${q.pointer}/*/region`] : [q.pointer]);

test('every schema field is asked, or listed as not asked with a reason', () => {
  const asked = new Set(questions.flatMap(fills));
  const listed = new Set(definition.notAsked.map((n) => n.pointer));
  definition.notAsked.forEach((n) => assert.ok(n.reason && n.reason.length > 10, `a reason for ${n.pointer}`));
  const missing = leaves(schema).filter((p) => !asked.has(p) && !listed.has(p));
  assert.deepEqual(missing, [], `schema fields no question asks: ${missing.join(', ')}`);
});

test('every question fills a real schema field, and nothing is both asked and listed as not asked', () => {
  const all = new Set(leaves(schema));
  for (const q of questions) for (const p of fills(q)) assert.ok(all.has(p), `${q.id}: ${p} is not in the schema`);
  const listed = new Set(definition.notAsked.map((n) => n.pointer));
  for (const n of definition.notAsked) assert.ok(all.has(n.pointer), `notAsked ${n.pointer} is not in the schema`);
  for (const q of questions) for (const p of fills(q)) assert.ok(!listed.has(p), `${p} is asked and listed as not asked`);
  for (const f of definition.filledIn) assert.ok(all.has(f.pointer), `filledIn ${f.pointer} is not in the schema`);
});

test('ids are unique: pages, questions, and the options of each question', () => {
  const unique = (list, what) => assert.equal(new Set(list).size, list.length, `duplicate ${what}`);
  unique(definition.pages.map((p) => p.id), 'page ids');
  unique(questions.map((q) => q.id), 'question ids');
  for (const q of questions) if (Array.isArray(q.options)) unique(q.options.map((o) => o.value), `options of ${q.id}`);
});

const base = () => ({
  patient: { name: 'Ana Example', dateOfBirth: '1970-01-01', phone: '+1 555 0101', language: 'en' },
  consent: { contact: true, dataProcessing: true },
  pain: { regions: [{ region: 'LUMBAR' }] },
});
const samples = {
  text: ['Ana María Núñez', '99999', 'ZZ9 9ZZ'], tel: ['+1 555 0101', '(555) 010-1234'], email: ['ana@example.com'],
  textarea: ['Pain is worse in the morning.'], date: [{ day: '7', month: '3', year: '1961' }], consent: [true], scale: ['0', '10'],
};

function sampleAnswers(q) {
  if (q.type === 'number') {
    const max = q.page.id && leafSchema(q.pointer).maximum;
    return ['0', String(q.toSchema?.multiply ? max / q.toSchema.multiply : max)];
  }
  if (q.type === 'radio') return model.options(definition, q, { regions: ['CERVICAL', 'THORACIC', 'LUMBAR'] }, null).map((o) => o.value);
  if (q.type === 'regions') return q.options.map((o) => [o.value]);
  if (q.id === 'postcode') return ['99999', 'ZZ9 9ZZ'];
  if (q.id === 'name') return ['Ana María Núñez'];
  return samples[q.type];
}

function leafSchema(pointer) {
  let node = schema;
  for (const part of pointer.split('/').slice(1)) {
    while (node.$ref) node = schema.$defs[node.$ref.split('/').pop()];
    node = part === '*' ? node.items : node.properties[part];
  }
  while (node.$ref) node = schema.$defs[node.$ref.split('/').pop()];
  return node;
}

test('every answer a question offers is a value the schema accepts', () => {
  for (const q of questions) {
    const answers = sampleAnswers(q);
    assert.ok(answers && answers.length, `${q.id}: no sample answers for type ${q.type}`);
    for (const answer of answers) {
      const form = base();
      const value = model.toSchema(q, answer);
      const pointer = q.type === 'regions' ? q.pointer : q.pointer.replace('*', '0');
      const parts = pointer.split('/').slice(1);
      let node = form;
      parts.slice(0, -1).forEach((p) => { node[p] ??= {}; node = node[p]; });
      node[parts.at(-1)] = value;
      assert.ok(validate(form), `${q.id} = ${JSON.stringify(answer)}: ${JSON.stringify(validate.errors)}`);
    }
  }
});

test('a number a patient can type outside the schema range is refused by the schema, so the page shows an error', () => {
  for (const q of questions.filter((x) => x.type === 'number')) {
    const max = leafSchema(q.pointer).maximum;
    const tooBig = String((q.toSchema?.multiply ? max / q.toSchema.multiply : max) + 1);
    const form = base();
    const parts = q.pointer.replace('*', '0').split('/').slice(1);
    let node = form;
    parts.slice(0, -1).forEach((p) => { node[p] ??= {}; node = node[p]; });
    node[parts.at(-1)] = model.toSchema(q, tooBig);
    assert.equal(validate(form), false, `${q.id}: ${tooBig} should be refused`);
    assert.ok(q.errors?.invalid, `${q.id} has an error text for a wrong number`);
  }
});

function texts(node, where, out = []) {
  if (node && typeof node === 'object' && !Array.isArray(node) && 'en' in node && Object.keys(node).length === 2 && 'es' in node) {
    out.push({ where, text: node });
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (k !== 'languages') texts(v, `${where}/${k}`, out);
  }
  return out;
}

test('every text is in English and Spanish, with the same placeholders', () => {
  const all = texts(definition, '');
  assert.ok(all.length > 250, `found ${all.length} texts`);
  const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
  for (const { where, text } of all) {
    assert.ok(text.en.trim() && text.es.trim(), `${where}: empty text`);
    assert.equal(placeholders(text.es), placeholders(text.en), `${where}: placeholders differ`);
  }
  for (const q of questions) assert.ok(q.label, `${q.id} has a label`);
});

test('the hard-stop questions are the rule set\'s, neck-only where the rule set says so, each with advice', () => {
  const hardStops = questions.filter((q) => q.hardStop);
  assert.deepEqual(hardStops.map((q) => q.pointer).sort(), rules.hardStops.map((h) => `/safety/${h.question}`).sort());
  for (const rule of rules.hardStops) {
    const q = hardStops.find((x) => x.pointer === `/safety/${rule.question}`);
    assert.equal(JSON.stringify(q.when?.region ?? null), JSON.stringify(rule.cervicalOnly ? ['CERVICAL'] : null), rule.question);
    assert.deepEqual(q.options, 'yesNoUnsure', `${rule.question} offers "I'm not sure"`);
    assert.ok(definition.hardStopAdvice[rule.question], `advice for ${rule.question}`);
  }
  for (const q of questions.filter((x) => x.pointer.startsWith('/safety/'))) {
    assert.equal(q.options, 'yesNoUnsure', `${q.id}: every safety question offers "I'm not sure"`);
  }
});

test('every message the API can send (nextSteps.code) has its words', () => {
  const source = readFileSync(resolve(repo, 'functions/triage-engine/src/main/java/io/spineintake/triage/assess/PatientMessage.java'), 'utf8');
  const codes = [...source.matchAll(/^\s{4}([A-Z_]+)[,;(]/gm)].map((m) => m[1]);
  assert.ok(codes.length >= 5, `codes found: ${codes}`);
  assert.deepEqual(Object.keys(definition.nextSteps).sort(), codes.sort());
});

const vignette = (id) => read(`functions/triage-engine/src/test/resources/vignettes/${id}.json`);

test('a hidden answer is never sent, and a blank stays blank', () => {
  const answers = model.disassemble(definition, vignette('V01'));
  answers.physicalTherapyWeeks = '8';
  answers.physicalTherapy = 'NOT_TRIED';
  answers['occipitalHeadache@LUMBAR'] = 'YES'; // a neck question: not shown for the lower back
  delete answers.worseningLegWeakness;
  const form = model.assemble(definition, answers, 'en');
  assert.equal(form.treatments.physicalTherapy.weeks, undefined);
  assert.equal(form.pain.regions[0].occipitalHeadache, undefined);
  assert.equal('worseningLegWeakness' in form.safety, false);
  assert.equal(form.safety.handClumsinessOrGaitTrouble, undefined, 'neck-only safety question hidden for the lower back');
  assert.ok(validate(form), JSON.stringify(validate.errors));
});

test('a vignette read into answers and assembled again keeps every answer the pages show', () => {
  for (const id of ['V01', 'V04', 'V06', 'V10', 'V12']) {
    const v = vignette(id);
    const form = model.assemble(definition, model.disassemble(definition, v), 'en');
    assert.ok(validate(form), `${id}: ${JSON.stringify(validate.errors)}`);
    for (const slot of model.allSlots(definition, model.disassemble(definition, v))) {
      if (slot.question.type === 'regions') {
        assert.deepEqual(form.pain.regions.map((r) => r.region), v.pain.regions.map((r) => r.region), id);
        continue;
      }
      assert.deepEqual(model.getAt(form, slot.pointer), model.getAt(v, slot.pointer) ?? undefined, `${id} ${slot.pointer}`);
    }
  }
});

test('schema errors land at their question: a missing phone-or-email at the phone, a consent at its box', () => {
  const form = model.assemble(definition, { name: 'Ana', regions: ['LUMBAR'] }, 'en');
  assert.equal(validate(form), false);
  const about = model.allSlots(definition, { regions: ['LUMBAR'] });
  const found = model.errorsBySlot(validate.errors, about).map((e) => `${e.slot.key}:${e.kind}`);
  assert.deepEqual(found, ['dateOfBirth:required', 'phone:required', 'consentContact:required', 'consentData:required']);
  const server = model.errorsBySlot([{ instancePath: '/pain/regions/0/durationMonths', keyword: 'server' }], about);
  assert.deepEqual(server.map((e) => e.slot.key), ['durationMonths@LUMBAR']);
});
