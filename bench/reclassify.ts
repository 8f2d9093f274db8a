import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { asc, gt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import * as schema from '../src/db/schema/index.js';
import { aiSystems } from '../src/db/schema/index.js';
import { openMigratedDatabase, policyFrom, type Runtime } from '../src/runtime.js';
import { jobContext } from '../src/jobs/job-context.js';
import { reclassifyInventory } from '../src/app/classification/reclassify-inventory.js';
import { factsOf } from '../src/db/repos/systems.js';
import { classifyIntake } from '../src/domain/classify-intake.js';
import { datesIn } from '../src/domain/reclassification.js';
import { createBenchDatabase } from './support/bench-database.js';
import { heading, mb, peakRssBytes, say, table, verdict } from './support/report.js';
import { FULL_SCALE, seedClaims, seedDeliveredMessages, seedSystems } from './support/seed-scale.js';

const TARGET_MS = 15_000;
// A smaller inventory (BENCH_SYSTEMS=2500) shows whether memory grows with its size: it should not.
const SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? FULL_SCALE.systems);
const SCALE = { ...FULL_SCALE, systems: SYSTEMS, claims: SYSTEMS * (FULL_SCALE.claims / FULL_SCALE.systems) };
const silent = pino({ level: 'silent' });

/**
 * `aigov reclassify` at scale: 10,000 systems and 200,000 claims on PostgreSQL, classified under the
 * previous rules, where every Annex III system's stored classification gives another legal date than
 * this release's rules. The seeding runs here; the re-classification runs in a child process of its own,
 * so its peak memory is its own. Prints wall time, peak RSS, RSS sampled during the run, and the DMs
 * queued (one per owner with a changed system, not one per system).
 */
export async function benchReclassify(): Promise<boolean> {
  heading('aigov reclassify at scale');
  const bench = await createBenchDatabase({ allowPglite: false, poolSize: 4 });
  if ('unavailable' in bench) {
    say(`SKIPPED: ${bench.unavailable}. This benchmark needs PostgreSQL: set BENCH_DATABASE_URL.`);
    return false;
  }
  try {
    say(`database: ${bench.description}`);
    await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silent, bench.database);
    const now = new Date();
    const seeded = await seed(bench.database.db, now);
    say(`seeded: ${seeded.systems.toLocaleString('en-GB')} systems, ${seeded.claims.toLocaleString('en-GB')} claims, ${seeded.annexIII.toLocaleString('en-GB')} Annex III systems `
      + `(their stored classification gives ${seeded.oldDate} where this release's gives other dates) owned by ${seeded.annexIIIOwners.toLocaleString('en-GB')} owners; ${(seeded.ms / 1000).toFixed(1)} s`);
    const out = await runChild(bench.url!);
    const first = out.runs[0]!;
    const ok = first.ms < TARGET_MS && out.dms === seeded.annexIIIOwners && out.summaries === 1;
    say(table([
      ['run', 'ms', 'CPU ms', 'PostgreSQL CPU ms', 'target < 15 s', 'examined', 'changed', 'RSS before', 'RSS min–max during', 'peak RSS', 'DMs queued', 'summaries'],
      ...out.runs.map((r, i) => [i === 0 ? 'reclassify: first run' : 'reclassify: again (no-op)', r.ms.toFixed(0), r.cpuMs.toFixed(0), i === 0 && r.postgresCpuMs != null ? r.postgresCpuMs.toFixed(0) : '-', verdict(r.ms < TARGET_MS), String(r.examined), String(r.changed),
        mb(r.rssBefore), `${mb(r.rssMin)}–${mb(r.rssMax)}`, mb(r.peakRss), i === 0 ? String(out.dms) : String(out.dmsAfterRepeat - out.dms), i === 0 ? String(out.summaries) : '0']),
    ]));
    say(`DMs queued: ${out.dms} for ${seeded.annexIIIOwners} owners with a changed system (${first.changed} systems changed): ${out.dms === seeded.annexIIIOwners ? 'one per owner' : 'NOT one per owner'}; governance summaries: ${out.summaries}`);
    say(`by kind of change: ${JSON.stringify(first.byKind)}; reviews opened: ${first.reviewsOpened}`);
    say(`milliseconds per step of the first run (summed over batches): ${JSON.stringify(first.stepMs)}`);
    say(`load average now: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} (the machine's cores are shared: figures from a busy machine are pessimistic)`);
    return ok;
  } finally {
    await bench.dispose();
  }
}

