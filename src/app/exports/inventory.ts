import type { Writable } from 'node:stream';
import { asc, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, classifications } from '../../db/schema/index.js';
import { RowWriter, type Format } from './writer.js';
import { factsOf } from '../../db/repos/systems.js';

export const INVENTORY_EXPORT_COLUMNS = [
  'id', 'name', 'owner', 'lifecycle_stage', 'operator_role', 'risk_tier', 'kind_of_work', 'primary_source', 'status', 'next_review_date',
  'eu_nexus', 'data_categories', 'prohibited_practice', 'annex_i_product', 'annex_iii_point', 'art6_3_condition', 'profiling', 'transparency',
  'supplier', 'purpose', 'human_oversight', 'monitoring_signal', 'trigger', 'gpai_model', 'scope_exclusion', 'annex_i_section', 'public_body',
  'art25_provider', 'us_states', 'consequential_decision', 'binding_sources', 'statutory_dates', 'classification_reasons', 'overrides',
  'classified_under', 'registered_at',
] as const;

interface StoredClassification {
  reasons?: string[];
  bindingSources?: string[];
  statutoryDates?: { dateId: string; date: string; ref: string }[];
}

const PAGE = 500;

/** The AI system inventory, one row per system, streamed in id order. */
export async function exportInventory(db: DbOrTx, out: Writable, format: Format): Promise<number> {
  const writer = new RowWriter(out, format, INVENTORY_EXPORT_COLUMNS);
  await writer.open();
  let after = '';
  let total = 0;
  for (;;) {
    const page = await db.select().from(aiSystems).where(gt(aiSystems.id, after)).orderBy(asc(aiSystems.id)).limit(PAGE);
    if (!page.length) break;
    const ids = page.map((s) => s.currentClassificationId).filter((x): x is string => Boolean(x));
    const cls = ids.length ? await db.select({ id: classifications.id, computed: classifications.computed, overrides: classifications.overrides, rulesVersion: classifications.rulesVersion }).from(classifications).where(inArray(classifications.id, ids)) : [];
    const byId = new Map(cls.map((c) => [c.id, c]));
    await writer.rows(page.map((s) => {
      const c = s.currentClassificationId ? byId.get(s.currentClassificationId) : undefined;
      const computed = c?.computed as StoredClassification | undefined;
      // The facts as registered, defaults filled for facts added after a row was stored (null if they no longer validate).
      const parsed = factsOf(s);
      const later = parsed.success ? parsed.data : null;
      return {
        id: s.id, name: s.name, owner: s.ownerId, lifecycle_stage: s.lifecycleStage, operator_role: s.operatorRole, risk_tier: s.riskTier,
        kind_of_work: s.workKind, primary_source: s.primarySource, status: s.status, next_review_date: s.nextReviewAt ? s.nextReviewAt.toISOString().slice(0, 10) : null,
        eu_nexus: s.euNexus ? 'yes' : 'no', data_categories: s.dataCategories, prohibited_practice: s.prohibitedPractice, annex_i_product: s.annexIProduct ? 'yes' : 'no',
        annex_iii_point: s.annexIIIPoint, art6_3_condition: s.art63Condition, profiling: s.profiling ? 'yes' : 'no', transparency: s.transparency,
        supplier: s.supplier, purpose: s.purpose, human_oversight: s.humanOversight, monitoring_signal: s.monitoringSignal, trigger: s.trigger,
        gpai_model: later?.gpaiModel ?? null, scope_exclusion: later?.scopeExclusion ?? null,
        annex_i_section: s.annexIProduct ? (later?.annexISection ?? 'a') : null, public_body: later ? (later.publicBody ? 'yes' : 'no') : null,
        art25_provider: later?.art25Provider ?? null, us_states: later?.usStates ?? [], consequential_decision: later?.consequentialDecision ?? null,
        binding_sources: computed?.bindingSources ?? [],
        statutory_dates: (computed?.statutoryDates ?? []).map((d) => `${d.date} ${d.ref}`),
        classification_reasons: computed?.reasons ?? [], overrides: c?.overrides ?? [], classified_under: c?.rulesVersion ?? null,
        registered_at: s.createdAt.toISOString(),
      };
    }));
    total += page.length;
    after = page[page.length - 1]!.id;
    if (page.length < PAGE) break;
  }
  await writer.close();
  return total;
}

