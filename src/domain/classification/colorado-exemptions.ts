import { CO_EXEMPTIONS, type CoObligationId } from '../catalog/index.js';
import type { ConsequentialDecision } from '../vocabulary.js';

// What each Colorado SB 26-189 exemption does once the owner has claimed it with a justification and the
// governance forum has approved it. The exemptions and their sections come from the reference data; this
// table is the editorial reading of each one's "effect", applied only to approved claims, never inferred.

export type ExemptionEffect =
  /** The system is outside the Act's duties. */
  | { kind: 'outside'; unless?: ConsequentialDecision; adds?: CoObligationId[] }
  /** The duties stay; the named ones are met through another regime's process, which is the evidence to keep. */
  | { kind: 'met_through'; obligations: CoObligationId[]; through: string }
  /** Recorded, with no effect on the duties (the law gives none, or it is not confirmed). */
  | { kind: 'recorded'; why: string };

export const CO_EXEMPTION_EFFECTS: Readonly<Record<string, ExemptionEffect>> = {
  'co-ex-admt-exclusions': { kind: 'outside' },
  'co-ex-not-material': { kind: 'outside' },
  'co-ex-fda': { kind: 'outside' },
  'co-ex-general-llm': { kind: 'outside' },
  // Employment decisions stay covered for HIPAA entities and insurers; each has its own sector duty.
  'co-ex-hipaa': { kind: 'outside', unless: 'employment', adds: ['co-ob-hipaa-patient-notice'] },
  'co-ex-insurers': { kind: 'outside', unless: 'employment' },
  'co-ex-creditors-ecoa-fcra': { kind: 'met_through', obligations: ['co-ob-dep-adverse-outcome-disclosure'], through: 'ECOA/Regulation B and FCRA adverse-action notices' },
  'co-ex-ferpa': {
    kind: 'met_through',
    obligations: ['co-ob-dep-pre-use-notice', 'co-ob-dep-adverse-outcome-disclosure', 'co-ob-dep-human-review'],
    through: 'FERPA processes',
  },
  'co-ex-glba': { kind: 'recorded', why: 'its effect is reported by a single secondary source and is not applied' },
  'co-ex-trade-secrets': { kind: 'recorded', why: 'withheld information is still notified to the consumer (§ 6-1-1704(5))' },
};

export function coExemption(id: string) {
  const found = CO_EXEMPTIONS.find((x) => x.id === id);
  if (!found) throw new Error(`exemption ${id} is not in the catalog`);
  return found;
}

/** Exemptions an owner can claim: those the law has (an entry with `exists: false` records one it lacks). */
export const CLAIMABLE_CO_EXEMPTIONS = CO_EXEMPTIONS.filter((x) => x.exists);
