import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

/**
 * Set-based seeding (one `insert … select generate_series` per table) of an organisation's compliance
 * record at scale. Values come from a deterministic hash of the row number, so every run seeds the same
 * mix: tiers, owners, statuses and due dates spread so that, as of `now`, items sit at every rung of
 * the escalation ladder (due today, past the 7-day grace period, past 21 days) and some are not due yet.
 */
export interface ScaleSizes {
  systems: number;
  claims: number;
  auditEvents: number;
  owners: number;
}

export const FULL_SCALE: ScaleSizes = { systems: 10_000, claims: 200_000, auditEvents: 1_000_000, owners: 1_500 };

const DAY = "interval '1 day'";

/** A uniform value in [0, 1) from a row number and a salt; different salts are independent. */
const rnd = (expr: string, salt: number) => `((hashint8extended((${expr})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`;
const pick = (values: readonly string[], u: string) => `(array[${values.map((v) => `'${v}'`).join(',')}])[1 + floor(${u} * ${values.length})::int]`;

/** Runs each statement of a script on its own: the extended protocol takes one statement at a time. */
async function execScript(db: Db, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await db.execute(sql.raw(statement));
}

export const ownerId = (n: number) => `U0OWN${String(n).padStart(5, '0')}`;
const ownerExpr = (u: string, owners: number) => `'U0OWN' || lpad((1 + floor(${u} * ${owners}))::text, 5, '0')`;

export async function seedSystems(db: Db, now: Date, sizes: Pick<ScaleSizes, 'systems' | 'owners'>): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  await db.execute(sql.raw(`
    insert into ai_systems (id, name, purpose, owner_id, lifecycle_stage, operator_role, eu_nexus, data_categories, prohibited_practice,
      annex_i_product, annex_iii_point, art6_3_condition, profiling, transparency, supplier, human_oversight, monitoring_signal, trigger,
      status, risk_tier, work_kind, primary_source, current_classification_id, reviewer_id, cadence_days, next_review_at,
      announcement_channel, announcement_ts, created_by, created_at, updated_at, facts)
    select id, name, purpose, owner, life, role, eu, data, case when tier = 'prohibited' then '5(1)(f)' end,
      false, case when tier = 'high' then ${pick(['1(a)', '3(b)', '4(a)', '4(b)', '5(b)', '6(a)', '8(a)'], rnd('i', 10))} end, null,
      tier = 'high' and ${rnd('i', 11)} < 0.5,
      case when tier = 'transparency' then array['interacts_with_people'] else array[]::text[] end,
      supplier, 'A named reviewer checks a sample of outputs weekly.', 'Drift and complaint rate dashboards.', 'new_system',
      'active', tier, case when tier in ('high', 'prohibited') then 'risk' else 'ai_governance' end,
      case when tier in ('high', 'prohibited') and eu then 'eu-ai-act' when ${rnd('i', 12)} < 0.3 then 'nist-ai-rmf' else 'iso-42001' end,
      'cls_b' || i, owner, cadence,
      -- Reviews fall due across the whole cadence; about one system in eleven is due now, some for weeks.
      case when cadence is null then null else ${at} + ((${rnd('i', 13)} * 1.1 - 0.1) * cadence) * ${DAY} end,
      'C0INTAKE', (extract(epoch from created)::bigint)::text || '.' || lpad((i % 1000000)::text, 6, '0'),
      'U0REQUEST', created, created,
      jsonb_build_object('name', name, 'owner', owner, 'lifecycleStage', life, 'operatorRole', role, 'euNexus', eu)
    from (
      select i, 'sys_bench' || lpad(i::text, 6, '0') as id, tier, owner, eu, life, role, data, supplier, created,
        case tier when 'high' then 90 when 'transparency' then 180 when 'minimal' then 365 end as cadence,
        ${pick(['Claims', 'Fraud', 'Churn', 'Credit', 'Resume', 'Support', 'Pricing', 'Demand', 'Vision', 'Speech', 'Search', 'Routing'], rnd('i', 14))}
          || ' ' || ${pick(['triage model', 'scorer', 'assistant', 'classifier', 'forecaster', 'ranker', 'chatbot', 'detector'], rnd('i', 15))}
          || ' ' || i as name,
        'Helps the ' || ${pick(['claims', 'finance', 'HR', 'support', 'sales', 'logistics'], rnd('i', 16))} || ' team decide faster with model-ranked suggestions.' as purpose
      from (
        select i,
          case when ${rnd('i', 1)} < 0.005 then 'prohibited' when ${rnd('i', 1)} < 0.155 then 'high' when ${rnd('i', 1)} < 0.405 then 'transparency' else 'minimal' end as tier,
          ${ownerExpr(rnd('i', 2), sizes.owners)} as owner,
          ${rnd('i', 3)} < 0.8 as eu,
          ${pick(['deployed', 'deployed', 'deployed', 'deployed', 'deployed', 'deployed', 'development', 'validation', 'design', 'retired'], rnd('i', 4))} as life,
          ${pick(['deployer', 'deployer', 'deployer', 'deployer', 'deployer', 'provider', 'provider', 'provider_and_deployer', 'importer', 'distributor'], rnd('i', 5))} as role,
          case when ${rnd('i', 6)} < 0.3 then array['none'] when ${rnd('i', 6)} < 0.9 then array['personal'] else array['personal', 'sensitive'] end as data,
          case when ${rnd('i', 7)} < 0.4 then 'Vendor ' || (1 + floor(${rnd('i', 8)} * 50))::int end as supplier,
          ${at} - ((30 + ${rnd('i', 9)} * 1065) * ${DAY}) as created
        from generate_series(1, ${sizes.systems}) i
      ) raw
    ) s
  `));
}

