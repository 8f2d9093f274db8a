import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, classifications } from '../../db/schema/index.js';
import type { Classification } from '../../domain/classify-intake.js';
import type { ServiceContext } from '../context.js';
import { loadSystemCanvasUrl } from '../canvases/canvas-links.js';

const Input = z.object({ systemId: z.string().min(1) });

/** What a system's announcement card shows: its facts and the classification it stands under. */
export interface AnnouncementModel {
  systemId: string;
  name: string;
  ownerId: string;
  /** Who registered it. */
  requesterId: string;
  classification: Classification;
  nextReviewAt: Date | null;
  /** The system's canvas, once Slack has it. */
  canvasUrl: string | null;
}

/** The announcement of a registered system as its record stands now; null when the system is gone. */
export async function loadAnnouncement({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<AnnouncementModel | null> {
  const { systemId } = Input.parse(input);
  const [row] = await ctx.db.select({ system: aiSystems, computed: classifications.computed }).from(aiSystems)
    .innerJoin(classifications, eq(classifications.id, aiSystems.currentClassificationId)).where(eq(aiSystems.id, systemId));
  if (!row) return null;
  const { system } = row;
  return {
    systemId, name: system.name, ownerId: system.ownerId, requesterId: system.createdBy,
    classification: row.computed as Classification, nextReviewAt: system.nextReviewAt,
    canvasUrl: await loadSystemCanvasUrl(ctx.db, systemId),
  };
}
