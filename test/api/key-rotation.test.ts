/**
 * Rotating the payload key: k1 wrote an application's first steps; k2 becomes active with k1 kept in the
 * keyring; the application is carried to the end, a new one is written with k2, and both histories read and
 * replay with the rotated keyring. Without k1 the old history cannot be read.
 */
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerDataConverter, type PayloadKeyring } from '../../server/infra/payload-codec.js';
import { WORKFLOWS_PATH } from '../../server/infra/worker.js';
import { PUBLISHED, runStep, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';
import { TEST_ONLY_K2, TEST_ONLY_KEYRING, TEST_ONLY_ROTATED_KEYRING } from '../support/test-payload-keys.js';

let stack: TestStack;
/** The application k1 wrote before the rotation, for the second test. */
let writtenWithK1: string | undefined;
beforeAll(async () => {
  stack = await startStack({ keyring: TEST_ONLY_KEYRING });
});
afterAll(async () => {
  await stack?.close();
});

/** The keys named in a history's payloads, read from its raw events (no data converter involved). */
async function keyIdsIn(workflowId: string): Promise<string[]> {
  const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (value instanceof Uint8Array || value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'encryption-key-id' && inner instanceof Uint8Array) ids.add(Buffer.from(inner).toString('utf8'));
      else visit(inner);
    }
  };
  visit(history);
  return [...ids].sort();
}

async function replay(keyring: PayloadKeyring, workflowIds: string[]): Promise<Array<Error | undefined>> {
  const histories = await Promise.all(
    workflowIds.map(async (workflowId) => ({
      workflowId,
      history: await stack.client.workflow.getHandle(workflowId).fetchHistory(),
    })),
  );
  const errors: Array<Error | undefined> = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: WORKFLOWS_PATH, dataConverter: workerDataConverter(keyring) },
    histories,
  ))
    errors.push(result.error);
  return errors;
}

describe('a payload key rotation', () => {
  it('carries an application written with k1 on under k2 and still reads and replays both histories', async () => {
    const old = await submit(stack);
    await runStep(stack, old.id, 'group-vote');
    await stack.stopWorker();

    await stack.startWorker({ keyring: TEST_ONLY_ROTATED_KEYRING });
    const rotatedUrl = await stack.serve({ client: stack.clientFor(TEST_ONLY_ROTATED_KEYRING) });
    const rotated: TestStack = {
      ...stack,
      api: (method, path, options) => stack.api(method, path, { ...options, baseUrl: rotatedUrl }),
    };
    for (const step of PUBLISHED.slice(1)) await runStep(rotated, old.id, step);
    const fresh = await submit(rotated);
    const rotatedClient = stack.clientFor(TEST_ONLY_ROTATED_KEYRING);
    const oldHandle = await stack.handleFor(old.id);
    const freshHandle = await stack.handleFor(fresh.id);
    writtenWithK1 = oldHandle.workflowId;

    expect(await keyIdsIn(oldHandle.workflowId)).toEqual(['test-only-k1', 'test-only-k2']);
    expect(await keyIdsIn(freshHandle.workflowId)).toEqual(['test-only-k2']);
    const view = await rotated.api('GET', `/api/applications/${old.id}`, { token: await stack.login('bank.officer') });
    expect(view.body.status).toBe('DISBURSED');
    expect(await rotatedClient.workflow.getHandle(oldHandle.workflowId).result()).toMatchObject({
      status: 'DISBURSED',
    });
    expect(await replay(TEST_ONLY_ROTATED_KEYRING, [oldHandle.workflowId, freshHandle.workflowId])).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('cannot read a history once the key that wrote it has left the keyring', async () => {
    const onlyK2: PayloadKeyring = { activeKeyId: 'test-only-k2', keys: new Map([['test-only-k2', TEST_ONLY_K2]]) };

    const [error] = await replay(onlyK2, [writtenWithK1!]);

    // The replay fails on the first payload; its failure message itself travels encrypted (encodeCommonAttributes).
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain('Encoded failure');
  });
});
