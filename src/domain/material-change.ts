import { staleConditions, STALENESS_CAUSES, type StalenessCause, type SystemSnapshot } from './evidence-reuse.js';
import type { ChangeTrigger } from './review-cadence.js';
import type { LifecycleStage } from './vocabulary.js';

const CAUSE_LABELS: Record<StalenessCause, string> = {
  scope: 'the scope or purpose', supplier: 'the supplier or underlying model', data_type: 'the data it processes', risk: 'the risk or classification',
};

export type EvidenceAfterChange = { stale: false } | { stale: true; causes: StalenessCause[]; reason: string };

/**
 * Does evidence collected under `recorded` still hold after a change? Facts the change set are compared
 * (staleConditions); aspects the reporter says changed without giving new values (a new purpose, new
 * data) cannot be compared, so every piece of evidence collected before the report depends on them.
 */
export function evidenceAfterChange(args: { recorded: SystemSnapshot; current: SystemSnapshot; declared: readonly StalenessCause[] }): EvidenceAfterChange {
  const measured = staleConditions(args.recorded, args.current);
  const reportedOnly = args.declared.filter((c) => !measured.changed.includes(c));
  const causes = STALENESS_CAUSES.filter((c) => measured.changed.includes(c) || reportedOnly.includes(c));
  if (!causes.length) return { stale: false };
  const reported = reportedOnly.length ? `a change was reported to ${reportedOnly.map((c) => CAUSE_LABELS[c]).join(' and ')}` : '';
  if (!measured.changed.length) {
    return { stale: true, causes, reason: `Material change: ${reported}. Evidence collected before it is stale and must be renewed.` };
  }
  return { stale: true, causes, reason: reported ? `${measured.reason} Also, ${reported}.` : measured.reason };
}

/** Which review a change calls for: moving into deployment or retirement has its own review; anything else is a material change. */
export function reviewTriggerForChange(args: { lifecycleBefore: LifecycleStage; lifecycleAfter: LifecycleStage }): ChangeTrigger {
  if (args.lifecycleAfter !== args.lifecycleBefore) {
    if (args.lifecycleAfter === 'deployed') return 'deployed';
    if (args.lifecycleAfter === 'retired') return 'retired';
  }
  return 'materially_changed';
}
