import type { SystemRow } from '../../db/repos/systems.js';
import type { SystemSnapshot } from '../../domain/evidence-reuse.js';
import type { DataCategory, LifecycleStage, OperatorRole, RiskTier } from '../../domain/vocabulary.js';

/** The facts of a stored system that evidence depends on. Columns hold vocabulary values written through SystemFacts. */
export function systemSnapshot(s: Pick<SystemRow, 'purpose' | 'lifecycleStage' | 'supplier' | 'dataCategories' | 'riskTier' | 'operatorRole'>): SystemSnapshot {
  return {
    purpose: s.purpose,
    lifecycleStage: s.lifecycleStage as LifecycleStage,
    supplier: s.supplier,
    dataCategories: s.dataCategories as DataCategory[],
    riskTier: s.riskTier as RiskTier,
    operatorRole: s.operatorRole as OperatorRole,
  };
}
