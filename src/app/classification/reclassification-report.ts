import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, classifications, reviews } from '../../db/schema/index.js';
import { rowsOf } from '../../db/rows.js';
import { CLASSIFICATION_VERSIONS, CLASSIFICATION_VERSION_KEY } from '../../domain/catalog/versions.js';
import { CHANGE_KINDS, overriddenOutcomes, type ChangeKind, type ClassificationChange } from '../../domain/reclassification.js';
import type { ServiceContext } from '../context.js';

/** A short, stable handle on the version key for idempotency keys, events and the job_runs row. */
export const versionHandle = (key: string = CLASSIFICATION_VERSION_KEY) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export interface ReclassifiedSystem {
  systemId: string;
  name: string;
  ownerId: string;
  change: ClassificationChange;
  /** The open `reclassified` review this owner is asked to do, if the owner is its reviewer. */
  reviewId: string | null;
  /** Outcomes an admin override holds, which the new rules would set otherwise. */
  overrides: { outcome: string; value: string }[];
}

export interface ReclassificationTotals {
  examined: number;
  changed: number;
  owners: number;
  byKind: Record<ChangeKind, number>;
}

/** What the governance channel's summary says: counts, then the first systems and overrides by name. */
export interface ReclassificationReport {
  totals: ReclassificationTotals;
  systems: ReclassifiedSystem[];
  overridden: ReclassifiedSystem[];
  overriddenCount: number;
  rulesVersion: string;
  /** Every owner with a changed system, in id order. */
  ownerIds: string[];
}

/** Owners' systems per page read. */
const PAGE = 2_000;
const SUMMARY_SYSTEMS = 25;
/** Overridden systems named on the summary; the rest are counted. */
const SUMMARY_OVERRIDES = 15;

export const emptyByKind = () => Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;

/** A page of the systems this release's rules changed, in (owner, system) order, optionally one owner's. */
async function reclassifiedPage(db: DbOrTx, after: { ownerId: string; systemId: string }, ownerId?: string): Promise<ReclassifiedSystem[]> {
  const page = rowsOf<{ system_id: string; name: string; owner_id: string; change: ClassificationChange | string; overrides: unknown; review_id: string | null }>(await db.execute(sql`
    select s.id as system_id, s.name, s.owner_id, c.change, c.overrides,
      (select r.id from ${reviews} r where r.system_id = s.id and r.due_reason = 'reclassified' and r.status in ('due', 'in_progress')
        and coalesce(r.reviewer_id, s.owner_id) = s.owner_id order by r.created_at desc limit 1) as review_id
    from ${classifications} c join ${aiSystems} s on s.current_classification_id = c.id
    where c.rules_version = ${CLASSIFICATION_VERSION_KEY} and c.change is not null and (s.owner_id, s.id) > (${after.ownerId}, ${after.systemId})
      ${ownerId === undefined ? sql`` : sql`and s.owner_id = ${ownerId}`}
    order by s.owner_id, s.id limit ${PAGE}`));
  return page.map((r) => {
    const held = overriddenOutcomes(typeof r.overrides === 'string' ? JSON.parse(r.overrides) : r.overrides);
    return {
      systemId: r.system_id, name: r.name, ownerId: r.owner_id, reviewId: r.review_id,
      change: typeof r.change === 'string' ? JSON.parse(r.change) as ClassificationChange : r.change,
      overrides: [...held.values()].map((o) => ({ outcome: o.outcome, value: String(o.to) })),
    };
  });
}

async function* reclassifiedSystems(db: DbOrTx, ownerId?: string): AsyncGenerator<ReclassifiedSystem> {
  let after = { ownerId: '', systemId: '' };
  for (;;) {
    const page = await reclassifiedPage(db, after, ownerId);
    if (!page.length) return;
    const last = page[page.length - 1]!;
    after = { ownerId: last.ownerId, systemId: last.systemId };
    yield* page;
  }
}

/** Every system this release's rules changed, counted by kind of change and owner, in pages whatever the inventory's size. */
export async function reclassificationReport(db: DbOrTx): Promise<ReclassificationReport> {
  const totals: ReclassificationTotals = { examined: 0, changed: 0, owners: 0, byKind: emptyByKind() };
  const report: ReclassificationReport = { totals, systems: [], overridden: [], overriddenCount: 0, rulesVersion: CLASSIFICATION_VERSIONS.rules, ownerIds: [] };
  for await (const s of reclassifiedSystems(db)) {
    totals.changed += 1;
    for (const k of s.change.kinds) totals.byKind[k] += 1;
    if (report.systems.length < SUMMARY_SYSTEMS) report.systems.push(s);
    if (s.overrides.length) {
      report.overriddenCount += 1;
      if (report.overridden.length < SUMMARY_OVERRIDES) report.overridden.push(s);
    }
    if (report.ownerIds[report.ownerIds.length - 1] !== s.ownerId) report.ownerIds.push(s.ownerId);
  }
  totals.owners = report.ownerIds.length;
  const counted = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${classifications} where rules_version = ${CLASSIFICATION_VERSION_KEY} and replaces is not null`));
  totals.examined = Number(counted[0]?.n ?? 0);
  return report;
}

const Version = z.object({ version: z.string().min(1) });
const OwnerInput = Version.extend({ ownerId: z.string().min(1) });

/** The governance summary of the re-classification under `version`; null once other rules are in force. */
export async function loadReclassificationSummary({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Version> }): Promise<ReclassificationReport | null> {
  const { version } = Version.parse(input);
  if (version !== versionHandle()) return null;
  const report = await reclassificationReport(ctx.db);
  return report.totals.changed ? report : null;
}

/** What an owner's re-classification DM lists: their changed systems by name; null when none (or other rules are in force). */
export async function loadReclassifiedOwner({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof OwnerInput> }): Promise<{ ownerId: string; systems: ReclassifiedSystem[]; rulesVersion: string } | null> {
  const { version, ownerId } = OwnerInput.parse(input);
  if (version !== versionHandle()) return null;
  const systems: ReclassifiedSystem[] = [];
  for await (const s of reclassifiedSystems(ctx.db, ownerId)) systems.push(s);
  if (!systems.length) return null;
  return { ownerId, systems: systems.sort((a, b) => a.name.localeCompare(b.name)), rulesVersion: CLASSIFICATION_VERSIONS.rules };
}
