/**
 * Temporal's "not found" names either the workflow (it has completed) or the Update (the server no longer knows it,
 * e.g. admitted but not yet accepted when it restarted). The SDK raises both as WorkflowNotFoundError, which alone
 * would read as `APPLICATION_ENDED`. `runUpdateOnce` tells them apart on the real dev server: an Update unknown to a
 * running workflow is `TEMPORAL_UNAVAILABLE` (send it again), an ended workflow is a refusal, and an Update that
 * itself ended the workflow is answered with its first result.
 */
import { fileURLToPath } from 'node:url';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/domain/errors.js';
import { translateWorkflowErrors } from '../../server/infra/temporal-errors.js';
import { runUpdateOnce } from '../../server/infra/update-outcome.js';
import { startDevServerWorker, type DevServerWorker } from '../support/dev-server-worker.js';
import { decideUpdate } from '../support/sleepy-workflow.js';

const taskQueue = 'lost-update';
let server: DevServerWorker;
let client: Client;

beforeAll(async () => {
  server = await startDevServerWorker(
    taskQueue,
    fileURLToPath(new URL('../support/sleepy-workflow.ts', import.meta.url)),
  );
  client = server.client;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const startWaiting = (name: string): Promise<WorkflowHandle> =>
  client.workflow.start('deadlineWorkflow', {
    taskQueue,
    workflowId: `lost-update-${name}-${Date.now()}`,
    args: ['1 day'],
  });

/** Polls the outcome of an Update the server never saw, as the SDK does after the server lost one. */
const pollUnknownUpdate = (handle: WorkflowHandle) => () =>
  translateWorkflowErrors(() => handle.getUpdateHandle('never-sent').result());

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('Temporal "not found" after an Update', () => {
  it('is the SDK error that names the workflow, even while the workflow runs', async () => {
    const handle = await startWaiting('sdk');
    const error = await handle
      .getUpdateHandle('never-sent')
      .result()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowNotFoundError);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.terminate('test cleanup');
  });

  it('answers TEMPORAL_UNAVAILABLE when the workflow still runs: the Update was lost, nothing was decided', async () => {
    const handle = await startWaiting('running');
    const error = await runUpdateOnce(client, handle.workflowId, 'never-sent', pollUnknownUpdate(handle)).catch(
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe('TEMPORAL_UNAVAILABLE');
    await handle.terminate('test cleanup');
  });

  it('stays APPLICATION_ENDED when the workflow has ended by another Update', async () => {
    const handle = await startWaiting('ended');
    await handle.executeUpdate(decideUpdate, { args: ['approve'], updateId: 'the-first' });
    await handle.result();
    const error = await runUpdateOnce(client, handle.workflowId, 'a-second', pollUnknownUpdate(handle)).catch(
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe('APPLICATION_ENDED');
  });

  it('answers the first result when this very Update ended the workflow', async () => {
    const handle = await startWaiting('same');
    const first = await handle.executeUpdate(decideUpdate, { args: ['reject'], updateId: 'the-one' });
    await handle.result();
    const again = await runUpdateOnce(client, handle.workflowId, 'the-one', pollUnknownUpdate(handle));
    expect(again).toBe(first);
  });

  it('leaves a refusal from the read model alone while the workflow still runs', async () => {
    const handle = await startWaiting('guard');
    const error = await runUpdateOnce(client, handle.workflowId, 'guarded', async () => {
      throw new AppError('APPLICATION_ENDED', 'the read model says it has ended');
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('APPLICATION_ENDED');
    await handle.terminate('test cleanup');
  });
});
