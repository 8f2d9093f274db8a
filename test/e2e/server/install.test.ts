import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A folder laid out like a production install (or the Docker image): no node_modules/typescript. */
function productionFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-install-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(path.join(ROOT, 'scripts', 'prepare.mjs'), path.join(dir, 'scripts', 'prepare.mjs'));
  return dir;
}

describe('installing', () => {
  const made: string[] = [];
  afterEach(() => { for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

  it('a production install without the compiler keeps the compiled code instead of failing on tsc', () => {
    const dir = productionFolder();
    made.push(dir);
    fs.mkdirSync(path.join(dir, 'dist', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'src', 'main.js'), '');
    const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/using the compiled code already in dist\//);
  });

  it('a production install with nothing compiled says how to build, in one line', () => {
    const dir = productionFolder();
    made.push(dir);
    const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/npm ci && npm run build.*npm prune --omit=dev/);
  });

  it('the Docker build context leaves out installed and built output, local data and secrets', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', 'data', '.env', '.git']) expect(ignored).toContain(entry);
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    // The runtime stage has no compiler: npx's install of the package runs prepare, which must be there.
    expect(dockerfile).toMatch(/COPY scripts\/prepare\.mjs/);
  });
});