async function seed(db: Db, now: Date) {
  const started = performance.now();
  await seedSystems(db, now, SCALE);
  await seedClaims(db, now, SCALE.claims);
  // Announcements and evidence cards already delivered, and a classification row per system.
  await seedDeliveredMessages(db, now);
  // What the previous release stored: the classification this release computes, except that every
  // Annex III system's reasons give another date (the realistic case: 2 Aug 2026, moved by 2026/1744).
  let after = '';
  let annexIII = 0;
  let oldDate = '2 Aug 2026';
  for (;;) {
    const page = await db.select().from(aiSystems).where(gt(aiSystems.id, after)).orderBy(asc(aiSystems.id)).limit(1000);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    const rows = page.map((s) => {
      const computed = classifyIntake(factsOf(s).data!);
      if (s.annexIIIPoint) {
        annexIII += 1;
        // The previous release recorded neither binding laws nor the dates table's dates: only its reasons gave dates.
        for (const field of ['bindingSources', 'statutoryDates', 'colorado']) delete (computed as unknown as Record<string, unknown>)[field];
        if (computed.reasons.some((r) => datesIn(r).includes('2026-08-02'))) oldDate = '2 Aug 2025';
        computed.reasons = [...computed.reasons.map((r) => r.replace(/\b\d{1,2} [A-Z][a-z]+ 20\d\d\b/g, oldDate)), `High-risk obligations under Annex III apply from ${oldDate}.`];
      }
      return { id: s.currentClassificationId, computed };
    });
    await db.execute(sql`update classifications c set computed = r.computed, rules_version = 'classify-intake/1'
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id text, computed jsonb) where c.id = r.id`);
  }
  const [owners] = await db.execute(sql`select count(distinct owner_id)::int as n from ai_systems where annex_iii_point is not null`) as unknown as { n: number }[];
  const [claims] = await db.execute(sql`select count(*)::int as n from evidence_claims`) as unknown as { n: number }[];
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`).catch(() => {});
  return { systems: SCALE.systems, claims: claims!.n, annexIII, annexIIIOwners: owners!.n, oldDate, ms: performance.now() - started };
}

interface RunFigures { postgresCpuMs?: number | null; cpuMs: number; stepMs: Record<string, number>; ms: number; examined: number; changed: number; byKind: Record<string, number>; reviewsOpened: number; rssBefore: number; rssMin: number; rssMax: number; peakRss: number }
interface ChildOutput { runs: RunFigures[]; dms: number; dmsAfterRepeat: number; summaries: number }

function runChild(url: string): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), '--child', url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += String(d); });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildOutput) : reject(new Error(`reclassify run exited ${code}`))));
  });
}

/** The timed part, in a process that has done nothing else: the CLI's work, as `aigov reclassify` does it. */
async function child(url: string): Promise<void> {
  const client = postgres(url, { max: 4, onnotice: () => {}, connection: { application_name: BACKEND_NAME } });
  const db = drizzle({ client, schema }) as unknown as Db;
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', AIGOV_INTAKE_CHANNEL: 'C0INTAKE', AIGOV_ADMINS: 'U0ADMIN1' }, 'cli-slack');
  const runtime = { database: { db }, logger: silent, policy: policyFrom(config), dispatcher: { kick: () => {} } } as unknown as Runtime;
  const runs: RunFigures[] = [];
  for (let i = 0; i < 2; i += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssMin = rssBefore;
    let rssMax = rssBefore;
    const sampler = setInterval(() => { const r = process.memoryUsage().rss; rssMin = Math.min(rssMin, r); rssMax = Math.max(rssMax, r); }, 50);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await reclassifyInventory({ ctx: jobContext(runtime, 'reclassify', new Date(), 'cli') });
    const ms = performance.now() - started;
    clearInterval(sampler);
    const used = process.cpuUsage(cpu);
    runs.push({ cpuMs: (used.user + used.system) / 1000, stepMs: result.stepMs, ms, examined: result.examined, changed: result.changed, byKind: result.byKind, reviewsOpened: result.reviewsOpened, rssBefore, rssMin, rssMax, peakRss: peakRssBytes() });
    if (i === 0) {
      runs[0]!.postgresCpuMs = await backendCpuMs(client);
      const [dms] = await client<{ n: number }[]>`select count(*)::int as n from outbox_messages where idempotency_key like 'reclassified:%'`;
      const [summaries] = await client<{ n: number }[]>`select count(*)::int as n from outbox_messages where idempotency_key like 'reclassified-summary:%'`;
      Object.assign(runs[0]!, { dms: dms!.n, summaries: summaries!.n });
    }
  }
  const [after] = await client<{ n: number }[]>`select count(*)::int as n from outbox_messages where idempotency_key like 'reclassified:%'`;
  const first = runs[0] as RunFigures & { dms: number; summaries: number };
  process.stdout.write(`${JSON.stringify({ runs, dms: first.dms, summaries: first.summaries, dmsAfterRepeat: after!.n })}\n`);
  await client.end({ timeout: 5 });
}

const BACKEND_NAME = 'aigov-reclassify-bench';

/**
 * CPU time of this process's PostgreSQL backends (from /proc, Linux with the server on this machine):
 * with ours it says how much work the run is, apart from the time spent waiting for a busy machine's cores.
 */
async function backendCpuMs(client: postgres.Sql): Promise<number | null> {
  try {
    const pids = await client<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${BACKEND_NAME}`;
    let ticks = 0;
    for (const { pid } of pids) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10;
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--child') await child(process.argv[3]!);
  else process.exitCode = (await benchReclassify()) ? 0 : 3;
}
