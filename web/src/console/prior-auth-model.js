// The prior-authorization packet (issue 15; docs/prior-auth.md) in the console's words: the API's
// packet (GET /referrals/{id}/prior-auth/{region}) as what the printable view shows. Pure: the
// packet and the questionnaire's definition in, texts out (the console's language unless given).

import { t, language as current } from './i18n.js';
import * as m from './model.js';
import * as b from './blocks-model.js';

export const PACKET_REGIONS = ['CERVICAL', 'THORACIC', 'LUMBAR'];

/** The hash of a region's packet: "#/referrals/<id>/prior-auth/lumbar" (an id and a region: no patient data). */
export const packetHash = (id, region) => `#/referrals/${id}/prior-auth/${region.toLowerCase()}`;

/** A calendar date of the packet ("2026-11-27") in words ("Nov 27, 2026"; "27 nov 2026"). */
export function day(iso, language) {
  if (!iso) return t('notAnswered', {}, language);
  return new Intl.DateTimeFormat(language || current(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A form the questionnaire's words can be looked up in for this packet's pointers: the packet is
 * one region's, so every region a pointer names is that region.
 */
const formOf = (p) => ({ pain: { regions: Array.from({ length: 3 }, () => ({ region: p.region })) } });

/** The engine's evidence answer in words: an option's label, "DID_NOT_HELP, 8 weeks" and "mean 6" as the console says them. */
function evidenceWords(definition, q, answer, formJson) {
  const weeks = /^([A-Z_]+), (\d+) weeks$/.exec(answer ?? '');
  if (weeks) return `${m.answerWords(definition, q, weeks[1], formJson)}, ${t('pa.weeks', { n: weeks[2] })}`;
  const mean = /^mean (\d+(?:\.\d)?)$/.exec(answer ?? '');
  if (mean) return t('pa.mean', { n: mean[1] });
  return m.answerWords(definition, q, answer, formJson);
}

/** The criteria, each with its status in words and its evidence as the form asked it. */
export function criteria(definition, p) {
  const formJson = formOf(p);
  return (p.criteria || []).map((c) => ({
    number: c.number, id: c.id, text: c.text, status: c.status, statusText: m.CRITERION_STATUS[c.status] || c.status,
    explanation: c.explanation, answeredOn: c.answeredOn,
    evidence: (c.evidence || []).map((e) => {
      const q = m.question(definition, formJson, e.question);
      return { pointer: e.question, question: q ? q.text : e.question, answer: evidenceWords(definition, q, e.answer, formJson) };
    }),
  }));
}

/** What is missing, in words. */
export function missing(p) {
  const byId = new Map((p.criteria || []).map((c) => [c.id, c]));
  return (p.missing || []).map((x) => {
    const c = byId.get(x.ref);
    const block = (p.blocks || []).find((k) => k.episodeId === x.ref);
    return {
      code: x.code, ref: x.ref,
      text: t(`pa.missing.${x.code}`, {
        n: c?.number ?? '', criterion: c?.text ?? '',
        which: block ? t(`diagnosticBlock.${block.diagnosticBlock}`) : '', date: block ? day(block.date) : '',
      }),
    };
  });
}

/** The conservative care tried: the form's words for the treatment and its outcome, weeks where asked. */
export function care(definition, p) {
  return (p.conservativeCare || []).map((c) => {
    const q = m.question(definition, null, `${c.question}/outcome`) || m.question(definition, null, c.question);
    return {
      question: c.question,
      treatment: q ? q.text : c.treatment,
      outcome: m.answerWords(definition, q, c.outcome ?? 'blank'),
      weeks: c.weeks === null || c.weeks === undefined ? '' : t('pa.weeks', { n: c.weeks }),
    };
  });
}

/** A block's recorded diary points: when, the NRS and the relief against the block's baseline. */
export function points(block) {
  return (block.postBlock || []).map((x) => {
    const pct = (100 * (block.baselineNrs - x.nrs)) / block.baselineNrs;
    return {
      minutes: x.minutesAfter, point: b.pointLabel(x.minutesAfter), nrs: String(x.nrs),
      relief: b.reliefWords({ recorded: true, reliefPercent: pct, direction: pct < 0 ? 'WORSE' : pct === 0 ? 'NO_CHANGE' : 'RELIEF' }),
    };
  });
}

/** The LCD counts of the region's group, in words. */
export function frequency(p) {
  const f = p.frequency;
  return (f?.counts || []).map((c) => ({ kind: c.kind, kindName: t(`lcdKind.${c.kind}`), sessions: c.sessions, limit: c.limit, atLimit: c.sessions >= c.limit }));
}
