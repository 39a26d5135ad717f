/**
 * Temporal's time-skipping test environment on the Java test server (see server/time-skipping-server.ts):
 * timers fire as soon as nothing else is pending, so days of workflow time pass in milliseconds.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedDataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTimeSkippingServer } from '../../tools/time-skipping-server.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts a time-skipping test server on a free port. Time skips only while the test awaits a workflow result
 * (`handle.result()`, `client.workflow.execute`) or `env.sleep()`; tear it down with `env.teardown()`.
 */
export async function startTimeSkippingEnv(
  options: { dataConverter?: LoadedDataConverter } = {},
): Promise<TestWorkflowEnvironment> {
  const executable = await resolveTimeSkippingServer({ projectRoot });
  // The SDK gives the JVM server a fixed 5 s to start, which a machine busy with other suites can miss.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable },
        ...(options.dataConverter ? { client: { dataConverter: options.dataConverter } } : {}),
      });
    } catch (error) {
      if (attempt >= 4 || !String(error).includes('did not start')) throw error;
    }
  }
}
