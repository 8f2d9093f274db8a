import { createHash } from 'node:crypto';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { evidenceArtifacts, evidenceClaims } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { MAX_EVIDENCE_FILE_BYTES } from '../../../src/domain/evidence-files.js';
import { USERS, type TestApp } from '../../support/test-app.js';
import { submit } from '../../support/intake-flow.js';
import { clickClaim, evidenceValues, openedView, ownerCard, registeredSystem } from '../../support/evidence-flow.js';
import { fileInputValue, plainTextValue } from '../../support/view-state.js';
import { runAigov, testRuntime } from '../../support/test-runtime.js';

type Shared = ReturnType<TestApp['fake']['shareFile']>;
const withFiles = (files: Shared[], links: string | null = null) => ({
  ...evidenceValues(),
  links: { value: plainTextValue(links) },
  files: { value: fileInputValue(files) },
});

describe('evidence as files attached in the Submit evidence form', () => {
  let app: TestApp;
  let sys: Awaited<ReturnType<typeof registeredSystem>>;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    sys = await registeredSystem(app, USERS.requester, { name: 'Applicant ranker', annexIII: '4(a)' });
  });

  const artifactCount = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(evidenceArtifacts))[0]!.n;
  const openForm = async (requirementId: string) => {
    const claim = sys.claim('iso-42001', requirementId);
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    return { claim, view: await openedView(app, mark) };
  };

  it('records each file\'s Slack id, name, type, size, permalink and the SHA-256 of the bytes downloaded with the bot token', async () => {
    const content = Buffer.from('%PDF-1.7\nImpact assessment v3, signed 2026-11-02\n%%EOF\n');
    const pdf = app.fake.shareFile({ name: 'impact-assessment-v3.pdf', content, mimetype: 'application/pdf', filetype: 'pdf' });
    const { claim, view } = await openForm('6.1.4');
    const done = await submit(app, USERS.owner, view, withFiles([pdf]));
    expect(done.body?.response_action).toBe('clear');

    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row!.status).toBe('submitted');
    const [artifact] = await app.database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, row!.artifactId!));
    expect(artifact!.links).toEqual([]);
    expect(artifact!.files).toEqual([{
      slackFileId: pdf.id, name: 'impact-assessment-v3.pdf', mimetype: 'application/pdf', filetype: 'pdf', sizeBytes: content.length,
      permalink: pdf.permalink, sha256: createHash('sha256').update(content).digest('hex'),
    }]);
    expect(app.fake.downloads.filter((d) => d.fileId === pdf.id)).toEqual([{ fileId: pdf.id, token: 'xoxb-test-token' }]);
  });

  it('takes links and files together, and lists both in the evidence matrix with the SHA-256 and the submission time', async () => {
    const csv = app.fake.shareFile({ name: 'bias-results.csv', content: 'group,selection_rate\nf,0.41\nm,0.43\n', mimetype: 'text/csv' });
    const { claim, view } = await openForm('A.5.2');
    const done = await submit(app, USERS.owner, view, withFiles([csv], 'https://jira.example.com/browse/ML-482'));
    expect(done.body?.response_action).toBe('clear');

    const rt = await testRuntime(app.database);
    const out = await runAigov(rt, ['export', 'evidence-matrix', '--format', 'csv']);
    expect(out.code).toBe(0);
    const rows = parse(out.stdout, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.claim_id === claim.id)!;
    expect(row.artifact).toBe(`https://jira.example.com/browse/ML-482 ${csv.permalink}`);
    expect(row.file_sha256).toBe(createHash('sha256').update('group,selection_rate\nf,0.41\nm,0.43\n').digest('hex'));
    expect(row.files).toContain('bias-results.csv');
    expect(Date.parse(row.submitted_at!)).not.toBeNaN();
    expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a kind of file that is not kept as evidence under the files field, without downloading it or storing anything', async () => {
    const exe = app.fake.shareFile({ name: 'setup.exe', content: 'MZ...', mimetype: 'application/x-msdownload', filetype: 'binary' });
    const before = await artifactCount();
    const { claim, view } = await openForm('A.5.4');
    const bad = await submit(app, USERS.owner, view, withFiles([exe]));
    expect(bad.body?.response_action).toBe('errors');
    expect(bad.body?.errors?.files).toMatch(/"setup\.exe" is not a kind of file kept as evidence/);
    expect(app.fake.downloads.some((d) => d.fileId === exe.id)).toBe(false);
    expect(await artifactCount()).toBe(before);
    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row!.status).toBe('requested');
  });

  it('refuses a file over the size limit and more files than the limit, under the files field', async () => {
    const big = app.fake.shareFile({ name: 'logs.zip', content: 'PK', filetype: 'zip', reportedSize: MAX_EVIDENCE_FILE_BYTES + 1 });
    const { view } = await openForm('A.5.4');
    const tooBig = await submit(app, USERS.owner, view, withFiles([big]));
    expect(tooBig.body?.errors?.files).toMatch(/"logs\.zip" is 25 MB; files up to 25 MB are kept/);
    const many = Array.from({ length: 6 }, (_, i) => app.fake.shareFile({ name: `page-${i}.png`, content: `png ${i}`, filetype: 'png' }));
    const tooMany = await submit(app, USERS.owner, view, withFiles(many));
    expect(tooMany.body?.errors?.files).toMatch(/At most 5 files \(you attached 6\)/);
    expect(app.fake.downloads.some((d) => d.fileId === big.id || many.some((m) => m.id === d.fileId))).toBe(false);
  });

  it('refuses a file whose bytes turn out larger than the limit while downloading, and keeps nothing', async () => {
    const liar = app.fake.shareFile({ name: 'export.csv', content: Buffer.alloc(MAX_EVIDENCE_FILE_BYTES + 10, 0x61), filetype: 'csv', reportedSize: 1000 });
    const before = await artifactCount();
    const { view } = await openForm('A.5.4');
    const bad = await submit(app, USERS.owner, view, withFiles([liar]));
    expect(bad.body?.errors?.files).toMatch(/"export\.csv" is larger than 25 MB/);
    expect(await artifactCount()).toBe(before);
  });

  it('asks for at least one link or one file when both are empty', async () => {
    const { view } = await openForm('A.5.4');
    const empty = await submit(app, USERS.owner, view, withFiles([]));
    expect(empty.body?.response_action).toBe('errors');
    expect(empty.body?.errors?.links).toMatch(/at least one https link.*or attach a file/i);
  });
});
