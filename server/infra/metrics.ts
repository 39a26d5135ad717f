/**
 * The process's Prometheus registry (prom-client, never its global default registry): HTTP latency and
 * refusals counted as requests are answered, and the read-model figures collected at scrape time.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PrismaClient } from '../../prisma/generated/client.js';
import {
  countApplicationsByStatus,
  countDecisions,
  countDeadlineBreaches,
  readOutboxBacklog,
  type CountBy,
} from '../domain/operational-figures.js';

export interface Metrics {
  registry: Registry;
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  countRefusal(code: string): void;
}

/** A counter whose value is the read model's count: it survives restarts and is the same in every process. */
function readModelCounter<K extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: K[],
  read: () => Promise<CountBy<K>[]>,
): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const rows = await read();
      this.reset();
      for (const row of rows) this.inc(row.labels, row.count);
    },
  });
}

export function createMetrics(prisma: PrismaClient): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, matched route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'loan_refusals_total',
    help: 'Requests refused, by error code (since this process started)',
    labelNames: ['code'],
    registers: [registry],
  });
  readModelCounter(
    registry,
    'loan_decisions_total',
    'Step decisions recorded, by step and outcome',
    ['step', 'outcome'],
    () => countDecisions(prisma),
  );
  readModelCounter(
    registry,
    'loan_deadline_breaches_total',
    'Deadline breaches: late decisions, escalations (step overdue) and expiries, by step',
    ['kind', 'step'],
    () => countDeadlineBreaches(prisma),
  );
  new Gauge({
    name: 'loan_applications',
    help: 'Applications in the read model, by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await countApplicationsByStatus(prisma);
      this.reset();
      for (const row of rows) this.set(row.labels, row.count);
    },
  });
  new Gauge({
    name: 'loan_outbox_unsent',
    help: 'Mails waiting in the outbox',
    registers: [registry],
    async collect() {
      this.set((await readOutboxBacklog(prisma)).unsent);
    },
  });
  new Gauge({
    name: 'loan_outbox_failed',
    help: 'Mails given up as permanent failures',
    registers: [registry],
    async collect() {
      this.set((await readOutboxBacklog(prisma)).failed);
    },
  });
  new Gauge({
    name: 'loan_outbox_oldest_unsent_seconds',
    help: 'Age of the oldest mail not yet sent (0 when none waits)',
    registers: [registry],
    async collect() {
      this.set((await readOutboxBacklog(prisma)).oldestUnsentSeconds);
    },
  });
  return {
    registry,
    observeRequest: ({ method, route, status }, seconds) =>
      latency.observe({ method, route, status: String(status) }, seconds),
    countRefusal: (code) => refusals.inc({ code }),
  };
}
