/**
 * The benchmark's ceiling: a workflow whose Update only changes its own state, on its own worker and task queue.
 * What it does per second is what the Temporal server and one worker can do at all; the product is measured
 * against it. Bench-only, never registered with the product's worker.
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const bumpUpdate = defineUpdate<number, []>('bump');
export const finishUpdate = defineUpdate<number, []>('finish');

export async function noopUpdates(): Promise<number> {
  let count = 0;
  let finished = false;
  setHandler(bumpUpdate, () => (count += 1));
  setHandler(finishUpdate, () => {
    finished = true;
    return count;
  });
  await condition(() => finished);
  return count;
}
