// Writes the audit files from the realistic sample portfolio the tests use: the Statement of
// Applicability and a dossier as PDF and the workbook as xlsx, into the folder given (default docs/samples).
// scripts/render-samples.sh turns them into PNGs to look at.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/db/client.js';
import { findExport, type RawExportParams } from '../src/app/exports/index.js';
import { seedGovernance } from '../test/support/governance-seed.js';

const outDir = path.resolve(process.argv[2] ?? 'docs/samples');
fs.mkdirSync(outDir, { recursive: true });
const database = await openDatabase({ pglite: await PGlite.create() });
await database.migrate();
const now = new Date();
const seed = await seedGovernance(database.db, { now });
const rt = { database, now: () => now };

async function write(file: string, kind: string, fields: RawExportParams): Promise<void> {
  const target = fs.createWriteStream(path.join(outDir, file));
  const definition = findExport(kind)!;
  await definition.run(definition.params.parse(fields), rt, target);
  await new Promise<void>((resolve, reject) => target.end((err?: Error | null) => (err ? reject(err) : resolve())));
  console.log(`${file}: ${fs.statSync(path.join(outDir, file)).size} bytes`);
}

await write('soa.pdf', 'soa', { format: 'pdf' });
await write('dossier-applicant-ranker.pdf', 'dossier', { system: seed.ids.ranker, format: 'pdf' });
await write('workbook.xlsx', 'workbook', { format: 'xlsx', organisation: 'Example Ltd' });
await database.close();
