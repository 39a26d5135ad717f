/**
 * A Temporal dev server with one worker for a test's own small workflows, and a client to drive them (for the tests
 * that need the server's real answers, not the product's workflows).
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { startTestTemporal } from '../../tools/dev-server.js';

export interface DevServerWorker {
  client: Client;
  stop(): Promise<void>;
}

/** `workflowsPath`: the file of the workflows, as a path (`fileURLToPath(new URL(..., import.meta.url))`). */
export async function startDevServerWorker(taskQueue: string, workflowsPath: string): Promise<DevServerWorker> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const temporal = await startTestTemporal();
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: temporal.address }),
    taskQueue,
    workflowsPath,
  });
  const running = worker.run();
  return {
    client,
    async stop() {
      worker.shutdown();
      await running;
      await temporal.stop();
    },
  };
}
