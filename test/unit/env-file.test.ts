import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { withEnvFile } from '../../src/env-file.js';
import { loadConfig } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('settings from a .env file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-env-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (text: string) => { const p = path.join(dir, `${Math.random()}.env`); fs.writeFileSync(p, text); return p; };

  it('reads the file, and a variable set in the environment wins over it', () => {
    const env = withEnvFile({ PORT: '4000' }, file('PORT=3100\nAIGOV_TZ=Europe/Berlin\n# a comment\n'));
    expect(env).toMatchObject({ PORT: '4000', AIGOV_TZ: 'Europe/Berlin' });
  });

  it('changes nothing when there is no file', () => {
    const env = { PORT: '1' };
    expect(withEnvFile(env, path.join(dir, 'missing.env'))).toBe(env);
  });

  it('reads .env.example as shipped: its schedules are valid, and the file can also be sourced by a shell', () => {
    const example = path.join(ROOT, '.env.example');
    const env = withEnvFile({}, example);
    expect(env.AIGOV_SWEEP_CRON).toBe('0 * * * *');
    expect(env.AIGOV_DIGEST_CRON).toBe('0 9 * * 1');
    expect(loadConfig(env, 'cli-data').schedules.sweepCron).toBe('0 * * * *');
    // Unquoted, `0 * * * *` is glob-expanded by the shell and runs a file name as a command.
    const sourced = execFileSync('sh', ['-c', `set -a; . "${example}"; printf '%s|%s' "$AIGOV_SWEEP_CRON" "$AIGOV_DIGEST_CRON"`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(sourced).toBe('0 * * * *|0 9 * * 1');
  });
});
