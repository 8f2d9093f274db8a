import type { Logger } from 'pino';
import type { ContextFactory, Origin, ServiceContext } from '../app/context.js';
import type { SlackGateway } from './gateway.js';

/**
 * What listeners are given: no listener reads config, env or the clock on its own, and none holds a
 * database handle. A listener builds the actor's context and hands it to a verb; the verb reads and writes.
 */
export interface SlackDeps {
  readonly contexts: ContextFactory;
  readonly gateway: SlackGateway;
  readonly logger: Logger;
  readonly policy: SlackPolicy;
  readonly now: () => Date;
}

/** The settings listeners show or route by; who is an admin is the verbs' to judge. */
export interface SlackPolicy {
  readonly timeZone: string;
}

export function contextFor(deps: SlackDeps, userId: string, origin: Origin): ServiceContext {
  return deps.contexts(userId, origin);
}
