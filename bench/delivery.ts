import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { openMigratedDatabase } from '../src/runtime.js';
import { outboxMessages } from '../src/db/schema/index.js';
import { enqueue } from '../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../src/outbox/dispatcher.js';
import { createSlackGateway } from '../src/slack/gateway.js';
import { createBenchDatabase } from './support/bench-database.js';
import { FakeSlackProcess } from './support/fake-slack-process.js';
import { testRenderer } from '../test/support/event-renderer.js';
import { heading, say, table, verdict } from './support/report.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000);
/** 100 a second: Slack's chat.postMessage allows about one a second per channel and bursts; this is the method's budget. */
const PER_MINUTE = Number(process.env.BENCH_RATE_PER_MINUTE ?? 6_000);
/** A sliding one-second window: the allowance can't be spent in one burst per minute and waited out. */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 1_000);
const TARGET_FRACTION = 0.9;
const TIMEOUT_MS = 120_000;
const silent = pino({ level: 'silent' });

/**
 * 2,000 DMs queued in the outbox, delivered by the server's dispatcher against a fake Slack that allows
 * chat.postMessage at a fixed rate and answers 429 with Retry-After past it. Reports the rate achieved
 * against the rate allowed, the 429s provoked, and checks every message arrived exactly once.
 */
export async function benchDelivery(): Promise<boolean> {
  heading('Delivery at Slack rate limits');
  const bench = await createBenchDatabase({ allowPglite: true });
  if ('unavailable' in bench) throw new Error(bench.unavailable);
  const fake = await FakeSlackProcess.start();
  let dispatcher: OutboxDispatcher | undefined;
  try {
    say(`database: ${bench.description}`);
    const { db } = await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silent, bench.database);
    const run = randomBytes(3).toString('hex');
    const marker = (i: number) => `[bench ${run} #${i}]`;
    const started = performance.now();
    for (let from = 0; from < MESSAGES; from += 200) {
      await db.transaction(async (tx) => {
        for (let i = from; i < Math.min(MESSAGES, from + 200); i++) {
          const user = `U0DM${String(i).padStart(5, '0')}`;
          await enqueue(tx, {
            kind: 'slack.post.v1', channel: user, text: `Evidence is due for 3 requirements ${marker(i)}`,
            blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*Evidence is due* for 3 requirements of _Claims triage model_ ${marker(i)}` } }],
          }, { idempotencyKey: `bench-dm:${run}:${i}` });
        }
      });
    }
    say(`queued ${MESSAGES} DMs in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const allowedPerSecond = PER_MINUTE / 60;
    await fake.limit('chat.postMessage', PER_MINUTE, { windowMs: WINDOW_MS });
    say(`fake Slack allows chat.postMessage at ${allowedPerSecond.toFixed(0)}/s (${Math.round(allowedPerSecond * WINDOW_MS / 1000)} per sliding ${WINDOW_MS / 1000} s window), 429 + Retry-After (whole seconds, as Slack sends it) past that`);

    dispatcher = new OutboxDispatcher({ db, renderer: testRenderer(db), gateway: createSlackGateway({ token: 'xoxb-bench', apiUrl: fake.apiUrl }), logger: silent });
    const t0 = Date.now();
    dispatcher.start();
    const pending = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(inArray(outboxMessages.status, ['pending', 'sending'])))[0]!.n;
    while ((await pending()) > 0 && Date.now() - t0 < TIMEOUT_MS) await new Promise((r) => setTimeout(r, 100));
    await dispatcher.stop();
    dispatcher = undefined;

    const posts = await fake.posts();
    const accepted = posts.filter((p) => p.ok);
    const refused = posts.filter((p) => p.status === 429);
    const last = Math.max(...accepted.map((p) => p.at));
    const seconds = (last - t0) / 1000;
    const achieved = accepted.length / seconds;
    const fraction = achieved / allowedPerSecond;

    const byMarker = new Map<number, number>();
    for (const p of accepted) {
      const i = Number(/#(\d+)\]$/.exec(p.text)?.[1]);
      byMarker.set(i, (byMarker.get(i) ?? 0) + 1);
    }
    const lost = Array.from({ length: MESSAGES }, (_, i) => i).filter((i) => !byMarker.has(i));
    const duplicated = [...byMarker].filter(([, n]) => n > 1);
    const rows = await db.select({ status: outboxMessages.status, n: sql<number>`count(*)::int` }).from(outboxMessages).groupBy(outboxMessages.status);
    const stored = await db.select({ ts: outboxMessages.resultTs }).from(outboxMessages);
    const tsKnown = new Set(accepted.map((p) => p.ts));
    const tsMismatch = stored.filter((r) => !r.ts || !tsKnown.has(r.ts)).length;

    say(table([
      ['delivered', 'seconds', 'achieved/s', 'allowed/s', 'fraction', `target ≥ ${TARGET_FRACTION}`, '429s provoked', 'lost', 'duplicated', 'outbox rows'],
      [String(accepted.length), seconds.toFixed(1), achieved.toFixed(1), allowedPerSecond.toFixed(0), fraction.toFixed(2), verdict(fraction >= TARGET_FRACTION),
        String(refused.length), String(lost.length), String(duplicated.length), rows.map((r) => `${r.status} ${r.n}`).join(', ')],
    ]));
    say(`every outbox row records the ts Slack returned for it: ${tsMismatch === 0 ? 'yes' : `no (${tsMismatch} rows without a matching ts)`}`);
    say(`timeline: ${timeline(accepted.map((p) => p.at - t0), refused.map((p) => p.at - t0), seconds)}`);
    return fraction >= TARGET_FRACTION && lost.length === 0 && duplicated.length === 0 && tsMismatch === 0;
  } finally {
    await dispatcher?.stop();
    await fake.close();
    await bench.dispose();
  }
}

/** Posts accepted and refused per second of the run, to show whether the dispatcher paces or bursts and waits. */
function timeline(acceptedMs: number[], refusedMs: number[], seconds: number): string {
  const buckets = Math.max(1, Math.ceil(seconds));
  const ok = new Array<number>(buckets).fill(0);
  const no = new Array<number>(buckets).fill(0);
  for (const at of acceptedMs) ok[Math.min(buckets - 1, Math.floor(at / 1000))]! += 1;
  for (const at of refusedMs) no[Math.min(buckets - 1, Math.floor(at / 1000))]! += 1;
  return ok.map((n, i) => `${n}${no[i] ? `/${no[i]}×429` : ''}`).join(' ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = await benchDelivery();
  process.exitCode = ok ? 0 : 3;
}
