import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { openMigratedDatabase } from '../src/runtime.js';
import { findExport } from '../src/app/exports/index.js';
import { createBenchDatabase } from './support/bench-database.js';
import { heading, mb, say, table, verdict } from './support/report.js';
import { seedArtifacts, seedClaims, seedExceptions, seedReviewHistory, seedSystems } from './support/seed-scale.js';

const silent = pino({ level: 'silent' });
// Flat memory: the full-scale workbook may use at most this much more memory than one a tenth its size.
const FLAT_RATIO = 1.5;
const SCALES = [
  { label: '1,000 systems / 20,000 claims', systems: 1_000, claims: 20_000 },
  { label: '10,000 systems / 200,000 claims', systems: 10_000, claims: 200_000 },
];

/** Resident memory sampled every 20 ms while fn runs: the peak of this run, not of the process so far. */
async function sampledPeak<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number; before: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peak, before };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `aigov export workbook --format xlsx` over a tenth of the scale and the full scale (10,000 systems,
 * 200,000 claims with their artifacts, reviews and exceptions) on PostgreSQL, written to a file as the CLI
 * would write it to a redirected stdout: time, file size, and the memory each run added at its peak.
 */
export async function benchWorkbook(): Promise<boolean> {
  heading('Audit workbook at scale');
  const rows: string[][] = [['inventory', 'seconds', 'xlsx size', 'RSS before', 'peak RSS', 'added at peak']];
  const added: number[] = [];
  for (const scale of SCALES) {
    const bench = await createBenchDatabase({ allowPglite: true, poolSize: 4 });
    if ('unavailable' in bench) throw new Error(bench.unavailable);
    try {
      if (scale === SCALES[0]) say(`database: ${bench.description}`);
      await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silent, bench.database);
      const now = new Date();
      const db: Db = bench.database.db;
      const seeding = Date.now();
      await seedSystems(db, now, { systems: scale.systems, owners: Math.max(50, scale.systems / 7) });
      await seedClaims(db, now, scale.claims);
      await seedArtifacts(db, now);
      await seedReviewHistory(db);
      await seedExceptions(db, now, Math.round(scale.systems / 5));
      await db.execute(sql`analyze`);
      say(`seeded ${scale.label} in ${((Date.now() - seeding) / 1000).toFixed(0)} s`);
      const file = path.join(os.tmpdir(), `aigov-bench-workbook-${process.pid}.xlsx`);
      const started = performance.now();
      const { peak, before } = await sampledPeak(async () => {
        const out = fs.createWriteStream(file);
        const workbook = findExport('workbook')!;
        await workbook.run(workbook.params.parse({ format: 'xlsx' }), { database: bench.database }, out);
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      });
      const seconds = (performance.now() - started) / 1000;
      const size = fs.statSync(file).size;
      fs.rmSync(file, { force: true });
      added.push(peak - before);
      rows.push([scale.label, seconds.toFixed(1), mb(size), mb(before), mb(peak), mb(peak - before)]);
    } finally {
      await bench.dispose();
    }
  }
  say(table(rows));
  const flat = added[1]! <= added[0]! * FLAT_RATIO + 32 * 1024 * 1024;
  say(`memory added at full scale vs a tenth of it: ${mb(added[1]!)} vs ${mb(added[0]!)} — flat (at most ${FLAT_RATIO}× + 32 MB): ${verdict(flat)}`);
  return flat;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchWorkbook().then((ok) => { process.exitCode = ok ? 0 : 3; }, (err) => { console.error(err); process.exitCode = 1; });
}
