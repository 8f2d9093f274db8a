import { Counter, Histogram } from 'prom-client';
import { registry } from '../metrics.js';

export const outboxMetrics = {
  deliveries: new Counter({ name: 'aigov_outbox_deliveries_total', help: 'Outbox delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] }),
  deliveryLatency: new Histogram({ name: 'aigov_outbox_delivery_seconds', help: 'Time to deliver one outbox message to Slack', registers: [registry] }),
};
