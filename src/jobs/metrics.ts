import { Histogram } from 'prom-client';
import { registry } from '../metrics.js';

export const jobMetrics = {
  duration: new Histogram({ name: 'aigov_job_seconds', help: 'Duration of scheduled jobs (sweep, digest)', labelNames: ['job'], registers: [registry], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] }),
};
