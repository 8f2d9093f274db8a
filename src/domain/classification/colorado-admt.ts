import {
  CO_COVERED_DOMAINS, CO_DEFINITIONS, CO_ENFORCEMENT, CO_OBLIGATIONS, CO_STATUS, lawDayPhrase, legalDate,
  type CoObligationId, type LegalDateId,
} from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { ConsequentialDecision, OperatorRole } from '../vocabulary.js';
import type { StatutoryDate } from './types.js';
import { CO_EXEMPTION_EFFECTS, coExemption } from './colorado-exemptions.js';
import { joinAnd } from './wording.js';

export type ColoradoRole = 'developer' | 'deployer';

export interface ColoradoDecision {
  /** The Act binds this operator for this system (covered ADMT, Colorado consumers, a developer or deployer role). */
  binds: boolean;
  roles: ColoradoRole[];
  obligations: CoObligationId[];
  /** One sentence, citing the sections it rests on; empty when nothing about the system points to Colorado. */
  reason: string;
  statutoryDates: StatutoryDate[];
}

const definition = (id: (typeof CO_DEFINITIONS)[number]['id']) => {
  const found = CO_DEFINITIONS.find((d) => d.id === id);
  if (!found) throw new Error(`definition ${id} is not in the catalog`);
  return found;
};
/**
 * The part of a ref the law itself confirms: a subsection number the reference took from a secondary source
 * ("… per CO-CONTROLS-B", "not seen in the session law") is dropped, leaving the section.
 */
const section = (ref: string) => (/not seen| per /.test(ref) ? /^§ [\d-]+/.exec(ref)![0] : ref);

const ROLES_OF: Record<OperatorRole, ColoradoRole[]> = {
  provider: ['developer'],
  deployer: ['deployer'],
  provider_and_deployer: ['developer', 'deployer'],
  importer: [],
  distributor: [],
};

/** Sector duties fall only on the sector named (insurers, HIPAA covered entities): never inferred from the facts. */
const GENERAL_OBLIGATIONS = CO_OBLIGATIONS.filter((o) => !o.appliesTo);

const PERSONAL = new Set(['personal', 'sensitive', 'biometric', 'children']);
const EFFECTIVE = CO_STATUS.effectiveDateId as LegalDateId;
const CURE_REPEAL = CO_ENFORCEMENT.cureRepealDateId as LegalDateId;

function domainOf(decision: ConsequentialDecision) {
  return CO_COVERED_DOMAINS.find((d) => d.key === decision);
}

function notCovered(why: string): ColoradoDecision {
  return { binds: false, roles: [], obligations: [], reason: `Colorado SB 26-189 does not bind this system: ${why}.`, statutoryDates: [] };
}

/**
 * Colorado SB 26-189 (automated decision-making technology): covered where the system processes personal
 * data and materially influences a consequential decision in a covered domain about Colorado consumers;
 * the developer and deployer duties follow the operator's role. Sector exemptions are never inferred here:
 * they are claimed by the owner and approved (`approvedExemptions`).
 */
