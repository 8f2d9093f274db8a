import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { aiSystems, auditEvents, classifications, evidenceClaims, intakeRequests, workflowStepRuns } from '../../src/db/schema/index.js';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { SystemFacts } from '../../src/domain/system-facts.js';
import { FUNCTIONS } from '../../src/slack/ids.js';
import { CHANNELS, startTestApp, USERS, type TestApp } from '../support/test-app.js';
import type { FakeFunctionExecution } from '../support/fake-slack.js';
import { APP_ID, TEAM_ID } from '../support/fake-slack.js';
import { loadManifest, type SlackFunction } from '../support/manifest.js';
import { mrkdwnTexts } from '../support/message-text.js';
import type { SendOptions } from '../support/slack-client.js';
import { verbContext } from '../support/verb-context.js';

const manifest = loadManifest();
const REGISTER = manifest.functions![FUNCTIONS.registerSystem]!;
const REQUEST_EVIDENCE = manifest.functions![FUNCTIONS.requestEvidence]!;

const SCREENING_INPUTS = {
  name: 'Vendor CV screener', purpose: 'Ranks job applicants for recruiters.', owner: USERS.owner, lifecycle_stage: 'deployed',
  operator_role: 'deployer', data_categories: 'personal', annex_iii_point: '4(a)', supplier: 'HireCo', eu_nexus: '', profiling: true,
  requested_by: USERS.requester,
};

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('Workflow Builder steps', () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(); });
  afterAll(async () => { await app?.stop(); });

  const db = () => app.database.db;

  /** Slack starts an execution of the step and sends function_executed, signed; resolves once the app has ended the step. */
  async function runStep(definition: SlackFunction, callbackId: string, inputs: Record<string, unknown>, options?: SendOptions): Promise<FakeFunctionExecution> {
    const execution = app.fake.startFunctionExecution({ callbackId, outputParameters: definition.output_parameters });
    const res = await app.slack.functionExecuted({ execution, definition, inputs }, options);
    expect(res.status).toBe(200);
    await app.fake.waitFor(() => app.fake.functionExecution(execution.id)!.state !== 'running');
    return app.fake.functionExecution(execution.id)!;
  }
  const completions = (execution: FakeFunctionExecution) =>
    [...app.fake.calls('functions.completeSuccess'), ...app.fake.calls('functions.completeError')].filter((c) => c.args.function_execution_id === execution.id);

  describe('Register an AI system', () => {
    it('registers and classifies the system, outputs its id, tier, primary source and a link, and ends the step with the execution token', async () => {
      const mark = app.fake.mark();
      const execution = await runStep(REGISTER, FUNCTIONS.registerSystem, SCREENING_INPUTS);

      expect(execution.state).toBe('completed');
      const [system] = await db().select().from(aiSystems).where(eq(aiSystems.name, 'Vendor CV screener'));
      expect(system).toMatchObject({ ownerId: USERS.owner, riskTier: 'high', primarySource: 'eu-ai-act', supplier: 'HireCo', euNexus: true, profiling: true });
      expect(execution.outputs).toEqual({
        system_id: system!.id, tier: 'high', primary_source: 'eu-ai-act', link: `https://slack.com/app_redirect?app=${APP_ID}&team=${TEAM_ID}`,
      });
      const [completion] = completions(execution);
      expect(completion?.token).toBe(execution.botAccessToken);
      expect(await db().select().from(classifications).where(eq(classifications.systemId, system!.id))).toHaveLength(1);
      expect((await db().select().from(evidenceClaims).where(eq(evidenceClaims.systemId, system!.id))).length).toBeGreaterThan(5);

      await app.deliver();
      const posts = app.fake.since(mark, 'chat.postMessage');
      const announcement = posts.find((c) => c.args.channel === CHANNELS.intake && JSON.stringify(c.args.blocks).includes('Vendor CV screener'));
      expect(mrkdwnTexts(announcement?.args.blocks).join('\n')).toContain(`registered by <@${USERS.requester}>`);
      expect(JSON.stringify(posts.find((c) => c.args.channel === USERS.owner)?.args.blocks)).toContain('Submit evidence');
    });

    it('records who ran the workflow and from which step and execution in the audit trail', async () => {
      const execution = await runStep(REGISTER, FUNCTIONS.registerSystem, { ...SCREENING_INPUTS, name: 'Invoice reader', annex_iii_point: '', profiling: false });

      const [event] = await db().select().from(auditEvents)
        .where(and(eq(auditEvents.action, 'system.registered'), eq(auditEvents.subjectId, execution.outputs!.system_id as string)));
      expect(event?.actorId).toBe(USERS.requester);
      expect(event?.origin).toMatchObject({
        via: 'slack', surface: 'workflow_step', workflowStep: FUNCTIONS.registerSystem, functionExecutionId: execution.id, workflowExecutionId: execution.workflowExecutionId,
      });
    });

    it('says a Workflow Builder step registered the system when the workflow names no person', async () => {
      const mark = app.fake.mark();
      const { requested_by: _none, ...inputs } = SCREENING_INPUTS;
      const execution = await runStep(REGISTER, FUNCTIONS.registerSystem, { ...inputs, name: 'Scheduled intake bot' });

      expect(execution.state).toBe('completed');
      const [event] = await db().select().from(auditEvents)
        .where(and(eq(auditEvents.action, 'system.registered'), eq(auditEvents.subjectId, execution.outputs!.system_id as string)));
      expect(event?.actorId).toBe('workflow');
      await app.deliver();
      const announcement = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.intake && JSON.stringify(c.args.blocks).includes('Scheduled intake bot'));
      expect(mrkdwnTexts(announcement?.args.blocks).join('\n')).toContain('*Scheduled intake bot* registered by a Workflow Builder step');
    });

    it.each([
      [{ lifecycle_stage: 'live' }, 'Input "lifecycle_stage": Invalid option: expected one of'],
      [{ owner: '' }, 'Input "owner": is required.'],
      [{ owner: 'alice' }, 'Input "owner": Must be a Slack user ID'],
      [{ eu_nexus: 'maybe' }, 'Input "eu_nexus": must be yes or no, got "maybe".'],
      [{ art6_3_condition: 'a', annex_iii_point: '' }, 'Input "art6_3_condition": An Art. 6(3) condition only applies to an Annex III system'],
    ])('ends the step with functions.completeError and a plain reason, storing nothing, for %j', async (bad, reason) => {
      const name = `Rejected ${JSON.stringify(bad)}`;
      const execution = await runStep(REGISTER, FUNCTIONS.registerSystem, { ...SCREENING_INPUTS, ...bad, name });

      expect(execution.state).toBe('failed');
      expect(execution.error).toContain(reason);
      expect(execution.error).toContain('Nothing was changed.');
      expect(completions(execution).map((c) => c.method)).toEqual(['functions.completeError']);
      expect(await db().select().from(aiSystems).where(eq(aiSystems.name, name))).toEqual([]);
      expect(await db().select().from(workflowStepRuns).where(eq(workflowStepRuns.functionExecutionId, execution.id))).toEqual([]);
    });

    it('refuses a name already in the inventory with the id of the system that has it', async () => {
      const [taken] = await db().select().from(aiSystems).where(eq(aiSystems.name, 'Vendor CV screener'));
      const execution = await runStep(REGISTER, FUNCTIONS.registerSystem, { ...SCREENING_INPUTS, name: 'vendor cv screener' });

      expect(execution.state).toBe('failed');
      expect(execution.error).toContain(`A system named "Vendor CV screener" is already registered (${taken!.id}).`);
    });

    it('registers once when Slack delivers the same execution again, at once and as a retry, and answers the same outputs', async () => {
      const execution = app.fake.startFunctionExecution({ callbackId: FUNCTIONS.registerSystem, outputParameters: REGISTER.output_parameters });
      const request = { execution, definition: REGISTER, inputs: { ...SCREENING_INPUTS, name: 'Twice-sent screener' } };
      const answers = await Promise.all([app.slack.functionExecuted(request), app.slack.functionExecuted(request)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      await app.fake.waitFor(() => completions(execution).length === 2);
      const retried = await app.slack.functionExecuted(request, { retryNum: 1, retryReason: 'http_timeout' });
      expect(retried.status).toBe(200);
      await app.fake.waitFor(() => completions(execution).length === 3);

      const systems = await db().select().from(aiSystems).where(eq(aiSystems.name, 'Twice-sent screener'));
      expect(systems).toHaveLength(1);
      expect(await db().select().from(intakeRequests).where(eq(intakeRequests.systemId, systems[0]!.id))).toHaveLength(1);
      const calls = completions(execution);
      expect(calls.map((c) => c.method)).toEqual(['functions.completeSuccess', 'functions.completeSuccess', 'functions.completeSuccess']);
      expect(new Set(calls.map((c) => JSON.stringify(c.args.outputs)))).toEqual(new Set([JSON.stringify({
        system_id: systems[0]!.id, tier: 'high', primary_source: 'eu-ai-act', link: `https://slack.com/app_redirect?app=${APP_ID}&team=${TEAM_ID}`,
      })]));
      expect(calls.filter((c) => c.ok)).toHaveLength(1);
      expect(calls.filter((c) => !c.ok).map((c) => c.response?.error)).toEqual(['execution_not_in_running_state', 'execution_not_in_running_state']);
      expect(app.fake.functionExecution(execution.id)!.outputs?.system_id).toBe(systems[0]!.id);
    });
  });

  describe('Request evidence', () => {
    let system: { id: string; name: string };
    let claim: { id: string; requirementId: string; source: string; title: string };
    beforeAll(async () => {
      const facts = SystemFacts.parse({ name: 'Supplier chatbot', purpose: 'Answers supplier questions.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', transparency: ['interacts_with_people'] });
      const { systemId } = await registerSystem({ ctx: verbContext(db(), USERS.requester), input: { facts, idempotencyKey: 'workflow-steps:chatbot', announce: false, requestEvidence: false } });
      system = { id: systemId!, name: facts.name };
      [claim] = await db().select().from(evidenceClaims)
        .where(and(eq(evidenceClaims.systemId, system.id), eq(evidenceClaims.source, 'iso-42001'))).orderBy(evidenceClaims.requirementId).limit(1) as unknown as [typeof claim];
    });

    it("hands the claim to the owner with the due date, outputs it, records it, and DMs the owner a notice and their evidence card", async () => {
      const mark = app.fake.mark();
      const due = daysFromNow(14);
      const execution = await runStep(REQUEST_EVIDENCE, FUNCTIONS.requestEvidence, {
        system: system.name, requirement: claim.requirementId.toLowerCase(), owner: USERS.owner2, due_date: due, requested_by: USERS.requester,
      });

      expect(execution.state, execution.error).toBe('completed');
      expect(execution.outputs).toEqual({ claim_id: claim.id, system_id: system.id, requirement: `${claim.requirementId} — ${claim.title}`, due_date: due });
      expect(completions(execution)[0]?.token).toBe(execution.botAccessToken);
      const [stored] = await db().select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
      expect(stored).toMatchObject({ ownerId: USERS.owner2, status: 'requested' });
      expect(stored!.dueAt.toISOString()).toBe(`${due}T00:00:00.000Z`);
      const audit = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, claim.id));
      expect(audit.map((a) => [a.action, a.actorId])).toEqual(expect.arrayContaining([['evidence.reassigned', USERS.requester], ['evidence.requested', USERS.requester]]));

      await app.deliver();
      const dms = app.fake.since(mark, 'chat.postMessage').filter((c) => c.args.channel === USERS.owner2);
      const notice = dms.map((c) => mrkdwnTexts(c.args.blocks).join('\n')).find((t) => t.includes('asks you for evidence'));
      expect(notice).toContain(`<@${USERS.requester}> asks you for evidence for *Supplier chatbot* (\`${system.id}\`) by *${due}*`);
      expect(notice).toContain(claim.requirementId);
      expect(dms.some((c) => JSON.stringify(c.args.blocks).includes('Submit evidence'))).toBe(true);
    });

    it('asks again for evidence already answered: the claim goes stale with the reason and keeps its artifact', async () => {
      const [answered] = await db().select().from(evidenceClaims)
        .where(and(eq(evidenceClaims.systemId, system.id), eq(evidenceClaims.source, 'nist-ai-rmf'))).orderBy(evidenceClaims.requirementId).limit(1);
      // As if the owner had submitted evidence: the state this step meets in a real register.
      await db().update(evidenceClaims).set({ status: 'submitted', artifactId: 'art_on_file', answeredAt: new Date() }).where(eq(evidenceClaims.id, answered!.id));
      const due = daysFromNow(21);
      const execution = await runStep(REQUEST_EVIDENCE, FUNCTIONS.requestEvidence, { system: system.id, requirement: answered!.requirementId, owner: USERS.owner, due_date: due });

      expect(execution.state, execution.error).toBe('completed');
      const [stored] = await db().select().from(evidenceClaims).where(eq(evidenceClaims.id, answered!.id));
      expect(stored).toMatchObject({ status: 'stale', artifactId: 'art_on_file', ownerId: USERS.owner });
      expect(stored!.staleReason).toBe(`Asked for again by a request due ${due}; the evidence on file stays until new evidence replaces it.`);
      const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectId, answered!.id), eq(auditEvents.action, 'evidence.requested')));
      expect(event).toMatchObject({ actorId: 'workflow', before: { status: 'submitted' }, after: { status: 'stale' } });
    });

    it('asks once when the same execution arrives again', async () => {
      const execution = app.fake.startFunctionExecution({ callbackId: FUNCTIONS.requestEvidence, outputParameters: REQUEST_EVIDENCE.output_parameters });
      const inputs = { system: system.id, requirement: `${claim.source}:${claim.requirementId}`, owner: USERS.owner, due_date: daysFromNow(30) };
      await app.slack.functionExecuted({ execution, definition: REQUEST_EVIDENCE, inputs });
      await app.fake.waitFor(() => completions(execution).length === 1);
      await app.slack.functionExecuted({ execution, definition: REQUEST_EVIDENCE, inputs }, { retryNum: 1 });
      await app.fake.waitFor(() => completions(execution).length === 2);

      const requested = await db().select({ n: sql<number>`count(*)::int` }).from(auditEvents)
        .where(and(eq(auditEvents.subjectId, claim.id), eq(auditEvents.action, 'evidence.requested'), sql`${auditEvents.origin}->>'functionExecutionId' = ${execution.id}`));
      expect(requested[0]!.n).toBe(1);
      expect(completions(execution).map((c) => c.args.outputs)).toEqual([execution.outputs, execution.outputs]);
    });

    it.each([
      [{ system: 'No such system' }, 'No AI system is registered as "No such system"'],
      [{ requirement: 'Z.99' }, 'has no evidence claim for requirement "Z.99". Its evidence matrix has, for example:'],
      [{ due_date: daysFromNow(-1) }, 'Choose a date after today.'],
      [{ due_date: 'next week' }, 'Input "due_date": must be a date (YYYY-MM-DD).'],
      [{ owner: undefined }, 'Input "owner": is required.'],
    ])('ends the step with a plain reason and changes nothing for %j', async (bad, reason) => {
      const before = await db().select().from(evidenceClaims).where(eq(evidenceClaims.systemId, system.id));
      const inputs = { system: system.name, requirement: claim.requirementId, owner: USERS.stranger, due_date: daysFromNow(10), ...bad };
      const execution = await runStep(REQUEST_EVIDENCE, FUNCTIONS.requestEvidence, inputs);

      expect(execution.state).toBe('failed');
      expect(execution.error).toContain(reason);
      expect(await db().select().from(evidenceClaims).where(eq(evidenceClaims.systemId, system.id))).toEqual(before);
    });
  });
});
