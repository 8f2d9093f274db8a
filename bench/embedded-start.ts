import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../src/db/project-root.js';
import { FakeSlackProcess } from './support/fake-slack-process.js';
import { heading, say, table, verdict } from './support/report.js';

/** The embedded default must fit a 512 MB container with room to work. */
const TARGET = { firstStartMs: 3_000, firstPeakMb: 300, idleMb: 250 };
const IDLE_WAIT_MS = Number(process.env.BENCH_IDLE_MS ?? 10_000);

interface Run { label: string; readyMs: number; peakMb: number; idleMb: number }

/**
 * The built server (`dist/src/main.js`, what `npm start` runs) on the embedded database: once on an empty
 * data folder (the first start) and once more on the folder the first left. Per start: the time from
 * spawning the process to the first 200 from /healthz, the process's peak resident memory (VmHWM), and its
 * resident memory after idling (VmRSS), read from /proc.
 */
export async function benchEmbeddedStart(): Promise<boolean> {
  heading('Embedded database: first start and idle memory');
  const main = path.join(projectRoot(), 'dist', 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  const fake = await FakeSlackProcess.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-bench-data-'));
  try {
    const runs: Run[] = [];
    for (const label of ['first start (empty folder)', 'second start (existing folder)']) {
      runs.push(await startOnce(label, main, dataDir, fake.apiUrl));
    }
    say(table([['start', 'ready', 'peak RSS', `RSS after ${IDLE_WAIT_MS / 1000} s idle`],
      ...runs.map((r) => [r.label, `${r.readyMs} ms`, `${r.peakMb} MB`, `${r.idleMb} MB`])]));
    const first = runs[0]!;
    const checks: [string, boolean][] = [
      [`first start ready under ${TARGET.firstStartMs} ms`, first.readyMs < TARGET.firstStartMs],
      [`first start peak under ${TARGET.firstPeakMb} MB`, first.peakMb < TARGET.firstPeakMb],
      [`idle server under ${TARGET.idleMb} MB`, runs.every((r) => r.idleMb < TARGET.idleMb)],
    ];
    for (const [what, ok] of checks) say(`${verdict(ok)} ${what}`);
    return checks.every(([, ok]) => ok);
  } finally {
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startOnce(label: string, main: string, dataDir: string, apiUrl: string): Promise<Run> {
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production',
    SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: apiUrl,
    AIGOV_GOVERNANCE_CHANNEL: 'C0BENCH01', AIGOV_DATA_DIR: dataDir, PORT: '0', AIGOV_SCHEDULER: 'off', LOG_LEVEL: 'info',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), main], { env, cwd: os.tmpdir(), stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await listeningPort(child);
    await waitHealthy(port);
    const readyMs = Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, IDLE_WAIT_MS));
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { label, readyMs, peakMb: Math.round(kb('VmHWM') / 1024), idleMb: Math.round(kb('VmRSS') / 1024) };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The "aigov started" log line names the port (PORT=0 picks a free one). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /"port":(\d+)[^\n]*"msg":"aigov started"/.exec(buffered);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it started:\n${buffered.slice(-2000)}`)));
  });
}

async function waitHealthy(port: number): Promise<void> {
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const ok = await benchEmbeddedStart();
  process.exitCode = ok ? 0 : 3;
}