export function decideColoradoAdmt(facts: SystemFacts): ColoradoDecision {
  const coloradoConsumers = facts.usStates.includes('CO');
  const decision = facts.consequentialDecision;
  if (!coloradoConsumers && decision === 'none') return { binds: false, roles: [], obligations: [], reason: '', statutoryDates: [] };
  const consumer = section(definition('co-def-consumer').ref);
  if (!coloradoConsumers) return notCovered(`it names no Colorado consumers (us_states has no CO; consumers are Colorado residents, ${consumer})`);
  const domains = section(definition('co-def-covered-domain').ref);
  if (decision === 'none') return notCovered(`it materially influences no consequential decision in a covered domain (${domains})`);
  const domain = domainOf(decision);
  if (!domain) {
    return notCovered(decision === 'legal'
      ? `legal services were a consequential-decision domain under SB 24-205 and are not one of the covered domains of SB 26-189 (${domains})`
      : `${decision} decisions are not in a covered domain (${domains})`);
  }
  const admt = section(definition('co-def-admt').ref);
  if (!facts.dataCategories.some((c) => PERSONAL.has(c))) {
    return notCovered(`automated decision-making technology processes personal data (${admt}) and this system processes none`);
  }
  const roles = ROLES_OF[facts.operatorRole];
  if (roles.length === 0) {
    return notCovered(`its duties fall on developers (${section(definition('co-def-developer').ref)}) and deployers (${section(definition('co-def-deployer').ref)}); ${facts.operatorRole === 'importer' ? 'an importer' : 'a distributor'} is neither`);
  }
  let obligations = GENERAL_OBLIGATIONS.filter((o) => o.addressees.some((a) => roles.includes(a))).map((o) => o.id as CoObligationId);
  const exempt = applyExemptions(facts, obligations);
  if (exempt.outside) return notCovered(exempt.notes.join('; '));
  obligations = exempt.obligations;
  const covered = section(definition('co-def-covered-admt').ref);
  const refs = [...new Set(CO_OBLIGATIONS.filter((o) => obligations.includes(o.id as CoObligationId)).map((o) => o.ref))];
  const materially = section(definition('co-def-materially-influence').ref);
  const reason = `Colorado SB 26-189 binds this ${joinAnd(roles)}: the system processes personal data and materially influences decisions on ${domain.text} (a covered domain, ${domains}) about Colorado consumers, so it is covered ADMT (${covered}); `
    + `its duties (${joinAnd(refs)}) apply to decisions made from ${lawDayPhrase(EFFECTIVE)}. `
    + `What "materially influence" means (${materially}) and how adverse-outcome explanations are given are left to the Attorney General's rules, which are proposed but not confirmed as adopted.`
    + (exempt.notes.length ? ` Approved exemptions: ${exempt.notes.join('; ')}.` : '');
  return { binds: true, roles, obligations, reason, statutoryDates: coloradoDates(roles) };
}

function coloradoDates(roles: readonly ColoradoRole[]): StatutoryDate[] {
  const effective = legalDate(EFFECTIVE);
  // The reference quotes the session law's words after the sections; the sections are the citation.
  const effectiveRef = effective.ref.replace(/ \('.*'\)/, '');
  const cure = legalDate(CURE_REPEAL);
  return [
    {
      dateId: EFFECTIVE, date: effective.date, source: 'co-sb26-189', ref: effectiveRef,
      reason: `Colorado SB 26-189 ${joinAnd(roles)} duties apply from ${lawDayPhrase(EFFECTIVE)} (${effectiveRef}); a date set by law, not a review cycle.`,
    },
    {
      dateId: CURE_REPEAL, date: cure.date, source: 'co-sb26-189', ref: cure.ref,
      reason: `Enforcement is by the Attorney General only (${CO_ENFORCEMENT.authorityRef}), after a ${CO_ENFORCEMENT.cureDays}-day notice to cure (${CO_ENFORCEMENT.cureRef}) that is repealed from ${lawDayPhrase(CURE_REPEAL)}; `
        + `enforcement is stayed by the order in ${CO_ENFORCEMENT.stayCase} until rulemaking is complete and the court rules.`,
    },
  ];
}

/**
 * The owner's approved exemption claims, each with what it does: takes the system outside the duties, or
 * says which duties are met through another regime's process, or is recorded without effect.
 */
function applyExemptions(facts: SystemFacts, obligations: CoObligationId[]): { outside: boolean; obligations: CoObligationId[]; notes: string[] } {
  let outside = false;
  const added: CoObligationId[] = [];
  const notes: string[] = [];
  for (const id of facts.coExemptions) {
    const x = coExemption(id);
    const effect = CO_EXEMPTION_EFFECTS[id] ?? { kind: 'recorded', why: 'its effect is not modelled' };
    const named = `${x.name} (${x.ref}), claimed by the owner and approved`;
    if (effect.kind === 'outside') {
      if (effect.unless && facts.consequentialDecision === effect.unless) {
        notes.push(`${named}, does not reach ${effect.unless} decisions, which stay covered`);
        continue;
      }
      outside = true;
      added.push(...(effect.adds ?? []));
      notes.push(`${named}, takes it outside the Act's duties${effect.adds?.length ? ' but for its own sector duty' : ''}`);
    } else if (effect.kind === 'met_through') {
      notes.push(`${named}: ${joinAnd(effect.obligations.map((o) => CO_OBLIGATIONS.find((c) => c.id === o)!.ref))} met through ${effect.through}`);
    } else {
      notes.push(`${named}, recorded: ${effect.why}`);
    }
  }
  // A sector duty that an exemption brings stays even where the exemption takes the system outside the rest.
  if (outside && added.length) return { outside: false, obligations: added, notes };
  return { outside, obligations: [...obligations, ...added.filter((o) => !obligations.includes(o))], notes };
}
