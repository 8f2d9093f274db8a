import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AMENDMENTS, ANNEX_III_AREAS, ANNEX_III_BY_AREA, ANNEX_I_ENTRIES, ART50_OBLIGATIONS, CLASSIFICATION_VERSIONS, CLASSIFICATION_VERSION_KEY, EU_DATES, LEGAL_DATES, SOURCE_VERSIONS, ART6_3_OPTIONS, CATALOG_SOURCES,
  CROSSWALK_NIST_ISO_23894, CROSSWALK_NIST_ISO_42001, ISO_ANNEX_A_CONTROLS, ISO_ANNEX_A_GROUPS, ISO_CLAUSES,
  NIST_CATEGORIES, NIST_FUNCTIONS, NIST_SUBCATEGORIES, OPERATOR_ROLE_CATALOG, PROHIBITED_PRACTICE_OPTIONS,
  REQUIREMENTS, TRANSPARENCY_DUTY_OPTIONS, annexIIIPoint, crosswalkMaps, crosswalkPartners, isKnownRequirement,
  requirementTitle,
} from '../../../src/domain/catalog/index.js';
import {
  ANNEX_III_POINTS, ART6_3_CONDITIONS, PROHIBITED_PRACTICES, SOURCES, TRANSPARENCY_DUTIES,
} from '../../../src/domain/vocabulary.js';

const SLACK_OPTION_TEXT_LIMIT = 75;

