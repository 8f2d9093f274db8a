import { describe, expect, it, test } from '../../support/fixtures.js';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../src/db/client.js';
import type { Runtime } from '../../../src/runtime.js';
import { ISO_ANNEX_A_CONTROLS, NIST_SUBCATEGORIES } from '../../../src/domain/catalog/index.js';
import { runAigov, testRuntime } from '../../support/test-runtime.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { USERS } from '../../support/test-app.js';

const csv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('auditor exports against a seeded portfolio', () => {
  let database: Database;
  let rt: Runtime;
  let seed: SeededGovernance;
  const exportOf = async (...args: string[]) => {
    const r = await runAigov(rt, ['export', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    rt = await testRuntime(database);
    seed = await seedGovernance(database.db, {
      extra: [{ name: '=HYPERLINK("https://evil.example.com")', purpose: 'A name a spreadsheet would run.', owner: USERS.owner2, lifecycleStage: 'design', operatorRole: 'deployer', euNexus: false }],
    });
  });

  describe('soa', () => {
    it('lists every Annex A control once, in catalog order, stamped with when it was generated and as of when', async () => {
      const rows = csv(await exportOf('soa', '--format', 'csv'));
      expect(rows.map((r) => r.control_id)).toEqual(ISO_ANNEX_A_CONTROLS.map((c) => c.id));
      expect(rows).toHaveLength(38);
      for (const r of rows) {
        expect(Date.parse(r.generated_at!)).not.toBeNaN();
        expect(Date.parse(r.data_as_of!)).not.toBeNaN();
        expect(['yes', 'no']).toContain(r.applicable);
        expect(r.justification).not.toBe('');
      }
    });

    it('says which rules make a control applicable, for how many systems, and how far it is implemented', async () => {
      const rows = csv(await exportOf('soa', '--format', 'csv'));
      const a94 = rows.find((r) => r.control_id === 'A.9.4')!;
      expect(a94).toMatchObject({ applicable: 'yes', implementation_status: 'partially implemented', systems_in_scope: '6', claims: '6', claims_answered: '2' });
      expect(a94.justification).toMatch(/Selected for 6 AI systems of 6 by Baseline rule \(5 systems\); Prohibited-practice rule \(1 system\)\./);
      expect(a94.systems).toContain(`Applicant ranker (${seed.ids.ranker})`);
      expect(a94.latest_evidence_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const a103 = rows.find((r) => r.control_id === 'A.10.3')!;
      expect(a103).toMatchObject({ applicable: 'yes', implementation_status: 'implemented', systems_in_scope: '1', claims_answered: '1' });
      expect(a103.justification).toContain('Supplier rule (1 system)');
      expect(a103.last_review).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('marks a control no rule selected not applicable with the reason, and an organisation-level control as kept', async () => {
      const rows = csv(await exportOf('soa', '--format', 'csv'));
      expect(rows.find((r) => r.control_id === 'A.8.4')).toMatchObject({ applicable: 'no', implementation_status: 'not applicable', systems_in_scope: '0' });
      expect(rows.find((r) => r.control_id === 'A.8.4')!.justification).toMatch(/None of the 6 registered AI systems meets a classification rule/);
      const policy = rows.find((r) => r.control_id === 'A.2.2')!;
      expect(policy).toMatchObject({ applicable: 'yes', implementation_status: 'not evidenced per system' });
      expect(policy.justification).toMatch(/AI management system as a whole/);
    });

    it('neutralises a system name a spreadsheet would run as a formula', async () => {
      const rows = csv(await exportOf('soa', '--format', 'csv'));
      const cell = rows.find((r) => r.control_id === 'A.9.4')!.systems!;
      expect(cell.startsWith("'=HYPERLINK")).toBe(true);
    });

    it('writes a Markdown statement with a row per control and the generation and as-of times', async () => {
      const md = await exportOf('soa', '--format', 'md');
      expect(md).toMatch(/^# Statement of Applicability — ISO\/IEC 42001:2023 Annex A/);
      expect(md).toMatch(/Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · data as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · 6 registered AI systems · 38 controls/);
      expect(md.split('\n').filter((l) => /^\| A\.\d/.test(l))).toHaveLength(38);
      expect(md).toContain('\\=HYPERLINK("https://evil.example.com")'.slice(1));
    });
  });

  describe('nist-profile', () => {
    it('lists all 72 subcategories with systems in scope, claims, evidence status and gaps', async () => {
      const rows = csv(await exportOf('nist-profile', '--format', 'csv'));
      expect(rows.map((r) => r.subcategory_id)).toEqual(NIST_SUBCATEGORIES.map((s) => s.id));
      expect(rows).toHaveLength(72);
      const govern11 = rows.find((r) => r.subcategory_id === 'GOVERN 1.1')!;
      expect(govern11).toMatchObject({ function: 'GOVERN', systems_in_scope: '6', claims: '6', claims_stale: '1', evidence_status: 'none' });
      expect(govern11.gaps).toMatch(/5 requested, 1 stale \(\d overdue\) of 6 claims\./);
      expect(govern11.iso_42001_crosswalk).not.toBe('');
      const measure211 = rows.find((r) => r.subcategory_id === 'MEASURE 2.11')!;
      expect(measure211).toMatchObject({ claims_answered: '1', claims_exception: '1', evidence_status: 'partial' });
      expect(measure211.gaps).toContain('1 with an exception');
      const unasked = rows.find((r) => r.subcategory_id === 'GOVERN 2.1')!;
      expect(unasked).toMatchObject({ systems_in_scope: '0', evidence_status: 'not requested' });
      expect(unasked.gaps).toMatch(/No registered AI system is asked/);
    });

    it('writes Markdown grouped by function', async () => {
      const md = await exportOf('nist-profile', '--format', 'md');
      expect(md.match(/^## (GOVERN|MAP|MEASURE|MANAGE)$/gm)).toEqual(['## GOVERN', '## MAP', '## MEASURE', '## MANAGE']);
      expect(md.split('\n').filter((l) => /^\| (GOVERN|MAP|MEASURE|MANAGE) \d/.test(l))).toHaveLength(72);
      expect(md).toMatch(/data as of \d{4}-\d{2}-\d{2}/);
    });
  });

  describe('audit', () => {
    it('writes one JSON event a line, oldest first, with the export stamp on each', async () => {
      const lines = (await exportOf('audit', '--format', 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.length).toBeGreaterThan(20);
      const seqs = lines.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(lines[0]).toMatchObject({ action: 'system.registered', subject_type: 'ai_system', actor_id: USERS.requester });
      expect(lines.map((e) => e.action)).toEqual(expect.arrayContaining(['evidence.submitted', 'exception.opened', 'review.completed']));
      for (const e of lines) expect(e).toEqual(expect.objectContaining({ id: expect.any(String), at: expect.any(String), generated_at: expect.any(String), data_as_of: expect.any(String) }));
    });

    it('starts at --since', async () => {
      const all = (await exportOf('audit', '--format', 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
      const cut = all[Math.floor(all.length / 2)].at as string;
      const since = (await exportOf('audit', '--format', 'jsonl', '--since', cut)).trim().split('\n').map((l) => JSON.parse(l));
      expect(since.length).toBeGreaterThan(0);
      expect(since.length).toBeLessThan(all.length);
      expect(since.every((e) => e.at >= cut)).toBe(true);
      expect(await exportOf('audit', '--since', '2999-01-01')).toBe('');
    });
  });

  describe('dossier', () => {
    it('gives one system its whole record: intake, classification with reasons, owners, decisions, evidence, reviews, exceptions, deadlines, audit trail', async () => {
      const md = await exportOf('dossier', 'Credit limit model', '--format', 'md');
      expect(md).toMatch(/^# AI system dossier: Credit limit model/);
      expect(md).toMatch(/Generated .* UTC · data as of .* UTC · record `sys_/);
      for (const heading of ['## Summary', '## Owners', '## Intake', '## Intake requests', '## Classification', '### Reasons', '## Overrides', '## Decisions', '## Evidence', '## Reviews', '## Exceptions', '## Dates set by law', '## Statutory deadlines', '## Audit trail']) {
        expect(md).toContain(`\n${heading}\n`);
      }
      expect(md).toMatch(/\| EU AI Act tier \| high \| .*Annex III/);
      expect(md).toContain('| Binding laws | EU AI Act (Regulation (EU) 2024/1689, as amended) |');
      expect(md).toMatch(/\| EU AI Act \(Regulation \(EU\) 2024\/1689, as amended\) \| 2027-12-02 \| Art\. 6\(2\) \| .*moved from 2 Aug 2026 by Regulation \(EU\) 2026\/1744/);
      expect(md).toContain('https://wiki.example.com/ai/credit-limit/impact');
      expect(md).toMatch(/\| clm_[a-z0-9]+ \| ISO\/IEC 42001[^|]* \| A\.5\.2 \| .* \| art_[a-z0-9]+ \(document\): https:\/\/wiki\.example\.com\/ai\/credit-limit\/impact/);
      expect(md).toContain('| risk_accepted |');
      expect(md).toContain('Art. 73(2)');
      expect(md).toMatch(/\| \d+ \| .* UTC \| U0REQUEST \| system\.registered \| ai_system sys_/);
      expect(md).toMatch(/\| U0OWNER2 \| evidence\.submitted \| evidence_claim clm_/);
      expect(md.indexOf('| Art. 4 |')).toBeLessThan(md.indexOf('| Art. 10 |'));
    });

    it('finds a system by id as well as by name, and refuses an unknown one with exit status 2', async () => {
      const byId = await exportOf('dossier', seed.ids.ranker);
      expect(byId).toContain('# AI system dossier: Applicant ranker');
      const unknown = await runAigov(rt, ['export', 'dossier', 'No such system', '--format', 'md']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe('aigov: No AI system has the id or name "No such system".\n');
    });
  });

  it.each([
    [['soa', '--format', 'json'], /--format must be one of csv, md, pdf, got "json"/],
    [['nist-profile', '--format', 'csv', 'extra'], /takes no arguments/],
    [['audit', '--format', 'csv'], /--format must be one of jsonl/],
    [['audit', '--since', 'yesterday'], /--since must be an ISO-8601 date/],
    [['dossier', '--format', 'md'], /needs a system id or name/],
    [['soa', '--format', 'csv', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses bad usage %j with exit status 2 and one line on stderr', async (args, message) => {
    const r = await runAigov(rt, ['export', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
