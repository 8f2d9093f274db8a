import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { canvasAvailability } from '../../db/schema/index.js';

const SCOPE = 'workspace';

/** Why this workspace does not let aigov use canvases (and since when), or null when it does. */
export interface CanvasOutage {
  reason: string;
  method: string;
  since: Date;
}

export async function loadCanvasOutage(db: DbOrTx): Promise<CanvasOutage | null> {
  const [row] = await db.select().from(canvasAvailability).where(eq(canvasAvailability.scope, SCOPE));
  return row ? { reason: row.reason, method: row.method, since: row.since } : null;
}

/** Records the outage; true when it is new (the caller logs it then, and only then). */
export async function recordCanvasOutage(db: DbOrTx, outage: { reason: string; method: string; since: Date }): Promise<boolean> {
  const inserted = await db.insert(canvasAvailability).values({ scope: SCOPE, ...outage }).onConflictDoNothing().returning({ scope: canvasAvailability.scope });
  return inserted.length > 0;
}

/** Clears the outage; true when there was one (the caller then brings every canvas up to date). */
export async function clearCanvasOutage(db: DbOrTx): Promise<boolean> {
  const deleted = await db.delete(canvasAvailability).where(eq(canvasAvailability.scope, SCOPE)).returning({ scope: canvasAvailability.scope });
  return deleted.length > 0;
}
