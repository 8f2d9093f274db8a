import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { periodContaining, validateCron } from '../../../src/domain/schedule-period.js';
import { startCronTimer } from '../../../src/jobs/cron-timer.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV' };
const NOW = new Date('2026-11-25T12:34:56.000Z');

function configAccepts(expr: string): boolean {
  try {
    loadConfig({ ...base, AIGOV_DIGEST_CRON: expr, AIGOV_SWEEP_CRON: expr }, 'server');
    return true;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    expect(err.problems.map((p) => p.split(' ')[0])).toEqual(['AIGOV_SWEEP_CRON', 'AIGOV_DIGEST_CRON']);
    return false;
  }
}

function periodComputes(expr: string): boolean {
  try {
    periodContaining(NOW, expr, 'Europe/Berlin');
    return true;
  } catch (err) {
    expect(err).toBeInstanceOf(RangeError);
    return false;
  }
}

function timerStarts(expr: string): boolean {
  try {
    startCronTimer(expr, 'Europe/Berlin', () => {}).stop();
    return true;
  } catch {
    return false;
  }
}

describe('one cron judgement for configuration, periods and the scheduler', () => {
  it.each([
    ['0 9 * * 1', true],
    ['0 9 * * 1-5', true],
    ['0 * * * *', true],
    ['*/15 * * * *', true],
    ['*/30 * * * * *', true],
    ['0 0 9 * * 1', true],
    ['@daily', true],
    ['@weekly', true],
    ['0 9 * JAN MON', true],
    ['0 9 * * THU', true],
    ['0 9 L * *', true],
    ['*/0 * * * *', false],
    ['60 * * * *', false],
    ['0 24 * * *', false],
    ['0 9 * * 8', false],
    ['5-1 * * * *', false],
    ['0 9 31 2 *', false],
    ['0 9 * * 1,', false],
    ['* * * * * * *', false],
    ['H 9 * * 1', false],
    ['H/5 * * * *', false],
    ['every hour', false],
    ['   ', false],
  ])('%j: accepted everywhere is %s', (expr, valid) => {
    expect({ validate: validateCron(expr) === null, config: configAccepts(expr), period: periodComputes(expr), timer: timerStarts(expr) })
      .toEqual({ validate: valid, config: valid, period: valid, timer: valid });
  });

  it('refuses an empty expression for periods; configuration reads an empty setting as unset and takes the default', () => {
    expect(validateCron('')).toMatch(/empty/);
    expect(periodComputes('')).toBe(false);
    expect(loadConfig({ ...base, AIGOV_DIGEST_CRON: '' }, 'server').schedules.digestCron).toBe('0 9 * * 1');
  });

  it('names the setting and gives an example in the start-up error', () => {
    expect(() => loadConfig({ ...base, AIGOV_DIGEST_CRON: '60 * * * *' }, 'server')).toThrow(ConfigError);
    try {
      loadConfig({ ...base, AIGOV_DIGEST_CRON: '60 * * * *' }, 'server');
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([expect.stringMatching(/^AIGOV_DIGEST_CRON "60 \* \* \* \*" is not a valid cron expression \(e\.g\. "0 9 \* \* 1" for Monday 09:00\): .*range 0-59/)]);
    }
  });
});

describe('the scheduler fires at the start of each period', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('fires once per hour, on the hour, each fire opening the period the digest computes', async () => {
    vi.useFakeTimers({ now: new Date('2026-10-24T22:59:59.000Z') });
    const fires: Date[] = [];
    const timer = startCronTimer('0 * * * *', 'Europe/Berlin', (at) => fires.push(at));
    // Across the autumn change in Berlin: 00:00Z and 01:00Z are both 02:00 local, and each is its own period.
    await vi.advanceTimersByTimeAsync(4 * 3_600_000);
    timer.stop();
    expect(fires.map((d) => d.toISOString())).toEqual(['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    for (const at of fires) expect(periodContaining(at, '0 * * * *', 'Europe/Berlin').start).toEqual(at);
  });

  it('sleeps in steps through a wait longer than a timer allows and still fires once, on time', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00.000Z') });
    const fires: string[] = [];
    const timer = startCronTimer('0 9 1 3 *', 'UTC', (at) => fires.push(at.toISOString()));
    await vi.advanceTimersByTimeAsync(70 * 24 * 3_600_000);
    timer.stop();
    expect(fires).toEqual(['2026-03-01T09:00:00.000Z']);
  });

  it('fires nothing once stopped', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T08:59:00.000Z') });
    const fires: Date[] = [];
    startCronTimer('0 9 * * 1', 'UTC', (at) => fires.push(at)).stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fires).toEqual([]);
  });
});
