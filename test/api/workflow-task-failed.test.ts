/**
 * The README's soak finding 9: after a Temporal restart, step requests were answered 500 because Temporal refused
 * their Updates with FAILED_PRECONDITION "Workflow Task in failed state". Here a real workflow's task fails on every
 * attempt (test/support/failing-task-workflow.ts) on the Temporal dev server, so the real Update call raises the
 * real error; the API's error path must answer it as a retryable 503 with Retry-After.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../server/http/middleware/error-handler.js';
import { translateWorkflowErrors } from '../../server/infra/temporal-errors.js';
import { startDevServerWorker, type DevServerWorker } from '../support/dev-server-worker.js';
import { pokeUpdate } from '../support/failing-task-workflow.js';

const taskQueue = 'failing-task';
let server: DevServerWorker;
let handle: WorkflowHandle;

beforeAll(async () => {
  server = await startDevServerWorker(
    taskQueue,
    fileURLToPath(new URL('../support/failing-task-workflow.ts', import.meta.url)),
  );
  handle = await server.client.workflow.start('failingTaskWorkflow', {
    taskQueue,
    workflowId: `failing-task-${Date.now()}`,
  });
  // Temporal refuses Updates once the task has failed twice in a row (its third attempt is pending).
  const deadline = Date.now() + 60_000;
  while (Number((await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 0) < 3) {
    if (Date.now() > deadline) throw new Error('the workflow task did not fail twice within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

afterAll(async () => {
  await handle?.terminate('test cleanup').catch(() => undefined);
  await server?.stop();
});

describe('an Update refused because the workflow task is in failed state', () => {
  it('is the real FAILED_PRECONDITION that the client raises', async () => {
    const error = await handle.executeUpdate(pokeUpdate).then(
      () => undefined,
      (e: unknown) => e as { cause?: { code?: number; details?: string } },
    );
    expect(error?.cause?.code).toBe(9);
    expect(error?.cause?.details).toMatch(/Workflow Task in failed state/);
  });

  it('answers 503 TEMPORAL_UNAVAILABLE with Retry-After, not 500', async () => {
    const app = express();
    app.post('/poke', async (_req, res) => {
      res.json(await translateWorkflowErrors(() => handle.executeUpdate(pokeUpdate)));
    });
    const logged: unknown[] = [];
    app.use(errorMiddleware((_message, error) => logged.push(error)));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/poke`, { method: 'POST' });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('TEMPORAL_UNAVAILABLE');
      expect(logged).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
