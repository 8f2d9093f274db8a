import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../support/fake-slack.js';
import { createTestDatabase, onPostgres } from '../../support/test-db.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs the server entry point as `npm start` would (through tsx, so no build is needed). */
function runServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

const slackEnv = (apiUrl = 'http://127.0.0.1:1/api/') => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'sssh-not-logged', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', SLACK_API_URL: apiUrl, AIGOV_SCHEDULER: 'off' });

describe('the server process', () => {
  it('exits non-zero listing every missing setting and where to get it', async () => {
    const run = runServer({});
    expect(await run.exited).not.toBe(0);
    expect(run.stderr()).toMatch(/SLACK_BOT_TOKEN is required/);
    expect(run.stderr()).toMatch(/AIGOV_GOVERNANCE_CHANNEL is required/);
    expect(run.stderr()).toMatch(/manifest\.yml/);
  }, 30_000);

  it('exits 1 naming the database host, never the password, when PostgreSQL is unreachable', async () => {
    const run = runServer({ ...slackEnv(), DATABASE_URL: 'postgresql://aigov:hunter2@127.0.0.1:1/aigov', PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/aigov/);
    expect(run.stderr()).not.toMatch(/hunter2|sssh-not-logged/);
  }, 30_000);

  it('stops cleanly on SIGTERM: health goes away, the process exits 0 within 10 seconds', async () => {
    const fake = await startFakeSlack();
    const database = onPostgres() ? await createTestDatabase() : null;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-proc-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = runServer({ ...slackEnv(fake.apiUrl), PORT: String(port), AIGOV_DATA_DIR: dataDir, ...(database ? { DATABASE_URL: (database as { url?: string }).url! } : {}) });
    try {
      let healthy = false;
      for (let i = 0; i < 240 && !healthy; i++) {
        healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
        if (!healthy) await new Promise((r) => setTimeout(r, 250));
      }
      expect(healthy).toBe(true);
      const started = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(run.stderr()).not.toMatch(/sssh-not-logged|xoxb-test/);
    } finally {
      run.child.kill('SIGKILL');
      await database?.close();
      await fake.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
