/**
 * A workflow whose every workflow task fails, for proving how the API answers an Update that Temporal refuses
 * because the workflow task is in failed state (test/api/workflow-task-failed.test.ts; the README's soak finding 9).
 * A bare Error thrown by workflow code (not an ApplicationFailure) fails the workflow task, which Temporal retries.
 */
import { defineUpdate, setHandler } from '@temporalio/workflow';

export const pokeUpdate = defineUpdate<string, []>('poke');

export async function failingTaskWorkflow(): Promise<void> {
  setHandler(pokeUpdate, () => 'poked');
  throw new Error('this workflow task always fails');
}
