import type { Runtime } from '../runtime.js';
import { inventoryNeedsReclassification, reclassifyInventory, type ReclassifyResult } from '../app/classification/reclassify-inventory.js';
import { jobContext } from './job-context.js';

/**
 * At start, a server on a database last classified under other rules or reference data classifies it
 * again, once: every replica may try, the re-classification's lock and its (reclassify, version) row
 * make one do the work and send the messages, and the others find it done. It runs beside the app (the
 * health check answers meanwhile) and never fails the start: a failure is logged, and the next start
 * or `aigov reclassify` resumes it.
 */
export async function reclassifyAtStart(rt: Runtime, now: Date, signal?: AbortSignal): Promise<ReclassifyResult | null> {
  try {
    if (!(await inventoryNeedsReclassification(rt.database.db))) return null;
    const started = Date.now();
    const result = await reclassifyInventory({ ctx: jobContext(rt, 'reclassify', now), input: { ...(signal ? { signal } : {}) } });
    rt.logger.info({ job: 'reclassify', ms: Date.now() - started, examined: result.examined, changed: result.changed, byKind: result.byKind,
      invalid: result.invalid.length, notified: result.notified, versionKey: result.versionKey }, 'inventory reclassified under this release\'s rules');
    for (const bad of result.invalid) rt.logger.warn({ job: 'reclassify', ...bad }, 'stored facts do not validate: system left as it was');
    return result;
  } catch (err) {
    rt.logger.error({ job: 'reclassify', err }, 're-classification at start failed; the next start or `aigov reclassify` resumes it');
    return null;
  }
}
