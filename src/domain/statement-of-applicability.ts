import { ISO_EVIDENCE } from './classification/evidence-summaries.js';
import { describeGaps, type ClaimTally } from './claim-progress.js';

export type ImplementationStatus = 'implemented' | 'partially implemented' | 'not implemented' | 'not applicable' | 'not evidenced per system';

/** How one Annex A control is claimed across the inventory: the tally of its claims and the rules that asked for it. */
export interface ControlCoverage extends ClaimTally {
  controlId: string;
  systems: number;
  /** Rule name (e.g. "Supplier rule") and how many systems it selected the control for. */
  rules: { rule: string; systems: number }[];
}

export interface ControlStatement {
  applicable: 'yes' | 'no';
  justification: string;
  status: ImplementationStatus;
}

// The controls the classification can ask an AI system's owner to evidence; the others (policy, roles,
// resources, development processes…) are not requested per system.
const PER_SYSTEM_CONTROLS: ReadonlySet<string> = new Set(Object.keys(ISO_EVIDENCE).filter((id) => id.startsWith('A.')));

export const isPerSystemControl = (controlId: string) => PER_SYSTEM_CONTROLS.has(controlId);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The Statement of Applicability line for one control. A control is applicable when the classification
 * selected it for at least one registered system; a control the rules never request per system stays
 * applicable to the management system as a whole (excluding it is the AIMS owner's decision, with its
 * own justification), so nothing is excluded silently.
 */
export function decideControlStatement(c: ControlCoverage, totalSystems: number): ControlStatement {
  if (!isPerSystemControl(c.controlId)) {
    return {
      applicable: 'yes',
      status: 'not evidenced per system',
      justification: 'Control of the AI management system as a whole, not requested per AI system: applicable unless the AIMS owner excludes it with a justification; its evidence is kept outside the per-system record.',
    };
  }
  if (c.systems === 0) {
    return {
      applicable: 'no',
      status: 'not applicable',
      justification: totalSystems === 0
        ? 'No AI system is registered yet; applicability is decided per system at registration.'
        : `None of the ${plural(totalSystems, 'registered AI system')} meets a classification rule that selects this control; re-assessed whenever a system is registered or changes.`,
    };
  }
  const rules = c.rules.map((r) => `${r.rule} (${plural(r.systems, 'system')})`).join('; ');
  const gaps = describeGaps(c);
  return {
    applicable: 'yes',
    status: c.answered === c.claims ? 'implemented' : c.answered > 0 ? 'partially implemented' : 'not implemented',
    justification: `Selected for ${plural(c.systems, 'AI system')} of ${totalSystems} by ${rules}.${gaps ? ` Evidence missing: ${gaps}.` : ''}`,
  };
}
