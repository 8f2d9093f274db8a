import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { AppBlock } from '../../../src/outbox/app-block.js';
import type { DeliveryFailure } from '../../../src/slack/gateway.js';

function setUp() {
  const lines: { level: number; msg: string; reason?: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => { lines.push(JSON.parse(line)); } });
  const clock = { ms: 0 };
  const block = new AppBlock({ logger, now: () => clock.ms });
  let answer: DeliveryFailure | null = { kind: 'app_blocked', detail: 'token_revoked' };
  let probes = 0;
  const probe = async () => { probes += 1; return answer; };
  return {
    block, clock, lines,
    probe,
    probes: () => probes,
    answer: (next: DeliveryFailure | null) => { answer = next; },
    errors: () => lines.filter((l) => l.level === 50),
    infos: () => lines.filter((l) => l.level === 30),
  };
}

/** Steps the clock a second at a time up to `untilMs`, asking to claim each step; returns when probes ran. */
async function probeTimes(t: ReturnType<typeof setUp>, untilMs: number): Promise<number[]> {
  const at: number[] = [];
  for (; t.clock.ms <= untilMs; t.clock.ms += 1000) {
    const before = t.probes();
    await t.block.mayClaim(t.probe);
    if (t.probes() > before) at.push(t.clock.ms);
  }
  return at;
}

describe('pausing the outbox while Slack refuses the app itself', () => {
  it('claims freely until a delivery is refused for the whole app', async () => {
    const t = setUp();
    expect(await t.block.mayClaim(t.probe)).toBe(true);
    expect(t.probes()).toBe(0);
    expect(t.block.report()).toEqual({ blocked: false });
  });

  it('probes after 5 s, then doubles the wait up to 5 minutes', async () => {
    const t = setUp();
    t.block.block('token_revoked');
    const at = await probeTimes(t, 1_000_000);
    expect(at.slice(0, 8)).toEqual([5_000, 15_000, 35_000, 75_000, 155_000, 315_000, 615_000, 915_000]);
  });

  it('says why and since when it is blocked, and takes a new app-wide reason from a probe', async () => {
    const t = setUp();
    t.clock.ms = 60_000;
    t.block.block('token_revoked');
    expect(t.block.report()).toEqual({ blocked: true, reason: 'token_revoked', since: new Date(60_000).toISOString(), nextProbeAt: new Date(65_000).toISOString() });
    t.answer({ kind: 'app_blocked', detail: 'account_inactive' });
    t.clock.ms = 65_000;
    expect(await t.block.mayClaim(t.probe)).toBe(false);
    expect(t.block.blockedBy).toBe('account_inactive');
    t.answer({ kind: 'transient', detail: 'request failed: ECONNREFUSED' });
    t.clock.ms = 75_000;
    expect(await t.block.mayClaim(t.probe)).toBe(false);
    expect(t.block.blockedBy).toBe('account_inactive');
  });

  it('logs the block once and the recovery once, however many refusals and probes come between', async () => {
    const t = setUp();
    t.block.block('token_revoked');
    t.block.block('token_revoked');
    await probeTimes(t, 120_000);
    t.answer(null);
    t.clock.ms = 155_000;
    expect(await t.block.mayClaim(t.probe)).toBe(true);
    t.block.delivered();
    t.block.delivered();
    expect(t.errors()).toHaveLength(1);
    expect(t.errors()[0]).toMatchObject({ reason: 'token_revoked' });
    expect(t.errors()[0]!.msg).toMatch(/SLACK_BOT_TOKEN/);
    expect(t.infos()).toHaveLength(1);
    expect(t.infos()[0]!.msg).toMatch(/accepts the app again/);
  });

  it('treats a refusal right after a passing probe as the same episode, still backing off', async () => {
    const t = setUp();
    t.block.block('missing_scope');
    t.answer(null);
    t.clock.ms = 5_000;
    expect(await t.block.mayClaim(t.probe)).toBe(true);
    t.block.block('missing_scope');
    expect(t.block.report()).toMatchObject({ blocked: true, nextProbeAt: new Date(15_000).toISOString() });
    expect(t.errors()).toHaveLength(1);
  });

  it('starts the next episode from the short wait once a message got through', async () => {
    const t = setUp();
    t.block.block('token_revoked');
    await probeTimes(t, 40_000);
    t.answer(null);
    t.clock.ms = 75_000;
    await t.block.mayClaim(t.probe);
    t.block.delivered();
    t.block.block('invalid_auth');
    expect(t.block.report()).toMatchObject({ nextProbeAt: new Date(80_000).toISOString() });
    expect(t.errors()).toHaveLength(2);
  });

  it('runs one probe for callers that ask at the same time', async () => {
    const t = setUp();
    t.block.block('token_revoked');
    t.answer(null);
    t.clock.ms = 5_000;
    expect(await Promise.all([t.block.mayClaim(t.probe), t.block.mayClaim(t.probe)])).toEqual([true, true]);
    expect(t.probes()).toBe(1);
  });
});
