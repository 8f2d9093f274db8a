import { ISO_EVIDENCE } from './classification/evidence-summaries.js';
import { describeGaps, type ClaimTally } from './claim-progress.js';

export type ImplementationStatus = 'implemented' | 'partially implemented' | 'not implemented' | 'not applicable' | 'not evidenced per system';

/** How one Annex A control is claimed across the inventory: the tally of its claims and the rules that asked for it. */
export interface ControlCoverage extends ClaimTally {
  controlId: string;
  systems: number;
  /** Rule name (e.g. "Supplier rule") and how many systems it selected the control for, when counted. */
  rules: { rule: string; systems?: number }[];
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
  const rules = c.rules.map((r) => (r.systems === undefined ? r.rule : `${r.rule} (${plural(r.systems, 'system')})`)).join('; ');
  const gaps = describeGaps(c);
  return {
    applicable: 'yes',
    status: c.answered === c.claims ? 'implemented' : c.answered > 0 ? 'partially implemented' : 'not implemented',
    justification: `Selected for ${plural(c.systems, 'AI system')} of ${totalSystems} by ${rules}.${gaps ? ` Evidence missing: ${gaps}.` : ''}`,
  };
}

// The A.10 controls that allocate responsibilities between the organisation and the parties around an AI system.
const RESPONSIBILITIES = 'A.10.2';
const SUPPLIERS = 'A.10.3';
const CUSTOMERS = 'A.10.4';

/**
 * The rules' statement for every control at once. One control depends on others: A.10.2 (allocating
 * responsibilities) applies whenever the organisation has suppliers (A.10.3) or customers (A.10.4) of its
 * AI systems, since the responsibilities between them must then be allocated, even when no rule asks
 * a system's owner for it directly.
 */
export function decideRuleStatements(coverages: readonly ControlCoverage[], totalSystems: number, facts: SoaFacts = { suppliersSinceClassification: 0 }): Map<string, ControlStatement> {
  const byId = new Map(coverages.map((c) => [c.controlId, c]));
  const out = new Map(coverages.map((c) => [c.controlId, decideControlStatement(c, totalSystems)]));
  const suppliers = byId.get(SUPPLIERS);
  const late = facts.suppliersSinceClassification;
  if (suppliers && late > 0) out.set(SUPPLIERS, withLateSuppliers(out.get(SUPPLIERS)!, suppliers.systems, late));
  const responsibilities = byId.get(RESPONSIBILITIES);
  if (responsibilities) out.set(RESPONSIBILITIES, decideResponsibilities(responsibilities, (suppliers?.systems ?? 0) + late, byId.get(CUSTOMERS)?.systems ?? 0, totalSystems));
  return out;
}

/** What the inventory records beyond the claims: facts changed since a system was classified. */
export interface SoaFacts {
  /** Systems with a supplier on record but no A.10.3 claim: a supplier change (a material change) came after their classification. */
  suppliersSinceClassification: number;
}

// A supplier recorded by a material change selects A.10.3 as the Supplier rule would at the next classification:
// the document says so now, so an exclusion of A.10.3 is flagged at once rather than after a re-classification.
function withLateSuppliers(s: ControlStatement, claimed: number, late: number): ControlStatement {
  const why = `${plural(late, 'AI system')} ${late === 1 ? 'has' : 'have'} a supplier recorded since ${late === 1 ? 'its' : 'their'} classification (Supplier rule); evidence is requested when ${late === 1 ? 'it is' : 'they are'} classified again.`;
  if (claimed > 0) return { ...s, justification: `${s.justification} ${why}` };
  return { applicable: 'yes', status: 'not implemented', justification: why };
}

function decideResponsibilities(c: ControlCoverage, suppliers: number, customers: number, totalSystems: number): ControlStatement {
  const parties = [
    ...(suppliers ? [`suppliers (A.10.3, ${plural(suppliers, 'AI system')})`] : []),
    ...(customers ? [`customers (A.10.4, ${plural(customers, 'AI system')})`] : []),
  ];
  const own = decideControlStatement(c, totalSystems);
  if (!parties.length) {
    if (c.systems > 0) return own;
    return {
      applicable: 'no', status: 'not applicable',
      justification: totalSystems === 0 ? own.justification : `No registered AI system has a supplier (A.10.3) or customers (A.10.4), so there are no responsibilities to allocate between the organisation and third parties; re-assessed whenever a system is registered or changes.`,
    };
  }
  const because = `Responsibilities between the organisation and its ${parties.join(' and ')} are allocated.`;
  if (c.systems > 0) return { ...own, justification: `${because} ${own.justification}` };
  return { applicable: 'yes', status: 'not evidenced per system', justification: `${because} Not requested per AI system: the allocation is kept in the supplier and customer agreements.` };
}

export type RuleOutcome = 'applicable' | 'not_applicable';
export const ruleOutcomeOf = (s: Pick<ControlStatement, 'applicable'>): RuleOutcome => (s.applicable === 'yes' ? 'applicable' : 'not_applicable');

