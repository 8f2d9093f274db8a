import type { Db } from '../../src/db/client.js';
import type { EventRenderer } from '../../src/outbox/rendering.js';
import { createEventRenderer } from '../../src/slack/render/index.js';
import { silentLogger } from './logger.js';
import { TEST_POLICY } from './verb-context.js';

/** The app's own event renderer over a test database, for dispatchers a test builds by hand. */
export const testRenderer = (db: Db): EventRenderer => createEventRenderer({ db, policy: TEST_POLICY, logger: silentLogger });

/** What a queued row would say if delivered now: the event rendered as the dispatcher renders it. */
export async function renderQueued(db: Db, row: { kind: string; payload: unknown; asOf: Date | null; createdAt: Date; cardKey: string | null }, existing = false) {
  const rendered = await testRenderer(db).render({ kind: row.kind, payload: row.payload, asOf: row.asOf ?? row.createdAt, cardKey: row.cardKey, existing });
  if ('skip' in rendered) throw new Error(`expected a message, the renderer skipped it: ${rendered.skip}`);
  if (!('message' in rendered)) throw new Error('expected a message, the renderer drew a canvas');
  return { ...rendered.message, json: JSON.stringify(rendered.message) };
}
