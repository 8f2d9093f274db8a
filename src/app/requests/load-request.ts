import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, intakeRequests, statutoryDeadlines } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ requestId: z.string().min(1) });

/** The answers a request's messages show; other answers stay in the record. */
const Details = z.object({ description: z.string(), customer: z.string().optional(), dueOn: z.string().nullable().optional() });

export type RequestKind = 'change' | 'incident' | 'supplier' | 'assurance';

export interface RequestModel {
  requestId: string;
  kind: RequestKind;
  requesterId: string;
  description: string;
  /** The customer and answer date of an assurance request. */
  customer: string | null;
  dueOn: string | null;
  system: { id: string; name: string; ownerId: string } | null;
  /** The legal deadline a serious incident started. */
  deadline: { id: string; ref: string; dueAt: Date } | null;
}

/** A raised request as its messages show it; null when it is gone. */
export async function loadRequest({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<RequestModel | null> {
  const { requestId } = Input.parse(input);
  const [row] = await ctx.db.select({ request: intakeRequests, system: { id: aiSystems.id, name: aiSystems.name, ownerId: aiSystems.ownerId } })
    .from(intakeRequests).leftJoin(aiSystems, eq(aiSystems.id, intakeRequests.systemId)).where(eq(intakeRequests.id, requestId));
  if (!row) return null;
  const details = Details.parse(row.request.facts);
  const [deadline] = await ctx.db.select({ id: statutoryDeadlines.id, ref: statutoryDeadlines.ref, dueAt: statutoryDeadlines.dueAt }).from(statutoryDeadlines)
    .where(eq(statutoryDeadlines.requestId, requestId)).orderBy(asc(statutoryDeadlines.createdAt)).limit(1);
  return {
    requestId, kind: row.request.kind as RequestKind, requesterId: row.request.requesterId, description: details.description,
    customer: details.customer ?? null, dueOn: details.dueOn ?? null, system: row.system, deadline: deadline ?? null,
  };
}

/** A legal deadline's post: the deadline, its system and the request that started it; null when gone. */
export async function loadStatutoryDeadline({ ctx, input }: { ctx: ServiceContext; input: { deadlineId: string } }) {
  const { deadlineId } = z.object({ deadlineId: z.string().min(1) }).parse(input);
  const [row] = await ctx.db.select({ deadline: statutoryDeadlines, system: { id: aiSystems.id, name: aiSystems.name, ownerId: aiSystems.ownerId } })
    .from(statutoryDeadlines).innerJoin(aiSystems, eq(aiSystems.id, statutoryDeadlines.systemId)).where(eq(statutoryDeadlines.id, deadlineId));
  if (!row) return null;
  const request = row.deadline.requestId ? await loadRequest({ ctx, input: { requestId: row.deadline.requestId } }) : null;
  if (!request) return null;
  return { deadline: row.deadline, system: row.system, reporterId: request.requesterId, description: request.description };
}
