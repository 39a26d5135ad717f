/**
 * What the recorded histories hold: each scenario the events it is named for, and every Update result small.
 * Re-record with `npx tsx test/histories/record-histories.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EncryptionCodec } from '../../server/infra/payload-codec.js';
import { TEST_ONLY_KEYRING } from '../support/test-payload-keys.js';

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}
interface JsonEvent {
  eventType: string;
  markerRecordedEventAttributes?: { markerName?: string; details?: Record<string, { payloads?: JsonPayload[] }> };
  workflowExecutionUpdateCompletedEventAttributes?: { outcome?: { success?: { payloads?: JsonPayload[] } } };
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string }; input?: { payloads?: JsonPayload[] } };
}

const historiesDir = new URL('./', import.meta.url);
const files = (await readdir(historiesDir)).filter((name) => name.endsWith('.json'));

async function eventsOf(file: string): Promise<JsonEvent[]> {
  return (JSON.parse(await readFile(new URL(file, historiesDir), 'utf8')) as { events: JsonEvent[] }).events;
}

const codec = new EncryptionCodec(TEST_ONLY_KEYRING);
const bytes = (base64: string | undefined) => new Uint8Array(Buffer.from(base64 ?? '', 'base64'));

/** A payload's JSON value; encrypted ones (the encrypted-test-only-key-* files) through the codec first. */
async function decode(payload: JsonPayload | undefined): Promise<unknown> {
  const metadata = Object.fromEntries(Object.entries(payload?.metadata ?? {}).map(([k, v]) => [k, bytes(v)]));
  const [plain] = await codec.decode([{ metadata, data: bytes(payload?.data) }]);
  return JSON.parse(Buffer.from(plain?.data ?? new Uint8Array()).toString('utf8'));
}

