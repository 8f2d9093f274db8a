import { z } from 'zod';

export const CANVAS_EVENTS = {
  /** The governance channel's canvas (the live register), drawn from the whole portfolio at delivery. */
  'canvas.governance.v1': z.object({}),
  /** One AI system's canvas (its dossier), drawn from the record at delivery. */
  'canvas.system.v1': z.object({ systemId: z.string().min(1) }),
} as const;
