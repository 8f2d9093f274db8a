import { annexIIIPoint, transparencyDuty } from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import { TRANSPARENCY_DUTIES, type AnnexIIIPoint, type TransparencyDuty } from '../vocabulary.js';
import type { Reasoned } from './types.js';
import { NOT_BINDING, joinAnd, lowerFirst, unique } from './wording.js';

// Annex III 1(b) and 1(c) systems are biometric categorisation and emotion recognition systems, which is
// exactly what Art. 50(3) addresses, so the duty follows from the point even when it was not ticked.
const DUTY_IMPLIED_BY_ANNEX_III: Partial<Record<AnnexIIIPoint, TransparencyDuty>> = {
  '1(b)': 'biometric_categorisation',
  '1(c)': 'emotion_recognition',
};

export function decideTransparencyDuties(facts: SystemFacts): Reasoned<TransparencyDuty[]> {
  const implied = facts.annexIIIPoint ? DUTY_IMPLIED_BY_ANNEX_III[facts.annexIIIPoint] : undefined;
  const given = new Set<TransparencyDuty>(facts.transparency);
  const value = TRANSPARENCY_DUTIES.filter((duty) => given.has(duty) || duty === implied);
  if (value.length === 0) {
    return { value, reason: 'No Art. 50 transparency situation applies.', refs: [] };
  }
  const refs = unique(value.map((duty) => transparencyDuty(duty).ref));
  const described = value.map((duty) => {
    const { label, ref, addressee } = transparencyDuty(duty);
    return `${lowerFirst(label)} (${ref}, ${addressee})`;
  });
  const parts = [`Art. 50 transparency duties apply: ${joinAnd(described)}`];
  if (implied && !given.has(implied)) {
    parts.push(`${transparencyDuty(implied).ref} follows from Annex III point ${facts.annexIIIPoint} (${lowerFirst(annexIIIPoint(facts.annexIIIPoint!).label)})`);
  }
  if (!facts.euNexus) parts.push(`but ${NOT_BINDING}`);
  return { value, reason: `${parts.join('; ')}.`, refs };
}
