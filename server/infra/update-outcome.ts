import type { Client } from '@temporalio/client';
import { AppError } from '../domain/errors.js';
import { isNotFoundByTemporal } from './temporal-errors.js';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow/index.js';

/**
 * The result of an Update that completed before its workflow did, read from the workflow's history, or undefined
 * when no Update with that id completed successfully.
 *
 * Why: an Update that ends its workflow (the disbursement, a rejection) and whose answer is lost on the way back
 * (the Temporal server restarted at that instant, and the client's gRPC retry or the caller's retry sends it again)
 * finds the workflow completed. Temporal then answers "not found", which alone would read as a refusal of an
 * action that in fact took effect. The history tells which it was.
 */
export async function completedUpdateResult<T>(
  client: Client,
  workflowId: string,
  updateId: string,
): Promise<{ result: T } | undefined> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  for (const event of history.events ?? []) {
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completed?.meta?.updateId !== updateId) continue;
    const success = completed.outcome?.success;
    if (!success) return undefined;
    const result = await decodeFromPayloadsAtIndex<T>(client.workflow.options.loadedDataConverter, 0, success.payloads);
    return { result };
  }
  return undefined;
}

/**
 * Runs an Update (and the checks before it) under one id, and reads an `APPLICATION_ENDED` answer again:
 * - the workflow's history shows that this very Update completed (its first attempt ended the workflow, and its
 *   answer was lost in a Temporal restart): the answer is that first result;
 * - Temporal answered "not found" but the workflow is still running: it was the Update that the server no longer
 *   knows (admitted but not yet accepted when the server restarted, or its outcome polled after that), not the
 *   workflow. Nothing was decided, so the answer is `TEMPORAL_UNAVAILABLE` (503, to be sent again), not a refusal;
 * - otherwise the refusal stands.
 */
export async function runUpdateOnce<T>(
  client: Client,
  workflowId: string,
  updateId: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'APPLICATION_ENDED') throw error;
    const first = await completedUpdateResult<T>(client, workflowId, updateId).catch(() => undefined);
    if (first) return first.result;
    if (isNotFoundByTemporal(error) && (await isRunning(client, workflowId))) {
      throw new AppError('TEMPORAL_UNAVAILABLE', 'The workflow service lost this request; send it again');
    }
    throw error;
  }
}

async function isRunning(client: Client, workflowId: string): Promise<boolean> {
  const description = await client.workflow
    .getHandle(workflowId)
    .describe()
    .catch(() => undefined);
  return description?.status.name === 'RUNNING';
}
