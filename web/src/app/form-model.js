// The questionnaire definition as a model: which questions show, the form they add up to, and
// where an error belongs. Pure functions (no DOM), shared by the pages, the unit tests and the
// browser tests, so there is one reading of the definition.

/** A question as shown: on one page, for one region when the page repeats per region. */
export function slotKey(question, region) {
  return region ? `${question.id}@${region}` : question.id;
}

export function selectedRegions(answers) {
  return Array.isArray(answers.regions) ? answers.regions : [];
}

export function isBlank(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

function hardStopYes(definition, answers) {
  return allSlots(definition, answers).some((s) => s.question.hardStop && answers[s.key] === 'YES');
}

/** Whether a condition holds; `region` is the region of the page being shown, if any. */
export function holds(when, answers, region, definition) {
  if (!when) return true;
  if (when.any) return when.any.some((w) => holds(w, answers, region, definition));
  const regions = selectedRegions(answers);
  if (when.region) return region ? when.region.includes(region) : regions.some((r) => when.region.includes(r));
  if (when.regionCount) return regions.length >= when.regionCount;
  if (when.selected) return regions.includes(when.selected);
  if (when.answer) {
    const value = answers[region ? `${when.answer}@${region}` : when.answer] ?? answers[when.answer];
    return when.in.includes(value);
  }
  if (when.anyHardStop) return hardStopYes(definition, answers);
  throw new Error(`unknown condition ${JSON.stringify(when)}`);
}

/** The pages shown for these answers, repeated per selected region where the page says so. */
export function visiblePages(definition, answers) {
  const pages = [];
  for (const page of definition.pages) {
    if (page.when && !holds(page.when, answers, null, definition)) continue;
    if (page.repeat === 'region') {
      for (const region of selectedRegions(answers)) pages.push({ page, region, route: `${page.id}/${region}` });
    } else {
      pages.push({ page, region: null, route: page.id });
    }
  }
  return pages;
}

/** The region's index in pain.regions, for '*' in a pointer. */
function concrete(pointer, region, answers) {
  return region ? pointer.replace('*', String(selectedRegions(answers).indexOf(region))) : pointer;
}

/** The questions a page shows, each with its key and the concrete pointer it fills. */
export function slotsOf(visiblePage, answers, definition) {
  const { page, region } = visiblePage;
  return page.questions
    .filter((q) => holds(q.when, answers, region, definition))
    .map((question) => ({
      question,
      region,
      page: visiblePage,
      key: slotKey(question, region),
      pointer: concrete(question.pointer, region, answers),
    }));
}

/** Every question a patient with these answers is shown, page by page. */
export function allSlots(definition, answers) {
  // hard-stop questions decide whether the advice page shows; its own visibility never depends on them
  const pages = definition.pages.filter((p) => !p.when?.anyHardStop);
  const slots = [];
  for (const page of pages) {
    if (page.when && !holds(page.when, answers, null, definition)) continue;
    const regions = page.repeat === 'region' ? selectedRegions(answers) : [null];
    for (const region of regions) {
      slots.push(...slotsOf({ page, region, route: region ? `${page.id}/${region}` : page.id }, answers, definition));
    }
  }
  return slots;
}

export function options(definition, question, answers, region) {
  const list = typeof question.options === 'string' ? definition.optionSets[question.options] : question.options;
  return (list || []).filter((o) => holds(o.when, answers, region, definition));
}

/** A raw answer as the schema wants it; undefined for blank. Unparseable text is kept, so the schema refuses it. */
export function toSchema(question, raw) {
  if (isBlank(raw)) return undefined;
  switch (question.type) {
    case 'number': {
      const text = String(raw).trim().replace(',', '.');
      const pattern = question.decimal ? /^\d+(\.\d+)?$/ : /^\d+$/;
      if (!pattern.test(text)) return text;
      const n = Number(text);
      return question.toSchema?.multiply ? Math.round(n * question.toSchema.multiply) : n;
    }
    case 'scale': return Number(raw);
    case 'consent': return raw === true ? true : undefined;
    case 'regions': return raw.map((region) => ({ region }));
    case 'date': {
      const { day = '', month = '', year = '' } = raw;
      const [d, m, y] = [day, month, year].map((s) => String(s).trim());
      if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return `${y}-${m}-${d}`;
      return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    }
    case 'text': case 'tel': case 'email': case 'textarea': return String(raw).trim();
    default: return raw;
  }
}

/** A stored value back as the page shows it (for a resumed draft). */
export function fromSchema(question, value) {
  switch (question.type) {
    case 'number': return String(question.toSchema?.multiply ? value / question.toSchema.multiply : value);
    case 'scale': return String(value);
    case 'regions': return value.map((item) => item.region);
    case 'date': {
      const [year, month, day] = String(value).split('-');
      return { day: String(Number(day)), month: String(Number(month)), year };
    }
    default: return value;
  }
}

function setAt(form, pointer, value) {
  const parts = pointer.split('/').slice(1);
  let node = form;
  parts.slice(0, -1).forEach((part, i) => {
    if (node[part] === undefined) node[part] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node = node[part];
  });
  node[parts[parts.length - 1]] = value;
}

export function getAt(form, pointer) {
  return pointer.split('/').slice(1).reduce((node, part) => (node == null ? undefined : node[part]), form);
}

/**
 * The form to send: only the answers to questions these answers show (a hidden answer is never
 * sent), blanks left out (never turned into "no"), the language the patient used, and an answer
 * a question's `implied` says follows from another answer of theirs. The required
 * objects are always there, so the schema names a missing answer by its own pointer.
 */
export function assemble(definition, answers, language) {
  const form = { patient: {}, consent: {}, pain: {} };
  const slots = allSlots(definition, answers);
  for (const slot of slots) {
    const value = toSchema(slot.question, answers[slot.key]);
    if (value !== undefined) setAt(form, slot.pointer, value);
  }
  for (const fill of definition.filledIn) {
    if (fill.from === 'language') setAt(form, fill.pointer, language);
  }
  // an answer that follows from the patient's own (never had cancer: no cancer treated now) is
  // sent for the question it spares them; a blank stays blank
  const shown = new Set(slots.map((s) => s.question.id));
  for (const page of definition.pages) {
    for (const question of page.questions) {
      if (question.implied && !shown.has(question.id) && holds(question.implied.when, answers, null, definition)) {
        setAt(form, question.pointer, question.implied.value);
      }
    }
  }
  return form;
}

/** Answers from a form (a resumed draft): every question the form's answers show. */
export function disassemble(definition, form) {
  const answers = {};
  const regions = getAt(form, '/pain/regions');
  if (Array.isArray(regions)) answers.regions = regions.map((r) => r.region);
  // conditions read earlier answers: two passes let a later page's question see them all
  for (let pass = 0; pass < 2; pass++) {
    for (const slot of allSlots(definition, answers)) {
      const value = getAt(form, slot.pointer);
      if (value !== undefined && value !== null) answers[slot.key] = fromSchema(slot.question, value);
    }
  }
  return answers;
}

/**
 * Schema errors (ajv's, or the API's problem pointers) as {key, kind} per question slot: kind is
 * "required" or "invalid". Of an anyOf only the first branch's errors count (phone or email: the
 * phone question says so).
 */
export function errorsBySlot(errors, slots) {
  const byPointer = new Map(slots.map((s) => [s.pointer, s]));
  const found = new Map();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || /\/anyOf\/[1-9]/.test(e.schemaPath || '')) continue;
    const pointer = e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : (e.instancePath ?? e.pointer);
    const slot = byPointer.get(pointer);
    if (slot && !found.has(slot.key)) {
      found.set(slot.key, { slot, kind: e.keyword === 'required' || e.keyword === 'const' ? 'required' : 'invalid' });
    }
  }
  const order = new Map(slots.map((s, i) => [s.key, i]));
  return [...found.values()].sort((a, b) => order.get(a.slot.key) - order.get(b.slot.key));
}

