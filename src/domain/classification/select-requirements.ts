import { catalogOrder, requirementTitle } from '../catalog/index.js';
import type { Source } from '../vocabulary.js';
import { SOURCES } from '../vocabulary.js';
import { evidenceSummary } from './evidence-summaries.js';
import { PROHIBITED_RULE, REQUIREMENT_RULES, type RuleContext } from './requirement-rules.js';
import type { ApplicableRequirement } from './types.js';
import { SHORT_SOURCE_LABELS } from './wording.js';

/** A retired system is asked for nothing new; a prohibited one stays under the stop-and-decide claims. */
export const RETIREMENT_REASON = 'Retirement rule: the system is retired, so no evidence is requested of it; its decommissioning (NIST AI RMF GOVERN 1.7) is recorded by the change that retired it, and claims it had are closed with this reason.';

export interface RequirementSelection {
  requirements: ApplicableRequirement[];
  /** One sentence per rule that added requirements, listing what it added. */
  reasons: string[];
}

/**
 * Runs the rules in order, keeps each requirement once (with the first rule that claimed it), then orders
 * the result: the primary source first, then the other sources, each in catalog order.
 */
export function selectRequirements(ctx: RuleContext, primary: Source): RequirementSelection {
  if (!PROHIBITED_RULE.applies(ctx) && ctx.facts.lifecycleStage === 'retired') return { requirements: [], reasons: [RETIREMENT_REASON] };
  const rules = PROHIBITED_RULE.applies(ctx) ? [PROHIBITED_RULE] : REQUIREMENT_RULES.filter((rule) => rule.applies(ctx));
  const chosen = new Map<string, ApplicableRequirement>();
  const reasons: string[] = [];
  for (const rule of rules) {
    const because = rule.because(ctx);
    const added: ApplicableRequirement[] = [];
    for (const claim of rule.claims(ctx)) {
      const key = `${claim.source}|${claim.id}`;
      if (chosen.has(key)) continue;
      const title = requirementTitle(claim.source, claim.id);
      if (title === undefined) throw new Error(`requirement ${claim.source} ${claim.id} is not in the catalog`);
      const requirement = { source: claim.source, requirementId: claim.id, title, summary: evidenceSummary(claim), reason: `${because}.` };
      chosen.set(key, requirement);
      added.push(requirement);
    }
    if (added.length > 0) reasons.push(`${because}: ${describe(added)}.`);
  }
  const sourceRank = (s: Source) => (s === primary ? -1 : SOURCES.indexOf(s));
  const requirements = [...chosen.values()].sort((a, b) =>
    sourceRank(a.source) - sourceRank(b.source) || catalogOrder(a.source, a.requirementId) - catalogOrder(b.source, b.requirementId));
  return { requirements, reasons };
}

function describe(requirements: readonly ApplicableRequirement[]): string {
  return SOURCES
    .map((source) => requirements.filter((r) => r.source === source).map((r) => r.requirementId))
    .map((ids, i) => (ids.length > 0 ? `${SHORT_SOURCE_LABELS[SOURCES[i]!]} ${ids.join(', ')}` : ''))
    .filter(Boolean)
    .join('; ');
}
