/**
 * The demo's clock: Temporal's time-skipping test server, moved forward from one event of the story to the next.
 *
 * The test server (1.38.0) sometimes keeps the time-skipping lock of a workflow task it never schedules (seen after
 * an Update arrived while the workflow's task was running, among them Updates that closed a loan): from then on its
 * clock only runs at the pace of real time and a skip never ends. While a skip is under way, a clock that has gone on
 * at the pace of real time for three seconds while the worker has nothing in flight can only be held by such a lost
 * lock, so it is given back with one `unlockTimeSkipping`; the skip's own lock is taken again when it ends.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DemoClock } from './story.js';

export interface SkippingClock extends DemoClock {
  /** How many lost locks were given back so far. */
  released(): number;
}

const CHECK_MS = 1_000;
const HELD_CHECKS = 3;
/** A skipping clock jumps by hours at a check; a held one moves about a second. */
const HELD_PACE_MS = 5_000;

export function skippingClock(options: {
  env: TestWorkflowEnvironment;
  /** True when the worker has no workflow activation and no activity in flight. */
  workerIdle: () => boolean;
  log: (line: string) => void;
}): SkippingClock {
  const { env } = options;
  let released = 0;

  async function releaseLostLocks(skipped: () => boolean): Promise<void> {
    let last = await env.currentTimeMs();
    let held = 0;
    while (!skipped()) {
      await new Promise((resolve) => setTimeout(resolve, CHECK_MS));
      if (skipped()) return;
      const now = await env.currentTimeMs();
      held = now - last < HELD_PACE_MS && options.workerIdle() ? held + 1 : 0;
      last = now;
      if (held >= HELD_CHECKS) {
        await env.connection.testService?.unlockTimeSkipping({});
        released += 1;
        held = 0;
        options.log(`the test server's clock was held by a lost lock; given back (${released} so far)`);
      }
    }
  }

  return {
    now: () => env.currentTimeMs(),
    async skipTo(instant) {
      const now = await env.currentTimeMs();
      if (instant <= now) return;
      let skipped = false;
      const sleeping = env.sleep(instant - now).finally(() => {
        skipped = true;
      });
      await Promise.all([sleeping, releaseLostLocks(() => skipped)]);
    },
    released: () => released,
  };
}
