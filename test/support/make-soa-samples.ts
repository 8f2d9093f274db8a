// Writes the sample Statement of Applicability documents in docs/samples from the realistic seed:
//   node --import tsx test/support/make-soa-samples.ts [out dir, default docs/samples]
// An approved version 1, then the draft that followed a change (a system distributed to customers
// while A.10.4 was excluded, and an owner handed over).
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Db } from '../../src/db/client.js';
import { openMigratedDatabase } from '../../src/runtime.js';
import { exportSoa } from '../../src/app/exports/soa.js';
import { decideControl, type DecideControlInput } from '../../src/app/soa/decide-control.js';
import { recordAimsScope } from '../../src/app/soa/record-aims-scope.js';
import { approveSoa } from '../../src/app/soa/approve-soa.js';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { ISO_ANNEX_A_CONTROLS } from '../../src/domain/catalog/index.js';
import { SystemFacts } from '../../src/domain/system-facts.js';
import { seedGovernance } from './governance-seed.js';
import { silentLogger } from './logger.js';
import { USERS } from './test-app.js';
import { verbContext } from './verb-context.js';

const HOUR = 3_600_000;
const out = path.resolve(process.argv[2] ?? 'docs/samples');
// Decisions two days back, the documents generated now: the run's dates, like the other samples.
const t0 = new Date(Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR);
const clock = () => new Date();
const at = (hours: number) => () => new Date(t0.getTime() + hours * HOUR);

// Who answers for each Annex A group: the AIMS owner (the governance admin) for policy and roles, the system owners for the rest.
const GROUP_OWNERS: Record<string, string> = {
  'A.2': USERS.admin, 'A.3': USERS.admin, 'A.4': USERS.owner2, 'A.5': USERS.owner, 'A.6': USERS.owner2,
  'A.7': USERS.owner2, 'A.8': USERS.owner, 'A.9': USERS.owner, 'A.10': USERS.admin,
};

async function markdown(db: Db, now: () => Date): Promise<string> {
  const chunks: string[] = [];
  await exportSoa(db, new Writable({ write(c, _e, done) { chunks.push(String(c)); done(); } }), 'md', now);
  return chunks.join('');
}

async function main() {
  const database = await openDatabase({ pglite: await PGlite.create() });
  await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silentLogger, database);
  const db = database.db;
  await seedGovernance(db, { now: t0 });
  const decide = (hours: number, input: DecideControlInput) => decideControl({ ctx: verbContext(db, USERS.admin, { now: at(hours) }), input });

  await recordAimsScope({ ctx: verbContext(db, USERS.admin, { now: at(1) }), input: {
    statement: 'The AI management system of Acme Ltd covers the AI systems Acme develops, deploys or buys for recruiting, consumer lending, customer support, supply planning and workforce management, in its EU and UK operations, through their whole life cycle.',
    systemIds: null,
    units: 'People & Talent\nConsumer Lending\nCustomer Operations\nSupply Chain\nData & AI Platform',
  } });
  await decide(1, { framework: 'iso-42001', controlId: 'A.8.4', applicability: 'applicable', justification: 'Applicable although no incident is recorded yet: the support assistant and the credit limit model reach customers, so incident communication is part of the incident process from the start.' });
  await decide(1, { framework: 'iso-42001', controlId: 'A.8.5', applicability: 'applicable', justification: 'Applicable: enterprise customers send AI assurance questionnaires, answered from the trust centre.' });
  await decide(1, { framework: 'iso-42001', controlId: 'A.10.4', applicability: 'excluded', justification: 'Acme provides no AI system to customers as a product or component: its AI systems serve its own operations, and what customers see of them is covered by A.8.2.' });
  for (const c of ISO_ANNEX_A_CONTROLS) {
    if (c.id === 'A.10.4') continue;
    await decide(1, { framework: 'iso-42001', controlId: c.id, ownerId: GROUP_OWNERS[c.group] ?? USERS.admin });
  }
  await approveSoa({ ctx: verbContext(db, USERS.admin, { now: at(2) }) });
  fs.writeFileSync(path.join(out, 'statement-of-applicability.md'), await markdown(db, clock));

  // A day later: a reseller deal makes Acme the distributor of a partner's scoring model, and supplier oversight changes hands.
  const facts = SystemFacts.parse({
    name: 'Partner lead scorer', purpose: 'Scores sales leads; Acme resells the model of LeadLens BV to its dealer network.', owner: USERS.owner2,
    lifecycleStage: 'deployed', operatorRole: 'distributor', dataCategories: ['personal'], supplier: 'LeadLens BV',
  });
  await registerSystem({ ctx: verbContext(db, USERS.requester, { now: at(26) }), input: { facts, idempotencyKey: 'sample:partner-lead-scorer' } });
  await decide(27, { framework: 'iso-42001', controlId: 'A.10.3', ownerId: USERS.owner2 });
  fs.writeFileSync(path.join(out, 'statement-of-applicability-draft.md'), await markdown(db, clock));
  await database.close();
}

await main();
