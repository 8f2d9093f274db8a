import { CO_OBLIGATION_LABELS, type CoObligationId, type EuRequirementId, type IsoRequirementId, type NistSubcategoryId } from '../catalog/index.js';

// What artifact proves each requirement the classification can select, in plain words (at most 200
// characters). A requirement can only be selected if it has a summary here: the rule tables are typed
// against these keys, and the keys against the catalog ids.

export const ISO_EVIDENCE = {
  '4.1': 'Dated record of the legal, regulatory and business context that applies to this system.',
  '4.2': 'List of interested parties (customers, regulators, affected people) and their requirements for this system, dated.',
  '4.3': 'Approved AI management system scope that names this system, or records why it is excluded.',
  '6.1.3': 'Risk treatment plan and Statement of Applicability entries covering this system, approved by the risk owner.',
  '6.1.4': 'Dated AI system impact assessment of this system on individuals, groups and society, signed off by the owner.',
  '6.3': 'Change record: what changed, why, its effect on risks and impacts, and who approved it.',
  '8.2': 'Dated AI risk assessment of this system: risks, likelihood, consequence, rating and risk owner.',
  '8.3': 'Risk treatment record: chosen treatments, owners, due dates, and residual risk accepted by the approver.',
  '8.4': 'Impact assessment repeated for the changed system, dated and signed off.',
  '9.2.2': 'Internal audit programme entry and latest audit report that cover this system.',
  '10.2': 'Nonconformity record with root cause, corrective action, owner and due date.',
  'A.5.2': 'Completed impact assessment template or ticket showing the impact assessment process was followed for this system.',
  'A.5.4': 'Assessment of effects on individuals and groups (rights, fairness, safety, vulnerable people), dated.',
  'A.5.5': 'Assessment of effects on society (access to services, democracy, environment), dated.',
  'A.6.2.4': 'Verification and validation results against the system requirements, with acceptance criteria and sign-off.',
  'A.6.2.6': 'Operating and monitoring records (dashboards, alerts, logs) showing the system is watched, with a named responder.',
  'A.6.2.7': 'Current technical documentation of the system (design, data, models, limits), with version and date.',
  'A.7.3': 'Record of where personal data comes from and the basis for acquiring it (contract, consent or licence).',
  'A.7.5': 'Data provenance record: sources, lineage and versions of the data the system uses.',
  'A.8.2': 'Notices, labels or instructions that tell people about the AI system and its limits, as shown to them.',
  'A.8.4': 'Incident notice sent to affected users or parties, with date and recipients.',
  'A.8.5': 'Information pack shared with the interested party (e.g. customer assurance answers), with date and recipient.',
  'A.9.2': 'Responsible-use procedure for this system and proof users follow it (training record or checklist).',
  'A.9.4': 'Documented intended use and foreseeable misuse, with a check that actual use stays within it.',
  'A.10.2': 'Agreement allocating AI responsibilities between your organisation, the provider and customers.',
  'A.10.3': 'Supplier assessment and contract clauses for the AI system or data it supplies, with review date.',
  'A.10.4': 'Customer-facing commitments for the system (terms, documentation) and evidence they are met.',
} as const satisfies Partial<Record<IsoRequirementId, string>>;

export const NIST_EVIDENCE = {
  'GOVERN 1.1': 'Register of the legal and regulatory requirements that apply to this system, with owner and review date.',
  'GOVERN 1.4': 'Approved risk management policy and procedure this system follows, with version and date.',
  'GOVERN 1.6': 'Complete inventory entry for this system, reviewed by its owner.',
  'GOVERN 1.7': 'Decommissioning record: data, models and access removed safely, with approver and date.',
  'GOVERN 6.1': 'Third-party due-diligence record for the supplier, including intellectual property and rights checks.',
  'GOVERN 6.2': 'Contingency plan for failure of the third-party data or AI system, reviewed or tested, dated.',
  'MAP 1.1': 'Context statement: intended purpose, users, settings, applicable laws, expected impacts and assumptions.',
  'MAP 1.4': 'Business case or context of use re-evaluated for the changed system, dated.',
  'MAP 2.2': 'Documentation of the system\'s knowledge limits and of how people should use and oversee its output.',
  'MAP 3.4': 'Training and proficiency records for the people who operate or use the system.',
  'MAP 3.5': 'Defined human oversight process (who reviews, when, how to override) and proof it is followed.',
  'MAP 5.1': 'Impact register with the likelihood and magnitude of each identified impact, dated.',
  'MEASURE 1.3': 'Assessment report by someone independent of the developers (internal audit or external assessor).',
  'MEASURE 2.3': 'Performance test results under conditions like the deployment setting, with metrics and date.',
  'MEASURE 2.4': 'Production monitoring of the system\'s behaviour: metrics, alerts and who responds.',
  'MEASURE 2.10': 'Privacy risk assessment (e.g. a DPIA) for this system, dated.',
  'MEASURE 2.11': 'Fairness and bias evaluation results, with the groups tested and the date.',
  'MANAGE 1.1': 'Go/no-go decision: the system meets its purpose and may proceed, with approver and date.',
  'MANAGE 1.3': 'Response plan for high-priority risks (mitigate, transfer, avoid or accept), with owners.',
  'MANAGE 1.4': 'Statement of residual risks given to customers and end users, dated.',
  'MANAGE 2.4': 'Record of switching off or withdrawing the system, with who decided and when.',
  'MANAGE 3.1': 'Ongoing supplier risk monitoring: review notes, service reports or SLA results, dated.',
  'MANAGE 4.1': 'Post-deployment monitoring plan covering user feedback, appeal, override, incidents and change management.',
  'MANAGE 4.3': 'Incident log entry with the communication to affected parties and the follow-up actions.',
} as const satisfies Partial<Record<NistSubcategoryId, string>>;

const PROHIBITED_EVIDENCE = 'Decision record that the practice is stopped or withdrawn, or a legal opinion that an Art. 5 exception applies, approved and dated.';

export const EU_EVIDENCE = {
  'Art. 4': 'Records of the measures taken to support the AI literacy of staff who run or use the system (training, guidance), dated.',
  'Art. 5(1)(a)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(b)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(ba)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(bb)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(c)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(d)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(e)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(f)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(g)': PROHIBITED_EVIDENCE,
  'Art. 5(1)(h)': PROHIBITED_EVIDENCE,
  'Art. 6(4)': 'Documented assessment that the Annex III system is not high-risk under Art. 6(3), dated before it is placed on the market.',
  'Art. 9': 'Risk management system for this system across its life cycle: risk register, tests and residual-risk decisions.',
  'Art. 10': 'Data governance record: quality, relevance, representativeness and bias checks of training, validation and test data.',
  'Art. 11': 'Technical documentation as listed in Annex IV, current and versioned.',
  'Art. 12': 'Automatic event logging in place: the logging design and a retained sample of logs.',
  'Art. 13': 'Instructions for use given to deployers: capabilities, limits, accuracy and human oversight measures.',
  'Art. 14': 'Human oversight measures built in and documented: who can monitor, intervene, stop or override.',
  'Art. 15': 'Accuracy, robustness and cybersecurity test results, with the declared accuracy metrics.',
  'Art. 17': 'Quality management system procedures that cover this system, with version and date.',
  'Art. 23': 'Importer checks before placing on the market: conformity assessment, documentation, CE marking and provider details.',
  'Art. 24': 'Distributor checks before making available: CE marking, EU declaration of conformity and instructions for use.',
  'Art. 26': 'Deployer measures: use per instructions, named human overseers, input data checks, monitoring and kept logs.',
  'Art. 27': 'Fundamental rights impact assessment before first use, and its notification to the market surveillance authority.',
  'Art. 49(1)': 'EU database registration entry for the high-risk system, made before it is placed on the market or put into service.',
  'Art. 49(2)': 'EU database registration entry for the system assessed as not high-risk.',
  'Art. 49(3)': 'EU database registration of this public deployer\'s use of the high-risk system, made before first use.',
  'Art. 49(5)': 'National registration entry for the critical-infrastructure (Annex III point 2) high-risk system.',
  'Art. 52': 'Notification to the Commission that the model meets the systemic-risk condition, sent within two weeks, with its date.',
  'Art. 53(1)(a)': 'Technical documentation of the model (at least Annex XI), current and versioned, ready for the AI Office.',
  'Art. 53(1)(b)': 'Information and documentation given to downstream providers (at least Annex XII), with version and date.',
  'Art. 53(1)(c)': 'Copyright policy for the model, including how reservations of rights are identified and respected.',
  'Art. 53(1)(d)': 'Published summary of the content used to train the model, on the AI Office template, with its date.',
  'Art. 55(1)(a)': 'Model evaluation results with standardised protocols, including documented adversarial testing.',
  'Art. 55(1)(b)': 'Assessment and mitigation record of systemic risks at Union level, dated.',
  'Art. 55(1)(c)': 'Serious-incident log for the model and reports sent to the AI Office, with corrective measures.',
  'Art. 55(1)(d)': 'Cybersecurity measures protecting the model and its physical infrastructure, with the latest review.',
  'Art. 72': 'Post-market monitoring plan and system for the high-risk system, part of the technical documentation, dated.',
  'Art. 50(1)': 'Screenshot or test showing people are told they interact with an AI system, clearly and at first contact (Art. 50(5)).',
  'Art. 50(2)': 'Machine-readable marking of generated output (watermark or metadata), with a detection test.',
  'Art. 50(3)': 'Notice given to people exposed to emotion recognition or biometric categorisation, at first exposure (Art. 50(5)).',
  'Art. 50(4)': 'Disclosure, as published, that deep fake content or public-interest text is AI-generated or manipulated.',
  'Art. 73': 'Serious incident report to the market surveillance authority within the deadline, with follow-up.',
} as const satisfies Partial<Record<EuRequirementId, string>>;

export type IsoClaimId = keyof typeof ISO_EVIDENCE;
export type NistClaimId = keyof typeof NIST_EVIDENCE;
export type EuClaimId = keyof typeof EU_EVIDENCE;
export type CoClaimId = CoObligationId;

export type ClaimRef =
  | { source: 'iso-42001'; id: IsoClaimId }
  | { source: 'nist-ai-rmf'; id: NistClaimId }
  | { source: 'eu-ai-act'; id: EuClaimId }
  | { source: 'co-sb26-189'; id: CoClaimId };

export function evidenceSummary(claim: ClaimRef): string {
  switch (claim.source) {
    case 'iso-42001': return ISO_EVIDENCE[claim.id];
    case 'nist-ai-rmf': return NIST_EVIDENCE[claim.id];
    case 'eu-ai-act': return EU_EVIDENCE[claim.id];
    case 'co-sb26-189': return CO_OBLIGATION_LABELS[claim.id].evidence;
  }
}
