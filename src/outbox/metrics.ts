import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from '../metrics.js';

export const outboxMetrics = {
  deliveries: new Counter({ name: 'aigov_outbox_deliveries_total', help: 'Outbox delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] }),
  deliveryLatency: new Histogram({ name: 'aigov_outbox_delivery_seconds', help: 'Time to deliver one outbox message to Slack', registers: [registry] }),
  blocks: new Counter({ name: 'aigov_outbox_blocked_total', help: 'Times Slack refused the app itself (revoked token, removed app…) and the outbox stopped sending', registers: [registry] }),
};

interface OutboxHealth { depth: number; oldestAgeSeconds: number; dead: number; blocked: boolean }

/** Outbox depth, the age of its oldest undelivered message and whether Slack has blocked it, read when scraped. */
export function registerOutboxGauges(read: () => Promise<OutboxHealth>): void {
  let last: Promise<OutboxHealth> | undefined;
  const snapshot = () => (last ??= read().finally(() => setTimeout(() => { last = undefined; }, 1000)));
  registry.removeSingleMetric('aigov_outbox_depth');
  registry.removeSingleMetric('aigov_outbox_oldest_age_seconds');
  registry.removeSingleMetric('aigov_outbox_dead');
  registry.removeSingleMetric('aigov_outbox_blocked');
  new Gauge({ name: 'aigov_outbox_depth', help: 'Undelivered outbox messages', registers: [registry], async collect() { this.set((await snapshot()).depth); } });
  new Gauge({ name: 'aigov_outbox_oldest_age_seconds', help: 'Age of the oldest undelivered outbox message', registers: [registry], async collect() { this.set((await snapshot()).oldestAgeSeconds); } });
  new Gauge({ name: 'aigov_outbox_dead', help: 'Outbox messages that will not be retried', registers: [registry], async collect() { this.set((await snapshot()).dead); } });
  new Gauge({ name: 'aigov_outbox_blocked', help: '1 while Slack refuses the app itself and nothing is sent (see /healthz for the reason)', registers: [registry], async collect() { this.set((await snapshot()).blocked ? 1 : 0); } });
}