/**
 * Claims, spread over systems by tier (a high-risk system owes about four times what a minimal one
 * does), exactly `total` of them. Most are answered; the open ones fall due from 40 days ago to two weeks
 * ahead, weighted towards the recent, so each ladder rung has a crowd.
 */
export async function seedClaims(db: Db, now: Date, total: number): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  const j = '(c.rn * 1000 + g.n)';
  await db.execute(sql.raw(`
    with sys as (
      select id, owner_id, created_at, row_number() over (order by id) as rn,
        case risk_tier when 'minimal' then 12 when 'transparency' then 20 else 50 end as w
      from ai_systems
    ), tot as (select sum(w)::float8 as s from sys),
    alloc as (select sys.*, floor(w * ${total} / tot.s)::int as c from sys, tot),
    extra as (select ${total} - sum(c) as e from alloc),
    counts as (select a.*, c + case when rn <= e then 1 else 0 end as cnt from alloc a, extra),
    req as (select source, requirement_id, title, (row_number() over (order by source, requirement_id) - 1)::int as idx, count(*) over ()::int as nreq from requirements)
    insert into evidence_claims (id, system_id, source, requirement_id, title, summary, reason, owner_id, status, due_at, review_trigger,
      reuse_permission, artifact_id, stale_reason, requested_at, answered_at, created_at, updated_at)
    select 'clm_b' || c.rn || '_' || g.n, c.id, r.source, r.requirement_id, r.title,
      'Evidence that ' || r.title || ' is in place for this system.', 'Applies to every system in scope of the management system.',
      c.owner_id, st.status,
      case when st.status in ('requested', 'stale') then ${at} + ((14 - 40 * power(${rnd(j, 22)}, 2)) * ${DAY}) else c.created_at + 14 * ${DAY} end,
      'every 90 days or on material change', 'crosswalk_same_conditions',
      case when st.status in ('submitted', 'reused', 'accepted') then 'art_b' || c.rn || '_' || g.n end,
      case when st.status = 'stale' then 'The system changed materially.' end,
      c.created_at, case when st.status in ('submitted', 'reused', 'accepted') then c.created_at + 10 * ${DAY} end,
      c.created_at, c.created_at
    from counts c
    cross join lateral generate_series(0, c.cnt - 1) as g(n)
    join req r on r.idx = (c.rn * 13 + g.n) % r.nreq
    cross join lateral (select case when ${rnd(j, 21)} < 0.43 then 'accepted' when ${rnd(j, 21)} < 0.67 then 'submitted'
      when ${rnd(j, 21)} < 0.85 then 'reused' when ${rnd(j, 21)} < 0.98 then 'requested' else 'stale' end as status) st
  `));
}

/** One artifact per answered claim; a few hundred covered a period that ended in the last three days. */
export async function seedArtifacts(db: Db, now: Date): Promise<void> {
  const today = `('${now.toISOString()}'::timestamptz at time zone 'UTC')::date`;
  await db.execute(sql.raw(`
    insert into evidence_artifacts (id, system_id, kind, links, description, evidence_date, period_from, period_to, criteria_met, conditions,
      submitted_by, idempotency_key, created_at, updated_at)
    select c.artifact_id, c.system_id, 'link', array['https://wiki.example.com/ai/' || c.id], 'Quarterly control test results and sign-off.',
      (c.answered_at at time zone 'UTC')::date, (c.answered_at at time zone 'UTC')::date - 90,
      case when c.status in ('submitted', 'reused') and ${rnd("hashtext(c.id)", 31)} < 0.003 then ${today} - (1 + floor(${rnd("hashtext(c.id)", 32)} * 3))::int
        else ${today} + (1 + floor(${rnd("hashtext(c.id)", 33)} * 364))::int end,
      true, jsonb_build_object('scope', 'production', 'source', c.source), c.owner_id, 'bench:' || c.artifact_id, c.answered_at, c.answered_at
    from evidence_claims c where c.artifact_id is not null
  `));
}

