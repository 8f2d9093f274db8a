import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** `aigov …args` as its own process, from the sources (no build needed), in any working folder. */
export function spawnAigov(args: string[], opts: { cwd: string; env?: Record<string, string> }) {
  return spawnEntry(path.join(ROOT, 'test', 'support', 'aigov-cli.ts'), args, opts);
}

/** `npm start` as its own process, from the sources, in any working folder. */
export function spawnServer(opts: { cwd: string; env?: Record<string, string> }) {
  return spawnEntry(path.join(ROOT, 'src', 'main.ts'), [], opts);
}

function spawnEntry(entry: string, args: string[], opts: { cwd: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, ['--import', TSX, entry, ...args], {
    cwd: opts.cwd, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += String(d); });
  child.stderr.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}
