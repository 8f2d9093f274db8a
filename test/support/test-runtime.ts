import { PassThrough } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import type { Database } from '../../src/db/client.js';
import { runCli } from '../../src/cli/main.js';
import { silentLogger } from './logger.js';
import { CHANNELS, USERS } from './test-app.js';

/** The runtime the CLI builds, on a test database and (optionally) a fake Slack. */
export function testRuntime(database: Database, apiUrl = 'http://127.0.0.1:1/api/', env: Record<string, string> = {}): Promise<Runtime> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: apiUrl, AIGOV_GOVERNANCE_CHANNEL: CHANNELS.governance, AIGOV_INTAKE_CHANNEL: CHANNELS.intake,
    AIGOV_ADMINS: USERS.admin, AIGOV_TZ: 'UTC', AIGOV_CANVASES: 'off', ...env,
  }, 'cli-slack');
  return createRuntime(config, silentLogger, database);
}

/** Runs `aigov …args` in-process against a runtime; returns exit code and captured output. */
export async function runAigov(runtime: Runtime, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(args, { stdout, stderr, env: {} }, { runtime: async () => runtime });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
