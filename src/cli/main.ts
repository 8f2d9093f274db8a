import { ConfigError, loadConfig, type ConfigScope } from '../config.js';
import { DataDirBusyError } from '../db/data-dir-lock.js';
import { DatabaseUnavailableError } from '../db/client.js';
import { AppError } from '../app/errors.js';
import { createLogger, scrubSecrets } from '../logger.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { COMMANDS } from './commands/index.js';
import { runThroughServer } from './remote/client.js';
import { withEnvFile } from '../env-file.js';

const USAGE_WIDTH = Math.max(...COMMANDS.map((c) => c.usage.length));
const USAGE = `usage: aigov <command> [options]

commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(USAGE_WIDTH)}  ${c.summary}`).join('\n')}

--format defaults to the first format a command lists (see README.md for each export's formats).
Settings come from the environment and a .env file in the current folder (see README.md).
Exit status: 0 success, 1 runtime failure, 2 bad usage or input.`;

/** Runs one command and returns its exit status; the caller decides whether to exit the process. */
export async function runCli(argv: string[], io: CliIo, opts: { runtime?: (scope: ConfigScope) => Promise<Runtime> } = {}): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io[name ? 'stdout' : 'stderr'].write(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`aigov: unknown command "${name}"; run "aigov help" for the list\n`);
    return EXIT.usage;
  }
  let runtime: Runtime | undefined;
  try {
    runtime = opts.runtime ? await opts.runtime(command.scope) : await defaultRuntime(command.scope, io);
    return await command.run(args, runtime, io);
  } catch (err) {
    // The embedded data folder is held: if a server holds it, that server carries out the command.
    const forwarded = err instanceof DataDirBusyError && err.dataDir && !opts.runtime ? await runThroughServer({ argv, io, dataDir: err.dataDir }) : undefined;
    return forwarded ?? reportCliError(err, io);
  } finally {
    if (!opts.runtime && runtime) {
      // A commit during the command may have woken the dispatcher's poll loop: stop it before the database
      // closes under it (that race logged CONNECTION_ENDED at the end of every sweep on PostgreSQL).
      await runtime.dispatcher.stop();
      await runtime.database.close().catch(() => {});
    }
  }
}

async function defaultRuntime(scope: ConfigScope, io: CliIo): Promise<Runtime> {
  const config = loadConfig(io.env, scope);
  // Logs go to stderr as JSON lines only when asked (LOG_LEVEL): stdout carries exports, and each command
  // ends with its own one-line outcome, including what could not be delivered and why.
  const logger = createLogger(io.env.LOG_LEVEL ?? 'error');
  return createRuntime(config, logger);
}

function reportCliError(err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.stderr.write(`aigov: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof AppError && err.code === 'VALIDATION') {
    io.stderr.write(`aigov: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof ConfigError) {
    io.stderr.write(`aigov: ${err.problems.join('; ')}\n`);
    return EXIT.usage;
  }
  if (err instanceof DataDirBusyError || err instanceof DatabaseUnavailableError || err instanceof AppError) {
    io.stderr.write(`aigov: ${scrubSecrets(err.message)}\n`);
    return EXIT.failure;
  }
  io.stderr.write(`aigov: failed: ${scrubSecrets((err as Error)?.message ?? String(err))}\n`);
  return EXIT.failure;
}

export async function main(argv: string[]): Promise<void> {
  // `aigov export … | head`: the reader has what it wanted; leave quietly instead of printing "write EPIPE".
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  const code = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: withEnvFile(process.env) });
  // Let stdout drain (a large export piped to a file) before leaving.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
