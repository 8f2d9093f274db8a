import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from '../metrics.js';

export const outboxMetrics = {
  deliveries: new Counter({ name: 'aigov_outbox_deliveries_total', help: 'Outbox delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] }),
  deliveryLatency: new Histogram({ name: 'aigov_outbox_delivery_seconds', help: 'Time to deliver one outbox message to Slack', registers: [registry] }),
};

/** Outbox depth and the age of its oldest undelivered message, read from the database when scraped. */
export function registerOutboxGauges(read: () => Promise<{ depth: number; oldestAgeSeconds: number; dead: number }>): void {
  let last: Promise<{ depth: number; oldestAgeSeconds: number; dead: number }> | undefined;
  const snapshot = () => (last ??= read().finally(() => setTimeout(() => { last = undefined; }, 1000)));
  registry.removeSingleMetric('aigov_outbox_depth');
  registry.removeSingleMetric('aigov_outbox_oldest_age_seconds');
  registry.removeSingleMetric('aigov_outbox_dead');
  new Gauge({ name: 'aigov_outbox_depth', help: 'Undelivered outbox messages', registers: [registry], async collect() { this.set((await snapshot()).depth); } });
  new Gauge({ name: 'aigov_outbox_oldest_age_seconds', help: 'Age of the oldest undelivered outbox message', registers: [registry], async collect() { this.set((await snapshot()).oldestAgeSeconds); } });
  new Gauge({ name: 'aigov_outbox_dead', help: 'Outbox messages that will not be retried', registers: [registry], async collect() { this.set((await snapshot()).dead); } });
}