/** Completed reviews of earlier cycles (history the sweep must not trip over); open ones are the sweep's to create. */
export async function seedReviewHistory(db: Db): Promise<void> {
  await db.execute(sql.raw(`
    insert into reviews (id, system_id, status, due_at, due_reason, result, next_review_at, reviewer_id, completed_at, created_at)
    select 'rev_b' || s.id || '_' || m, s.id, 'completed', s.next_review_at - (m * s.cadence_days) * ${DAY}, 'cadence', 'satisfactory',
      s.next_review_at - ((m - 1) * s.cadence_days) * ${DAY}, s.owner_id, s.next_review_at - (m * s.cadence_days - 5) * ${DAY},
      s.next_review_at - (m * s.cadence_days) * ${DAY}
    from ai_systems s cross join generate_series(1, 3) m
    where s.cadence_days is not null and s.next_review_at - (m * s.cadence_days) * ${DAY} > s.created_at
  `));
}

/** Exceptions in every state, including risk acceptances that lapsed and corrective actions past their date. */
export async function seedExceptions(db: Db, now: Date, count: number): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  await execScript(db, `
    insert into exceptions (id, system_id, reason, status, opened_by, due_at, accepted_by, accepted_until, rationale, action_owner_id, action_due_at, closed_at, created_at)
    select 'exc_bp' || s.id, s.id, 'Prohibited practice under the EU AI Act: Art. 5(1)(f).', 'open', 'U0REQUEST', s.created_at, null, null, null, null, null, null, s.created_at
    from ai_systems s where s.risk_tier = 'prohibited';
    insert into exceptions (id, system_id, reason, status, opened_by, due_at, accepted_by, accepted_until, rationale, action_owner_id, action_due_at, closed_at, created_at)
    select 'exc_b' || i, s.id, 'Bias test missing for the latest model version.', st, s.owner_id,
      ${at} + ((-20 + ${rnd('i', 42)} * 30) * ${DAY}),
      case when st = 'risk_accepted' then 'U0ADMIN1' end,
      case when st = 'risk_accepted' then ${at} + ((-25 + ${rnd('i', 43)} * 205) * ${DAY}) end,
      case when st = 'risk_accepted' then 'Compensating manual review of every decision.' end,
      case when st = 'corrective_action' then s.owner_id end,
      case when st = 'corrective_action' then ${at} + ((-25 + ${rnd('i', 44)} * 55) * ${DAY}) end,
      case when st = 'closed' then ${at} - 30 * ${DAY} end,
      ${at} - 60 * ${DAY}
    from generate_series(1, ${count}) i
    join ai_systems s on s.id = 'sys_bench' || lpad((1 + floor(${rnd('i', 40)} * (select count(*) from ai_systems)))::text, 6, '0')
    cross join lateral (select case when ${rnd('i', 41)} < 0.2 then 'open' when ${rnd('i', 41)} < 0.5 then 'corrective_action'
      when ${rnd('i', 41)} < 0.8 then 'risk_accepted' else 'closed' end as st) x
  `);
}

export async function seedStatutoryDeadlines(db: Db, now: Date, count: number): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  await db.execute(sql.raw(`
    insert into statutory_deadlines (id, system_id, ref, label, due_at, status, created_at)
    select 'std_b' || i, s.id, 'EU AI Act Art. 73(2)', 'Report the serious incident to the market surveillance authority',
      ${at} + ((-30 + ${rnd('i', 51)} * 90) * ${DAY}), case when ${rnd('i', 52)} < 0.7 then 'open' else 'met' end, ${at} - 40 * ${DAY}
    from generate_series(1, ${count}) i
    join (select id, row_number() over (order by id) as rn from ai_systems where risk_tier = 'high') s on s.rn = 1 + (i * 7) % greatest(1, (select count(*) from ai_systems where risk_tier = 'high'))
  `));
}

