import type { AnnexIIIPoint, Art63Condition, ProhibitedPractice, TransparencyDuty } from '../vocabulary.js';
import type { CatalogSource, EuArticle } from './types.js';

// Slack option text is limited to 75 characters, and the legal text of a point runs to several hundred, so
// the intake form needs plain-words labels. They are written for aigov and are not legal text; the
// verbatim text stays in generated/eu-ai-act.ts for the dossier. Annex III labels do not repeat their
// area: show them under the area title (ANNEX_III_BY_AREA, e.g. as Slack option groups).
export const SOURCE = {
  name: 'aigov editorial labels for Regulation (EU) 2024/1689 as amended',
  source: 'Plain-words labels written for aigov from the verbatim text of Regulation (EU) 2024/1689 (Art. 5, 6, 50, Annex III) and article titles of the Official Journal text',
  sourceDetails: [{ page: 'http://data.europa.eu/eli/reg/2024/1689/oj', use: 'article titles of Art. 4, 47 and 48; paragraphs Art. 6(4) and Art. 49(2)' }],
  licenceNote: 'Editorial summaries, not legal text; only the OJ-published text is authentic. EU legislative text is reusable with attribution (Commission Decision 2011/833/EU).',
  notes: ['Labels stay at or under 75 characters including the point key, the Slack limit for option text.'],
} as const satisfies CatalogSource;

/** Area names for option groups; the reference's short title of area 5 is longer than Slack allows. */
export const ANNEX_III_AREA_LABELS: Readonly<Record<number, string>> = {
  1: 'Biometrics',
  2: 'Critical infrastructure',
  3: 'Education and vocational training',
  4: 'Employment, workers’ management and access to self-employment',
  5: 'Access to essential private and public services and benefits',
  6: 'Law enforcement',
  7: 'Migration, asylum and border control management',
  8: 'Administration of justice and democratic processes',
};

export const ANNEX_III_SHORT_LABELS: Readonly<Record<AnnexIIIPoint, string>> = {
  '1(a)': 'Remote biometric identification',
  '1(b)': 'Biometric categorisation by sensitive or protected attributes',
  '1(c)': 'Emotion recognition',
  '2': 'Safety component of critical infrastructure (digital, road, utilities)',
  '3(a)': 'Access, admission or assignment to education or training',
  '3(b)': 'Evaluating learning outcomes',
  '3(c)': 'Deciding the level of education a person will receive',
  '3(d)': 'Monitoring students for prohibited behaviour during tests',
  '4(a)': 'Recruitment or selection of candidates',
  '4(b)': 'Decisions on work terms, promotion, termination, tasks or performance',
  '5(a)': 'Eligibility for public assistance benefits and services',
  '5(b)': 'Creditworthiness or credit score (not fraud detection)',
  '5(c)': 'Risk assessment and pricing for life or health insurance',
  '5(d)': 'Triage of emergency calls and dispatch of first responders',
  '6(a)': 'Risk of a person becoming the victim of a crime',
  '6(b)': 'Polygraphs or similar tools',
  '6(c)': 'Evaluating the reliability of evidence',
  '6(d)': 'Risk of a person offending or re-offending',
  '6(e)': 'Profiling in the detection, investigation or prosecution of crime',
  '7(a)': 'Polygraphs or similar tools',
  '7(b)': 'Security, irregular-migration or health risk posed by a person',
  '7(c)': 'Examining asylum, visa or residence permit applications',
  '7(d)': 'Detecting, recognising or identifying persons',
  '8(a)': 'Assisting judicial authorities or alternative dispute resolution',
  '8(b)': 'Influencing elections, referenda or voting behaviour',
};

export const PROHIBITED_PRACTICE_SHORT_LABELS: Readonly<Record<ProhibitedPractice, string>> = {
  '5(1)(a)': 'Manipulative or deceptive techniques causing significant harm',
  '5(1)(b)': 'Exploiting vulnerabilities of age, disability or situation',
  '5(1)(ba)': 'Intimate or sexual imagery of a real person without consent',
  '5(1)(bb)': 'Generating or manipulating child sexual abuse material',
  '5(1)(c)': 'Social scoring leading to unfavourable treatment',
  '5(1)(d)': 'Predicting crime solely from profiling or personality traits',
  '5(1)(e)': 'Untargeted scraping of facial images for recognition databases',
  '5(1)(f)': 'Emotion recognition at work or in education (not medical/safety)',
  '5(1)(g)': 'Biometric categorisation inferring race, beliefs or orientation',
  '5(1)(h)': 'Real-time remote biometric identification in public for police',
};

export const ART6_3_SHORT_LABELS: Readonly<Record<Art63Condition, string>> = {
  a: 'Performs a narrow procedural task',
  b: 'Improves the result of a completed human activity',
  c: 'Detects decision patterns without replacing human assessment',
  d: 'Preparatory task to an assessment for an Annex III use',
};

/** Which Art. 50 paragraph each transparency situation of the contract falls under, and who it binds. */
export const TRANSPARENCY_DUTY_ARTICLES: Readonly<Record<TransparencyDuty, {
  readonly ref: 'Art. 50(1)' | 'Art. 50(2)' | 'Art. 50(3)' | 'Art. 50(4)';
  readonly addressee: 'provider' | 'deployer';
  readonly label: string;
}>> = {
  interacts_with_people: { ref: 'Art. 50(1)', addressee: 'provider', label: 'Interacts directly with people' },
  synthetic_content: { ref: 'Art. 50(2)', addressee: 'provider', label: 'Generates synthetic audio, image, video or text' },
  emotion_recognition: { ref: 'Art. 50(3)', addressee: 'deployer', label: 'Recognises emotions' },
  biometric_categorisation: { ref: 'Art. 50(3)', addressee: 'deployer', label: 'Categorises people by biometric data' },
  deep_fake: { ref: 'Art. 50(4)', addressee: 'deployer', label: 'Generates or manipulates deep fakes' },
  public_interest_text: { ref: 'Art. 50(4)', addressee: 'deployer', label: 'Generates text published on matters of public interest' },
};

/**
 * Articles the classification cites whose titles the reference does not state. Art. 4, 47 and 48 carry
 * their OJ titles; the two paragraphs carry a plain-words title.
 */
export const SUPPLEMENTARY_ARTICLES = [
  { ref: 'Art. 4', title: 'AI literacy', from: 'OJ article title' },
  { ref: 'Art. 6(4)', title: 'Documented assessment that an Annex III system is not high-risk', from: 'editorial title of the paragraph' },
  { ref: 'Art. 47', title: 'EU declaration of conformity', from: 'OJ article title' },
  { ref: 'Art. 48', title: 'CE marking', from: 'OJ article title' },
  { ref: 'Art. 49(2)', title: 'Registration of an Annex III system assessed as not high-risk', from: 'editorial title of the paragraph' },
] as const satisfies readonly EuArticle[];
