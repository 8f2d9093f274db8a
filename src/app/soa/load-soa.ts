import type { DbOrTx } from '../../db/client.js';
import { ISO_ANNEX_A_CONTROLS } from '../../domain/catalog/index.js';
import { emptyTally } from '../../domain/claim-progress.js';
import {
  decideRuleStatements, decideSoaLine, diffSoaContent, documentContent, findOpenDecisions,
  type ControlCoverage, type OpenDecision, type SoaLine,
} from '../../domain/statement-of-applicability.js';
import { countSystems, loadRequirementCoverage, loadSelectingRules, type RequirementCoverageRow } from '../../db/repos/requirement-coverage.js';
import { countSuppliersSinceClassification, loadControlDecisions, loadControlOutcomes, loadCurrentScope, loadLatestVersion, type ApprovedVersion, type RecordedScope } from '../../db/repos/soa-records.js';

export interface SoaState {
  totalSystems: number;
  /** One per Annex A control, in catalog order. */
  lines: SoaLine[];
  coverage: Map<string, RequirementCoverageRow>;
  scope: RecordedScope | null;
  latest: ApprovedVersion | null;
  openDecisions: OpenDecision[];
  /** Since the latest approved version; null when none was approved yet. */
  changes: string[] | null;
}

/** The current Statement of Applicability: the rules' statements, the organisation's decisions over them, scope and versions. */
export async function loadSoaState(db: DbOrTx, args: { asOf: Date; sampleSize: number }): Promise<SoaState> {
  const totalSystems = await countSystems(db);
  const coverage = new Map((await loadRequirementCoverage(db, { source: 'iso-42001', idPrefix: 'A.', asOf: args.asOf, sampleSize: args.sampleSize })).map((c) => [c.requirementId, c]));
  const rules = await loadSelectingRules(db, { source: 'iso-42001', idPrefix: 'A.' });
  return assemble(db, totalSystems, coverage, ISO_ANNEX_A_CONTROLS.map((control): ControlCoverage => {
    const c = coverage.get(control.id);
    return {
      ...(c ?? emptyTally()), controlId: control.id, systems: c?.systems ?? 0,
      rules: rules.filter((r) => r.requirementId === control.id).map((r) => ({ rule: r.rule, systems: r.systems })),
    };
  }));
}

/**
 * The same document with applicability outcomes only (no claim tallies): what the
 * Home tab shows, from one pass over the claims, so the tab stays quick over a large portfolio.
 */
export async function loadSoaOutcomes(db: DbOrTx): Promise<SoaState> {
  const totalSystems = await countSystems(db);
  const outcomes = new Map((await loadControlOutcomes(db)).map((o) => [o.requirementId, o]));
  return assemble(db, totalSystems, new Map(), ISO_ANNEX_A_CONTROLS.map((control): ControlCoverage => {
    const o = outcomes.get(control.id);
    return { ...emptyTally(), controlId: control.id, systems: o?.systems ?? 0, rules: o?.rules ?? [] };
  }));
}

async function assemble(db: DbOrTx, totalSystems: number, coverage: Map<string, RequirementCoverageRow>, tallies: ControlCoverage[]): Promise<SoaState> {
  const decisions = await loadControlDecisions(db, 'iso-42001');
  const scope = await loadCurrentScope(db);
  const latest = await loadLatestVersion(db);
  const statements = decideRuleStatements(tallies, totalSystems, { suppliersSinceClassification: await countSuppliersSinceClassification(db) });
  const lines = ISO_ANNEX_A_CONTROLS.map((control) => decideSoaLine(control.id, statements.get(control.id)!, decisions.get(control.id)));
  const changes = latest && scope ? diffSoaContent(latest.content, documentContent(lines, scope)) : latest ? ['Scope: no longer recorded.'] : null;
  return { totalSystems, lines, coverage, scope, latest, openDecisions: findOpenDecisions(lines, scope), changes };
}

/** What the governance view of the Home tab says about the document. */
export interface SoaSummary {
  status: 'approved' | 'draft';
  latest: { number: number; approvedBy: string; approvedAt: Date } | null;
  changes: number;
  openDecisions: OpenDecision[];
  scopeRecorded: boolean;
  applicable: number;
  excluded: number;
  decided: number;
}

export async function loadSoaSummary(db: DbOrTx): Promise<SoaSummary> {
  const s = await loadSoaOutcomes(db);
  const changes = s.changes?.length ?? 0;
  return {
    status: s.latest && !changes ? 'approved' : 'draft',
    latest: s.latest ? { number: s.latest.number, approvedBy: s.latest.approvedBy, approvedAt: s.latest.approvedAt } : null,
    changes, openDecisions: s.openDecisions, scopeRecorded: s.scope !== null,
    applicable: s.lines.filter((l) => l.applicable === 'yes').length,
    excluded: s.lines.filter((l) => l.applicable === 'no').length,
    decided: s.lines.filter((l) => l.basis === 'organisation').length,
  };
}
