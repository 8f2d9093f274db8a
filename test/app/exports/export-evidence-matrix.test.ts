import { describe, expect, it, test } from '../../support/fixtures.js';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { submitEvidence } from '../../../src/app/evidence/submit-evidence.js';
import { reuseEvidence } from '../../../src/app/evidence/reuse-evidence.js';
import { raiseRequest } from '../../../src/app/requests/raise-request.js';
import { exportEvidenceMatrix, EVIDENCE_MATRIX_COLUMNS } from '../../../src/app/exports/evidence-matrix.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { runAigov, testRuntime } from '../../support/test-runtime.js';
import { verbContext } from '../../support/verb-context.js';

const FORMULA_NAMES = ['=HYPERLINK("https://evil.example","open")', '+cmd|calc', '-2+3', '@SUM(A1:A9)'];
const AWKWARD_NAME = 'Évaluateur de crédit — naïve "v2", prod';

describe('aigov export evidence-matrix', () => {
  let database: Database;
  let claimCount = 0;
  const now = new Date('2026-03-02T10:00:00Z');
  const as = (user: string) => verbContext(database.db, user, { now: () => now });

  async function exported(format: 'csv' | 'json'): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    await exportEvidenceMatrix(database.db, out, format);
    out.end();
    return Buffer.concat(chunks);
  }

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    let n = 0;
    for (const name of [AWKWARD_NAME, ...FORMULA_NAMES]) {
      n += 1;
      const facts = SystemFacts.parse({ name, purpose: 'Scores applicants, with "quotes", commas\nand a new line.', owner: USERS.owner, lifecycleStage: 'deployed',
        operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '5(b)', supplier: 'Acme "AI", Inc.' });
      await registerSystem({ ctx: as(USERS.requester), input: { facts, idempotencyKey: `export:${n}` } });
    }
    const [system] = await database.db.select().from(evidenceClaims);
    const claims = await database.db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, system!.systemId));
    const claim = (source: string, id: string) => claims.find((c) => c.source === source && c.requirementId === id)!;
    const artifact = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim('nist-ai-rmf', 'MAP 1.1').id, idempotencyKey: 'export:art', submission: {
      links: ['https://wiki.example.com/risk,assessment', 'https://jira.example.com/browse/GOV-1'], kind: 'review_minutes', description: 'Minutes',
      evidenceDate: '2026-02-27', periodFrom: '2026-01-01', periodTo: '2026-12-31', criteriaMet: true } } });
    await reuseEvidence({ ctx: as(USERS.owner), input: { claimId: claim('iso-42001', '6.1.4').id, artifactId: artifact.artifactId } });
    await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim('iso-42001', 'A.5.2').id, idempotencyKey: 'export:art2', submission: {
      links: ['https://wiki.example.com/impact'], kind: 'document', description: 'Impact assessment', evidenceDate: '2026-02-27', periodFrom: '2026-01-01', periodTo: '2026-12-31', criteriaMet: true } } });
    await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'supplier_change', idempotencyKey: 'export:chg', details: {
      kind: 'supplier', systemId: system!.systemId, supplier: 'Globex, "Models"\nEU', description: 'New model provider' } } });
    claimCount = (await database.db.select().from(evidenceClaims)).length;
  });

  it('writes RFC 4180 CSV: a header row, CRLF line ends, and fields with commas, quotes or line breaks quoted with quotes doubled', async () => {
    const csv = (await exported('csv')).toString('utf8');
    expect(csv.startsWith(`${EVIDENCE_MATRIX_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Évaluateur de crédit — naïve ""v2"", prod"');
    expect(csv).toContain('"https://wiki.example.com/risk,assessment https://jira.example.com/browse/GOV-1"');
    const records = parse(csv, { columns: true, bom: true, relax_quotes: false }) as Record<string, string>[];
    expect(records).toHaveLength(claimCount);
    const stale = records.find((r) => r.requirement_id === 'A.5.2' && r.system === AWKWARD_NAME);
    expect(stale).toMatchObject({ status: 'stale', artifact: 'https://wiki.example.com/impact', date: '2026-02-27' });
    expect(stale!.stale_reason).toContain('the supplier changed from "Acme "AI", Inc." to "Globex, "Models"\nEU"');
    expect(csv).toContain('""Globex, ""Models""\nEU""');
  });

  it('is UTF-8 without a byte-order mark', async () => {
    const bytes = await exported('csv');
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.includes(Buffer.from('Évaluateur', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from([0xc3, 0x89]))).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula, keeping their text', async () => {
    const records = parse((await exported('csv')).toString('utf8'), { columns: true }) as Record<string, string>[];
    for (const name of FORMULA_NAMES) {
      const rows = records.filter((r) => r.system === `'${name}`);
      expect(rows.length, name).toBeGreaterThan(0);
    }
    for (const record of records) {
      for (const [column, cell] of Object.entries(record)) expect(`${column}: ${cell}`).not.toMatch(/^[^:]+: [=+\-@]/);
    }
    expect(records.some((r) => r.due_date === '2026-03-16')).toBe(true);
  });

  it('writes JSON with one object per claim, the raw values, and the shared artifact on both reused rows', async () => {
    const rows = JSON.parse((await exported('json')).toString('utf8')) as Record<string, unknown>[];
    expect(rows).toHaveLength(claimCount);
    expect(Object.keys(rows[0]!)).toEqual([...EVIDENCE_MATRIX_COLUMNS]);
    expect(rows.filter((r) => r.system === FORMULA_NAMES[0]).length).toBeGreaterThan(0);
    const awkward = rows.filter((r) => r.system === AWKWARD_NAME);
    const map11 = awkward.find((r) => r.requirement_id === 'MAP 1.1')!;
    const iso614 = awkward.find((r) => r.requirement_id === '6.1.4')!;
    expect(map11.artifact_id).toEqual(iso614.artifact_id);
    expect(map11).toMatchObject({ source_framework: 'NIST AI RMF 1.0', artifact_type: 'review_minutes', criteria_met: 'yes', owner: USERS.owner, reuse_permission: 'crosswalk_same_conditions' });
    expect(iso614).toMatchObject({ source_framework: 'ISO/IEC 42001:2023', artifact: 'https://wiki.example.com/risk,assessment https://jira.example.com/browse/GOV-1' });
    expect(String(iso614.review_trigger)).toMatch(/material change/);
    const unanswered = awkward.find((r) => r.status === 'requested')!;
    expect(unanswered).toMatchObject({ artifact: null, artifact_id: null, date: null });
  });

  it('is what `aigov export evidence-matrix` prints, and a bad format is a usage error', async () => {
    const rt = await testRuntime(database);
    const csv = await runAigov(rt, ['export', 'evidence-matrix', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe((await exported('csv')).toString('utf8'));
    const bad = await runAigov(rt, ['export', 'evidence-matrix', '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of json, csv/);
  });
});
