import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, auditEvents, evidenceClaims } from '../../db/schema/index.js';
import { inList } from '../../db/in-list.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ systemId: z.string().min(1), ownerId: z.string().min(1) });

export type CardClaimRow = typeof evidenceClaims.$inferSelect;

/** A claim this owner handed to someone else: the card keeps saying who has it now. */
export interface HandedOverClaim { source: string; requirementId: string; title: string; ownerId: string }

export interface EvidenceCardModel {
  systemId: string;
  systemName: string;
  ownerId: string;
  /** The claims this owner holds on the system, in due order. */
  claims: CardClaimRow[];
  handedOver: HandedOverClaim[];
}

/** What an owner's evidence card for one system shows now; null when the system is gone. */
export async function loadEvidenceCard({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<EvidenceCardModel | null> {
  const { systemId, ownerId } = Input.parse(input);
  const db = ctx.db;
  const [system] = await db.select({ name: aiSystems.name }).from(aiSystems).where(eq(aiSystems.id, systemId));
  if (!system) return null;
  const claims = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId))
    .orderBy(asc(evidenceClaims.dueAt), asc(evidenceClaims.source), asc(evidenceClaims.requirementId));
  const handedOverBy = await loadHandOvers(db, claims);
  const handedOver = claims
    .filter((c) => c.ownerId !== ownerId && handedOverBy.get(c.id)?.has(ownerId))
    .sort((a, b) => a.source.localeCompare(b.source) || a.requirementId.localeCompare(b.requirementId))
    .map(({ source, requirementId, title, ownerId: holder }) => ({ source, requirementId, title, ownerId: holder }));
  return { systemId, systemName: system.name, ownerId, claims: claims.filter((c) => c.ownerId === ownerId), handedOver };
}

/**
 * Who once held each claim and reassigned it: the audit trail is the record of who handed what to whom,
 * and the claim says who has it now.
 */
async function loadHandOvers(db: DbOrTx, claims: readonly { id: string }[]): Promise<Map<string, Set<string>>> {
  const handed = new Map<string, Set<string>>();
  if (!claims.length) return handed;
  const rows = await db.selectDistinct({ claimId: auditEvents.subjectId, from: sql<string>`${auditEvents.before}->>'ownerId'` }).from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'evidence_claim'), eq(auditEvents.action, 'evidence.reassigned'), inList(auditEvents.subjectId, claims.map((c) => c.id))));
  for (const r of rows) handed.set(r.claimId, (handed.get(r.claimId) ?? new Set()).add(r.from));
  return handed;
}
