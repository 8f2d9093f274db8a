import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { machineDescription } from './support/report.js';
import { reachablePostgres } from './support/bench-database.js';

/** `npm run bench` runs them all; `npm run bench -- ack|sweep|delivery|reclassify|cli|workbook|embedded` runs the ones named. */
const BENCHMARKS = {
  ack: 'ack-latency.ts',
  sweep: 'sweep-digest.ts',
  delivery: 'delivery.ts',
  reclassify: 'reclassify.ts',
  cli: 'cli-through-server.ts',
  workbook: 'workbook-export.ts',
  embedded: 'embedded-start.ts',
} as const;
type Name = keyof typeof BENCHMARKS;

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(a in BENCHMARKS));
if (unknown.length) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}\n`);
  process.exit(2);
}
const selected = (asked.length ? asked : Object.keys(BENCHMARKS)) as Name[];

const server = await reachablePostgres();
process.stdout.write(`aigov benchmarks — ${new Date().toISOString()}\n`);
process.stdout.write(`machine: ${machineDescription()}\n`);
process.stdout.write(`PostgreSQL: ${'version' in server ? server.version : `unreachable (${server.problem})`}\n`);
process.stdout.write(`load average at start: ${loadAverage()} (figures from a busy machine are pessimistic)\n`);

// Each benchmark runs in a fresh process: its peak memory and event loop are its own.
const outcomes: [Name, string][] = [];
for (const name of selected) {
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(new URL(BENCHMARKS[name], import.meta.url))], { stdio: 'inherit' });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
  outcomes.push([name, code === 0 ? `all targets met (${took})` : code === 3 ? `some targets missed (${took})` : `FAILED to run, exit ${code} (${took})`]);
}
process.stdout.write(`\nload average at end: ${loadAverage()}\n`);
for (const [name, outcome] of outcomes) process.stdout.write(`${name}: ${outcome}\n`);
// Figures, not tests: a missed target is reported above and never fails the command; only a crash does.
process.exitCode = outcomes.some(([, o]) => o.startsWith('FAILED')) ? 1 : 0;

function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(' ');
}
