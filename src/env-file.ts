import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Settings from a `.env` file in the working folder under the real environment: a variable set in the
 * environment wins over the file, so a process manager or `docker run -e` can override it. The file uses
 * Node's own .env syntax (`util.parseEnv`, the parser behind `node --env-file`), which is also what a
 * shell reads with `set -a; . ./.env`, when values with spaces are quoted. No file, no change.
 */
export function withEnvFile(env: NodeJS.ProcessEnv, file = path.resolve('.env')): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { ...parseEnv(text), ...env };
}
