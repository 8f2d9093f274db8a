import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { soaVersions } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ versionId: z.string().min(1) });

/** An approved Statement of Applicability version: its number, approver and date; null when gone. */
export async function loadSoaVersion({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { versionId } = Input.parse(input);
  const [row] = await ctx.db.select({ id: soaVersions.id, number: soaVersions.number, approvedBy: soaVersions.approvedBy, approvedAt: soaVersions.approvedAt })
    .from(soaVersions).where(eq(soaVersions.id, versionId));
  return row ?? null;
}
