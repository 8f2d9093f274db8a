import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnAigov, spawnServer } from '../../support/aigov-process.js';
import { startFakeSlack } from '../../support/fake-slack.js';

/**
 * The path a new operator takes from a fresh clone: copy .env.example to .env, start, import the sample
 * inventory before Slack is set up, export. Each runs as its own process in a folder of its own.
 */
describe('the first hour', () => {
  const made: string[] = [];
  afterAll(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
  const folderWithEnv = (extra = '') => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-first-hour-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, '.env'), `${fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8')}\n${extra}`);
    return dir;
  };

  it('npm start with .env copied from .env.example reads it and names each placeholder still in it', async () => {
    const dir = folderWithEnv();
    const run = spawnServer({ cwd: dir });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/SLACK_BOT_TOKEN is still the placeholder from \.env\.example/);
    expect(run.stderr()).toMatch(/AIGOV_GOVERNANCE_CHANNEL is still the placeholder from \.env\.example/);
    // The schedules in .env.example are read as valid cron expressions.
    expect(run.stderr()).not.toMatch(/CRON/);
  }, 60_000);

  it('npm start with a bot token Slack refuses exits 1 naming the token and where to copy it from', async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      const dir = folderWithEnv([
        'SLACK_BOT_TOKEN=xoxb-wrong', 'SLACK_SIGNING_SECRET=sssh', 'SLACK_APP_TOKEN=', 'AIGOV_GOVERNANCE_CHANNEL=C0GOV', 'PORT=0', 'AIGOV_DATA_DIR=./embedded',
      ].join('\n'));
      const run = spawnServer({ cwd: dir, env: { SLACK_API_URL: fake.apiUrl } });
      expect(await run.exited).toBe(1);
      expect(run.stderr().trim().split('\n').at(-1)).toMatch(/^aigov failed to start: Slack at 127\.0\.0\.1:\d+ refused SLACK_BOT_TOKEN \(invalid_auth\): copy the Bot User OAuth Token \(xoxb-…\) again from OAuth & Permissions/);
      expect(run.stderr()).not.toContain('xoxb-wrong');
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('imports the sample inventory with only the database set, from .env, then exports it', async () => {
    const dir = folderWithEnv('AIGOV_DATA_DIR=./embedded\n');
    const imported = spawnAigov(['import', 'inventory', path.join(ROOT, 'docs', 'samples', 'inventory.csv')], { cwd: dir });
    expect(await imported.exited).toBe(0);
    expect(imported.stderr()).toBe('');
    expect(imported.stdout()).toMatch(/inventory\.csv: 7 rows; 7 registered, 0 unchanged\n$/);
    expect(fs.existsSync(path.join(dir, 'embedded', 'pglite'))).toBe(true);

    // A reader that stops early (`| head`) ends the export quietly.
    const exported = spawnAigov(['export', 'inventory', '--format', 'csv'], { cwd: dir });
    exported.child.stdout.destroy();
    expect(await exported.exited).toBe(0);
    expect(exported.stderr()).toBe('');

    // --format defaults to the first format listed (json for the inventory).
    const listed = spawnAigov(['export', 'inventory'], { cwd: dir });
    expect(await listed.exited).toBe(0);
    expect((JSON.parse(listed.stdout()) as { name: string }[]).map((s) => s.name)).toContain('Résumé parser');
  }, 120_000);
});
