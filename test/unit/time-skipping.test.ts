import { fileURLToPath } from 'node:url';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
  type WorkflowHandle,
} from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deadlineWorkflow, decideUpdate, sleepyWorkflow, wakeSignal } from '../support/sleepy-workflow.js';
import { startTimeSkippingEnv } from '../support/time-skipping.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const workflowsPath = fileURLToPath(new URL('../support/sleepy-workflow.ts', import.meta.url));

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  [env, workflowBundle] = await Promise.all([
    startTimeSkippingEnv(),
    bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }),
  ]);
});

afterAll(async () => {
  await env?.teardown();
});

const started: WorkflowHandle[] = [];

// The test server stops skipping time while any workflow task is outstanding, so a workflow left running after
// its test (whose worker is gone) would freeze the clock for every later test in the file once a timer fires.
afterEach(async () => {
  for (const handle of started.splice(0)) {
    if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test cleanup');
  }
});

/** Runs `fn` while a worker polls a task queue of its own. */
async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `time-skipping-${Math.random().toString(36).slice(2, 10)}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
  return await worker.runUntil(fn(taskQueue));
}

const workflowId = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;

function track<H extends WorkflowHandle>(handle: H): H {
  started.push(handle);
  return handle;
}

describe('the time-skipping test server', () => {
  it('skips a 3-day sleep and a 2-day condition timeout', async () => {
    const before = await env.currentTimeMs();
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(sleepyWorkflow, { taskQueue, workflowId: workflowId('sleepy') });
      track(handle);
      return await handle.result();
    });
    expect(result.wokeAt - result.startedAt).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(result.finishedAt - result.wokeAt).toBeGreaterThanOrEqual(2 * DAY_MS);
    expect(result.wokenInTime).toBe(false);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(5 * DAY_MS);
  });

  it('moves time forward on env.sleep, so a signal can arrive in the middle of a timeout', async () => {
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(sleepyWorkflow, { taskQueue, workflowId: workflowId('woken') });
      track(handle);
      await env.sleep('84 hours');
      await handle.signal(wakeSignal);
      return await handle.result();
    });
    expect(result.wokenInTime).toBe(true);
    // The workflow's first task can run a moment after the skip began, so its start may be a little into it.
    expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(3.5 * DAY_MS - 60_000);
    expect(result.finishedAt - result.wokeAt).toBeLessThan(2 * DAY_MS);
  });
});

describe('Updates under time skipping', () => {
  it('executeUpdate returns the handler result', async () => {
    const { reply, result } = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(deadlineWorkflow, {
        taskQueue,
        workflowId: workflowId('update'),
        args: ['5 days'],
      });
      track(handle);
      const reply = await handle.executeUpdate(decideUpdate, { args: ['approve'] });
      return { reply, result: await handle.result() };
    });
    expect(reply).toMatch(/^approve after \d+ ms$/);
    expect(result.decision).toBe('approve');
    expect(result.elapsedMs).toBeLessThan(DAY_MS);
  });

  it('accepts an Update after 2 skipped days, before a 5-day deadline', async () => {
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(deadlineWorkflow, {
        taskQueue,
        workflowId: workflowId('late-update'),
        args: ['5 days'],
      });
      track(handle);
      await env.sleep('2 days');
      await handle.executeUpdate(decideUpdate, { args: ['reject'] });
      return await handle.result();
    });
    expect(result.decision).toBe('reject');
    // The workflow's first task can run a moment after the skip began, so its start may be a few milliseconds
    // into the two days; without the skip, the Update would come within a second.
    expect(result.elapsedMs).toBeGreaterThanOrEqual(2 * DAY_MS - 60_000);
    expect(result.elapsedMs).toBeLessThan(5 * DAY_MS);
  });

  it('supports startUpdate waiting for the ACCEPTED stage', async () => {
    const { reply, result } = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(deadlineWorkflow, {
        taskQueue,
        workflowId: workflowId('start-update'),
        args: ['5 days'],
      });
      track(handle);
      const update = await handle.startUpdate(decideUpdate, {
        args: ['approve'],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      return { reply: await update.result(), result: await handle.result() };
    });
    expect(reply).toMatch(/^approve after/);
    expect(result.decision).toBe('approve');
  });

  it('rejects an Update in the validator and the deadline still expires', async () => {
    const { rejection, result } = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(deadlineWorkflow, {
        taskQueue,
        workflowId: workflowId('rejected-update'),
        args: ['5 days'],
      });
      track(handle);
      const rejection = await handle.executeUpdate(decideUpdate, { args: ['maybe'] }).catch((err: unknown) => err);
      return { rejection, result: await handle.result() };
    });
    expect(rejection).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(String((rejection as WorkflowUpdateFailedError).cause?.message)).toContain('unknown decision maybe');
    expect(result.decision).toBeUndefined();
    expect(result.elapsedMs).toBeGreaterThanOrEqual(5 * DAY_MS);
  });

  it('refuses an Update once the workflow has expired and completed', async () => {
    const rejection = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(deadlineWorkflow, {
        taskQueue,
        workflowId: workflowId('expired'),
        args: ['3 days'],
      });
      track(handle);
      await handle.result();
      return await handle.executeUpdate(decideUpdate, { args: ['approve'] }).catch((err: unknown) => err);
    });
    expect(rejection).toBeInstanceOf(WorkflowNotFoundError);
  });
});
