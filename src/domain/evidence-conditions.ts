import { z } from 'zod';
import { crosswalkMaps } from './catalog/index.js';
import type { RequirementRef } from './catalog/index.js';
import { periodEndInstant } from './evidence-artifact.js';
import { decideEvidenceReuse, type ReuseDecision, type SystemSnapshot } from './evidence-reuse.js';
import { DATA_CATEGORIES, LIFECYCLE_STAGES, OPERATOR_ROLES, RISK_TIERS, SOURCES, type Source } from './vocabulary.js';

/**
 * The conditions an artifact was collected under (PRODUCT.md reuse rule): whose it is, about which
 * system, for what scope, supplier and data, judged against which acceptance criteria, and the
 * requirement it was submitted for. Kept with the artifact so later reuse and staleness compare
 * against the facts of the day, not today's.
 */
export const ArtifactConditions = z.object({
  ownerId: z.string(),
  systemId: z.string(),
  scope: z.string(),
  purpose: z.string(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  operatorRole: z.enum(OPERATOR_ROLES),
  supplier: z.string().nullable(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  riskTier: z.enum(RISK_TIERS),
  /** Empty: judged against the requirement's standard criteria, the same for every claim. */
  acceptanceCriteria: z.string(),
  claim: z.object({ source: z.enum(SOURCES), requirementId: z.string() }),
});
export type ArtifactConditions = z.infer<typeof ArtifactConditions>;

/** Purpose, lifecycle stage and operator role together are the scope (see staleConditions). */
export const scopeText = (s: Pick<SystemSnapshot, 'purpose' | 'lifecycleStage' | 'operatorRole'>) =>
  `${s.purpose.trim()} (${s.lifecycleStage}, ${s.operatorRole})`;

export function artifactConditions(args: {
  ownerId: string; systemId: string; system: SystemSnapshot; acceptanceCriteria: string | null; claim: { source: Source; requirementId: string };
}): ArtifactConditions {
  const { system } = args;
  return {
    ownerId: args.ownerId, systemId: args.systemId, scope: scopeText(system), purpose: system.purpose, lifecycleStage: system.lifecycleStage,
    operatorRole: system.operatorRole, supplier: system.supplier, dataCategories: [...system.dataCategories], riskTier: system.riskTier,
    acceptanceCriteria: args.acceptanceCriteria ?? '', claim: args.claim,
  };
}

export const snapshotOf = (c: ArtifactConditions): SystemSnapshot => ({
  purpose: c.purpose, lifecycleStage: c.lifecycleStage, supplier: c.supplier, dataCategories: c.dataCategories, riskTier: c.riskTier, operatorRole: c.operatorRole,
});

export interface ReuseTarget {
  source: Source;
  requirementId: string;
  ownerId: string;
  systemId: string;
  /** The system as it is now: evidence is reused only while the facts it was collected under still hold. */
  system: SystemSnapshot;
}

/**
 * May an artifact stand for the target claim? The artifact's side is the requirement it was submitted
 * for and the conditions recorded then; the target's is the claim and the system as they are now.
 */
export function decideArtifactReuse(args: {
  artifact: { conditions: ArtifactConditions; periodTo: string; criteriaMet: boolean }; target: ReuseTarget; now: Date;
}): ReuseDecision {
  const { conditions: c } = args.artifact;
  const t = args.target;
  const from: RequirementRef = { source: c.claim.source, id: c.claim.requirementId };
  const to: RequirementRef = { source: t.source, id: t.requirementId };
  return decideEvidenceReuse({
    from: {
      source: c.claim.source, requirementId: c.claim.requirementId, ownerId: c.ownerId, systemId: c.systemId, scope: c.scope, supplier: c.supplier,
      dataCategories: c.dataCategories, acceptanceCriteria: c.acceptanceCriteria, periodTo: periodEndInstant(args.artifact.periodTo), criteriaMet: args.artifact.criteriaMet,
    },
    to: {
      source: t.source, requirementId: t.requirementId, ownerId: t.ownerId, systemId: t.systemId, scope: scopeText(t.system), supplier: t.system.supplier,
      dataCategories: t.system.dataCategories, acceptanceCriteria: '',
    },
    crosswalkMapped: crosswalkMaps(from, to),
    now: args.now,
  });
}
