import { USERS, CHANNELS } from '../../support/test-app.js';
import { registerThroughModal } from '../../support/intake-flow.js';
import { schedulerAt } from '../../support/governance-fixtures.js';
import { runSweep } from '../../../src/app/sweep/run-sweep.js';
import { postDigest } from '../../../src/app/digest/post-digest.js';
import { describe, expect, it } from '../../support/fixtures.js';

describe('message metadata', () => {
  it('ties every message aigov posts to its record, so a message and its record find each other without parsing text', async ({ app }) => {
    const mark = app.fake.mark();
    await registerThroughModal(app, USERS.requester, { name: 'Metadata ranker', annexIII: '4(a)' });
    await registerThroughModal(app, USERS.requester, { name: 'Metadata screener', prohibited: '5(1)(c)' });
    const later = new Date(Date.now() + 30 * 86_400_000);
    await runSweep({ ctx: schedulerAt(app.database.db, later) });
    await postDigest({ ctx: schedulerAt(app.database.db, later), input: { cron: '0 9 * * 1' } });
    await app.deliver();

    const posts = app.fake.since(mark, 'chat.postMessage').filter((c) => c.ok);
    // The announcement, the owner's evidence card, the prohibited alert, escalations and the digest at least.
    expect(posts.length).toBeGreaterThanOrEqual(5);
    expect(posts.filter((c) => c.args.channel === CHANNELS.governance).length).toBeGreaterThan(0);
    const untagged = posts.filter((c) => !(c.args.metadata?.event_type as string | undefined)?.startsWith('aigov_'));
    expect(untagged.map((c) => c.args.text)).toEqual([]);
    for (const p of posts) expect(Object.values(p.args.metadata.event_payload).length).toBeGreaterThan(0);
    const types = new Set(posts.map((c) => c.args.metadata.event_type));
    expect(types).toContain('aigov_system');
    expect(types).toContain('aigov_digest');
  });
});
