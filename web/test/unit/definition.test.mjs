// The questionnaire definition against the API's JSON Schema (the very file the API loads) and the
// rule set: every schema field is asked or listed as not asked, every question fills a real field
// with values the schema accepts, every text is in English and Spanish; and the API's own
// patient-messages.json, which the form builds in: every code has its words, none copied into web/.
// Adding a field to the schema fails "every schema field is asked" until a question (data) asks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as model from '../../src/app/form-model.js';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repo = resolve(web, '..');
const read = (path) => JSON.parse(readFileSync(resolve(repo, path), 'utf8'));
const schema = read('functions/triage-engine/src/main/resources/io/spineintake/triage/intake-form.schema.json');
const rules = read('functions/triage-engine/src/main/resources/io/spineintake/triage/rules/facet-rules.json');
const messages = read('functions/triage-engine/src/main/resources/io/spineintake/triage/patient-messages.json');
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

test('the hard-stop questions are the rule set\'s, neck-only where the rule set says so, each with its rule\'s advice', () => {
  const hardStops = questions.filter((q) => q.hardStop);
  assert.deepEqual(hardStops.map((q) => q.pointer).sort(), rules.hardStops.map((h) => `/safety/${h.question}`).sort());
  for (const rule of rules.hardStops) {
    const q = hardStops.find((x) => x.pointer === `/safety/${rule.question}`);
    assert.equal(JSON.stringify(q.when?.region ?? null), JSON.stringify(rule.cervicalOnly ? ['CERVICAL'] : null), rule.question);
    assert.deepEqual(q.options, 'yesNoUnsure', `${rule.question} offers "I'm not sure"`);
    assert.ok(rule.advice, `the rule set names the advice of ${rule.id}`);
    assert.equal(q.advice, rule.advice, `${q.id} shows the advice the API sends for ${rule.id}`);
    assert.ok(messages.advice[q.advice]?.en, `${q.advice} has words`);
  }
  assert.deepEqual(questions.filter((q) => q.advice && !q.hardStop).map((q) => q.id), [], 'advice only on hard-stop questions');
  for (const q of questions.filter((x) => x.pointer.startsWith('/safety/') && leafSchema(x.pointer).enum?.includes('UNSURE'))) {
    assert.equal(q.options, 'yesNoUnsure', `${q.id}: every yes/no safety question offers "I'm not sure"`);
  }
});

/** The constants of an enum of the engine (PatientMessage, PatientAdvice), read from its source. */
function enumConstants(name) {
  const source = readFileSync(resolve(repo, `functions/triage-engine/src/main/java/io/spineintake/triage/assess/${name}.java`), 'utf8');
  const body = source.slice(source.indexOf('{', source.indexOf(`enum ${name}`)) + 1, source.indexOf(';', source.indexOf(`enum ${name}`)));
  return body.split(',').map((c) => c.trim()).filter(Boolean);
}

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();

