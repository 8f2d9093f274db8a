import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { openDatabase } from '../src/db/client.js';
import { openMigratedDatabase } from '../src/runtime.js';
import { heading, mb, say, table } from './support/report.js';
import { seedAuditEvents, seedClaims, seedSystems } from './support/seed-scale.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SYSTEMS = 10_000;
const CLAIMS = 60_000;
const AUDIT_EVENTS = 100_000;
const ROUNDS = 3;
const EXPORTS: string[][] = [
  ['export', 'inventory', '--format', 'csv'],
  ['export', 'inventory', '--format', 'json'],
  ['export', 'evidence-matrix', '--format', 'csv'],
  ['export', 'audit', '--format', 'jsonl'],
];

interface Timed { ms: number; bytes: number; peakRssBytes: number; code: number | null; stderr: string }

/**
 * The embedded database with 10,000 systems: each export run by the CLI owning the PGlite folder, then
 * the same export while a server owns it (the CLI hands it over the data folder's socket). Wall time from
 * spawning `aigov` to its exit, bytes read from its stdout, the CLI's peak memory, and the server's
 * resident memory before and after. Both run the compiled code (`npm run build` first).
 */
export async function benchCliThroughServer(): Promise<boolean> {
  heading('CLI export alone and through a server, embedded database (PGlite)');
  if (!fs.existsSync(path.join(ROOT, 'dist/src/main.js'))) {
    say('SKIPPED: dist/ is missing; run `npm run build` first.');
    return false;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-bench-cli-'));
  const dataDir = path.join(work, 'data');
  try {
    const seeded = Date.now();
    const database = await openMigratedDatabase({ database: { url: undefined, dataDir } }, pino({ level: 'silent' }), await openDatabase({ dataDir }));
    const now = new Date();
    await seedSystems(database.db, now, { systems: SYSTEMS, owners: 1_500 });
    await seedClaims(database.db, now, CLAIMS);
    await seedAuditEvents(database.db, now, AUDIT_EVENTS, SYSTEMS);
    await database.close();
    say(`seeded ${SYSTEMS} systems, ${CLAIMS} claims, ${AUDIT_EVENTS} audit events in ${((Date.now() - seeded) / 1000).toFixed(0)} s`);

    const env = { PATH: process.env.PATH!, AIGOV_DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-bench', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', SLACK_API_URL: 'http://127.0.0.1:1/api/' };
    const alone: Timed[][] = [];
    for (const args of EXPORTS) alone.push(await rounds(args, env));

    const port = await freePort();
    const server = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
      cwd: ROOT, env: { ...env, SLACK_SIGNING_SECRET: 'bench', PORT: String(port), AIGOV_SCHEDULER: 'off', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await waitHealthy(port);
      const before = serverMemory(server.pid!);
      const served: Timed[][] = [];
      for (const args of EXPORTS) served.push(await rounds(args, env));
      const after = serverMemory(server.pid!);

      const rows = [['export', 'CLI alone (median)', 'through the server (median)', 'bytes', 'CLI peak RSS alone / through']];
      EXPORTS.forEach((args, i) => {
        const a = median(alone[i]!);
        const s = median(served[i]!);
        rows.push([args.slice(1).join(' '), `${(a.ms / 1000).toFixed(2)} s`, `${(s.ms / 1000).toFixed(2)} s`, mb(s.bytes), `${mb(a.peakRssBytes)} / ${mb(s.peakRssBytes)}`]);
      });
      say(table(rows));
      say(`server resident memory: ${mb(before.rss)} before the exports, ${mb(after.rss)} after; its peak ${mb(before.hwm)} before, ${mb(after.hwm)} after`);
      const failed = [...alone, ...served].flat().filter((t) => t.code !== 0);
      for (const f of failed) say(`FAILED: exit ${f.code}: ${f.stderr.trim()}`);
      const same = EXPORTS.every((_, i) => alone[i]!.every((t) => t.bytes === served[i]![0]!.bytes));
      say(same ? 'every export wrote the same number of bytes alone and through the server' : 'MISMATCH: byte counts differ between the CLI alone and through the server');
      return failed.length === 0 && same;
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function rounds(args: string[], env: Record<string, string>): Promise<Timed[]> {
  const out: Timed[] = [];
  for (let i = 0; i < ROUNDS; i++) out.push(await timedCli(args, env));
  return out;
}

/** `aigov …args`, its stdout counted and dropped; its peak RSS reported by the process itself as it exits. */
function timedCli(args: string[], env: Record<string, string>): Promise<Timed> {
  const entry = `process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS * 1024)));`
    + `import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/src/cli/main.js')).href)}).then((m) => m.main(process.argv.slice(1)))`;
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', entry, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let bytes = 0;
  let stderr = '';
  let rss = '';
  child.stdout!.on('data', (d: Buffer) => { bytes += d.length; });
  child.stderr!.on('data', (d) => { stderr += String(d); });
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => { rss += String(d); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ ms: performance.now() - started, bytes, peakRssBytes: Number(rss) || 0, code, stderr })));
}

function median(runs: Timed[]): Timed {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

function serverMemory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address() as net.AddressInfo; srv.close(() => resolve(port)); });
  });
}

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become healthy');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = await benchCliThroughServer();
  process.exitCode = ok ? 0 : 3;
}
