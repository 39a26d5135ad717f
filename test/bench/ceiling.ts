/**
 * The ceiling of the pipeline benchmark: the no-op Update workflow on its own worker and task queue, driven at the
 * same concurrency as the product, as many Updates as the product's decisions.
 */
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { bumpUpdate, finishUpdate, type noopUpdates } from './noop-workflow.js';

/** Updates per workflow: about as many as one application's decisions. */
const UPDATES_PER_WORKFLOW = 12;

export interface CeilingOptions {
  address: string;
  client: Client;
  updates: number;
  concurrency: number;
}

export async function measureCeiling(options: CeilingOptions): Promise<{ rate: number; latencies: number[] }> {
  const taskQueue = `bench-noop-${Math.random().toString(36).slice(2, 10)}`;
  const connection = await NativeConnection.connect({ address: options.address });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./noop-workflow.ts', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  const worker = await Worker.create({ connection, taskQueue, workflowBundle });
  const running = worker.run();
  const latencies: number[] = [];
  const runOne = async (updates: number) => {
    const handle = await options.client.workflow.start<typeof noopUpdates>('noopUpdates', {
      taskQueue,
      workflowId: `${taskQueue}-${Math.random().toString(36).slice(2)}`,
    });
    for (let i = 0; i < updates; i += 1) {
      const started = performance.now();
      await handle.executeUpdate(bumpUpdate);
      latencies.push(performance.now() - started);
    }
    await handle.executeUpdate(finishUpdate);
  };
  try {
    await runOne(UPDATES_PER_WORKFLOW); // warm-up
    latencies.length = 0;
    const workflows = Math.max(1, Math.round(options.updates / UPDATES_PER_WORKFLOW));
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < workflows) {
          next += 1;
          await runOne(UPDATES_PER_WORKFLOW);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Every call is an Update but the start: the finishing Update counts, the start does not.
    return { rate: (workflows * (UPDATES_PER_WORKFLOW + 1)) / seconds, latencies };
  } finally {
    // A worker that stopped on its own (a fatal poll error) rejects `running` with the reason; shut down only a live one.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await connection.close();
  }
}
