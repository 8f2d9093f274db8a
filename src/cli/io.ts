import type { Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** Reads a file a command names; absent, the local file system. A server running the command is handed the CLI's copy. */
  readonly readFile?: (file: string) => Promise<Buffer>;
}

/** Exit codes of the contract: 0 success, 1 runtime failure, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Bad usage or bad input: exit 2 with this one line. */
export class UsageError extends Error {}