/** Fills "{name}" placeholders. */
export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, name) => (values[name] !== undefined ? values[name] : m));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date of the API ("2026-12-15", a calendar date) written out in a language: read as UTC
 * midnight and written in UTC, so no time zone moves it to the day before. Null if not a date.
 */
export function longDate(iso, language) {
  const m = ISO_DATE.exec(iso ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== iso) return null; // 2026-02-30 is no date
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * What the confirmation page says, from the API's nextSteps and the shared messages file, in the
 * page's language (so switching language still works after sending): the message, when, and the
 * advice, each with `lang`. The emergency number and the date are the server's. A code the
 * messages file does not know, or a text whose placeholder has no value, falls back to the
 * server's own words (in the language the server wrote them).
 */
export function confirmation(messages, nextSteps, language) {
  const values = { emergency: nextSteps.emergencyNumber, contactBy: longDate(nextSteps.contactBy, language) ?? undefined };
  const own = (texts) => {
    if (!texts?.[language]) return null;
    const text = fill(texts[language], values);
    return /\{\w+\}/.test(text) ? null : text;
  };
  const theirs = (text) => ({ text: text ?? '', lang: nextSteps.language });
  const pick = (texts, serverText) => {
    const text = own(texts);
    return text === null ? theirs(serverText) : { text, lang: language };
  };
  const steps = messages.nextSteps[nextSteps.code];
  return {
    message: pick(steps?.message, nextSteps.message),
    when: pick(steps?.when, nextSteps.when),
    advice: (nextSteps.advice ?? []).map((a) => pick(messages.advice[a.code], a.text)),
  };
}
