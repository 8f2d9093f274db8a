import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Policy, ServiceContext, Origin } from '../app/context.js';
import { actorFor } from '../app/context.js';
import type { SlackGateway } from './gateway.js';

/** What listeners are given: no listener reads config, env or the clock on its own. */
export interface SlackDeps {
  readonly db: Db;
  readonly gateway: SlackGateway;
  readonly logger: Logger;
  readonly policy: Policy;
  readonly now: () => Date;
  readonly kickOutbox: () => void;
}

export function contextFor(deps: SlackDeps, userId: string, origin: Origin): ServiceContext {
  return {
    db: deps.db,
    actor: actorFor(userId, deps.policy, origin),
    now: deps.now,
    logger: deps.logger.child({ actor: userId }),
    policy: deps.policy,
    afterCommit: deps.kickOutbox,
  };
}
