import { describeGaps, type ClaimTally } from './claim-progress.js';

export type EvidenceStatus = 'complete' | 'partial' | 'none' | 'not requested';

export interface SubcategoryCoverage extends ClaimTally {
  subcategoryId: string;
  systems: number;
}

/** A NIST AI RMF profile line: how far the outcome is evidenced, and the gaps an assessor would raise. */
export function decideSubcategoryCoverage(c: SubcategoryCoverage): { evidenceStatus: EvidenceStatus; gaps: string } {
  if (c.claims === 0) {
    return { evidenceStatus: 'not requested', gaps: 'No registered AI system is asked for evidence of this outcome.' };
  }
  const gaps = describeGaps(c);
  const evidenceStatus: EvidenceStatus = c.answered === c.claims ? 'complete' : c.answered > 0 ? 'partial' : 'none';
  return { evidenceStatus, gaps: gaps ? `${gaps} of ${c.claims} claims.` : '' };
}
