import ExcelJS from 'exceljs';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { auditEvents } from '../../../src/db/schema/index.js';
import { USERS, type TestApp } from '../../support/test-app.js';
import { dmChannelOf, type SlackArgs } from '../../support/fake-slack.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { mrkdwnTexts } from '../../support/message-text.js';

describe('/aigov mine, status and export', () => {
  let app: TestApp;
  let seed: SeededGovernance;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    seed = await seedGovernance(app.database.db);
  });

  /** Runs `/aigov <text>`; returns the ack body and the ephemeral reply posted to the response URL, if any. */
  async function command(user: string, text: string, opts: { expectReply?: boolean } = {}) {
    const mark = app.fake.mark();
    const res = await app.slack.slashCommand({ user, text });
    expect(res.status).toBe(200);
    const reply = opts.expectReply === false ? undefined : await app.fake.waitFor(() => app.fake.responsesSince(mark)[0]);
    return { ack: res.body, reply: (reply?.body ?? {}) as SlackArgs, mark };
  }
  const textOf = (msg: unknown) => mrkdwnTexts(msg).join('\n');

  describe('mine', () => {
    it("answers ephemerally with the caller's systems, open claims, reviews due and open requests", async () => {
      const { ack, reply } = await command(USERS.owner, 'mine');
      expect(ack).toBeNull();
      expect(reply.response_type).toBe('ephemeral');
      const t = textOf(reply);
      expect(t).toContain('*Your AI systems (3)*');
      expect(t).toMatch(/Applicant ranker\* `sys_[a-z0-9]+`\n\s+High-risk · active · next review/);
      expect(t).toMatch(/\*Evidence waiting for you \((\d+)\)\*/);
      expect(t).toMatch(/…and \d+ more open claims/);
      expect(t).toContain('*Reviews due (1)*');
      expect(t).toContain('Demand forecaster');
      expect(t).toContain('*Open requests you raised (0)*');
      expect(reply.blocks.length).toBeLessThanOrEqual(50);
    });

    it('tells someone with nothing that they have nothing', async () => {
      const { reply } = await command(USERS.stranger, 'mine');
      const t = textOf(reply);
      expect(t).toContain('*Your AI systems (0)*\nYou own no AI systems.');
      expect(t).toContain('*Evidence waiting for you (0)*\nNone');
    });
  });

  describe('status', () => {
    it('shows one record by name: classification with its reasons, owners, evidence progress and next review', async () => {
      const { reply } = await command(USERS.stranger, 'status credit limit model');
      expect(reply.response_type).toBe('ephemeral');
      const t = textOf(reply);
      expect(t).toContain(`\`${seed.ids.credit}\``);
      expect(t).toMatch(/\*EU AI Act tier:\* High-risk — High-risk under Art\. 6\(2\)/);
      expect(t).toContain(`accountable <@${USERS.owner2}> · reviewer <@${USERS.owner2}> · approver <@${USERS.admin}>`);
      expect(t).toMatch(/\*Evidence:\* 1 of \d+ claims answered\n• EU AI Act .*: 0 of \d+ answered · \d+ open · \*\d+ overdue\*\n• ISO\/IEC 42001:2023: 1 of \d+ answered/);
      expect(t).toMatch(/\*Kind of work:\* risk — Kind of work is risk/);
      expect(t).toMatch(/\*Next review:\* \d{4}-\d{2}-\d{2} \(every 90 days\)/);
      expect(t).toContain('1 open exception');
      expect(t).toContain('*Why it is classified this way*');
    });

    it('finds a record by its id too', async () => {
      const { reply } = await command(USERS.owner, `status ${seed.ids.ranker}`);
      expect(textOf(reply)).toContain('Applicant ranker');
    });

    it('says clearly when no system has that id or name, escaping what was typed', async () => {
      const { reply } = await command(USERS.owner, 'status <!here> nothing');
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toBe('No AI system has the id or name “&lt;!here&gt; nothing”. `/aigov mine` lists yours; ids look like `sys_…`.');
    });

    it('asks which system when none is named', async () => {
      const { ack } = await command(USERS.owner, 'status', { expectReply: false });
      expect(ack).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Usage: `/aigov status <id or name>`') });
    });
  });

  describe('export', () => {
    it('delivers the Statement of Applicability to an admin as a file in their DM, after answering at once', async () => {
      const before = app.fake.uploadedFiles().length;
      const { ack } = await command(USERS.admin, 'export soa', { expectReply: false });
      expect(ack).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Building the soa export (csv)') });
      const file = await app.fake.waitFor(() => app.fake.uploadedFiles()[before]);
      expect(file).toMatchObject({ channelId: dmChannelOf(USERS.admin), title: 'Statement of Applicability (ISO/IEC 42001 Annex A)' });
      expect(file.filename).toMatch(/^aigov-soa-\d{8}T\d{4}Z\.csv$/);
      expect(file.initialComment).toMatch(/generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      const rows = parse(file.content!.toString('utf8'), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(38);
      const audit = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'export.generated'), eq(auditEvents.actorId, USERS.admin)));
      expect(audit.map((a) => a.subjectId)).toContain('soa');
    });

    it('takes a format and, for a dossier, the system', async () => {
      const before = app.fake.uploadedFiles().length;
      await command(USERS.admin, 'export dossier Applicant ranker', { expectReply: false });
      const file = await app.fake.waitFor(() => app.fake.uploadedFiles()[before]);
      expect(file.filename).toMatch(/^aigov-dossier-applicant-ranker-\d{8}T\d{4}Z\.md$/);
      expect(file.content!.toString('utf8')).toMatch(/^# AI system dossier: Applicant ranker/);
      await command(USERS.admin, 'export nist-profile md', { expectReply: false });
      const profile = await app.fake.waitFor(() => app.fake.uploadedFiles()[before + 1]);
      expect(profile.content!.toString('utf8')).toMatch(/^# NIST AI RMF 1\.0 coverage profile/);
    });

    it('delivers the workbook and the PDFs as the bytes written, not as text', async () => {
      const before = app.fake.uploadedFiles().length;
      await command(USERS.admin, 'export workbook', { expectReply: false });
      const workbook = await app.fake.waitFor(() => app.fake.uploadedFiles()[before], 30_000);
      expect(workbook).toMatchObject({ title: 'Audit workbook (all registers)' });
      expect(workbook.filename).toMatch(/^aigov-workbook-\d{8}T\d{4}Z\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(workbook.content! as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toContain('Evidence matrix');
      await command(USERS.admin, 'export soa pdf', { expectReply: false });
      const soa = await app.fake.waitFor(() => app.fake.uploadedFiles()[before + 1], 30_000);
      expect(soa.filename).toMatch(/^aigov-soa-\d{8}T\d{4}Z\.pdf$/);
      expect(soa.content!.subarray(0, 5).toString()).toBe('%PDF-');
      await command(USERS.admin, 'export dossier pdf Applicant ranker', { expectReply: false });
      const dossier = await app.fake.waitFor(() => app.fake.uploadedFiles()[before + 2], 30_000);
      expect(dossier.filename).toMatch(/^aigov-dossier-applicant-ranker-\d{8}T\d{4}Z\.pdf$/);
      expect(dossier.content!.subarray(-6).toString()).toMatch(/%%EOF/);
    }, 120_000);

    it('tells the admin ephemerally when the dossier names no system, and uploads nothing', async () => {
      const before = app.fake.uploadedFiles().length;
      const { reply } = await command(USERS.admin, 'export dossier No such thing');
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toBe('No AI system has the id or name "No such thing".');
      expect(app.fake.uploadedFiles()).toHaveLength(before);
    });

    it('refuses anyone else ephemerally and builds nothing', async () => {
      const before = app.fake.uploadedFiles().length;
      const mark = app.fake.mark();
      const { ack } = await command(USERS.owner, 'export soa', { expectReply: false });
      expect(ack).toEqual({ response_type: 'ephemeral', text: 'Exports are for governance admins (AIGOV_ADMINS). Ask one of them for the file.' });
      await new Promise((r) => setTimeout(r, 200));
      expect(app.fake.uploadedFiles()).toHaveLength(before);
      expect(app.fake.since(mark, 'files.getUploadURLExternal')).toEqual([]);
    });

    it('explains the kinds when an admin asks for one that does not exist', async () => {
      const { ack } = await command(USERS.admin, 'export everything', { expectReply: false });
      expect(ack.text).toMatch(/^`everything` is not an export I know\. Usage: /);
      expect(ack.text).toContain('`nist-profile`');
    });
  });
});