/** The workflow events, in order, that the history recorded into the read model. */
async function recordedEventTypes(file: string): Promise<string[]> {
  const scheduled = (await eventsOf(file)).filter(
    (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'recordEvent',
  );
  const inputs = await Promise.all(
    scheduled.map((e) => decode(e.activityTaskScheduledEventAttributes?.input?.payloads?.[0])),
  );
  return inputs.map((input) => (input as { entry: { type: string } }).entry.type);
}

describe('the recorded histories', () => {
  it('include one written encrypted, with the test-only key, that names no borrower in clear', async () => {
    const text = await readFile(new URL('encrypted-test-only-key-disbursed.json', historiesDir), 'utf8');

    expect(text).toContain(Buffer.from('test-only-k1').toString('base64'));
    expect(text).not.toContain(Buffer.from('json/plain').toString('base64'));
    const dataFields = [...text.matchAll(/"data": "([A-Za-z0-9+/=]*)"/g)].map(([, data]) =>
      Buffer.from(data!, 'base64'),
    );
    expect(dataFields.length).toBeGreaterThan(0);
    expect(dataFields.some((data) => data.includes(Buffer.from('Nguyễn Văn Ánh')))).toBe(false);
  });

  // A loan's workflow answers {seq, status}: it has no steps.
  const resultKeys = (file: string) =>
    file.startsWith('loan-') ? ['seq', 'status'] : ['currentStep', 'seq', 'status'];
  it.each(files)('%s stores only {seq, status, currentStep} as Update results', async (file) => {
    const results = await Promise.all(
      (await eventsOf(file)).flatMap((e) => {
        const payloads = e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads;
        return payloads ? [decode(payloads[0])] : [];
      }),
    );

    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(Object.keys(result as object).sort()).toEqual(resultKeys(file));
  });

  it('include a disbursement that starts the loan as an abandoned child, behind the patch start-loan', async () => {
    const events = (await eventsOf('disbursed-published-order.start-loan.json')) as (JsonEvent & {
      startChildWorkflowExecutionInitiatedEventAttributes?: {
        parentClosePolicy?: string;
        workflowType?: { name?: string };
      };
    })[];
    const patches = await Promise.all(
      events
        .flatMap((e) =>
          e.markerRecordedEventAttributes?.markerName === 'core_patch' ? [e.markerRecordedEventAttributes] : [],
        )
        .map((m) => decode(m.details?.['patch-data']?.payloads?.[0])),
    );
    expect(patches.map((p) => (p as { id?: string }).id)).toContain('start-loan');
    const child = events.find((e) => e.startChildWorkflowExecutionInitiatedEventAttributes);
    expect(child?.startChildWorkflowExecutionInitiatedEventAttributes).toMatchObject({
      workflowType: { name: 'loanWorkflow' },
      parentClosePolicy: 'PARENT_CLOSE_POLICY_ABANDON',
    });
  });

  it("include a loan's first run, which continues as new once its first instalment falls due", async () => {
    const events = await eventsOf('loan-first-period-overdue.start-loan.json');
    expect(events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
  });

  it.each([
    ['disbursed-published-order.json', ['APPROVAL_PROPOSED', 'STEP_DECIDED']],
    ['encrypted-test-only-key-disbursed.json', ['APPROVAL_PROPOSED', 'STEP_DECIDED']],
    ['returned-amended-withdrawn.json', ['AMENDED', 'WITHDRAWN']],
    ['bank-sent-back-four-eyes-approved.json', ['APPROVAL_PROPOSED', 'PROPOSAL_SENT_BACK', 'APPROVAL_PROPOSED']],
    ['deadline-reminder-breach-late-decision.json', ['DEADLINE_REMINDER', 'STEP_OVERDUE', 'STEP_DECIDED']],
    ['deadline-expired-amended.json', ['STEP_EXPIRED', 'AMENDED', 'WITHDRAWN']],
  ])('%s covers %j in that order', async (file, expected) => {
    const types = await recordedEventTypes(file);

    let from = 0;
    for (const type of expected) {
      const at = types.indexOf(type, from);
      expect(at, `${type} after position ${from} in ${types.join(', ')}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it('disbursement-carried-over carries the carry-over patch marker and its Update, then the disbursement', async () => {
    const events = await eventsOf('disbursement-carried-over.carry-over-transaction-day.json');
    const patches = (await Promise.all(
      events
        .flatMap((e) => (e.markerRecordedEventAttributes?.markerName === 'core_patch' ? [e] : []))
        .map((e) => decode(e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0])),
    )) as { id?: string }[];
    const updates = events.flatMap((e) => {
      const name = (
        e as { workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } } }
      ).workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
      return name ? [name] : [];
    });

    expect(patches.map((p) => p.id)).toContain('carry-over-transaction-day');
    const carried = updates.indexOf('carryOverDisbursement');
    expect(carried).toBeGreaterThan(0);
    expect(updates.slice(carried + 1)).toEqual(['startStep', 'decideStep']);
  });

  const recordedLocally = files.filter((name) => name.endsWith('.record-event-locally.json'));
  it.each(recordedLocally)('%s carries the patch marker and records every event locally', async (file) => {
    const events = await eventsOf(file);
    const markers = events.flatMap((e) => (e.markerRecordedEventAttributes ? [e.markerRecordedEventAttributes] : []));
    const patches = (await Promise.all(
      markers.filter((m) => m.markerName === 'core_patch').map((m) => decode(m.details?.['patch-data']?.payloads?.[0])),
    )) as { id?: string }[];

    expect(patches.map((p) => p.id)).toContain('record-event-locally');
    expect(markers.filter((m) => m.markerName === 'core_local_activity').length).toBeGreaterThan(0);
    expect(await recordedEventTypes(file)).toEqual([]);
  });
});

describe('the histories recorded under reserve-capital', () => {
  const reserving = files.filter((name) => name.endsWith('.reserve-capital.json'));

  it('exist', () => {
    expect(reserving.length).toBeGreaterThan(0);
  });

  it.each(reserving)('%s carries the patch and reserves capital at confirmation and disbursement', async (file) => {
    const markers = (await eventsOf(file)).flatMap((e) =>
      e.markerRecordedEventAttributes ? [e.markerRecordedEventAttributes] : [],
    );
    const decoded = (name: string, key: string) =>
      Promise.all(
        markers.filter((m) => m.markerName === name).map((m) => decode(m.details?.[key]?.payloads?.[0])),
      ) as Promise<{ id?: string; activity_type?: string }[]>;

    expect((await decoded('core_patch', 'patch-data')).map((p) => p.id)).toContain('reserve-capital');
    const activities = (await decoded('core_local_activity', 'data')).map((a) => a.activity_type);
    expect(activities.filter((type) => type === 'reserveCapital')).toHaveLength(2);
  });
});
