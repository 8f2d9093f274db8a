import type { Db } from '../../src/db/client.js';
import type { Origin, Policy, ServiceContext } from '../../src/app/context.js';
import { actorFor } from '../../src/app/context.js';
import { DEFAULT_CLASSIFICATION_POLICY } from '../../src/domain/classify-intake.js';
import { DEFAULT_ESCALATION_POLICY } from '../../src/domain/escalation-ladder.js';
import { silentLogger } from './logger.js';
import { CHANNELS, USERS } from './test-app.js';

export const TEST_POLICY: Policy = {
  governanceChannel: CHANNELS.governance, intakeChannel: CHANNELS.intake, admins: [USERS.admin], timeZone: 'UTC', evidenceDueDays: 14,
  classification: DEFAULT_CLASSIFICATION_POLICY, escalation: DEFAULT_ESCALATION_POLICY, digestCron: '0 9 * * 1',
};

/** A context as a Slack listener would build it, for calling verbs directly. */
export function verbContext(db: Db, userId: string, opts: { now?: () => Date; policy?: Partial<Policy>; origin?: Origin } = {}): ServiceContext {
  const policy = { ...TEST_POLICY, ...opts.policy };
  return {
    db, policy, logger: silentLogger, now: opts.now ?? (() => new Date()),
    actor: actorFor(userId, policy, opts.origin ?? { via: 'slack', surface: 'test' }),
  };
}
