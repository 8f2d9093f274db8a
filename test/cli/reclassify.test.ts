import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { classifications } from '../../src/db/schema/index.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';
import { USERS } from '../support/test-app.js';
import { DAY, quietSystem } from '../support/governance-fixtures.js';
import { ageClassification } from '../support/reclassification-fixtures.js';

const T = new Date('2026-11-02T10:00:00Z');

describe('aigov reclassify', () => {
  let database: Database;
  let fake: FakeSlack;
  let runtime: Runtime;
  let screener: string;

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    fake = await startFakeSlack();
    runtime = await testRuntime(database, fake.apiUrl);
    screener = await quietSystem(database.db, 'CLI resume screener', new Date(T.getTime() - 30 * DAY), { facts: { annexIIIPoint: '4(a)' } });
    await ageClassification(database.db, screener, (c) => {
      c.tier = { value: 'transparency', reason: 'Old rules: transparency.', refs: [] };
      c.primarySource = { value: 'iso-42001', reason: 'Old rules: ISO.', refs: [] };
    });
    const unchanged = await quietSystem(database.db, 'CLI shift planner', new Date(T.getTime() - 30 * DAY), { owner: USERS.owner2 });
    await ageClassification(database.db, unchanged);
  });
  afterAll(async () => {
    await runtime?.dispatcher.stop();
    
    await fake?.close();
  });

  it('prints the diff as text on a dry run, with old and new outcomes and reasons, and changes nothing', async () => {
    const rows = (await database.db.select().from(classifications)).length;
    const result = await runAigov(runtime, ['reclassify', '--dry-run']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`${screener}  CLI resume screener  (owner ${USERS.owner})`);
    expect(result.stdout).toMatch(/tier: +transparency → high — /);
    expect(result.stdout).toMatch(/primary source: +iso-42001 → eu-ai-act — /);
    expect(result.stdout).toMatch(/binding sources: /);
    expect(result.stdout).not.toContain('CLI shift planner');
    expect(result.stdout).toContain('2 systems classified under other rules; 1 would change');
    expect(result.stdout).toContain('Dry run: nothing was stored or sent');
    expect((await database.db.select().from(classifications)).length).toBe(rows);
    expect(fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('prints the same diff as JSON', async () => {
    const result = await runAigov(runtime, ['reclassify', '--dry-run', '--format', 'json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { dryRun: boolean; examined: number; changed: number; systems: { systemId: string; change: { tier: { from: string; to: string }; kinds: string[] } }[] };
    expect(out).toMatchObject({ dryRun: true, examined: 2, changed: 1 });
    expect(out.systems).toEqual([expect.objectContaining({ systemId: screener, change: expect.objectContaining({ tier: expect.objectContaining({ from: 'transparency', to: 'high' }) }) })]);
    expect(out.systems[0]!.change.kinds).toEqual(expect.arrayContaining(['tier', 'primary_source']));
  });

  it('stores the change, DMs the owner once and posts one summary, then does nothing when run again', async () => {
    const result = await runAigov(runtime, ['reclassify', '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ dryRun: false, examined: 2, changed: 1, notified: { owners: 1, summary: true }, undelivered: 0 });
    const dms = fake.dmsTo(USERS.owner);
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]!.args.blocks)).toContain('CLI resume screener');
    expect(fake.dmsTo(USERS.owner2)).toHaveLength(0);
    expect(fake.postsTo('C0GOV').filter((c) => String(c.args.text).startsWith('The inventory was reclassified'))).toHaveLength(1);

    const posted = fake.calls('chat.postMessage').length;
    const again = await runAigov(runtime, ['reclassify']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 systems classified under other rules; 0 changed');
    expect(fake.calls('chat.postMessage')).toHaveLength(posted);
  });

  it('refuses an unknown format or flag with exit status 2', async () => {
    expect(await runAigov(runtime, ['reclassify', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of text, json') });
    expect((await runAigov(runtime, ['reclassify', '--force'])).code).toBe(2);
  });
});