/** Three years of history: registrations, evidence, reminders, escalations, as the verbs write them. */
export async function seedAuditEvents(db: Db, now: Date, count: number, systems: number): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  await db.execute(sql.raw(`
    insert into audit_events (id, created_at, actor_id, action, subject_type, subject_id, before, after, origin)
    select 'aud_b' || i, ${at} - (${rnd('i', 61)} * 1095) * ${DAY}, case when kind < 0.55 then owner else 'system' end, action,
      case when action like 'evidence.%' then 'evidence_claim' when action like 'review.%' then 'review' when action = 'owner.reminded' then 'user' else 'ai_system' end,
      case when action like 'evidence.%' then 'clm_b' || sysn || '_' || (i % 20) when action like 'review.%' then 'rev_b' || sys || '_1'
        when action = 'owner.reminded' then owner else sys end,
      case when action like 'evidence.%' then jsonb_build_object('status', 'requested') end,
      jsonb_build_object('status', split_part(action, '.', 2), 'systemId', sys, 'dueAt', ${at} + (i % 40) * ${DAY}),
      case when kind < 0.55 then jsonb_build_object('via', 'slack', 'surface', 'view_submission', 'viewId', 'V' || i)
        else jsonb_build_object('via', 'scheduler', 'job', 'sweep', 'asOf', ${at}) end
    from (
      select i, ${rnd('i', 62)} as kind, s.sysn, 'sys_bench' || lpad(s.sysn::text, 6, '0') as sys, ${ownerExpr(rnd('i', 63), 1500)} as owner,
        ${pick(['evidence.submitted', 'evidence.submitted', 'evidence.submitted', 'evidence.requested', 'evidence.reused', 'evidence.stale',
          'owner.reminded', 'owner.reminded', 'escalation.level_1', 'review.due', 'review.completed', 'system.registered', 'classification.computed'], rnd('i', 64))} as action
      from generate_series(1, ${count}) i
      cross join lateral (select 1 + floor(${rnd('i', 65)} * ${systems})::int as sysn) s
    ) e
  `));
}

/**
 * What earlier deliveries left behind: each system's announcement and each owner's evidence card were
 * posted (sent outbox rows and the stored ts), and most owners' time zones are cached.
 */
export async function seedDeliveredMessages(db: Db, now: Date): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  await execScript(db, `
    insert into outbox_messages (id, kind, payload, idempotency_key, status, attempts, next_attempt_at, result_channel, result_ts, created_at, sent_at)
    select 'obx_ba' || s.id, 'slack.post.v1', jsonb_build_object('kind', 'slack.post.v1', 'channel', 'C0INTAKE', 'text', 'New AI system: ' || s.name, 'storeAs', 'announcement:' || s.id),
      'announce:' || s.id, 'sent', 1, s.created_at, 'C0INTAKE', s.announcement_ts, s.created_at, s.created_at
    from ai_systems s;
    insert into outbox_messages (id, kind, payload, idempotency_key, status, attempts, next_attempt_at, result_channel, result_ts, created_at, sent_at)
    select 'obx_bc' || s.id, 'slack.post.v1', jsonb_build_object('kind', 'slack.post.v1', 'channel', s.owner_id, 'text', 'Evidence for ' || s.name, 'storeAs', 'evidence-card:' || s.id || ':' || s.owner_id),
      'post:evidence-card:' || s.id || ':' || s.owner_id, 'sent', 1, s.created_at, 'D' || substr(s.owner_id, 2), s.announcement_ts, s.created_at, s.created_at
    from ai_systems s;
    insert into slack_messages (key, channel, ts, updated_at)
    select 'announcement:' || s.id, 'C0INTAKE', s.announcement_ts, s.created_at from ai_systems s
    union all
    select 'evidence-card:' || s.id || ':' || s.owner_id, 'D' || substr(s.owner_id, 2), s.announcement_ts, s.created_at from ai_systems s;
    insert into user_profiles (user_id, tz, fetched_at)
    select distinct on (owner_id) owner_id, ${pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Europe/London', 'America/Los_Angeles'], rnd('hashtext(owner_id)', 71))},
      ${at} - (${rnd('hashtext(owner_id)', 72)} * 6) * ${DAY}
    from ai_systems where ${rnd('hashtext(owner_id)', 73)} < 0.9;
    insert into intake_requests (id, kind, trigger, system_id, requester_id, summary, facts, status, via, idempotency_key, created_at, closed_at)
    select 'req_b' || s.id, 'ai_system', 'new_system', s.id, 'U0REQUEST', s.name, s.facts, 'closed', 'slack', 'bench:' || s.id, s.created_at, s.created_at
    from ai_systems s;
    insert into classifications (id, system_id, request_id, computed, rules_version, created_by, created_at)
    select s.current_classification_id, s.id, 'req_b' || s.id, jsonb_build_object('tier', jsonb_build_object('value', s.risk_tier)), 'classify-intake/1', 'U0REQUEST', s.created_at
    from ai_systems s;
  `);
}
