import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../../src/db/schema/index.js';
import type { Database, Db } from '../../src/db/client.js';
import { onPostgres } from '../support/test-db.js';
import { loadOverdueItems } from '../../src/app/sweep/overdue-items.js';
import { loadDigestFacts } from '../../src/db/repos/digest-facts.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { silentLogger } from '../support/logger.js';
import { testRenderer } from '../support/event-renderer.js';
import { refreshEvidenceCard } from '../../src/app/evidence/evidence-card.js';
import { findLikelyDuplicates, findSystemByName } from '../../src/db/repos/systems.js';
import { askReviewers } from '../../src/app/sweep/ask-reviewers.js';
import { loadOwnerReminder } from '../../src/app/sweep/load-owner-reminder.js';
import { loadEscalationCard } from '../../src/app/escalations/load-escalation-card.js';
import { verbContext } from '../support/verb-context.js';

// Tables that grow with the organisation: a query on them must be able to use an index.
const LARGE = ['ai_systems', 'evidence_claims', 'reviews', 'exceptions', 'outbox_messages', 'audit_events', 'escalations', 'statutory_deadlines'];

describe.runIf(onPostgres())('hot queries on PostgreSQL', () => {
  let database: Database & { url?: string };
  let client: postgres.Sql;
  let db: Db;
  const logged: { sql: string; params: unknown[] }[] = [];
  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    client = postgres(database.url!, { max: 1, onnotice: () => {} });
    db = drizzle({ client, schema, logger: { logQuery: (sql, params) => logged.push({ sql, params }) } }) as unknown as Db;
  });
  afterAll(async () => { await client?.end(); });

  async function seqScansIn(run: () => Promise<unknown>): Promise<string[]> {
    logged.length = 0;
    await run();
    const offenders: string[] = [];
    await client.begin(async (tx) => {
      // With sequential scans priced out, a plan that still scans a large table has no index to use.
      await tx.unsafe('set local enable_seqscan = off');
      for (const q of logged.filter((l) => /^\s*select/i.test(l.sql))) {
        const [row] = await tx.unsafe(`explain (format json) ${q.sql}`, q.params as never[]);
        const plan = JSON.stringify(row);
        for (const m of plan.matchAll(/"Node Type":"Seq Scan"[^}]*?"Relation Name":"(\w+)"/g)) {
          if (LARGE.includes(m[1]!)) offenders.push(`${m[1]} in: ${q.sql.slice(0, 160)}`);
        }
      }
    });
    return offenders;
  }

  it('the sweep finds overdue items through indexes', async () => {
    expect(await seqScansIn(() => loadOverdueItems(db, new Date()))).toEqual([]);
  });

  it('the digest counts through indexes', async () => {
    expect(await seqScansIn(() => loadDigestFacts(db, new Date(), new Date(Date.now() - 7 * 86_400_000)))).toEqual([]);
  });

  it('the outbox claims due messages through an index', async () => {
    const d = new OutboxDispatcher({ db, renderer: testRenderer(db), gateway: {} as never, logger: silentLogger });
    expect(await seqScansIn(() => d.runOnce())).toEqual([]);
  });

  it('the intake\'s name and likely-duplicate checks use indexes', async () => {
    expect(await seqScansIn(async () => {
      await findSystemByName(db, 'Resume screener');
      await findLikelyDuplicates(db, { name: 'Resume screener v2', supplier: 'HireAI' });
    })).toEqual([]);
  });

  it('an owner\'s evidence card loads through an index', async () => {
    expect(await seqScansIn(() => refreshEvidenceCard(db, { systemId: 'sys_x', ownerId: 'U0OWNER1' }))).toEqual([]);
  });

  it('the sweep finds reviewers not yet asked, and a reminder its items, through indexes', async () => {
    const ctx = verbContext(db, 'system', { now: () => new Date(), origin: { via: 'scheduler', job: 'sweep' } });
    expect(await seqScansIn(async () => {
      await askReviewers(ctx);
      await loadOwnerReminder({ ctx, input: { ownerId: 'U0OWNER1', day: '2026-03-02' } });
      await loadEscalationCard({ ctx, input: { cardKey: 'escalation:review:rev_x:L1:2026-03-02T00:00:00.000Z' } });
    })).toEqual([]);
  });
});
