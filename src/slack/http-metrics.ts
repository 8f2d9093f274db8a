import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { Histogram } from 'prom-client';
import { registry } from '../metrics.js';

const handled = new Histogram({
  name: 'aigov_slack_request_seconds', help: 'Time to handle a Slack request, by type', labelNames: ['type'], registers: [registry],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** Measures every Slack request Bolt dispatches, labelled by payload type. */
export const httpMetrics: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  const end = handled.startTimer({ type: String((body as { type?: string }).type ?? ('command' in body ? 'slash_command' : 'unknown')) });
  try {
    await next();
  } finally {
    end();
  }
};
