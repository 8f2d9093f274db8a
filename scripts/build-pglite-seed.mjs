// Makes dist/pglite-seed, a migrated embedded database folder (run by `npm run build`, after tsc). A
// server's first start on an empty data folder copies it instead of running initdb: see src/db/pglite-seed.ts.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pino } from 'pino';
import { openDatabase } from '../dist/src/db/client.js';
import { openMigratedDatabase } from '../dist/src/runtime.js';
import { EMBEDDED_START_PARAMS, seedDataDirPath } from '../dist/src/db/pglite-seed.js';

const started = Date.now();
const folder = seedDataDirPath();
const building = `${folder}.building`;
fs.rmSync(building, { recursive: true, force: true });
const pglite = await PGlite.create({ dataDir: building, startParams: [...EMBEDDED_START_PARAMS] });
const database = await openDatabase({ pglite });
await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, pino({ level: 'silent' }), database);
await pglite.query('CHECKPOINT');
await pglite.close();
fs.rmSync(folder, { recursive: true, force: true });
fs.renameSync(building, folder);
process.stdout.write(`embedded database seed: ${folder} (${Date.now() - started} ms)\n`);
