/** The OpenAPI entries of liveness, readiness and metrics (server/http/routes/operations.ts). */
import { z } from 'zod';
import type { Operation } from './operations.js';

const Probe = z.enum(['up', 'down']);

export const OPERATIONS_ROUTES: Operation[] = [
  {
    method: 'get',
    path: '/health/live',
    summary: 'The process is up (always 200 while it answers)',
    auth: 'none',
    response: z.object({ status: z.literal('live') }),
  },
  {
    method: 'get',
    path: '/health/ready',
    summary:
      'Ready for traffic: the database and Temporal answer and a worker polls the task queue (200; else 503 with the same body naming what is down)',
    auth: 'none',
    response: z.object({ status: z.enum(['ready', 'not-ready']), database: Probe, temporal: Probe, worker: Probe }),
  },
  {
    method: 'get',
    path: '/metrics',
    summary:
      'Prometheus metrics (bearer METRICS_TOKEN; without one configured: 404 in production, loopback callers only otherwise)',
    auth: 'metrics-token',
    download: ['text/plain; version=0.0.4; charset=utf-8'],
  },
];
