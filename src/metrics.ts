import { Registry, collectDefaultMetrics } from 'prom-client';

/** One registry for the process, served on /metrics. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });
