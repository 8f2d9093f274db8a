import type { CatalogSource } from './types.js';
import type { CoObligationId } from './generated/colorado-sb26-189.js';

// Short titles and plain-words evidence summaries for Colorado SB 26-189 duties, written for aigov. They
// name what artifact proves a duty; the duty itself, its section, deadline and retention period come from
// generated/colorado-sb26-189.ts.
export const SOURCE = {
  name: 'aigov editorial labels for Colorado SB 26-189',
  source: 'Plain-words titles and evidence descriptions written for aigov from the obligations recorded in the project reference colorado-sb26-189.json',
  sourceDetails: [{ use: 'titles and evidence summaries of the developer, deployer and sector duties' }],
  licenceNote: 'Editorial summaries, not legal text.',
  notes: ['Titles stay within 75 characters; evidence summaries within 200.'],
} as const satisfies CatalogSource;

export const CO_OBLIGATION_LABELS: Readonly<Record<CoObligationId, { title: string; evidence: string }>> = {
  'co-ob-dev-documentation': {
    title: 'Documentation for deployers: uses, training data, limits, human review',
    evidence: 'Documentation given to each deployer: intended and harmful uses, training-data categories, known limitations and human-review instructions, dated.',
  },
  'co-ob-dev-update-notices': {
    title: 'Notice to deployers of material updates and modifications',
    evidence: 'Direct notices sent to each deployer about material updates, modifications and changed limitations, with dates and recipients.',
  },
  'co-ob-dev-records': {
    title: 'Developer records demonstrating compliance',
    evidence: 'Retained records of versions, changelogs and notices given to deployers, with the retention period applied.',
  },
  'co-ob-dep-records': {
    title: 'Deployer records demonstrating compliance',
    evidence: 'Retained records of versions, changelogs and mitigation changes for each decision, with the retention period applied.',
  },
  'co-ob-dep-pre-use-notice': {
    title: 'Notice to consumers before the technology is used',
    evidence: 'The notice consumers see before a decision, as shown to them, with how to get more information.',
  },
  'co-ob-dep-adverse-outcome-disclosure': {
    title: 'Explanation to consumers after an adverse outcome',
    evidence: 'Procedure and template for explaining an adverse outcome and the technology\'s role, with a dated example (a process, not a case log).',
  },
  'co-ob-dep-withholding-notice': {
    title: 'Notice to consumers when information is withheld',
    evidence: 'Procedure and template telling a consumer that information was withheld as a trade secret or protected information.',
  },
  'co-ob-accessible-notices': {
    title: 'Notices accessible to disability and limited-English consumers',
    evidence: 'Accessibility review of the notices (disability access and languages offered), dated.',
  },
  'co-ob-dep-data-access-correction': {
    title: 'Consumer access to and correction of personal data used',
    evidence: 'Procedure for a consumer to obtain and correct the personal data used after an adverse outcome, with a tested request.',
  },
  'co-ob-dep-human-review': {
    title: 'Meaningful human review and reconsideration on request',
    evidence: 'Human review procedure: who reviews, their authority and training, and a record of a review performed.',
  },
  'co-ob-no-indemnity': {
    title: 'No contract term indemnifying own discriminatory use',
    evidence: 'Contract review showing no clause indemnifies a party for its own unlawful discriminatory use of the technology.',
  },
  'co-ob-insurer-disclosures': {
    title: 'Insurer disclosures after an adverse outcome',
    evidence: 'Insurer\'s adverse-outcome disclosure procedure where it is not deemed compliant through insurance law, dated.',
  },
  'co-ob-hipaa-patient-notice': {
    title: 'General notice to patients of advanced technologies',
    evidence: 'The general patient notice of the use of advanced technologies, as published, dated.',
  },
  'co-ob-financial-assistance-disclosure': {
    title: 'Disclosures in patient financial-assistance decisions',
    evidence: 'Disclosure, correction and review procedure for financial-assistance or discounted-care eligibility decisions.',
  },
};
