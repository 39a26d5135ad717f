import type { Client } from '@temporalio/client';
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