describe('the NIST AI RMF 1.0 catalog', () => {
  it('holds 4 functions, 19 categories and all 72 subcategories', () => {
    expect(NIST_FUNCTIONS.map((f) => f.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    expect(NIST_CATEGORIES).toHaveLength(19);
    expect(NIST_SUBCATEGORIES).toHaveLength(72);
  });

  it.each([
    ['GOVERN', 19], ['MAP', 18], ['MEASURE', 22], ['MANAGE', 13],
  ] as const)('gives %s its %i subcategories', (fn, count) => {
    expect(NIST_SUBCATEGORIES.filter((s) => s.function === fn)).toHaveLength(count);
  });

  it('places every subcategory in a known category of its own function', () => {
    const categories = new Map(NIST_CATEGORIES.map((c) => [c.id, c.function]));
    for (const s of NIST_SUBCATEGORIES) {
      expect(categories.get(s.category), s.id).toBe(s.function);
      expect(s.id.startsWith(`${s.category}.`), s.id).toBe(true);
    }
  });

  it('keeps the outcome statement as the title of a subcategory', () => {
    expect(requirementTitle('nist-ai-rmf', 'GOVERN 1.1')).toBe('Legal and regulatory requirements involving AI are understood, managed, and documented.');
  });
});

describe('the ISO/IEC 42001:2023 catalog', () => {
  it('holds the 43 clauses and sub-clauses of clauses 4 to 10', () => {
    expect(ISO_CLAUSES).toHaveLength(43);
    expect(new Set(ISO_CLAUSES.map((c) => c.id.split('.')[0]))).toEqual(new Set(['4', '5', '6', '7', '8', '9', '10']));
  });

  it('holds 9 Annex A groups, 2 subgroups and all 38 Annex A controls', () => {
    expect(ISO_ANNEX_A_GROUPS.filter((g) => !g.parent)).toHaveLength(9);
    expect(ISO_ANNEX_A_GROUPS.filter((g) => g.parent)).toHaveLength(2);
    expect(ISO_ANNEX_A_CONTROLS).toHaveLength(38);
  });

  it('files every control under a known group', () => {
    const groups = new Set(ISO_ANNEX_A_GROUPS.map((g) => g.id));
    for (const control of ISO_ANNEX_A_CONTROLS) {
      expect(groups.has(control.group), control.id).toBe(true);
      expect(control.id.startsWith(`${control.subgroup ?? control.group}.`), control.id).toBe(true);
    }
  });

  it('gives every clause a parent that exists', () => {
    const ids = new Set(ISO_CLAUSES.map((c) => c.id));
    for (const clause of ISO_CLAUSES.filter((c) => c.parent)) expect(ids.has(clause.parent!), clause.id).toBe(true);
  });

  it('names controls by short title only', () => {
    expect(requirementTitle('iso-42001', 'A.6.2.4')).toBe('AI system verification and validation');
    for (const control of ISO_ANNEX_A_CONTROLS) expect(control.title.length, control.id).toBeLessThanOrEqual(80);
  });
});

describe('the EU AI Act catalog', () => {
  it('lists the 10 Art. 5(1) practices as amended, in legal order and the spelling of the contract', () => {
    expect(PROHIBITED_PRACTICE_OPTIONS.map((p) => p.point)).toEqual([...PROHIBITED_PRACTICES]);
    expect(PROHIBITED_PRACTICE_OPTIONS.map((p) => p.ref)).toEqual(PROHIBITED_PRACTICES.map((p) => `Art. ${p}`));
  });

  it('lists the 25 Annex III points in 8 areas, keyed as the contract writes them', () => {
    expect(ANNEX_III_AREAS).toHaveLength(8);
    expect(ANNEX_III_BY_AREA.flatMap((a) => a.points.map((p) => p.key))).toEqual([...ANNEX_III_POINTS]);
  });

  it.each(ANNEX_III_POINTS.map((key) => [key]))('finds Annex III point %s with its area and a plain-words label', (key) => {
    const point = annexIIIPoint(key);
    expect(point.ref).toBe(`Annex III(${key.replace(/\(.*$/, '')})${key.match(/\([a-z]\)/)?.[0] ?? ''}`);
    expect(point.area).toBe(Number(key[0]));
    expect(point.label.length).toBeGreaterThan(5);
    expect(point.optionText.length).toBeLessThanOrEqual(SLACK_OPTION_TEXT_LIMIT);
  });

  it('keeps every option text within the Slack limit of 75 characters', () => {
    const texts = [
      ...PROHIBITED_PRACTICE_OPTIONS.map((p) => p.optionText),
      ...ART6_3_OPTIONS.map((c) => c.optionText),
      ...TRANSPARENCY_DUTY_OPTIONS.map((d) => d.optionText),
      ...ANNEX_III_BY_AREA.map((a) => a.label),
    ];
    for (const text of texts) expect(text.length, text).toBeLessThanOrEqual(SLACK_OPTION_TEXT_LIMIT);
  });

  it('has the 4 Art. 6(3) conditions of the contract', () => {
    expect(ART6_3_OPTIONS.map((c) => c.condition)).toEqual([...ART6_3_CONDITIONS]);
    expect(ART6_3_OPTIONS.map((c) => c.ref)).toEqual(['Art. 6(3)(a)', 'Art. 6(3)(b)', 'Art. 6(3)(c)', 'Art. 6(3)(d)']);
  });

  it('has the 7 paragraphs of Art. 50, with providers addressed by (1)-(2) and deployers by (3)-(4)', () => {
    expect(ART50_OBLIGATIONS.map((o) => o.ref)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Art. 50(${n})`));
    expect(ART50_OBLIGATIONS.slice(0, 4).map((o) => o.addressees)).toEqual([['provider'], ['provider'], ['deployer'], ['deployer']]);
  });

  it('maps every transparency situation of the contract to a paragraph of Art. 50', () => {
    expect(TRANSPARENCY_DUTY_OPTIONS.map((d) => d.duty)).toEqual([...TRANSPARENCY_DUTIES]);
    for (const duty of TRANSPARENCY_DUTY_OPTIONS) expect(isKnownRequirement('eu-ai-act', duty.ref), duty.duty).toBe(true);
  });

  it.each([
    ['provider', 'Art. 16'], ['deployer', 'Art. 26'], ['importer', 'Art. 23'], ['distributor', 'Art. 24'],
  ])('names the key article of the %s role (%s) as the reference does', (role, article) => {
    const entry = OPERATOR_ROLE_CATALOG.find((r) => r.role === role);
    expect(entry?.keyArticles.some((a) => a.startsWith(`${article} `))).toBe(true);
    expect(isKnownRequirement('eu-ai-act', article)).toBe(true);
  });

  it('keeps 28 dates, 23 in force and 5 superseded, each superseded one linked to the in-force date that replaced it', () => {
    expect(EU_DATES).toHaveLength(28);
    expect(EU_DATES.filter((d) => d.status === 'in_force')).toHaveLength(23);
    const superseded = EU_DATES.filter((d) => d.status === 'superseded');
    expect(superseded).toHaveLength(5);
    for (const d of superseded) expect(EU_DATES.find((r) => r.id === d.supersededBy)?.status, d.id).toBe('in_force');
    for (const d of EU_DATES) {
      expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.source.length, d.id).toBeGreaterThan(0);
    }
  });

  it.each([
    ['d-2026-08-02-annex-iii-original', 'd-2027-12-02-annex-iii', '2027-12-02'],
    ['d-2027-08-02-annex-i-original', 'd-2028-08-02-annex-i', '2028-08-02'],
    ['d-2026-08-02-sandboxes-original', 'd-2027-08-02-sandboxes', '2027-08-02'],
  ])('records that %s was moved to %s', (original, replacement, date) => {
    expect(EU_DATES.find((d) => d.id === original)).toMatchObject({ status: 'superseded', supersededBy: replacement });
    expect(EU_DATES.find((d) => d.id === replacement)?.date).toBe(date);
  });

  it('names the amending act in force and the Annex I sections as amended, machinery moved to Section B', () => {
    expect(AMENDMENTS.map((a) => [a.act, a.status])).toEqual([['Regulation (EU) 2026/1744', 'in_force']]);
    expect(ANNEX_I_ENTRIES.filter((e) => e.inForce && e.section === 'a')).toHaveLength(11);
    expect(ANNEX_I_ENTRIES.filter((e) => e.inForce && e.section === 'b')).toHaveLength(9);
    expect(ANNEX_I_ENTRIES.find((e) => e.act.includes('2023/1230'))).toMatchObject({ section: 'b', inForce: true });
    expect(ANNEX_I_ENTRIES.find((e) => e.act.includes('2006/42/EC'))).toMatchObject({ section: 'a', inForce: false });
  });

  it('merges every law\'s dates into one table with unique ids', () => {
    expect(new Set(LEGAL_DATES.map((d) => d.id)).size).toBe(LEGAL_DATES.length);
  });
});

describe('the catalog versions', () => {
  it('records the content hash of every reference file the catalog was built from', () => {
    expect(SOURCE_VERSIONS.map((v) => v.source)).toEqual(expect.arrayContaining(['eu-ai-act', 'iso-42001', 'nist-ai-rmf', 'crosswalk-nist-iso-42001']));
    for (const v of SOURCE_VERSIONS) expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(SOURCE_VERSIONS.find((v) => v.source === 'eu-ai-act')?.asOf).toBe(CATALOG_SOURCES.euAiAct.asOf);
  });

  it('keys a classification by the rules version and every source version', () => {
    expect(CLASSIFICATION_VERSION_KEY.startsWith(`${CLASSIFICATION_VERSIONS.rules};`)).toBe(true);
    for (const [source, version] of Object.entries(CLASSIFICATION_VERSIONS.sources)) expect(CLASSIFICATION_VERSION_KEY).toContain(`${source}@${version}`);
  });
});

describe('the crosswalks', () => {
  it('keeps all 280 NIST AI RMF to ISO/IEC 42001 pairs with the id the source printed', () => {
    expect(CROSSWALK_NIST_ISO_42001).toHaveLength(280);
    for (const pair of CROSSWALK_NIST_ISO_42001) expect(pair.sourceRef.length, `${pair.nist} ${pair.iso}`).toBeGreaterThan(0);
  });

  it('pairs only ids that exist in the catalog', () => {
    for (const pair of CROSSWALK_NIST_ISO_42001) {
      expect(isKnownRequirement('nist-ai-rmf', pair.nist), pair.nist).toBe(true);
      expect(isKnownRequirement('iso-42001', pair.iso), pair.iso).toBe(true);
      expect(requirementTitle('iso-42001', pair.iso)).toBe(pair.isoTitle);
    }
  });

  it('covers every NIST subcategory and every Annex A control', () => {
    expect(new Set(CROSSWALK_NIST_ISO_42001.map((p) => p.nist)).size).toBe(72);
    expect(new Set(CROSSWALK_NIST_ISO_42001.filter((p) => p.isoKind === 'annex_a_control').map((p) => p.iso)).size).toBe(38);
  });

  it('maps NIST functions to ISO/IEC 23894 clauses in 33 function-level pairs', () => {
    const functions = new Set(NIST_FUNCTIONS.map((f) => f.id));
    expect(CROSSWALK_NIST_ISO_23894).toHaveLength(33);
    for (const pair of CROSSWALK_NIST_ISO_23894) expect(functions.has(pair.nistFunction)).toBe(true);
  });

  it.each([
    ['NIST to ISO', { source: 'nist-ai-rmf', id: 'GOVERN 1.1' }, { source: 'iso-42001', id: 'A.2.2' }, true],
    ['ISO to NIST', { source: 'iso-42001', id: 'A.2.2' }, { source: 'nist-ai-rmf', id: 'GOVERN 1.1' }, true],
    ['an unpaired couple', { source: 'nist-ai-rmf', id: 'GOVERN 1.1' }, { source: 'iso-42001', id: 'A.7.6' }, false],
    ['two ids of one source', { source: 'iso-42001', id: 'A.2.2' }, { source: 'iso-42001', id: 'A.2.2' }, false],
    ['an EU AI Act article', { source: 'eu-ai-act', id: 'Art. 9' }, { source: 'iso-42001', id: '6.1.2' }, false],
  ] as const)('answers whether the crosswalk maps %s', (_, a, b, expected) => {
    expect(crosswalkMaps(a, b)).toBe(expected);
  });

  it('lists the partners of a requirement on the other side of the crosswalk', () => {
    expect(crosswalkPartners({ source: 'nist-ai-rmf', id: 'GOVERN 1.1' }).map((p) => p.id)).toContain('A.2.2');
    expect(crosswalkPartners({ source: 'iso-42001', id: 'A.2.2' })).toContainEqual({ source: 'nist-ai-rmf', id: 'GOVERN 1.1' });
    expect(crosswalkPartners({ source: 'eu-ai-act', id: 'Art. 9' })).toEqual([]);
  });
});

describe('the requirements list', () => {
  it('holds every ISO clause and control and every NIST subcategory once', () => {
    const keys = REQUIREMENTS.map((r) => `${r.source}|${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(REQUIREMENTS.filter((r) => r.kind === 'iso_clause')).toHaveLength(43);
    expect(REQUIREMENTS.filter((r) => r.kind === 'iso_annex_a_control')).toHaveLength(38);
    expect(REQUIREMENTS.filter((r) => r.kind === 'nist_subcategory')).toHaveLength(72);
    expect(new Set(REQUIREMENTS.map((r) => r.source))).toEqual(new Set(SOURCES));
  });

  it('holds the EU AI Act provisions the classification cites, by article number', () => {
    const eu = REQUIREMENTS.filter((r) => r.source === 'eu-ai-act').map((r) => r.id);
    for (const id of ['Art. 4', 'Art. 5(1)(a)', 'Art. 6(4)', 'Art. 9', 'Art. 17', 'Art. 26', 'Art. 27', 'Art. 49(2)', 'Art. 50(4)', 'Art. 73']) {
      expect(eu).toContain(id);
    }
    expect(eu.indexOf('Art. 9')).toBeLessThan(eu.indexOf('Art. 10'));
    expect(eu.indexOf('Art. 6(4)')).toBeLessThan(eu.indexOf('Art. 9'));
  });

  it('gives every requirement a title', () => {
    for (const r of REQUIREMENTS) expect(r.title.trim().length, `${r.source} ${r.id}`).toBeGreaterThan(0);
  });

  it.each([
    ['iso-42001', 'A.1.1'], ['iso-42001', 'A.6'], ['nist-ai-rmf', 'GOVERN'], ['nist-ai-rmf', 'GOVERN 7.1'],
    ['eu-ai-act', 'Art. 999'], ['nist-ai-rmf', 'A.6.2.4'],
  ] as const)('does not know %s %s', (source, id) => {
    expect(isKnownRequirement(source, id)).toBe(false);
    expect(requirementTitle(source, id)).toBeUndefined();
  });
});

describe('the catalog sources', () => {
  it('says where every module comes from and under what licence', () => {
    for (const [name, source] of Object.entries(CATALOG_SOURCES)) {
      expect(source.source.length, name).toBeGreaterThan(20);
      expect(source.licenceNote.length, name).toBeGreaterThan(20);
      expect(source.sourceDetails.length, name).toBeGreaterThan(0);
    }
  });

  const projectRoot = resolve(import.meta.dirname, '../../..');
  const referenceDir = resolve(projectRoot, '../shared/reference');

  // CI has no reference folder; where it exists, the committed files must be what the script builds.
  it.skipIf(!existsSync(referenceDir))('matches what scripts/build-catalog.mjs builds from the reference', () => {
    const out = mkdtempSync(join(tmpdir(), 'aigov-catalog-'));
    try {
      execFileSync(process.execPath, [join(projectRoot, 'scripts/build-catalog.mjs'), '--reference', referenceDir, '--out', out]);
      const committed = join(projectRoot, 'src/domain/catalog/generated');
      const built = readdirSync(out).sort();
      expect(built).toEqual(readdirSync(committed).sort());
      for (const file of built) expect(readFileSync(join(committed, file), 'utf8'), file).toBe(readFileSync(join(out, file), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
