import { parse } from 'csv-parse/sync';
import type { Database } from '../../../src/db/client.js';
import type { Runtime } from '../../../src/runtime.js';
import { AppError } from '../../../src/app/errors.js';
import { decideControl } from '../../../src/app/soa/decide-control.js';
import { approveSoa, OpenDecisionsError } from '../../../src/app/soa/approve-soa.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { raiseRequest } from '../../../src/app/requests/raise-request.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { runAigov, testRuntime } from '../../support/test-runtime.js';
import { USERS } from '../../support/test-app.js';
import { verbContext } from '../../support/verb-context.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const csv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const now = new Date('2026-12-01T09:00:00Z');
const clock = () => now;

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the verb to refuse');
}

describe('decideControl: a supplier change while A.10.3 is excluded', () => {
  let fresh: Database;
  let freshRt: Runtime;
  test.beforeAll(async ({ database }) => {
    fresh = database;
    freshRt = await testRuntime(fresh);
  });

  it('flags the exclusion for review instead of changing it, and A.10.2 follows', async () => {
    const facts = SystemFacts.parse({ name: 'Route planner', purpose: 'Plans delivery routes.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'provider_and_deployer' });
    const { systemId } = await registerSystem({ ctx: verbContext(fresh.db, USERS.requester, { now: clock }), input: { facts, idempotencyKey: 'fresh:planner' } });
    await decideControl({ ctx: verbContext(fresh.db, USERS.admin, { now: clock }), input: { framework: 'iso-42001', controlId: 'A.10.3', applicability: 'excluded', justification: 'Every AI system is built in-house.' } });
    const before = csv((await runAigov(freshRt, ['export', 'soa', '--format', 'csv'])).stdout);
    expect(before.find((r) => r.control_id === 'A.10.3')).toMatchObject({ applicable: 'no', rule_applicable: 'no', review_needed: '' });
    expect(before.find((r) => r.control_id === 'A.10.2')).toMatchObject({ applicable: 'no' });

    await raiseRequest({ ctx: verbContext(fresh.db, USERS.owner, { now: clock }), input: { trigger: 'supplier_change', idempotencyKey: 'fresh:supplier', details: {
      kind: 'supplier', systemId: systemId!, supplier: 'MapMatrix GmbH', description: 'Routing model now licensed from MapMatrix.' } } });
    const after = csv((await runAigov(freshRt, ['export', 'soa', '--format', 'csv'])).stdout);
    const a103 = after.find((r) => r.control_id === 'A.10.3')!;
    expect(a103).toMatchObject({ applicable: 'no', decision_basis: 'organisation', justification: 'Every AI system is built in-house.', rule_applicable: 'yes' });
    expect(a103.review_needed).toMatch(/^Excluded when no rule selected it; the rules now select it \(1 AI system has a supplier recorded since its classification/);
    expect(after.find((r) => r.control_id === 'A.10.2')).toMatchObject({ applicable: 'yes', decision_basis: 'rule' });
    const err = await caught(approveSoa({ ctx: verbContext(fresh.db, USERS.admin, { now: clock }) }));
    expect((err as OpenDecisionsError).open.map((o) => o.what)).toContain(`A.10.3: the exclusion needs review. ${a103.review_needed}`);
  });
});
