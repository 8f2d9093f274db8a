import lockfile from 'proper-lockfile';

export interface DataDirLock { release(): Promise<void> }

export class DataDirBusyError extends Error {
  /** dataDir: the folder that is held, where a server holding it listens for CLI commands. */
  constructor(message: string, readonly dataDir?: string) {
    super(message);
  }
}

/**
 * Embedded PostgreSQL (PGlite) is single-process: two processes writing one data folder corrupt it.
 * The lock is taken at once or not at all, so a CLI command run beside the server fails fast.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  try {
    // PGlite blocks the event loop for seconds while it initialises, delaying the lock's heartbeat; a
    // generous stale time keeps a busy owner from looking dead. A dead owner's lock frees after a minute.
    const release = await lockfile.lock(dataDir, { lockfilePath: `${dataDir}/.aigov.lock`, retries: 0, stale: 60_000, update: 10_000, realpath: false,
      onCompromised: (err) => { process.emitWarning(`aigov data folder lock: ${err.message}`); } });
    return { release: () => release().catch(() => {}) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirBusyError(`the data folder ${dataDir} is in use by another aigov process (the server?); `
        + 'stop it first, or set DATABASE_URL to share a PostgreSQL database between the server and the CLI', dataDir);
    }
    throw err;
  }
}
