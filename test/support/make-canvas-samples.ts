// Writes the sample canvases in docs/samples from the realistic seed, drawn by the real dispatcher against
// the fake Slack (so links, mentions and escaping are exactly what Slack would receive):
//   node --import tsx test/support/make-canvas-samples.ts [out dir, default docs/samples]
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../src/db/client.js';
import { openMigratedDatabase } from '../../src/runtime.js';
import { createSlackGateway } from '../../src/slack/gateway.js';
import { createEventRenderer } from '../../src/slack/render/index.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { queueAllCanvases } from '../../src/app/canvases/queue-canvas-refresh.js';
import { slackCanvases } from '../../src/db/schema/index.js';
import { cardKeys } from '../../src/domain/message-keys.js';
import { seedGovernance } from './governance-seed.js';
import { startFakeSlack } from './fake-slack.js';
import { silentLogger } from './logger.js';
import { TEST_POLICY } from './verb-context.js';

const out = path.resolve(process.argv[2] ?? 'docs/samples');

async function main() {
  const fake = await startFakeSlack();
  const database = await openDatabase({ pglite: await PGlite.create() });
  await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silentLogger, database);
  const db = database.db;
  const seed = await seedGovernance(db);
  await db.transaction((tx) => queueAllCanvases(tx, new Date()));
  const gateway = createSlackGateway({ token: 'xoxb-sample', apiUrl: fake.apiUrl });
  const dispatcher = new OutboxDispatcher({ db, gateway, logger: silentLogger, renderer: createEventRenderer({ db, policy: { ...TEST_POLICY, canvases: true }, logger: silentLogger }) });
  await dispatcher.drain(60_000);
  const canvases = await db.select().from(slackCanvases);
  const markdownOf = (key: string) => {
    const c = canvases.find((x) => x.key === key);
    if (!c) throw new Error(`no canvas ${key}`);
    return `${fake.canvasMarkdown(c.canvasId)}\n`;
  };
  const ranker = Object.entries(seed.ids).find(([name]) => name === 'ranker')?.[1] ?? Object.values(seed.ids)[0]!;
  fs.writeFileSync(path.join(out, 'canvas-governance.md'), markdownOf(cardKeys.governanceCanvas()));
  fs.writeFileSync(path.join(out, 'canvas-system-applicant-ranker.md'), markdownOf(cardKeys.systemCanvas(ranker)));
  await database.close();
  await fake.close();
}

await main();
