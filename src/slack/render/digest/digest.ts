import { loadDigest } from '../../../app/digest/load-digest.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildDigest } from '../../views/digest.js';
import { digestMetadata } from '../metadata.js';

/** The governance digest of a period, as of the time it ran (the event's asOf). */
export async function renderDigest(ctx: ServiceContext, body: EventBody<'digest.posted.v1'>): Promise<Rendered> {
  const d = await loadDigest({ ctx, input: body });
  const digest = buildDigest({ facts: d.facts, dates: d.dates, periodKey: d.periodKey, now: d.now, since: d.since, timeZone: ctx.policy.timeZone });
  return { message: { channel: ctx.policy.governanceChannel, ...digest, metadata: digestMetadata(d.periodKey) } };
}
