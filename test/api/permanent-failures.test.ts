/**
 * A failure no retry can repair ends the wait: the activity fails non-retryably, the HTTP caller gets a clean
 * error at once, and the workflow does not sit retrying forever. The failures are real database refusals,
 * provoked by handing the real activities an event that breaks a constraint.
 */
import { WorkflowFailedError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, approvalFor, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';
import { TEST_ONLY_KEYRING } from '../support/test-payload-keys.js';
import { EncryptionCodec } from '../../server/infra/payload-codec.js';

let stack: TestStack;
/** Applications whose STEP_STARTED event is recorded against an application that does not exist. */
const orphanedStarts = new Set<string>();
/** Workflows whose mail delivery is asked for with an event id Prisma refuses to take. */
const malformedDeliveries = new Set<string>();

beforeAll(async () => {
  stack = await startStack({
    wrapActivities: (activities) => ({
      ...activities,
      recordEvent: (event) =>
        activities.recordEvent(
          event.entry.type === 'STEP_STARTED' && orphanedStarts.has(event.state.applicationId)
            ? { ...event, state: { ...event.state, applicationId: '00000000-0000-4000-8000-000000000000' } }
            : event,
        ),
      deliverNotifications: (args) =>
        activities.deliverNotifications(
          malformedDeliveries.has(args.eventId.split('#')[0] ?? '') ? { eventId: 42 as unknown as string } : args,
        ),
    }),
  });
});

afterAll(async () => {
  await stack?.close();
});

/** Fails the test instead of letting it hang until vitest's timeout. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting for ${what} after ${ms} ms`)), ms),
    ),
  ]);
}

/** The attempt a local activity's marker was written after, from the marker's own data. */
function localActivityAttempt(marker: temporal.api.history.v1.IMarkerRecordedEventAttributes): unknown {
  const data = marker.details?.data?.payloads?.[0]?.data;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { attempt?: unknown }).attempt : undefined;
}

describe('permanent failures in activities', () => {
  it('answers the officer with a clean 500 when the event cannot be recorded, and fails the run', async () => {
    const created = await submit(stack);
    orphanedStarts.add(created.id);
    const step = PUBLISHED[0];

    const started = await within(
      15_000,
      stack.api('POST', `/api/applications/${created.id}/steps/${step}/start`, {
        token: await stack.login('group.HOABINH-01'),
      }),
      'the start of the step',
    );

    expect(started.status).toBe(500);
    expect(started.body).toEqual({
      error: { code: 'RECORDING_FAILED', message: expect.stringMatching(/could not be recorded$/) },
    });
    const handle = await stack.handleFor(created.id);
    const outcome = await within(
      15_000,
      handle.result().catch((error: unknown) => error),
      'the run to end',
    );
    expect(outcome).toBeInstanceOf(WorkflowFailedError);
    const history = await handle.fetchHistory();
    // Events are recorded by a local activity: its outcome is one marker that also says how many attempts it took.
    const failures = (history.events ?? []).flatMap((e) => {
      const marker = e.markerRecordedEventAttributes;
      return marker?.markerName === 'core_local_activity' && marker.failure ? [marker] : [];
    });
    // One attempt, not a retry loop: the failure says it is not retryable.
    expect(failures).toHaveLength(1);
    expect(localActivityAttempt(failures[0]!)).toBe(1);
    expect(failures[0]?.failure?.applicationFailureInfo).toMatchObject({
      type: 'PERMANENT_ACTIVITY_FAILURE',
      nonRetryable: true,
    });
    // The history keeps the failure, encrypted; decoded (as the Temporal UI shows it through the codec endpoint)
    // it names the code only, never what the row held.
    const encoded = failures[0]?.failure?.encodedAttributes;
    expect(failures[0]?.failure?.message).toBe('Encoded failure');
    const [decoded] = await new EncryptionCodec(TEST_ONLY_KEYRING).decode([
      { metadata: encoded?.metadata ?? {}, data: encoded?.data ?? new Uint8Array() },
    ]);
    const shown = Buffer.from(decoded?.data ?? new Uint8Array()).toString('utf8');
    expect(shown).toContain('failed permanently (P2003)');
    expect(shown).not.toMatch(/citizen|borrower|Nguy/i);
    // Nothing of the refused event reached the read model.
    const row = await stack.db.prisma.application.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.stepHolder).toBeNull();
  });

  it('gives up a mail delivery that can never succeed, so the application still ends', async () => {
    const created = await submit(stack);
    const handle = await stack.handleFor(created.id);
    malformedDeliveries.add(handle.workflowId);
    await within(
      15_000,
      stack.api('POST', `/api/applications/${created.id}/steps/group-vote/start`, {
        token: await stack.login('group.HOABINH-01'),
      }),
      'the start of the step',
    );
    const rejected = await stack.api('POST', `/api/applications/${created.id}/steps/group-vote/decision`, {
      token: await stack.login('group.HOABINH-01'),
      body: { ...approvalFor('group-vote'), votesFor: 2, votesAgainst: 6 },
    });
    expect(rejected.body).toMatchObject({ status: 'REJECTED' });

    const final = await within(15_000, handle.result(), 'the run to end');

    expect(final).toMatchObject({ status: 'REJECTED' });
    const history = await handle.fetchHistory();
    const failures = (history.events ?? []).flatMap((e) =>
      e.activityTaskFailedEventAttributes?.failure ? [e.activityTaskFailedEventAttributes.failure] : [],
    );
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.applicationFailureInfo?.nonRetryable === true)).toBe(true);
  });
});
