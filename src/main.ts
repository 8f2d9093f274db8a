import { ConfigError, loadConfig } from './config.js';
import { createLogger, scrubSecrets } from './logger.js';
import { startServer } from './server.js';
import { withEnvFile } from './env-file.js';

const SHUTDOWN_LIMIT_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(withEnvFile(process.env), 'server');
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md "Slack app set-up" and manifest.yml.\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  let server;
  try {
    server = await startServer(config, logger);
  } catch (err) {
    process.stderr.write(`aigov failed to start: ${scrubSecrets((err as Error).message)}\n`);
    logger.flush();
    process.exit(1);
  }
  logger.info({ ms: Date.now() - started, port: server.port, rssMb: Math.round(process.memoryUsage().rss / 1e6) }, 'aigov started');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => { logger.error('shutdown took too long; exiting'); process.exit(1); }, SHUTDOWN_LIMIT_MS);
    force.unref();
    server.stop().then(() => { logger.info('stopped'); logger.flush(); process.exit(0); }, (err) => { logger.error({ err }, 'shutdown failed'); process.exit(1); });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
