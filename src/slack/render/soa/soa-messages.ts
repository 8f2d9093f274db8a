import { loadSoaOwnerNotice } from '../../../app/soa/load-soa-owner-notice.js';
import { loadSoaVersion } from '../../../app/soa/load-soa-version.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { mention } from '../../escape.js';
import { buildSoaOwnerNotice } from '../../views/soa-owner-notice.js';
import { soaControlMetadata, soaVersionMetadata } from '../metadata.js';

/** The forum's note that a Statement of Applicability version was approved. */
export async function renderSoaApproved(ctx: ServiceContext, body: EventBody<'soa.approved.v1'>): Promise<Rendered> {
  const version = await loadSoaVersion({ ctx, input: body });
  if (!version) return { skip: `SoA version ${body.versionId} is gone` };
  const since = body.changes === null ? 'the first approved version' : `${body.changes} change${body.changes === 1 ? '' : 's'} since version ${version.number - 1}`;
  const text = `Statement of Applicability version ${version.number} approved by ${mention(version.approvedBy)} (${since}). \`/aigov export soa md\` sends it.`;
  return { message: { channel: ctx.policy.governanceChannel, text, metadata: soaVersionMetadata(version.id, version.number) } };
}

/** A new control owner's DM: what they own, what shows it operates, and what evidence is still missing. */
export async function renderSoaOwnerNotice(ctx: ServiceContext, body: EventBody<'soa.owner-notice.v1'>): Promise<Rendered> {
  const model = await loadSoaOwnerNotice({ ctx, input: body });
  if (!model) return { skip: `owner decision ${body.decisionId} is gone` };
  return { message: { channel: model.ownerId, ...buildSoaOwnerNotice(model), metadata: soaControlMetadata(model.framework, model.controlId) } };
}
