import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { aiSystems, classifications, evidenceClaims, jobRuns, reviews } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { insertMany } from '../../db/insert-many.js';
import { factsOf } from '../../db/repos/systems.js';
import { inList } from '../../db/in-list.js';
import { rowsOf } from '../../db/rows.js';
import { jsonbMd5 } from '../../db/jsonb-text.js';
import { classifyIntake, type Classification } from '../../domain/classify-intake.js';
import { CLASSIFICATION_VERSIONS, CLASSIFICATION_VERSION_KEY } from '../../domain/catalog/versions.js';
import {
  diffClassification, overriddenOutcomes, requirementKey, type ChangeKind, type ClassificationChange,
} from '../../domain/reclassification.js';
import { nextReviewDue, OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';
import type { SystemFacts as Facts } from '../../domain/system-facts.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent, enqueueEvents } from '../events/enqueue-event.js';
import { emptyByKind, reclassificationReport, versionHandle } from './reclassification-report.js';
import { recordAudit, recordAudits, type AuditEntry } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { refreshEvidenceCards } from '../evidence/evidence-card.js';
import { sendReviewCard } from '../reviews/review-card.js';

const DAY_MS = 86_400_000;
/** Systems per transaction: a few hundred systems' claims at a time, however large the inventory. */
const BATCH = 500;
/** Distinct fact sets whose classification is kept for reuse within a run. */
const MEMO_LIMIT = 2_000;
// Every write of a re-classification holds this transaction lock: two replicas starting together take
// turns, and the one that finds no system left under other rules is the one that sends the messages.
const RECLASSIFY_LOCK_KEY = 4_200_142_013;

export { versionHandle };

export interface SystemReclassification {
  systemId: string;
  name: string;
  ownerId: string;
  change: ClassificationChange;
  /** Outcomes an admin override holds on the system. */
  overrides: { outcome: string; value: string }[];
}

export interface ReclassifyResult {
  versionKey: string;
  dryRun: boolean;
  /** Systems classified under other rules, and so classified again (or, dry, that would be). */
  examined: number;
  /** Of those, computed exactly as stored (only the versions recorded change). */
  identical: number;
  changed: number;
  byKind: Record<ChangeKind, number>;
  /** Systems whose stored facts no longer validate: left as they were, named so someone can fix them. */
  invalid: { systemId: string; name: string; problem: string }[];
  claimsAdded: number;
  claimsRetired: number;
  reviewsOpened: number;
  /** null when another run had already sent this version's messages (or a dry run). */
  notified: { owners: number; summary: boolean } | null;
  /** Milliseconds per step, summed over batches, so a slow run says where its time went. */
  stepMs: Record<string, number>;
}

export interface ReclassifyOptions {
  dryRun?: boolean;
  /** Called for each system whose outcome changes, in id order, as it is decided (the CLI prints the diff). */
  onChange?: (s: SystemReclassification) => void;
  batchSize?: number;
  /** Stop after this many batches without notifying (a run cut short, for tests of resuming). */
  stopAfterBatches?: number;
  /** A server shutting down stops after the batch in hand; the next run resumes. */
  signal?: AbortSignal;
}

/** Whether any registered system was last classified under rules or data other than this release's. */
export async function inventoryNeedsReclassification(db: DbOrTx): Promise<boolean> {
  const rows = rowsOf<{ found: boolean }>(await db.execute(sql`select exists (select 1 from ${aiSystems} s left join ${classifications} c on c.id = s.current_classification_id
    where c.rules_version is distinct from ${CLASSIFICATION_VERSION_KEY}) as found`));
  return Boolean(rows[0]?.found);
}


const emptyResult = (dryRun: boolean): ReclassifyResult => ({
  versionKey: CLASSIFICATION_VERSION_KEY, dryRun, examined: 0, identical: 0, changed: 0, byKind: emptyByKind(), invalid: [],
  claimsAdded: 0, claimsRetired: 0, reviewsOpened: 0, notified: null, stepMs: {},
});

/**
 * Classifies every system last classified under other rules again with classifyIntake on its stored
 * facts. A system whose outcome changes gets a new classification (the old one kept and linked), its
 * evidence claims added or retired (never deleted), its row updated (an admin override holds), a
 * `reclassified` review and audit events; then each owner gets one DM and the governance channel one
 * summary. Batches commit as they go and a system done is under the new key, so a run cut short resumes
 * where it stopped; the messages are sent once per version key, after the last batch.
 */
export async function reclassifyInventory({ ctx, input = {} }: { ctx: ServiceContext; input?: ReclassifyOptions }): Promise<ReclassifyResult> {
  const result = emptyResult(Boolean(input.dryRun));
  const memo = new Map<string, Classification>();
  let cursor = '';
  let batches = 0;
  for (;;) {
    const step = async (tx: DbOrTx) => {
      if (!input.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(RECLASSIFY_LOCK_KEY))})`);
      const batch = await timed(result, 'load', () => loadBatch(tx, cursor, input.batchSize ?? BATCH, !input.dryRun));
      if (!batch.length) return false;
      cursor = batch[batch.length - 1]!.system.id;
      // Systems left under other rules after this version's messages went out (registered by a replica of
      // the previous release during a rolling upgrade) have no DM coming: their reviewers get review cards.
      const told = !input.dryRun && (await tx.select({ key: jobRuns.periodKey }).from(jobRuns)
        .where(and(eq(jobRuns.job, 'reclassify'), eq(jobRuns.periodKey, versionHandle())))).length > 0;
      await reclassifyBatch(tx, ctx, batch, result, { ...input, told }, memo);
      return true;
    };
    const more = input.dryRun ? await step(ctx.db) : await withTransaction(ctx, step);
    if (!more) break;
    batches += 1;
    if (input.signal?.aborted || (input.stopAfterBatches !== undefined && batches >= input.stopAfterBatches)) return result;
  }
  if (!input.dryRun) result.notified = await timed(result, 'notify', () => withTransaction(ctx, (tx) => notifyOnce(tx, ctx)));
  return result;
}

async function timed<T>(result: ReclassifyResult, step: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try { return await fn(); } finally { result.stepMs[step] = Math.round((result.stepMs[step] ?? 0) + performance.now() - started); }
}

const fingerprints = new WeakMap<Classification, string>();
/** md5 of the classification as PostgreSQL would print it from jsonb; memoised classifications are fingerprinted once. */
function fingerprint(c: Classification): string {
  let found = fingerprints.get(c);
  if (!found) {
    found = jsonbMd5(c);
    fingerprints.set(c, found);
  }
  return found;
}

/**
 * classifyIntake depends on the facts, not on who owns the system or what it is called (a unit test
 * holds it to that): an inventory of thousands has far fewer distinct fact sets, each classified once.
 */
function classifyMemo(memo: Map<string, Classification>, facts: Facts, policy: ServiceContext['policy']['classification']): Classification {
  const { name: _name, purpose: _purpose, owner: _owner, ...rest } = facts;
  const key = JSON.stringify(rest);
  let found = memo.get(key);
  if (!found) {
    // Bounded, so memory stays flat however varied the inventory: past the bound it starts again.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    found = classifyIntake(facts, policy);
    memo.set(key, found);
  }
  return found;
}

type BatchRow = Awaited<ReturnType<typeof loadBatch>>[number];

/**
 * Classifies the given systems again in the caller's transaction, whatever rules they were classified
 * under: a change of their facts (an approved exemption) changes what the law asks of them. Same path as
 * the inventory run: a new linked classification, claims added or retired, a `reclassified` review whose
 * reviewer is asked by card, audit events. Returns what changed per system.
 */
export async function reclassifySystems(tx: Tx, ctx: ServiceContext, systemIds: readonly string[]): Promise<SystemReclassification[]> {
  if (!systemIds.length) return [];
  const rows = await tx.select({ system: aiSystems, current: { id: classifications.id, md5: sql<string>`md5(${classifications.computed}::text)`, overrides: classifications.overrides } })
    .from(aiSystems).leftJoin(classifications, eq(classifications.id, aiSystems.currentClassificationId))
    .where(inList(aiSystems.id, [...systemIds])).orderBy(asc(aiSystems.id)).for('update', { of: aiSystems });
  const result = emptyResult(false);
  const changes: SystemReclassification[] = [];
  await reclassifyBatch(tx, ctx, rows, result, { told: true, onChange: (c) => changes.push(c) }, new Map());
  return changes;
}

async function loadBatch(tx: DbOrTx, after: string, size: number, lock: boolean) {
  // The stored document's fingerprint, not the document: most systems classify exactly as before, and
  // only the others' classifications are read back to be compared.
  const query = tx.select({ system: aiSystems, current: { id: classifications.id, md5: sql<string>`md5(${classifications.computed}::text)`, overrides: classifications.overrides } })
    .from(aiSystems).leftJoin(classifications, eq(classifications.id, aiSystems.currentClassificationId))
    .where(and(gt(aiSystems.id, after), sql`${classifications.rulesVersion} is distinct from ${CLASSIFICATION_VERSION_KEY}`))
    .orderBy(asc(aiSystems.id)).limit(size);
  // Locked against a concurrent override or change of the same system while it is classified again.
  return lock ? query.for('update', { of: aiSystems }) : query;
}

const OVERRIDE_COLUMN = { tier: 'riskTier', primarySource: 'primarySource', workKind: 'workKind', cadenceDays: 'cadenceDays' } as const;

interface Decided {
  row: BatchRow;
  next: Classification;
  change: ClassificationChange | null;
  classificationId: string;
  overrides: { outcome: string; value: string }[];
  /** Computed exactly as the stored classification was. */
  identical: boolean;
}

async function reclassifyBatch(
  tx: DbOrTx, ctx: ServiceContext, batch: BatchRow[], result: ReclassifyResult, input: ReclassifyOptions & { told: boolean }, memo: Map<string, Classification>,
): Promise<void> {
  const decided: Decided[] = [];
  const started = performance.now();
  const computed = [];
  for (const row of batch) {
    const facts = factsOf(row.system);
    if (!facts.success) {
      result.invalid.push({ systemId: row.system.id, name: row.system.name, problem: facts.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const next = classifyMemo(memo, facts.data, ctx.policy.classification);
    computed.push({ row, next, identical: row.current !== null && row.current.md5 === fingerprint(next) });
  }
  const differing = computed.filter((c) => !c.identical && c.row.current).map((c) => c.row.current!.id);
  result.stepMs.classify = Math.round((result.stepMs.classify ?? 0) + performance.now() - started);
  const stored = new Map(differing.length
    ? (await timed(result, 'loadDiffering', () => tx.select({ id: classifications.id, computed: classifications.computed }).from(classifications).where(inList(classifications.id, differing)))).map((c) => [c.id, c.computed])
    : []);
  const diffing = performance.now();
  for (const { row, next, identical } of computed) {
    const change = identical ? null : diffClassification(row.current ? stored.get(row.current.id) : null, next);
    const held = overriddenOutcomes(row.current?.overrides);
    const overrides = [...held.keys()].filter((k) => k in OVERRIDE_COLUMN)
      .map((k) => ({ outcome: k, value: String(row.system[OVERRIDE_COLUMN[k as keyof typeof OVERRIDE_COLUMN]]) }));
    decided.push({ row, next, change, classificationId: newId('cls'), overrides, identical });
    result.examined += 1;
    if (identical) result.identical += 1;
    if (change) {
      result.changed += 1;
      for (const k of change.kinds) result.byKind[k] += 1;
      input.onChange?.({ systemId: row.system.id, name: row.system.name, ownerId: row.system.ownerId, change, overrides });
    }
  }
  result.stepMs.diff = Math.round((result.stepMs.diff ?? 0) + performance.now() - diffing);
  if (input.dryRun || !decided.length) return;
  const tx2 = tx as Tx;
  const now = ctx.now();

  await timed(result, 'storeClassifications', () => storeClassifications(tx2, ctx, decided));
  await timed(result, 'updateSystems', () => updateSystems(tx2, now, decided));
  const changed = decided.filter((d): d is Decided & { change: ClassificationChange } => d.change !== null);
  const claimAudits = await timed(result, 'claims', () => reconcileClaims(tx2, ctx, changed, result, input.told));
  const reviewAudits = await timed(result, 'reviews', () => openReviews(tx2, ctx, changed, result, input.told));
  await timed(result, 'audit', () => recordAudits(tx2, ctx, [
    ...decided.map((d): AuditEntry => ({
      action: 'classification.recomputed', subjectType: 'ai_system', subjectId: d.row.system.id,
      before: { classificationId: d.row.current?.id ?? null, tier: d.row.system.riskTier, primarySource: d.row.system.primarySource },
      after: { classificationId: d.classificationId, versionKey: CLASSIFICATION_VERSION_KEY, change: d.change, overridesKept: d.overrides },
    })),
    ...claimAudits, ...reviewAudits,
  ]));
}

/**
 * The new classifications, linked to those they replace. One computed exactly as before is copied
 * from the stored row inside the database (the same document, now recorded under this release's
 * versions) rather than sent again: for most of an inventory that is most of the bytes.
 */
async function storeClassifications(tx: Tx, ctx: ServiceContext, decided: Decided[]): Promise<void> {
  const now = ctx.now();
  const same = decided.filter((d) => d.identical);
  if (same.length) {
    await tx.execute(sql`insert into ${classifications} (id, system_id, request_id, computed, overrides, rules_version, versions, replaces, change, created_by, created_at)
      select r.id, c.system_id, null, c.computed, c.overrides, ${CLASSIFICATION_VERSION_KEY}, ${JSON.stringify(CLASSIFICATION_VERSIONS)}::jsonb, c.id, null,
        ${ctx.actor.userId}, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(same.map((d) => ({ id: d.classificationId, replaces: d.row.current!.id })))}::jsonb) as r(id text, replaces text)
      join ${classifications} c on c.id = r.replaces`);
  }
  await insertMany(tx, classifications, decided.filter((d) => !d.identical).map((d) => ({
    id: d.classificationId, systemId: d.row.system.id, requestId: null, computed: d.next, overrides: (d.row.current?.overrides as unknown[] | undefined) ?? [],
    rulesVersion: CLASSIFICATION_VERSION_KEY, versions: CLASSIFICATION_VERSIONS, replaces: d.row.current?.id ?? null, change: d.change,
    createdBy: ctx.actor.userId, createdAt: now,
  })));
}

/** The system row follows the new classification, except the outcomes an admin override holds. */
async function updateSystems(tx: Tx, now: Date, decided: Decided[]): Promise<void> {
  const records = decided.map(({ row: { system, current }, next, classificationId }) => {
    const held = overriddenOutcomes(current?.overrides);
    const cadenceDays = held.has('cadenceDays') ? system.cadenceDays : next.cadence.days;
    const nextReviewAt = cadenceDays === system.cadenceDays ? system.nextReviewAt : nextReviewDue({ from: now, cadenceDays });
    return {
      id: system.id, cls: classificationId,
      risk_tier: held.has('tier') ? system.riskTier : next.tier.value,
      primary_source: held.has('primarySource') ? system.primarySource : next.primarySource.value,
      work_kind: held.has('workKind') ? system.workKind : next.workKind.value,
      cadence_days: cadenceDays, next_review_at: nextReviewAt?.toISOString() ?? null,
    };
  });
  await tx.execute(sql`update ${aiSystems} s set current_classification_id = r.cls, risk_tier = r.risk_tier, primary_source = r.primary_source,
      work_kind = r.work_kind, cadence_days = r.cadence_days, next_review_at = r.next_review_at, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(id text, cls text, risk_tier text, primary_source text, work_kind text, cadence_days int, next_review_at timestamptz)
    where s.id = r.id`);
}

/**
 * Claims follow the new requirements: one is added for each requirement the system did not have, a
 * retired one comes back if its requirement applies again, and one whose requirement no longer applies
 * is retired with the reason. Nothing is deleted; answered claims keep their evidence.
 */
async function reconcileClaims(
  tx: Tx, ctx: ServiceContext, changed: (Decided & { change: ClassificationChange })[], result: ReclassifyResult, told: boolean,
): Promise<AuditEntry[]> {
  const affected = changed.filter((d) => d.change.kinds.includes('requirements'));
  if (!affected.length) return [];
  const now = ctx.now();
  const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * DAY_MS);
  const existing = await tx.select({ id: evidenceClaims.id, systemId: evidenceClaims.systemId, source: evidenceClaims.source, requirementId: evidenceClaims.requirementId,
    status: evidenceClaims.status, ownerId: evidenceClaims.ownerId }).from(evidenceClaims).where(inList(evidenceClaims.systemId, affected.map((d) => d.row.system.id)));
  const bySystem = new Map<string, typeof existing>();
  for (const c of existing) bySystem.set(c.systemId, [...(bySystem.get(c.systemId) ?? []), c]);

  const inserts: (typeof evidenceClaims.$inferInsert)[] = [];
  const revived: { id: string; reason: string }[] = [];
  const retired: { id: string; reason: string }[] = [];
  const audits: AuditEntry[] = [];
  const cards = new Map<string, { systemId: string; ownerId: string }>();
  for (const d of affected) {
    const system = d.row.system;
    const claims = new Map((bySystem.get(system.id) ?? []).map((c) => [requirementKey(c.source, c.requirementId), c]));
    const wanted = new Set(d.next.requirements.map((r) => requirementKey(r.source, r.requirementId)));
    const requested: { id: string; source: string; requirementId: string }[] = [];
    for (const r of d.next.requirements) {
      const had = claims.get(requirementKey(r.source, r.requirementId));
      if (had && had.status !== 'retired') continue;
      if (had) {
        revived.push({ id: had.id, reason: r.reason });
        requested.push({ id: had.id, source: r.source, requirementId: r.requirementId });
        continue;
      }
      const id = newId('clm');
      inserts.push({
        id, systemId: system.id, source: r.source, requirementId: r.requirementId, title: r.title, summary: r.summary, reason: r.reason,
        ownerId: system.ownerId, status: 'requested', dueAt, reviewTrigger: `every ${d.next.cadence.days ?? 0} days or on material change`,
        reusePermission: 'crosswalk_same_conditions', requestedAt: now, createdAt: now, updatedAt: now,
      });
      requested.push({ id, source: r.source, requirementId: r.requirementId });
    }
    if (requested.length) {
      audits.push({ action: 'evidence.requested', subjectType: 'ai_system', subjectId: system.id, after: { ownerId: system.ownerId, dueAt, claims: requested, cause: 'reclassified' } });
      cards.set(`${system.id}|${system.ownerId}`, { systemId: system.id, ownerId: system.ownerId });
    }
    for (const [key, c] of claims) {
      if (wanted.has(key) || c.status === 'retired') continue;
      const reason = `No longer required after re-classification under ${CLASSIFICATION_VERSIONS.rules}: ${d.change.reason}`;
      retired.push({ id: c.id, reason });
      audits.push({ action: 'evidence.retired', subjectType: 'evidence_claim', subjectId: c.id, before: { status: c.status }, after: { status: 'retired', retiredReason: reason, systemId: system.id } });
      cards.set(`${system.id}|${c.ownerId}`, { systemId: system.id, ownerId: c.ownerId });
    }
  }
  await insertMany(tx, evidenceClaims, inserts);
  if (revived.length) {
    await tx.execute(sql`update ${evidenceClaims} c set status = 'requested', retired_reason = null, retired_at = null, reason = r.reason,
        due_at = ${dueAt.toISOString()}::timestamptz, requested_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(revived)}::jsonb) as r(id text, reason text) where c.id = r.id`);
  }
  if (retired.length) {
    await tx.execute(sql`update ${evidenceClaims} c set status = 'retired', retired_reason = r.reason, retired_at = ${now.toISOString()}::timestamptz,
        updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(retired)}::jsonb) as r(id text, reason text) where c.id = r.id`);
  }
  result.claimsAdded += inserts.length + revived.length;
  result.claimsRetired += retired.length;
  // Cards already in the owner's DM are edited in place; a new card would be a second message, and the
  // re-classification DM is the one that tells them.
  await refreshEvidenceCards(tx, [...cards.values()], { postNew: told });
  return audits;
}

/** A `reclassified` review per changed system, unless one is open. Its reviewer is asked in the owner's DM, or by card when someone else reviews. */
async function openReviews(
  tx: Tx, ctx: ServiceContext, changed: (Decided & { change: ClassificationChange })[], result: ReclassifyResult, told: boolean,
): Promise<AuditEntry[]> {
  if (!changed.length) return [];
  const now = ctx.now();
  const open = new Set((await tx.select({ systemId: reviews.systemId }).from(reviews).where(and(inList(reviews.systemId, changed.map((d) => d.row.system.id)),
    eq(reviews.dueReason, 'reclassified'), inArray(reviews.status, [...OPEN_REVIEW_STATUSES])))).map((r) => r.systemId));
  const rows = changed.filter((d) => !open.has(d.row.system.id)).map((d) => ({
    id: newId('rev'), systemId: d.row.system.id, status: 'due', dueAt: now, dueReason: 'reclassified', reviewerId: d.row.system.reviewerId ?? d.row.system.ownerId, createdAt: now,
  }));
  const inserted = new Set((await insertMany(tx, reviews, rows, { onConflictDoNothing: [], returning: ['id'] })).map((r) => r.id));
  const opened = rows.filter((r) => inserted.has(r.id));
  result.reviewsOpened += opened.length;
  const owners = new Map(changed.map((d) => [d.row.system.id, d.row.system.ownerId]));
  for (const r of opened) if (told || r.reviewerId !== owners.get(r.systemId)) await sendReviewCard(tx, ctx, { reviewId: r.id });
  return opened.map((r) => ({ action: 'review.due', subjectType: 'review', subjectId: r.id,
    after: { systemId: r.systemId, dueAt: r.dueAt, dueReason: 'reclassified', reviewerId: r.reviewerId, versionKey: CLASSIFICATION_VERSION_KEY } }));
}

/**
 * One DM per owner and one governance summary for this version key, in the transaction that takes the
 * (reclassify, version) row: whichever run gets there first sends them, and only once. The messages name
 * the owner and the version; what they list is read when they are delivered.
 */
async function notifyOnce(tx: Tx, ctx: ServiceContext): Promise<{ owners: number; summary: boolean } | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(RECLASSIFY_LOCK_KEY))})`);
  const handle = versionHandle();
  const now = ctx.now();
  const claimed = await tx.insert(jobRuns).values({ job: 'reclassify', periodKey: handle, status: 'running', startedAt: now })
    .onConflictDoNothing().returning({ key: jobRuns.periodKey });
  if (!claimed.length) return null;

  const report = await reclassificationReport(tx);
  const { totals } = report;
  await enqueueEvents(tx, null, report.ownerIds.map((ownerId) => ({
    event: { kind: 'classification.reclassified-owner.v1', body: { ownerId, version: handle } }, key: outboxKeys.reclassifiedOwner(handle, ownerId),
  })));
  let summary = false;
  if (totals.changed) {
    summary = await enqueueEvent(tx, null, { event: { kind: 'classification.reclassified-summary.v1', body: { version: handle } }, key: outboxKeys.reclassifiedSummary(handle) });
  }
  const overriddenCount = report.overriddenCount;
  const outcome = { examined: totals.examined, changed: totals.changed, owners: totals.owners, byKind: totals.byKind, overridesFlagged: overriddenCount };
  await tx.update(jobRuns).set({ status: 'done', finishedAt: now, summary: outcome }).where(and(eq(jobRuns.job, 'reclassify'), eq(jobRuns.periodKey, handle)));
  await recordAudit(tx, ctx, { action: 'inventory.reclassified', subjectType: 'inventory', subjectId: handle,
    after: { ...outcome, versionKey: CLASSIFICATION_VERSION_KEY, versions: CLASSIFICATION_VERSIONS } });
  return { owners: totals.owners, summary };
}

