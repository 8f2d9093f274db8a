import { loadClaimNote } from '../../../app/evidence/load-claim-note.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildEvidenceNote } from '../../views/evidence/evidence-note.js';
import { buildClaimExceptionNote } from '../../views/evidence/claim-exception-note.js';
import { exceptionOfSystemMetadata, systemMetadata } from '../metadata.js';
import { inSystemThread } from '../notes/system-thread.js';

/** Evidence given for a claim, in the system's thread. */
export async function renderEvidenceNote(ctx: ServiceContext, body: EventBody<'evidence.note.v1'>): Promise<Rendered> {
  const model = await loadClaimNote({ ctx, input: body });
  if (!model?.artifact) return { skip: `claim ${body.claimId} or artifact ${body.artifactId} is gone` };
  const note = buildEvidenceNote({
    kind: body.kind, actorId: body.actorId, claim: model.claim, systemName: model.systemName, artifact: model.artifact,
    ...(body.reason ? { reuseReason: body.reason } : {}),
  });
  return { message: await inSystemThread(ctx, model.systemId, note, systemMetadata(model.systemId)) };
}

/** An owner's Can't provide, in the system's thread. */
export async function renderClaimExceptionNote(ctx: ServiceContext, body: EventBody<'evidence.exception-note.v1'>): Promise<Rendered> {
  const model = await loadClaimNote({ ctx, input: { claimId: body.claimId } });
  if (!model) return { skip: `claim ${body.claimId} is gone` };
  const note = buildClaimExceptionNote({ exceptionId: body.exceptionId, systemName: model.systemName, claim: model.claim, actorId: body.actorId, reason: body.reason });
  return { message: await inSystemThread(ctx, model.systemId, note, exceptionOfSystemMetadata(body.exceptionId, model.systemId)) };
}