/** The organisation's standing word on a control (soa_controls), if any. */
export interface ControlDecision {
  ownerId: string | null;
  decision: 'applicable' | 'excluded' | null;
  justification: string | null;
  /** The rule's outcome when the decision was taken. */
  ruleOutcome: RuleOutcome | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface SoaLine extends ControlStatement {
  controlId: string;
  ownerId: string | null;
  /** `rule`: the rule's outcome stands; `organisation`: a recorded decision sets applicability and justification. */
  basis: 'rule' | 'organisation';
  /** What the rules alone say, kept beside the organisation's decision. */
  rule: ControlStatement;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** Why a standing decision must be looked at again, or null. */
  review: string | null;
}

/**
 * The line the document shows: the rule's statement, unless the organisation decided otherwise. A decision
 * is never changed by the rules; when they now contradict an exclusion (the rule applied nothing when the
 * control was excluded, and now selects it, say a supplier appeared), the exclusion stands and is flagged.
 */
export function decideSoaLine(controlId: string, rule: ControlStatement, d: ControlDecision | undefined): SoaLine {
  const base = { controlId, ownerId: d?.ownerId ?? null, rule, decidedBy: d?.decidedBy ?? null, decidedAt: d?.decidedAt ?? null, review: null };
  if (!d?.decision || !d.justification) return { ...rule, ...base, basis: 'rule' };
  const now = ruleOutcomeOf(rule);
  const review = d.decision === 'excluded' && now === 'applicable' && d.ruleOutcome === 'not_applicable'
    ? `Excluded when no rule selected it; the rules now select it (${rule.justification.replace(/\.$/, '')}). Confirm the exclusion or make it applicable.`
    : null;
  return {
    ...base, basis: 'organisation', review,
    applicable: d.decision === 'applicable' ? 'yes' : 'no',
    justification: d.justification,
    status: d.decision === 'excluded' ? 'not applicable' : rule.applicable === 'yes' ? rule.status : 'not evidenced per system',
  };
}

export interface AimsScope {
  statement: string;
  /** null: every registered AI system. */
  systemIds: string[] | null;
  units: string[];
}

export interface OpenDecision {
  controlId: string | null;
  what: string;
}

/**
 * What must be decided before the document can be approved: the AIMS scope, an owner for every applicable
 * control, and a fresh look at every exclusion the rules now contradict.
 */
export function findOpenDecisions(lines: readonly SoaLine[], scope: AimsScope | null): OpenDecision[] {
  const open: OpenDecision[] = [];
  if (!scope) open.push({ controlId: null, what: 'The AIMS scope is not recorded.' });
  for (const l of lines) {
    if (l.review) open.push({ controlId: l.controlId, what: `${l.controlId}: the exclusion needs review. ${l.review}` });
    if (l.applicable === 'yes' && !l.ownerId) open.push({ controlId: l.controlId, what: `${l.controlId}: applicable and has no owner.` });
  }
  return open;
}

/** What an approved version fixes: applicability, its basis and justification, owner, and the scope. Status and evidence stay live figures. */
export interface SoaDocumentContent {
  scope: AimsScope;
  controls: { controlId: string; applicable: 'yes' | 'no'; basis: 'rule' | 'organisation'; justification: string; ownerId: string | null }[];
}

export function documentContent(lines: readonly SoaLine[], scope: AimsScope): SoaDocumentContent {
  return {
    scope,
    controls: lines.map((l) => ({ controlId: l.controlId, applicable: l.applicable, basis: l.basis, justification: l.basis === 'organisation' ? l.justification : '', ownerId: l.ownerId })),
  };
}

const who = (id: string | null) => id ?? 'nobody';

/**
 * What changed between an approved version and the current document, one line each, empty when nothing
 * did. The rules' wording is not compared (it counts systems), only what the organisation answers for.
 */
export function diffSoaContent(before: SoaDocumentContent, after: SoaDocumentContent): string[] {
  const changes: string[] = [];
  const sameList = (a: string[] | null, b: string[] | null) => JSON.stringify(a ? [...a].sort() : null) === JSON.stringify(b ? [...b].sort() : null);
  if (before.scope.statement !== after.scope.statement) changes.push('Scope: the statement changed.');
  if (!sameList(before.scope.systemIds, after.scope.systemIds)) changes.push(`Scope: systems in scope changed (${after.scope.systemIds ? `${after.scope.systemIds.length} named` : 'every registered AI system'}).`);
  if (!sameList(before.scope.units, after.scope.units)) changes.push(`Scope: organisational units now ${after.scope.units.join(', ') || 'none named'}.`);
  const old = new Map(before.controls.map((c) => [c.controlId, c]));
  for (const c of after.controls) {
    const b = old.get(c.controlId);
    if (!b) { changes.push(`${c.controlId}: new in the catalog.`); continue; }
    if (b.applicable !== c.applicable) changes.push(`${c.controlId}: applicable ${b.applicable} → ${c.applicable} (${c.basis === 'organisation' ? 'decided by the organisation' : 'by the rules'}).`);
    else if (b.basis !== c.basis) changes.push(`${c.controlId}: ${c.basis === 'organisation' ? 'now decided by the organisation' : 'back to the rules\' outcome'}.`);
    else if (b.justification !== c.justification) changes.push(`${c.controlId}: the organisation's justification changed.`);
    if (b.ownerId !== c.ownerId) changes.push(`${c.controlId}: owner ${who(b.ownerId)} → ${who(c.ownerId)}.`);
  }
  return changes;
}
