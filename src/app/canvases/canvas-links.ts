import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { slackCanvases, slackMessages } from '../../db/schema/index.js';
import { cardKeys } from '../../domain/message-keys.js';

/** Where a system's record can be opened in Slack: its canvas, and the message announcing it. */
export interface SystemLinks {
  canvasUrl?: string;
  message?: { channel: string; ts: string };
}

/** The links of these systems, in two indexed reads whatever their number. */
export async function loadSystemLinks(db: DbOrTx, systemIds: readonly string[]): Promise<Map<string, SystemLinks>> {
  const ids = [...new Set(systemIds)];
  const links = new Map<string, SystemLinks>(ids.map((id) => [id, {}]));
  if (!ids.length) return links;
  const canvasKeys = new Map<string, string>(ids.map((id) => [cardKeys.systemCanvas(id), id]));
  const messageKeys = new Map<string, string>(ids.map((id) => [cardKeys.announcement(id), id]));
  const [canvases, messages] = await Promise.all([
    db.select({ key: slackCanvases.key, url: slackCanvases.url }).from(slackCanvases).where(inArray(slackCanvases.key, [...canvasKeys.keys()])),
    db.select({ key: slackMessages.key, channel: slackMessages.channel, ts: slackMessages.ts }).from(slackMessages).where(inArray(slackMessages.key, [...messageKeys.keys()])),
  ]);
  for (const c of canvases) if (c.url) links.get(canvasKeys.get(c.key)!)!.canvasUrl = c.url;
  for (const m of messages) links.get(messageKeys.get(m.key)!)!.message = { channel: m.channel, ts: m.ts };
  return links;
}

/** A system's canvas link, for the announcement card and anything else that points at the record. */
export async function loadSystemCanvasUrl(db: DbOrTx, systemId: string): Promise<string | null> {
  return (await loadSystemLinks(db, [systemId])).get(systemId)?.canvasUrl ?? null;
}
