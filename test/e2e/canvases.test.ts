import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { runSweep } from '../../src/app/sweep/run-sweep.js';
import { canvasAvailability, outboxMessages, slackCanvases } from '../../src/db/schema/index.js';
import { SystemFacts, type SystemFactsInput } from '../../src/domain/system-facts.js';
import { cardKeys } from '../../src/domain/message-keys.js';
import { startTestApp, CHANNELS, USERS, type TestApp } from '../support/test-app.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { mrkdwnTexts } from '../support/message-text.js';
import { verbContext } from '../support/verb-context.js';

const CANVASES_ON = { AIGOV_CANVASES: 'on' } as const;
let counter = 0;

/** Registers a system as the intake form would, with canvases on as the server has them. */
async function register(app: TestApp, facts: Partial<SystemFactsInput> & { name: string }, opts: { requestEvidence?: boolean; announce?: boolean } = {}) {
  const parsed = SystemFacts.parse({ purpose: `${facts.name}: ranks things.`, owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', ...facts });
  const ctx = verbContext(app.database.db, USERS.requester, { policy: { canvases: true } });
  const result = await registerSystem({ ctx, input: { facts: parsed, idempotencyKey: `canvas-test:${++counter}`, announce: opts.announce ?? false, requestEvidence: opts.requestEvidence ?? false } });
  if (result.status !== 'created') throw new Error('not registered');
  return result.systemId;
}

const stored = async (app: TestApp, key: string) => (await app.database.db.select().from(slackCanvases).where(eq(slackCanvases.key, key)))[0];

describe('the governance channel canvas and a canvas per AI system', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: CANVASES_ON });
    await app.deliver();
    expect(app.fake.calls('conversations.canvases.create')).toHaveLength(0);
    await runSweep({ ctx: verbContext(app.database.db, 'system', { policy: { canvases: true }, origin: { via: 'scheduler', job: 'sweep' } }) });
    await app.deliver();
  });
  afterAll(async () => { await app?.stop(); });

  it('calls no canvas method at start, and gives the governance channel one channel canvas at the first sweep, holding every section of the register', async () => {
    const creates = app.fake.calls('conversations.canvases.create');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.ok).toBe(true);
    expect(creates[0]!.args.channel_id).toBe(CHANNELS.governance);
    expect(creates[0]!.args.document_content.type).toBe('markdown');
    const canvas = await stored(app, cardKeys.governanceCanvas());
    const markdown = app.fake.canvasMarkdown(canvas!.canvasId)!;
    for (const heading of ['AI systems by tier and status', 'Overdue, and who holds it', 'Open exceptions and risk acceptances expiring soon', 'Dates set by law coming up', 'Statement of Applicability', 'About this canvas']) {
      expect(markdown).toContain(`## ${heading}\n`);
    }
    expect(canvas!.url).toBe(`https://aigov-test.slack.com/docs/T0AIGOV/${canvas!.canvasId}`);
  });

  it('creates a system\'s canvas at registration, shares it with the owner and the governance channel, and edits only the register\'s changed sections', async () => {
    const mark = app.fake.mark();
    const id = await register(app, { name: 'Applicant ranker', dataCategories: ['personal'], annexIIIPoint: '4(a)', humanOversight: 'A recruiter reviews every ranking.' });
    await app.deliver();
    const created = app.fake.since(mark, 'canvases.create');
    expect(created).toHaveLength(1);
    expect(created[0]!.args.title).toBe('AI system: Applicant ranker');
    expect(created[0]!.args.channel_id).toBeUndefined();
    const system = await stored(app, cardKeys.systemCanvas(id));
    const shares = app.fake.since(mark, 'canvases.access.set').map((c) => c.args);
    expect(shares).toEqual([
      { canvas_id: system!.canvasId, access_level: 'read', user_ids: [USERS.owner] },
      { canvas_id: system!.canvasId, access_level: 'read', channel_ids: [CHANNELS.governance] },
    ]);
    const dossier = app.fake.canvasMarkdown(system!.canvasId)!;
    for (const heading of ['Facts', 'Classification and reasons', 'Binding sources', 'Evidence matrix', 'Reviews', 'Decisions', 'Exceptions', 'Audit summary']) expect(dossier).toContain(`## ${heading}\n`);
    expect(dossier).toContain('![](@U0OWNER1)');
    expect(dossier).toContain('High-risk');

    // The register is edited in place: never a second channel canvas, and only what the new system changed.
    expect(app.fake.since(mark, 'conversations.canvases.create')).toHaveLength(0);
    const edits = app.fake.since(mark, 'canvases.edit');
    expect(edits.length).toBeGreaterThan(0);
    const governance = await stored(app, cardKeys.governanceCanvas());
    for (const e of edits.filter((c) => c.args.canvas_id === governance!.canvasId)) {
      expect(e.args.changes).toHaveLength(1);
      expect(e.args.changes[0].operation).toBe('replace');
      expect(e.args.changes[0].section_id).toMatch(/^temp:C:/);
    }
    const editedHeadings = edits.filter((c) => c.args.canvas_id === governance!.canvasId).map((c) => /^## (.*)$/m.exec(c.args.changes[0].document_content.markdown)![1]);
    expect(editedHeadings).toContain('AI systems by tier and status');
    expect(editedHeadings).not.toContain('Dates set by law coming up');
    const registerMarkdown = app.fake.canvasMarkdown(governance!.canvasId)!;
    expect(registerMarkdown).toContain(`[Applicant ranker](${system!.url})`);
    expect(registerMarkdown.match(/^## AI systems by tier and status$/gm)).toHaveLength(1);

  });


  it('turns a burst of changes into one pending refresh per canvas and one edit of the register', async () => {
    const mark = app.fake.mark();
    for (const name of ['Churn model', 'Demand forecaster', 'Ticket router']) await register(app, { name });
    const pending = await app.database.db.select().from(outboxMessages).where(eq(outboxMessages.cardKey, cardKeys.governanceCanvas()));
    const waiting = pending.filter((r) => r.status === 'pending');
    expect(waiting).toHaveLength(1);
    await app.deliver();
    const governance = await stored(app, cardKeys.governanceCanvas());
    const delivered = await app.database.db.select().from(outboxMessages).where(eq(outboxMessages.cardKey, cardKeys.governanceCanvas()));
    // The waiting row is drawn, or (when a new system canvas got its address first and asked for the
    // register again) coalesced into the one that is; nothing of the register is left pending.
    expect(delivered.filter((r) => r.status === 'pending')).toEqual([]);
    expect(delivered.filter((r) => r.status === 'sent' && r.createdAt >= waiting[0]!.createdAt).length).toBeGreaterThanOrEqual(1);
    // Three registrations do not give three edits: a section is edited once for the burst, and at most once
    // more when the new systems' canvases got the addresses the register links.
    const registerEdits = app.fake.since(mark, 'canvases.edit').filter((c) => c.args.canvas_id === governance!.canvasId);
    const headings = registerEdits.map((c) => /^## (.*)$/m.exec(c.args.changes[0].document_content.markdown)![1]);
    expect(headings).toContain('AI systems by tier and status');
    for (const heading of new Set(headings)) expect(headings.filter((h) => h === heading).length).toBeLessThanOrEqual(2);
    expect(app.fake.canvasMarkdown(governance!.canvasId)).toMatch(/\| \*\*All\*\* \| \*\*4\*\* \| \*\*4\*\* \|/);
  });

  it('escapes user text: a name cannot become a mention, a link or a heading', async () => {
    const id = await register(app, { name: '## Boss ![](@U0ADMIN1) [click](https://evil.example) **now**' });
    await app.deliver();
    const system = await stored(app, cardKeys.systemCanvas(id));
    const dossier = app.fake.canvasMarkdown(system!.canvasId)!;
    expect(dossier).not.toContain('![](@U0ADMIN1)');
    expect(dossier).not.toContain('[click](https://evil.example)');
    expect(dossier).toContain('\\#\\# Boss \\!\\[\\]\\(\\@U0ADMIN1\\)');
    expect(dossier.match(/^## /gm)).toHaveLength(8);
  });

  it('waits out a 429 on canvases.edit and retries, without recreating the canvas', async () => {
    const mark = app.fake.mark();
    app.fake.failNext('canvases.edit', { status: 429, retryAfter: 1 });
    await register(app, { name: 'Fraud scorer', dataCategories: ['personal'], annexIIIPoint: '5(b)', humanOversight: 'An analyst confirms each refusal.' });
    await app.deliver();
    const edits = app.fake.since(mark, 'canvases.edit');
    expect(edits[0]!.status).toBe(429);
    expect(edits.slice(1).every((c) => c.ok)).toBe(true);
    // The retry came after Retry-After (1 s).
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(950);
    expect(edits.length).toBeGreaterThan(1);
    expect(app.fake.since(mark, 'conversations.canvases.create')).toHaveLength(0);
    const governance = await stored(app, cardKeys.governanceCanvas());
    expect(app.fake.canvasMarkdown(governance!.canvasId)).toContain('Fraud scorer');
  });
});

describe('a workspace that cannot have canvases', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
    // A free plan from the first start: Slack refuses every canvas method.
    const fake = await startFakeSlack();
    fake.refuseCanvases('team_tier_cannot_create_channel_canvases');
    app = await startTestApp({ env: CANVASES_ON, fake, logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => { await app?.fake.close(); });
  afterAll(async () => { await app?.stop(); });

  it('logs it once, tells the admin in App Home, keeps working without canvases, and brings them up to date once allowed', async () => {
    await app.deliver();
    const id = await register(app, { name: 'Applicant ranker', dataCategories: ['personal'], annexIIIPoint: '4(a)' }, { requestEvidence: true });
    await app.deliver();
    await register(app, { name: 'Churn model' });
    await app.deliver();
    const [outage] = await app.database.db.select().from(canvasAvailability);
    expect(outage?.reason).toBe('team_tier_cannot_create_channel_canvases');
    expect(logLines.filter((l) => l.includes('does not let aigov use canvases'))).toHaveLength(1);
    // Only the register probes; no system canvas is attempted, and the owner's evidence card still went out.
    expect(app.fake.calls('canvases.create').filter((c) => c.args.title === 'AI system: Churn model')).toHaveLength(0);
    expect(app.fake.dmsTo(USERS.owner).length).toBeGreaterThan(0);
    const rows = await app.database.db.select().from(outboxMessages).where(eq(outboxMessages.cardKey, cardKeys.systemCanvas(id)));
    expect(rows.every((r) => r.status === 'skipped')).toBe(true);

    const res = await app.slack.appHomeOpened({ user: USERS.admin, tab: 'home' });
    expect(res.status).toBe(200);
    await app.fake.waitFor(() => app.fake.homeOf(USERS.admin));
    const home = mrkdwnTexts(app.fake.homeOf(USERS.admin)!.blocks).join('\n');
    expect(home).toContain("*Canvases are off* since");
    expect(home).toContain("this workspace's Slack plan does not let apps create canvases");

    // The plan is upgraded: the next sweep's register refresh succeeds and every canvas is drawn.
    app.fake.refuseCanvases(undefined);
    const mark = app.fake.mark();
    await runSweep({ ctx: verbContext(app.database.db, 'system', { policy: { canvases: true }, origin: { via: 'scheduler', job: 'sweep' } }) });
    await app.deliver();
    expect(await app.database.db.select().from(canvasAvailability)).toHaveLength(0);
    const titles = app.fake.since(mark, 'canvases.create').map((c) => c.args.title).sort();
    expect(titles).toEqual(['AI system: Applicant ranker', 'AI system: Churn model']);
    expect(app.fake.since(mark, 'conversations.canvases.create')).toHaveLength(1);
    expect(logLines.filter((l) => l.includes('canvases are available again'))).toHaveLength(1);
  });
});

describe('a governance channel that already has a channel canvas', () => {
  let app: TestApp;
  beforeAll(async () => {
    const fake = await startFakeSlack();
    // Someone gave the channel its canvas before aigov was installed.
    const res = await fetch(`${fake.apiUrl}conversations.canvases.create`, {
      method: 'POST', headers: { authorization: 'Bearer xoxp-someone', 'content-type': 'application/json' },
      body: JSON.stringify({ channel_id: CHANNELS.governance, document_content: { type: 'markdown', markdown: '# Team notes' } }),
    });
    expect((await res.json() as { ok: boolean }).ok).toBe(true);
    app = await startTestApp({ env: CANVASES_ON, fake });
    await runSweep({ ctx: verbContext(app.database.db, 'system', { policy: { canvases: true }, origin: { via: 'scheduler', job: 'sweep' } }) });
    await app.deliver();
  });
  afterAll(async () => { await app?.fake.close(); });
  afterAll(async () => { await app?.stop(); });

  it('leaves that canvas alone and tabs the register beside it as a standalone canvas', async () => {
    const creates = app.fake.calls('conversations.canvases.create').filter((c) => c.token === 'xoxb-test-token');
    expect(creates.map((c) => c.response?.error)).toEqual(['channel_canvas_already_exists']);
    const tab = app.fake.calls('canvases.create');
    expect(tab).toHaveLength(1);
    expect(tab[0]!.args).toMatchObject({ title: 'AI governance register', channel_id: CHANNELS.governance });
    const [theirs] = app.fake.canvases().filter((c) => c.isChannelCanvas);
    expect(app.fake.canvasMarkdown(theirs!.id)).toBe('# Team notes');
    const ours = await stored(app, cardKeys.governanceCanvas());
    expect(ours!.canvasId).toBe(tab[0]!.response!.canvas_id);
  });

  it('links the system\'s canvas from its announcement card, edited in place once the canvas exists', async () => {
    const mark = app.fake.mark();
    const id = await register(app, { name: 'Announced ranker' }, { announce: true });
    await app.deliver();
    const system = await stored(app, cardKeys.systemCanvas(id));
    const announced = app.fake.since(mark, 'chat.postMessage').filter((c) => c.args.channel === CHANNELS.intake);
    expect(announced).toHaveLength(1);
    expect(JSON.stringify(announced[0]!.args.blocks)).not.toContain(system!.url);
    const redrawn = app.fake.since(mark, 'chat.update').filter((c) => c.args.channel === CHANNELS.intake);
    expect(redrawn).toHaveLength(1);
    expect(JSON.stringify(redrawn[0]!.args.blocks)).toContain(`<${system!.url}|Open the system's canvas>`);
  });
});
