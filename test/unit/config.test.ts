import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV' };

function problemsOf(env: Record<string, string>, scope: Parameters<typeof loadConfig>[1] = 'server'): string[] {
  try {
    loadConfig(env, scope);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

describe('configuration', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig(base, 'server');
    expect(c).toMatchObject({
      port: 3000, database: { url: undefined, dataDir: './data' }, channels: { governance: 'C0GOV', intake: 'C0GOV' }, admins: [],
      schedules: { sweepCron: '0 * * * *', digestCron: '0 9 * * 1', enabled: true }, timeZone: 'UTC', slack: { mode: 'http', apiUrl: 'https://slack.com/api/' },
    });
  });

  it('chooses Socket Mode when only an app token is set', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV' }, 'server');
    expect(c.slack.mode).toBe('socket');
  });

  it('lists every missing setting at once and says where to get it', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/SLACK_BOT_TOKEN is required — get it from .*manifest\.yml/);
    expect(problems.join('\n')).toMatch(/AIGOV_GOVERNANCE_CHANNEL is required/);
    expect(problems.join('\n')).toMatch(/SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ AIGOV_TZ: 'Mars/Olympus' }, 'AIGOV_TZ'],
    [{ AIGOV_SWEEP_CRON: 'every hour' }, 'AIGOV_SWEEP_CRON'],
    [{ AIGOV_ADMINS: 'U1AA,bob' }, 'AIGOV_ADMINS'],
    [{ AIGOV_GOVERNANCE_CHANNEL: '#governance' }, 'AIGOV_GOVERNANCE_CHANNEL'],
    [{ AIGOV_SCHEDULER: 'maybe' }, 'AIGOV_SCHEDULER'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SLACK_BOT_TOKEN: 'not-a-token' }, 'SLACK_BOT_TOKEN'],
  ])('rejects a malformed %o', (bad, name) => {
    expect(problemsOf({ ...base, ...bad }).some((p) => p.startsWith(name))).toBe(true);
  });

  it('never echoes a secret value in its messages', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxq-supersecret', SLACK_SIGNING_SECRET: 'sssh', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', DATABASE_URL: 'mysql://u:hunter2@h/db' });
    expect(problems.join('\n')).not.toMatch(/supersecret|hunter2|sssh/);
  });

  it('lets data-only CLI commands run without Slack settings', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }, 'cli-data').database.url).toBe('postgres://h/db');
    expect(problemsOf({}, 'cli-slack')).toHaveLength(2);
  });
});

describe('configuration from a copied .env.example', () => {
  const example = { SLACK_BOT_TOKEN: 'xoxb-...', SLACK_APP_TOKEN: 'xapp-...', AIGOV_GOVERNANCE_CHANNEL: 'C0123456789' };

  it('refuses the placeholders as placeholders, naming each and where the real value comes from', () => {
    const problems = problemsOf(example);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^SLACK_BOT_TOKEN is still the placeholder from \.env\.example \("xoxb-\.\.\."\): get the real value from the Bot User OAuth Token/);
    expect(problems.join('\n')).toMatch(/SLACK_APP_TOKEN is still the placeholder.*, or delete the line to use HTTP mode \(SLACK_SIGNING_SECRET\)/);
    expect(problems.join('\n')).toMatch(/AIGOV_GOVERNANCE_CHANNEL is still the placeholder .*channel ID/);
  });

  it('lets a data command run on the database settings alone, ignoring Slack settings it does not use', () => {
    const c = loadConfig({ ...example, SLACK_SIGNING_SECRET: '', AIGOV_SWEEP_CRON: 'every hour', AIGOV_DATA_DIR: '/tmp/x' }, 'cli-data');
    expect(c.database.dataDir).toBe('/tmp/x');
    expect(c.channels.governance).toBe('');
    expect(problemsOf({}, 'cli-data')).toEqual([]);
  });
});
