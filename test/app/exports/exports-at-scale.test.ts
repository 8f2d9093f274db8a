import { Writable } from 'node:stream';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../src/db/client.js';
import { exportSoa } from '../../../src/app/exports/soa.js';
import { exportNistProfile } from '../../../src/app/exports/nist-profile.js';
import { exportAuditTrail } from '../../../src/app/exports/audit-trail.js';
import { loadHome } from '../../../src/app/home/load-home.js';
import { buildHomeView } from '../../../src/slack/views/home/home-view.js';
import { verbContext } from '../../support/verb-context.js';
import { USERS } from '../../support/test-app.js';

const SYSTEMS = 10_000;
const AUDIT_EVENTS = 25_000;
// Each synthetic system claims these: a few Annex A controls and NIST subcategories, as the baseline rule would.
const CLAIMS = [['iso-42001', 'A.5.2'], ['iso-42001', 'A.9.4'], ['iso-42001', 'A.6.2.6'], ['nist-ai-rmf', 'GOVERN 1.1'], ['nist-ai-rmf', 'MAP 1.1'], ['nist-ai-rmf', 'MANAGE 1.1']] as const;

/** Collects what an export writes, chunk by chunk, acknowledging slowly enough that back-pressure matters. */
function recordingSink() {
  const chunks: string[] = [];
  const out = new Writable({ highWaterMark: 16 * 1024, write(chunk, _enc, done) { chunks.push(String(chunk)); setImmediate(done); } });
  return { out, chunks, text: () => chunks.join('') };
}

describe('exports and the Home tab over 10,000 systems', () => {
  let database: Database;
  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    const db = database.db;
    // Rows made in the database itself: registering ten thousand systems through the verb would take minutes.
    await db.execute(sql.raw(`
      insert into ai_systems (id, name, purpose, owner_id, lifecycle_stage, operator_role, eu_nexus, data_categories, annex_i_product, profiling,
        transparency, trigger, risk_tier, work_kind, primary_source, cadence_days, next_review_at, created_by, facts)
      select 'sys_scale' || lpad(g::text, 6, '0'), 'Scaled system ' || g, 'Synthetic', case when g % 2 = 0 then '${USERS.owner}' else '${USERS.owner2}' end,
        'deployed', 'deployer', true, '{none}', false, false, '{}', 'new_system',
        (array['high','transparency','minimal'])[1 + g % 3], 'scope', 'iso-42001', 90, now() - interval '1 day' * (g % 5), '${USERS.requester}', '{}'::jsonb
      from generate_series(1, ${SYSTEMS}) g`));
    for (const [source, requirement] of CLAIMS) {
      await db.execute(sql.raw(`
        insert into evidence_claims (id, system_id, source, requirement_id, title, summary, reason, owner_id, status, due_at, review_trigger, reuse_permission)
        select 'clm_' || md5(s.id || '${requirement}'), s.id, '${source}', '${requirement}', 'Synthetic', 'Synthetic', 'Baseline rule: synthetic', s.owner_id,
          case when random() < 0.3 then 'submitted' else 'requested' end, now() - interval '1 day', 'yearly', 'crosswalk_same_conditions'
        from ai_systems s where s.id like 'sys_scale%'`));
    }
    await db.execute(sql.raw(`
      insert into audit_events (id, actor_id, action, subject_type, subject_id, origin)
      select 'aud_scale' || g, '${USERS.admin}', 'synthetic.event', 'ai_system', 'sys_scale' || lpad((1 + g % ${SYSTEMS})::text, 6, '0'), '{"via":"cli","command":"seed"}'::jsonb
      from generate_series(1, ${AUDIT_EVENTS}) g`));
  }, 120_000);

  it('states the applicability of every control from database aggregates, naming ten systems and counting the rest', async () => {
    const sink = recordingSink();
    const started = performance.now();
    expect(await exportSoa(database.db, sink.out, 'csv', () => new Date())).toBe(38);
    const rows = parse(sink.text(), { columns: true }) as Record<string, string>[];
    const a52 = rows.find((r) => r.control_id === 'A.5.2')!;
    expect(a52).toMatchObject({ applicable: 'yes', systems_in_scope: String(SYSTEMS), claims: String(SYSTEMS) });
    expect(a52.systems!.split(';')).toHaveLength(11);
    expect(a52.systems).toContain(`and ${SYSTEMS - 10} more (see the evidence matrix)`);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('profiles the 72 NIST subcategories over the same portfolio', async () => {
    const sink = recordingSink();
    expect(await exportNistProfile(database.db, sink.out, 'md', () => new Date())).toBe(72);
    expect(sink.text()).toMatch(new RegExp(`\\| GOVERN 1\\.1 \\| .* \\| ${SYSTEMS}: `));
  });

  it('streams the audit trail page by page rather than as one piece', async () => {
    const sink = recordingSink();
    const total = await exportAuditTrail(database.db, sink.out, { now: () => new Date() });
    expect(total).toBeGreaterThanOrEqual(AUDIT_EVENTS);
    expect(sink.chunks.length).toBeGreaterThanOrEqual(AUDIT_EVENTS / 1000);
    expect(Math.max(...sink.chunks.map((c) => c.split('\n').length - 1))).toBeLessThanOrEqual(1000);
    const seqs = sink.text().trim().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
  });

  it('loads an admin\'s Home tab with 5,000 systems and 30,000 claims of their own in well under Slack\'s 3 seconds, within 100 blocks', async () => {
    const ctx = verbContext(database.db, USERS.admin, { policy: { admins: [USERS.admin, USERS.owner] } });
    const asOwner = { ...ctx, actor: { ...ctx.actor, userId: USERS.owner, isAdmin: true } };
    const started = performance.now();
    const home = await loadHome({ ctx: asOwner });
    const ms = performance.now() - started;
    const view = buildHomeView(home) as { blocks: unknown[] };
    expect(home.work.systemCount).toBe(SYSTEMS / 2);
    expect(home.governance!.overdueEvidence.count).toBeGreaterThan(SYSTEMS);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(ms).toBeLessThan(2000);
  });
});
