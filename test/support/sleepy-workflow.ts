/**
 * Tiny workflows that only wait, for proving the time-skipping test server (test/unit/time-skipping.test.ts).
 * The workflow clock (`Date.now()` inside a workflow) is the server's, so it shows how much time was skipped.
 */
import { condition, defineSignal, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

export interface SleepyResult {
  startedAt: number;
  wokeAt: number;
  finishedAt: number;
  /** Whether the wake signal arrived before the 2-day timeout. */
  wokenInTime: boolean;
}

export const wakeSignal = defineSignal('wake');

/** Sleeps 3 days, then waits at most 2 days for the wake signal. */
export async function sleepyWorkflow(): Promise<SleepyResult> {
  let woken = false;
  setHandler(wakeSignal, () => {
    woken = true;
  });
  const startedAt = Date.now();
  await sleep('3 days');
  const wokeAt = Date.now();
  const wokenInTime = await condition(() => woken, '2 days');
  return { startedAt, wokeAt, finishedAt: Date.now(), wokenInTime };
}

export interface DeadlineResult {
  decision: string | undefined;
  /** Workflow time from start to the decision or the expiry. */
  elapsedMs: number;
}

/** A decision arrives as an Update with a validator; `approve` or `reject` only. */
export const decideUpdate = defineUpdate<string, [string]>('decide');

/** Waits up to `timeout` for a decision Update, like a step with a deadline. */
export async function deadlineWorkflow(timeout: string): Promise<DeadlineResult> {
  let decision: string | undefined;
  const startedAt = Date.now();
  setHandler(
    decideUpdate,
    (value) => {
      decision = value;
      return `${value} after ${Date.now() - startedAt} ms`;
    },
    {
      validator: (value) => {
        if (value !== 'approve' && value !== 'reject') throw new Error(`unknown decision ${value}`);
      },
    },
  );
  await condition(() => decision !== undefined, timeout);
  return { decision, elapsedMs: Date.now() - startedAt };
}
