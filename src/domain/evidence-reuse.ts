import type { DataCategory, LifecycleStage, OperatorRole, RiskTier, Source } from './vocabulary.js';
import { SOURCE_LABELS } from './vocabulary.js';

/** One requirement's side of a proposed reuse: the claim the evidence is for, and whose and what it is about. */
export interface ReuseSide {
  source: Source;
  requirementId: string;
  ownerId: string;
  systemId: string;
  scope: string;
  supplier: string | null;
  dataCategories: readonly string[];
  acceptanceCriteria: string;
}

/**
 * The conditions of PRODUCT.md's reuse rule, in the order they are checked. The order puts the mapping
 * first (without it nothing else matters), then who and what the evidence is about, then whether it is
 * still current and good enough; the first failure is the one reported.
 */
export const REUSE_CONDITIONS = ['crosswalk', 'owner', 'system', 'scope', 'supplier', 'data_type', 'period', 'acceptance_criteria'] as const;
export type ReuseCondition = (typeof REUSE_CONDITIONS)[number];

export type ReuseDecision =
  | { kind: 'allowed'; reason: string }
  | { kind: 'refused'; failed: ReuseCondition; reason: string };

export interface ReuseInput {
  from: ReuseSide & { periodTo: Date | null; criteriaMet: boolean };
  to: ReuseSide;
  crosswalkMapped: boolean;
  now: Date;
}

const KEEP_SEPARATE = 'Keep a separate evidence record for it.';

/**
 * Evidence recorded for `from` may stand as evidence for `to` only when the crosswalk maps the two
 * requirements and owner, system, scope, supplier, data type, period and acceptance criteria are the same.
 */
export function decideEvidenceReuse(input: ReuseInput): ReuseDecision {
  const { from, to, now } = input;
  const fromName = requirementName(from);
  const toName = requirementName(to);
  const refuse = (failed: ReuseCondition, why: string): ReuseDecision => ({
    kind: 'refused',
    failed,
    reason: `Evidence for ${fromName} can't be reused for ${toName}: ${why} ${KEEP_SEPARATE}`,
  });

  // Reuse means one record standing for a second requirement. For the same requirement there is no second
  // one: a crosswalk never maps a requirement to itself, and the evidence is simply attached to it.
  if (from.source === to.source && sameId(from.requirementId, to.requirementId)) {
    return {
      kind: 'refused',
      failed: 'crosswalk',
      reason:
        `${fromName} is the same requirement on both sides, so this is not a reuse across requirements: ` +
        'attach the evidence to it directly, or submit new evidence for it.',
    };
  }
  if (!input.crosswalkMapped) return refuse('crosswalk', 'the crosswalk does not map these two requirements to each other.');
  if (from.ownerId !== to.ownerId) return refuse('owner', 'the two requirements have different evidence owners.');
  if (from.systemId !== to.systemId) return refuse('system', 'the evidence is about a different AI system.');
  if (normalText(from.scope) !== normalText(to.scope)) {
    return refuse('scope', `the scope is different ("${from.scope.trim()}" versus "${to.scope.trim()}").`);
  }
  if (normalSupplier(from.supplier) !== normalSupplier(to.supplier)) {
    return refuse('supplier', `the supplier is different (${supplierName(from.supplier)} versus ${supplierName(to.supplier)}).`);
  }
  if (dataKey(from.dataCategories) !== dataKey(to.dataCategories)) {
    return refuse(
      'data_type',
      `the types of data are different (${dataName(from.dataCategories)} versus ${dataName(to.dataCategories)}).`,
    );
  }
  if (from.periodTo !== null && isPeriodEnded(from.periodTo, now)) {
    return refuse(
      'period',
      `the period the evidence covers ended on ${from.periodTo.toISOString()}, so it no longer shows the control operating now.`,
    );
  }
  if (normalText(from.acceptanceCriteria) !== normalText(to.acceptanceCriteria)) {
    return refuse('acceptance_criteria', 'the two requirements judge the evidence against different acceptance criteria.');
  }
  if (!from.criteriaMet) return refuse('acceptance_criteria', 'the evidence did not meet its acceptance criteria.');

  return {
    kind: 'allowed',
    reason:
      `Evidence for ${fromName} can be reused for ${toName}: the crosswalk maps them, and owner, system, scope, ` +
      'supplier, data types, period and acceptance criteria are all the same.',
  };
}

