import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { projectRoot } from './project-root.js';

/**
 * The embedded database runs inside this process, so its memory is the server's. PostgreSQL's default
 * shared_buffers (128 MB) would be most of a small container for a database of a few thousand rows; 16 MB
 * holds this project's working set many times over. Passed on every start, so an existing folder gets it too.
 */
export const EMBEDDED_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'temp_buffers=2MB'];

/**
 * A migrated data folder made at build time (`npm run build`). A first start copies it instead of letting
 * PGlite run initdb, which peaks near 900 MB and takes seconds; migrations newer than the copy still apply
 * at start. A plain folder copied by the file system, not an archive: unpacking ~40 MB in this process
 * (or PGlite's loadDataDir, which unpacks into the WebAssembly heap) keeps 70–120 MB resident afterwards.
 */
export function seedDataDirPath(): string {
  return path.join(projectRoot(), 'dist', 'pglite-seed');
}

/**
 * Gives a data folder that was never initialised the seed's contents. Copied beside it and renamed into
 * place, so a start interrupted half-way leaves no half folder that looks initialised. Without a seed (a
 * checkout that was not built) it does nothing and PGlite runs initdb.
 */
export function seedEmbeddedDataDir(pgDataDir: string, seed = seedDataDirPath()): boolean {
  if (fs.existsSync(path.join(pgDataDir, 'PG_VERSION'))) return false;
  if (!fs.existsSync(path.join(seed, 'PG_VERSION'))) return false;
  const staging = `${pgDataDir}.seeding-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    fs.cpSync(seed, staging, { recursive: true });
    fs.rmSync(pgDataDir, { recursive: true, force: true });
    fs.renameSync(staging, pgDataDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return true;
}
