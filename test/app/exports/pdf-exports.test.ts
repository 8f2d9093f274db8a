import { PassThrough } from 'node:stream';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { extractLinks, extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { Database } from '../../../src/db/client.js';
import type { Runtime } from '../../../src/runtime.js';
import { runCli } from '../../../src/cli/main.js';
import { ISO_ANNEX_A_CONTROLS } from '../../../src/domain/catalog/index.js';
import { testRuntime } from '../../support/test-runtime.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';

async function runBinary(rt: Runtime, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: string[] = [];
  stdout.on('data', (d: Buffer) => out.push(d));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(args, { stdout, stderr, env: {} }, { runtime: async () => rt });
  return { code, stdout: Buffer.concat(out), stderr: err.join('') };
}

/** What a reader sees on each page: the text runs, as pdf.js extracts them. */
async function pagesOf(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { items, totalPages } = await extractTextItems(doc);
  const { links } = await extractLinks(doc);
  const { info } = await getMeta(doc);
  return { totalPages, pages: items.map((page) => page.map((i) => i.str)), links, info };
}

describe('PDF exports: what an auditor sees on the pages', () => {
  let database: Database;
  let rt: Runtime;
  let seed: SeededGovernance;

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    rt = await testRuntime(database);
    seed = await seedGovernance(database.db);
  });

  // Each document is made once and read by every case about it.
  const made = new Map<string, ReturnType<typeof pagesOf>>();
  const pdfOf = (...args: string[]) => {
    const key = args.join(' ').replace(seed.ids.ranker, 'Applicant ranker');
    if (!made.has(key)) {
      made.set(key, runBinary(rt, ['export', ...args]).then((r) => {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout.subarray(0, 5).toString()).toBe('%PDF-');
        return pagesOf(r.stdout);
      }));
    }
    return made.get(key)!;
  };

  describe('aigov export soa --format pdf', () => {
    it('opens with a title block stamped with when it was generated and as of when', async () => {
      const { pages, info } = await pdfOf('soa', '--format', 'pdf');
      const first = pages[0]!.join(' ').replace(/\s+/g, ' ');
      expect(first).toContain('Statement of Applicability');
      expect(first).toContain('ISO/IEC 42001:2023 Annex A controls');
      expect(first).toMatch(/Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · Data as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(first).toMatch(/38 controls · \d+ applicable · \d+ not applicable/);
      expect(info.Title).toBe('Statement of Applicability');
    });

    it('numbers every page "Page i of n" and stamps each one', async () => {
      const { pages, totalPages } = await pdfOf('soa', '--format', 'pdf');
      expect(totalPages).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain(`Page ${i + 1} of ${totalPages}`);
        expect(page.some((t) => /^Statement of Applicability · DRAFT — no version approved yet · generated .* · data as of /.test(t))).toBe(true);
      });
    });

    it('shows every Annex A control id, each once, in catalog order', async () => {
      const { pages } = await pdfOf('soa', '--format', 'pdf');
      const ids = pages.flat().filter((t) => /^A\.\d+(\.\d+)+$/.test(t));
      expect(ids).toEqual(ISO_ANNEX_A_CONTROLS.map((c) => c.id));
    });

    it('repeats the table header at the top of every page the table reaches', async () => {
      const { pages } = await pdfOf('soa', '--format', 'pdf');
      for (const page of pages) {
        const ids = page.filter((t) => /^A\.\d+(\.\d+)+$/.test(t));
        if (!ids.length) continue;
        const header = page.indexOf('Control');
        expect(header).toBeGreaterThanOrEqual(0);
        expect(header).toBeLessThan(page.indexOf(ids[0]!));
        expect(page).toContain('Justification');
      }
    });

    it('prints the columns beyond the main table as details, with the systems behind a control', async () => {
      const { pages } = await pdfOf('soa', '--format', 'pdf');
      const text = pages.flat().join('\n');
      expect(text).toMatch(/Systems in scope: \d+/);
      expect(text).toContain('Applicant ranker');
    });
  });

  describe('aigov export dossier <system> --format pdf', () => {
    it('has the system in its title, the stamps, and page numbers on every page', async () => {
      const { pages, totalPages } = await pdfOf('dossier', 'Applicant ranker', '--format', 'pdf');
      expect(pages[0]!.join('\n')).toContain('AI system dossier: Applicant ranker');
      expect(pages[0]!.join('\n')).toContain(`record ${seed.ids.ranker}`);
      pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${totalPages}`));
    });

    it('makes every evidence link a clickable link annotation', async () => {
      const { links } = await pdfOf('dossier', seed.ids.ranker, '--format', 'pdf');
      for (const url of [
        'https://wiki.example.com/ai/applicant-ranker/impact-assessment', 'https://wiki.example.com/ai/applicant-ranker/intended-use',
        'https://contracts.example.com/talentsift/msa#ai-annex', 'https://grc.example.com/registers/legal/ai-hiring', 'https://jira.example.com/browse/ML-482',
      ]) expect(links).toContain(url);
    });

    it('repeats the evidence table header on each page the table continues onto', async () => {
      const { pages } = await pdfOf('dossier', seed.ids.ranker, '--format', 'pdf');
      const withClaims = pages.filter((p) => p.some((t) => /^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/.test(t)));
      expect(withClaims.length).toBeGreaterThan(1);
      for (const page of withClaims) expect(page).toContain('Stale because');
    });

    it('has every section of the record, through the audit trail', async () => {
      const { pages } = await pdfOf('dossier', seed.ids.ranker, '--format', 'pdf');
      const text = pages.flat();
      for (const heading of ['Summary', 'Owners', 'Intake', 'Classification', 'Evidence', 'Reviews', 'Exceptions', 'Audit trail']) expect(text).toContain(heading);
    });

    it('refuses an unknown system with exit 2 and a reason', async () => {
      const r = await runBinary(rt, ['export', 'dossier', 'No such system', '--format', 'pdf']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/No AI system has the id or name "No such system"/);
      expect(r.stdout.length).toBe(0);
    });
  });
});