/**
 * Whether the period evidence covers is over. `periodTo` is the first instant no longer covered (an
 * exclusive end, like every interval in the domain); `null` means the evidence covers an ongoing period.
 */
export function isPeriodEnded(periodTo: Date | null, now: Date): boolean {
  return periodTo !== null && now.getTime() >= periodTo.getTime();
}

/** The facts about a system that evidence silently depends on. */
export interface SystemSnapshot {
  purpose: string;
  lifecycleStage: LifecycleStage;
  supplier: string | null;
  dataCategories: readonly DataCategory[];
  riskTier: RiskTier;
  operatorRole: OperatorRole;
}

export const STALENESS_CAUSES = ['scope', 'supplier', 'data_type', 'risk'] as const;
export type StalenessCause = (typeof STALENESS_CAUSES)[number];

/**
 * PRODUCT.md: old evidence is not reused after the scope, service, supplier or risk has changed. Purpose,
 * lifecycle stage and operator role together are the system's scope (what it does, where in its life it is,
 * and the role the organisation plays), so a change to any of them is a scope change.
 * `changed` lists causes in STALENESS_CAUSES order; empty means dependent evidence stays current.
 */
export function staleConditions(before: SystemSnapshot, after: SystemSnapshot): { changed: StalenessCause[]; reason: string } {
  const details: Record<StalenessCause, string[]> = { scope: [], supplier: [], data_type: [], risk: [] };
  if (normalText(before.purpose) !== normalText(after.purpose)) details.scope.push('the purpose changed');
  if (before.lifecycleStage !== after.lifecycleStage) {
    details.scope.push(`the lifecycle stage changed from ${before.lifecycleStage} to ${after.lifecycleStage}`);
  }
  if (before.operatorRole !== after.operatorRole) {
    details.scope.push(`the operator role changed from ${before.operatorRole} to ${after.operatorRole}`);
  }
  if (normalSupplier(before.supplier) !== normalSupplier(after.supplier)) {
    details.supplier.push(`the supplier changed from ${supplierName(before.supplier)} to ${supplierName(after.supplier)}`);
  }
  if (dataKey(before.dataCategories) !== dataKey(after.dataCategories)) {
    details.data_type.push(`the data types changed from ${dataName(before.dataCategories)} to ${dataName(after.dataCategories)}`);
  }
  if (before.riskTier !== after.riskTier) details.risk.push(`the risk tier changed from ${before.riskTier} to ${after.riskTier}`);

  const changed = STALENESS_CAUSES.filter((cause) => details[cause].length > 0);
  if (changed.length === 0) {
    return { changed, reason: 'No material change to scope, supplier, data types or risk: dependent evidence stays current.' };
  }
  const what = changed.flatMap((cause) => details[cause]).join('; ');
  return { changed, reason: `Material change: ${what}. Evidence that depends on the old facts is stale and must be renewed.` };
}

function requirementName(side: ReuseSide): string {
  return `${SOURCE_LABELS[side.source]} ${side.requirementId.trim()}`;
}

function sameId(a: string, b: string): boolean {
  return normalText(a) === normalText(b);
}

// Free text is compared ignoring case and spacing so retyping "EU customers" as "EU  Customers" is no change.
function normalText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function normalSupplier(supplier: string | null): string {
  return supplier === null ? '' : normalText(supplier);
}

function supplierName(supplier: string | null): string {
  return supplier === null || supplier.trim() === '' ? 'no supplier' : `"${supplier.trim()}"`;
}

// Data categories are a set: order and repeats carry no meaning, and "none" is the same as listing nothing.
function dataKey(categories: readonly string[]): string {
  return [...new Set(categories.map(normalText))].filter((c) => c !== 'none' && c !== '').sort().join(',');
}

function dataName(categories: readonly string[]): string {
  const key = dataKey(categories);
  return key === '' ? 'none' : key.split(',').join(', ');
}
