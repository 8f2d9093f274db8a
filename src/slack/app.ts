import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { registry } from '../metrics.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { reportErrorToUser } from './error-reporting.js';
import { registerListeners } from './listeners/index.js';
import { requestLogging } from './http-metrics.js';
import { explainSocketModeStartFailure } from './startup-checks.js';

/** What /healthz answers beside `ok` (the outbox's state); the check throws when the process cannot serve (the database does not answer). */
export interface HealthReport { ok: true; [part: string]: unknown }
export interface HealthCheck { (): Promise<HealthReport> }

export interface RunningSlackApp {
  /** The port the HTTP listener (events in HTTP mode, health and metrics in both) is bound to. */
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Bolt in HTTP mode (signing secret: POST /slack/events, signatures checked by the receiver) or Socket
 * Mode (app token). /healthz and /metrics are served in both modes.
 */
export async function startSlackApp(args: { config: Config; deps: SlackDeps; health: HealthCheck; logger: Logger }): Promise<RunningSlackApp> {
  const { config, deps, health, logger } = args;
  const clientOptions = { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
  const customRoutes = [
    { path: '/healthz', method: ['GET'], handler: (_req: http.IncomingMessage, res: http.ServerResponse) => void serveHealth(res, health) },
    { path: '/metrics', method: ['GET'], handler: (_req: http.IncomingMessage, res: http.ServerResponse) => void serveMetrics(res) },
  ];
  const common = {
    token: config.slack.botToken,
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions,
    // Verifying the token calls Slack at start-up; a Slack outage must not stop the bot from starting.
    tokenVerificationEnabled: false,
    extendedErrorHandler: true,
  };
  let app: InstanceType<typeof App>;
  let healthServer: http.Server | undefined;
  if (config.slack.mode === 'http') {
    const receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret!,
      endpoints: '/slack/events',
      customRoutes,
      logger: common.logger,
      processBeforeResponse: false,
    });
    app = new App({ ...common, receiver });
  } else {
    app = new App({ ...common, appToken: config.slack.appToken!, socketMode: true });
    healthServer = http.createServer((req, res) => {
      const route = customRoutes.find((r) => req.method === 'GET' && req.url?.split('?')[0] === r.path);
      if (route) route.handler(req, res);
      else { res.writeHead(404).end(); }
    });
  }
  // extendedErrorHandler: the handler also gets the request body, so it knows whom to tell.
  app.error((async ({ error, body }: { error: Error & { original?: unknown }; body: unknown }) => {
    await reportErrorToUser({ err: error.original ?? error, body, logger, gateway: deps.gateway });
  }) as never);
  app.use(requestLogging(logger));
  registerListeners(app, deps);

  let port: number;
  if (config.slack.mode === 'http') {
    const server = (await app.start(config.port)) as http.Server;
    port = (server.address() as AddressInfo).port;
  } else {
    try {
      await app.start();
    } catch (err) {
      throw explainSocketModeStartFailure(err, config);
    }
    await new Promise<void>((resolve) => healthServer!.listen(config.port, resolve));
    port = (healthServer!.address() as AddressInfo).port;
  }
  logger.info({ mode: config.slack.mode, port }, 'slack app listening');
  return {
    port,
    stop: async () => {
      await app.stop();
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
    },
  };
}

/**
 * 503 only for what a restart or another replica can cure (the database). A blocked outbox (Slack refuses
 * the app's token) stays 200 and says so: every replica shares the token, so restarting pods or taking them
 * out of rotation heals nothing and would also stop the requests Slack still sends.
 */
async function serveHealth(res: http.ServerResponse, health: HealthCheck): Promise<void> {
  const report = await health().catch(() => ({ ok: false as const }));
  res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
}

async function serveMetrics(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
}
