import { desc, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '../../db/schema/index.js';
import { findSystemById } from '../../db/repos/systems.js';
import { loadSystemRecord, type SystemRecord } from '../../db/repos/system-record.js';
import type { ServiceContext } from '../context.js';
import { loadSystemLinks, type SystemLinks } from './canvas-links.js';

export const LoadSystemCanvasInput = z.object({ systemId: z.string().min(1) });
export type LoadSystemCanvasInput = z.infer<typeof LoadSystemCanvasInput>;

/** How many of the latest audit events the canvas lists; the whole trail is in the dossier export. */
export const SYSTEM_CANVAS_RECENT_EVENTS = 10;

export interface SystemCanvasModel {
  now: Date;
  timeZone: string;
  governanceChannel: string;
  record: SystemRecord;
  links: SystemLinks;
  audit: { count: number; byAction: { action: string; n: number }[]; recent: { at: Date; actorId: string; action: string; subjectType: string }[] };
}

/** One AI system's dossier as its canvas shows it, or null when the system is gone. */
export async function loadSystemCanvas({ ctx, input }: { ctx: ServiceContext; input: LoadSystemCanvasInput }): Promise<SystemCanvasModel | null> {
  const { systemId } = LoadSystemCanvasInput.parse(input);
  const system = await findSystemById(ctx.db, systemId);
  if (!system) return null;
  const record = await loadSystemRecord(ctx.db, system);
  const about = inArray(auditEvents.subjectId, record.subjectIds);
  const [byAction, recent, links] = await Promise.all([
    ctx.db.select({ action: auditEvents.action, n: sql<number>`count(*)::int` }).from(auditEvents).where(about).groupBy(auditEvents.action).orderBy(auditEvents.action),
    ctx.db.select({ at: auditEvents.at, actorId: auditEvents.actorId, action: auditEvents.action, subjectType: auditEvents.subjectType })
      .from(auditEvents).where(about).orderBy(desc(auditEvents.seq)).limit(SYSTEM_CANVAS_RECENT_EVENTS),
    loadSystemLinks(ctx.db, [systemId]),
  ]);
  return {
    now: ctx.now(), timeZone: ctx.policy.timeZone, governanceChannel: ctx.policy.governanceChannel, record,
    links: links.get(systemId) ?? {},
    audit: { count: byAction.reduce((n, a) => n + a.n, 0), byAction, recent },
  };
}
