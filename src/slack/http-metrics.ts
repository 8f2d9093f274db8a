import { randomUUID } from 'node:crypto';
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { Histogram } from 'prom-client';
import type { Logger } from 'pino';
import { registry } from '../metrics.js';

const handled = new Histogram({
  name: 'aigov_slack_request_seconds', help: 'Time to handle a Slack request, by type', labelNames: ['type'], registers: [registry],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

type Body = { type?: string; command?: string; user?: { id?: string }; user_id?: string; actions?: { action_id?: string }[]; view?: { callback_id?: string }; event?: { type?: string } };

/** Times every Slack request and logs one line for it with a request id that later log lines can carry. */
export function requestLogging(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const b = body as Body;
    const type = b.type ?? (b.command ? 'slash_command' : 'unknown');
    const requestId = randomUUID();
    context.requestId = requestId;
    const end = handled.startTimer({ type });
    const started = performance.now();
    try {
      await next();
    } finally {
      end();
      logger.info({
        requestId, type, user: b.user?.id ?? b.user_id, what: b.command ?? b.actions?.[0]?.action_id ?? b.view?.callback_id ?? b.event?.type,
        retryNum: context.retryNum, ms: Math.round(performance.now() - started),
      }, 'slack request');
    }
  };
}
