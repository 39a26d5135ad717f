/**
 * The path an event takes on its way to the read model: a submission is one update-with-start call, every event
 * is recorded by a local activity in the workflow task that made it, and mail stays a regular activity that gives
 * up after a day. Observed on the real server, through a client interceptor and the workflow's own history.
 */
import { Client, Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, applicationForm, runStep, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';
import { TEST_ONLY_KEYRING } from '../support/test-payload-keys.js';
import { clientDataConverter } from '../../server/infra/payload-codec.js';

let stack: TestStack;
let connection: Connection;
const calls: string[] = [];

/** Notes the name of every workflow call the API's client makes, then lets it through unchanged. */
const observer: WorkflowClientInterceptor = {
  start: (input, next) => (calls.push('start'), next(input)),
  startWithDetails: (input, next) => (calls.push('startWithDetails'), next(input)),
  startUpdate: (input, next) => (calls.push('startUpdate'), next(input)),
  startUpdateWithStart: (input, next) => (calls.push('startUpdateWithStart'), next(input)),
};

beforeAll(async () => {
  stack = await startStack();
  connection = await Connection.connect({ address: stack.temporalAddress });
});

afterAll(async () => {
  await connection?.close();
  await stack?.close();
});

describe('the recording path', () => {
  it('submits with one update-with-start call and answers as before', async () => {
    const client = new Client({
      connection,
      dataConverter: clientDataConverter(TEST_ONLY_KEYRING),
      interceptors: { workflow: [observer] },
    });
    const baseUrl = await stack.serve({ client });
    calls.length = 0;

    const response = await stack.api('POST', '/api/applications', { body: applicationForm(), baseUrl });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'IN_PROGRESS', currentStep: 'group-vote' });
    expect(calls).toEqual(['startUpdateWithStart']);
    const row = await stack.db.prisma.application.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(row.code).toBe(response.body.code);
  });

  it('records every event with a local activity and keeps mail a regular activity with a one-day limit', async () => {
    const created = await submit(stack);
    for (const step of PUBLISHED) await runStep(stack, created.id, step);
    const handle = await stack.handleFor(created.id);
    await handle.result();

    const events = (await handle.fetchHistory()).events ?? [];
    const scheduled = events.flatMap((e) =>
      e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes] : [],
    );
    const localResults = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
    const audited = await stack.db.prisma.auditEvent.count({
      where: { applicationId: created.id, seq: { not: null } },
    });
    expect(scheduled.map((s) => s.activityType?.name)).not.toContain('recordEvent');
    // One local activity per recorded event, and reserveCapital's two (the bank's confirmation reserves the capital,
    // disbursement makes sure of it): the only other local activity the workflow runs.
    expect(localResults).toHaveLength(audited + 2);
    const mail = scheduled.filter((s) => s.activityType?.name === 'deliverNotifications');
    expect(mail.length).toBeGreaterThan(0);
    for (const activity of mail) expect(Number(activity.scheduleToCloseTimeout?.seconds)).toBe(86_400);
  });
});