test('every message the API can send (nextSteps.code) and every advice code has words in English and Spanish, with the same placeholders', () => {
  const codes = enumConstants('PatientMessage');
  const adviceCodes = enumConstants('PatientAdvice');
  assert.ok(codes.length >= 5 && codes.includes('SEEK_EMERGENCY_CARE_NOW'), `codes found: ${codes}`);
  assert.ok(adviceCodes.length >= 7 && adviceCodes.includes('EMERGENCY_STROKE'), `advice codes found: ${adviceCodes}`);
  assert.deepEqual(Object.keys(messages.nextSteps).sort(), [...codes].sort());
  assert.deepEqual(Object.keys(messages.advice).sort(), [...adviceCodes].sort());
  const all = [
    ...codes.flatMap((c) => ['message', 'when'].map((part) => [`nextSteps/${c}/${part}`, messages.nextSteps[c][part]])),
    ...adviceCodes.map((c) => [`advice/${c}`, messages.advice[c]]),
  ];
  for (const [where, texts] of all) {
    assert.deepEqual(Object.keys(texts).sort(), ['en', 'es'], where);
    assert.ok(texts.en.trim() && texts.es.trim(), `${where}: empty text`);
    assert.equal(placeholders(texts.es), placeholders(texts.en), `${where}: placeholders differ`);
    for (const name of placeholders(texts.en).split(',').filter(Boolean)) {
      assert.ok(['emergency', 'contactBy'].includes(name), `${where}: {${name}} has no value`);
    }
  }
  // every disposition but the emergency is on a list with a due date, and the patient is told it
  for (const c of codes) {
    const dated = /\{contactBy\}/.test(messages.nextSteps[c].when.en);
    assert.equal(dated, c !== 'SEEK_EMERGENCY_CARE_NOW', `${c}: when ${dated ? 'names' : 'does not name'} the date`);
  }
  for (const c of adviceCodes.filter((a) => a.startsWith('EMERGENCY_'))) {
    assert.match(messages.advice[c].en, /\{emergency\}/, `${c} says the number to call`);
  }
  assert.match(messages.emergencyNumber, /^[0-9+*#() -]{2,20}$/);
});

test('the messages are the API\'s file only: the definition holds no next steps, advice or emergency number, and what web/ builds no copy of their words', () => {
  for (const key of ['nextSteps', 'safetyAdvice', 'hardStopAdvice']) assert.equal(definition[key], undefined, key);
  assert.equal(definition.clinic?.emergencyNumber, undefined, 'the emergency number is a build setting (EMERGENCY_NUMBER)');
  const words = [...Object.values(messages.nextSteps).flatMap((s) => [s.message, s.when]), ...Object.values(messages.advice)]
    .flatMap((t) => [t.en, t.es]).flatMap((s) => s.split(/\{\w+\}/)).map((s) => s.trim()).filter((s) => s.length >= 30);
  assert.ok(words.length > 20, `${words.length} sentences to look for`);
  const files = (dir) => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  // what is built into the site (the tests may spell out what they expect)
  for (const file of [...files(join(web, 'src')), ...files(join(web, 'questionnaire')), ...files(join(web, 'build'))]) {
    if (!/\.(js|mjs|json|html|java)$/.test(file)) continue;
    const content = readFileSync(file, 'utf8');
    const copied = words.filter((w) => content.includes(w));
    assert.deepEqual(copied, [], `${file} copies words of patient-messages.json`);
  }
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

test('the new questions show only when they apply: twisting side after twisting = yes, per region; claudication for the lower back; days since an injury after a trauma yes', () => {
  const slots = (answers) => model.allSlots(definition, answers).map((s) => s.key);
  const both = { regions: ['LUMBAR', 'CERVICAL'] };
  assert.ok(!slots(both).some((k) => k.startsWith('worse-twistingSide')), 'no side before twisting is answered');
  const twisting = { ...both, 'worse-twisting@CERVICAL': 'YES', 'worse-twisting@LUMBAR': 'NO' };
  assert.deepEqual(slots(twisting).filter((k) => k.startsWith('worse-twistingSide')), ['worse-twistingSide@CERVICAL']);
  const form = model.assemble(definition, { ...twisting, 'worse-twistingSide@CERVICAL': 'LEFT', 'worse-twistingSide@LUMBAR': 'RIGHT' }, 'en');
  assert.equal(form.pain.regions[1].worseWith.twistingSide, 'LEFT', 'the neck is the second region');
  assert.equal(form.pain.regions[0].worseWith.twistingSide, undefined, 'a side whose question is hidden is not sent');

  assert.deepEqual(slots({ regions: ['CERVICAL', 'THORACIC'] }).filter((k) => k.startsWith('claudicationPattern')), []);
  assert.deepEqual(slots({ regions: ['CERVICAL', 'LUMBAR'] }).filter((k) => k.startsWith('claudicationPattern')), ['claudicationPattern@LUMBAR']);
  assert.equal(model.assemble(definition, { regions: ['CERVICAL', 'LUMBAR'], 'claudicationPattern@LUMBAR': 'YES' }, 'en').pain.claudicationPattern, 'YES');

  for (const [answers, shown] of [[{}, false], [{ majorTrauma: 'NO', minorTraumaWithOsteoporosis: 'UNSURE' }, false],
    [{ majorTrauma: 'YES' }, true], [{ majorTrauma: 'NO', minorTraumaWithOsteoporosis: 'YES' }, true]]) {
    assert.equal(slots({ regions: ['LUMBAR'], ...answers }).includes('injuryDaysAgo'), shown, JSON.stringify(answers));
  }
  const rfa = (outcome) => slots({ regions: ['LUMBAR'], priorRadiofrequencyAblation: outcome });
  assert.ok(rfa('HELPED').includes('priorRadiofrequencyAblationPainReturned'));
  assert.ok(!rfa('DID_NOT_HELP').includes('priorRadiofrequencyAblationPainReturned'), 'pain cannot come back after no relief');
  assert.ok(rfa('DID_NOT_HELP').includes('priorRadiofrequencyAblationRelief'));
  const months = model.assemble(definition, { regions: ['LUMBAR'], priorRadiofrequencyAblation: 'HELPED', priorRadiofrequencyAblationRelief: '10' }, 'en');
  assert.deepEqual(months.treatments.priorRadiofrequencyAblation, { outcome: 'HELPED', reliefMonths: 10 }, 'an ablation\'s relief in months, as told');
});

test('an answer that follows from the patient\'s own is sent, not asked: never had cancer, so no cancer treated now; not sure or blank is asked or stays blank', () => {
  const implied = questions.filter((q) => q.implied);
  assert.deepEqual(implied.map((q) => q.id), ['cancerTreatedNowOrSpread']);
  for (const q of implied) {
    assert.ok(!q.page.repeat && !q.page.when, `${q.id}: implied only on a page every patient sees`);
    assert.ok(q.implied.reason?.length > 20, `${q.id}: why the answer follows`);
    assert.ok(!model.holds(q.when, { [q.implied.when.answer]: q.implied.when.in[0] }), `${q.id} is hidden when its answer is implied`);
  }
  const safety = (answers) => model.assemble(definition, { regions: ['LUMBAR'], ...answers }, 'en').safety ?? {};
  assert.equal(safety({ historyOfCancer: 'NO' }).cancerTreatedNowOrSpread, 'NO');
  assert.equal(safety({}).cancerTreatedNowOrSpread, undefined, 'a blank stays blank');
  assert.equal(safety({ historyOfCancer: 'UNSURE' }).cancerTreatedNowOrSpread, undefined, 'asked, not answered: blank');
  assert.equal(safety({ historyOfCancer: 'YES', cancerTreatedNowOrSpread: 'YES' }).cancerTreatedNowOrSpread, 'YES');
  assert.equal(safety({ historyOfCancer: 'NO', cancerTreatedNowOrSpread: 'YES' }).cancerTreatedNowOrSpread, 'NO',
    'an answer given before "never had cancer" hid the question is not sent');
  const v01 = vignette('V01');
  assert.equal(model.assemble(definition, model.disassemble(definition, v01), 'en').safety.cancerTreatedNowOrSpread, v01.safety.cancerTreatedNowOrSpread);
});
