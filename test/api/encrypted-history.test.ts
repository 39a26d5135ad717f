/**
 * The Temporal server holds only ciphertext: an application's raw history, read without any data converter,
 * names neither the borrower nor the citizen ID, in the workflow input, the update inputs and results, the
 * activity inputs or a failure message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';
import { PUBLISHED, runStep, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function rawHistory(workflowId: string): Promise<temporal.api.history.v1.IHistoryEvent[]> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await stack.client.connection.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId },
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

const encodedBytes = (events: temporal.api.history.v1.IHistoryEvent[]): Buffer =>
  Buffer.concat(events.map((event) => Buffer.from(temporal.api.history.v1.HistoryEvent.encode(event).finish())));

/** Where in an event a payload is stored in plain JSON (array indices left out), found by walking the event. */
function plainPayloadPlaces(value: unknown, path: string[] = []): string[] {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return [];
  const encoding = (value as { metadata?: Record<string, Uint8Array> }).metadata?.['encoding'];
  if (encoding && Buffer.from(encoding).toString('utf8') === 'json/plain') return [path.join('.')];
  return Object.entries(value).flatMap(([key, child]) =>
    plainPayloadPlaces(child, Array.isArray(value) ? path : [...path, key]),
  );
}

describe('the Temporal history of an application', () => {
  it('holds neither the borrower’s name nor the citizen ID, in any event, and every payload is encrypted', async () => {
    const created = await submit(stack, { borrower: borrowerNamed('Trần Thị Bảo Ngọc') });
    for (const step of PUBLISHED) await runStep(stack, created.id, step);
    const handle = await stack.handleFor(created.id);
    await handle.result();

    const events = await rawHistory(handle.workflowId);
    const bytes = encodedBytes(events);

    expect(events.some((e) => e.workflowExecutionUpdateCompletedEventAttributes)).toBe(true);
    for (const needle of ['Trần Thị Bảo Ngọc', 'Bảo Ngọc', created.citizenId, '0912345678', 'anh.nguyen@example.vn'])
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    // Every payload of ours is encrypted and names its key. What stays plain is bookkeeping that holds no
    // personal data: the SDK core's local-activity and patch markers, the patch's search attribute, and the
    // request id (a random UUID) that travels in headers.
    expect([...new Set(events.flatMap((event) => plainPayloadPlaces(event)))].sort()).toEqual([
      'activityTaskScheduledEventAttributes.header.fields.request-id',
      'markerRecordedEventAttributes.details.data.payloads',
      'markerRecordedEventAttributes.details.patch-data.payloads',
      'upsertWorkflowSearchAttributesEventAttributes.searchAttributes.indexedFields.TemporalChangeVersion',
      'workflowExecutionStartedEventAttributes.header.fields.request-id',
      'workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest.input.header.fields.request-id',
    ]);
    expect(bytes.includes(Buffer.from('binary/encrypted'))).toBe(true);
    expect(bytes.includes(Buffer.from('test-only-k1'))).toBe(true);
  });

  it('decodes again through the client that has the key', async () => {
    const created = await submit(stack);
    const handle = await stack.handleFor(created.id);

    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;

    expect(started?.input?.payloads?.[0]?.metadata?.encoding).toBeDefined();
    const state = await stack.queryState(created.id);
    expect(state.applicationId).toBe(created.id);
  });
});

function borrowerNamed(fullName: string) {
  return {
    fullName,
    citizenId: `0341${String(Date.now() % 100_000_000).padStart(8, '0')}`,
    dateOfBirth: '1985-04-12',
    phone: '0912345678',
    email: 'anh.nguyen@example.vn',
  };
}
