/**
 * Records workflow histories for the replay test, all of them, with one command:
 * `npx tsx test/histories/record-histories.ts`. Before version 1.0.0 a workflow change re-records them; from
 * then on a change to the live workflow goes behind patched() and the recorded files stay as they are (a new
 * scenario may be added). Ids and times differ on every run; the shape of each history does not.
 *
 * Each recording is named after the workflow version it was made under (`<scenario>.<version>.json`; the files
 * without a version were made under 1.0.0), so a new recording sits beside the old ones and never replaces them.
 */
import { writeFile } from 'node:fs/promises';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import {
  addWorkingDays,
  endOfVietnamDay,
  previousWorkingDay,
  startOfVietnamDay,
} from '../../workflows/calendar/working-days.js';
import { loadCalendar } from '../../server/domain/programmes.js';
import { PUBLISHED, approvalFor, decideAs, runStep, startAs, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

type Scenario = (stack: TestStack) => Promise<string>;

/** The newest patch in the workflow: the recordings of this run show its histories. */
const RECORDED_UNDER = 'reserve-capital';

/**
 * Names given on the command line record only those scenarios (the others' files stay as they are); `dev` or
 * `time-skipping` records one server's scenarios only (the JVM server can be slow to start).
 */
const only = process.argv.slice(2);
const onlyNames = only.filter((arg) => arg !== 'dev' && arg !== 'time-skipping');

/** Runs each scenario to the end of its workflow and writes its history as `<name>.json` beside this file. */
async function record(stack: TestStack, scenarios: Record<string, Scenario>): Promise<void> {
  for (const [name, run] of Object.entries(scenarios)) {
    if (onlyNames.length > 0 && !onlyNames.includes(name)) continue;
    const id = await run(stack);
    const handle = await stack.handleFor(id);
    await handle.result();
    // The JSON form Temporal's tools write, which Worker.runReplayHistory reads back.
    const history = JSON.parse(historyToJSON(await handle.fetchHistory())) as unknown;
    await writeFile(
      new URL(`./${name}.${RECORDED_UNDER}.json`, import.meta.url),
      `${JSON.stringify(history, null, 2)}\n`,
    );
    console.log(`recorded ${name}`);
  }
}

/**
 * The JVM time-skipping server gets a fixed 5 s to start, which a busy machine can miss while the workflow bundle
 * is being built beside it; a second attempt finds the bundle built.
 */
async function startWithRetries(options: { timeSkipping?: boolean }): Promise<TestStack> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startStack(options);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('ephemeral server')) throw error;
      console.log(`the test server did not start (attempt ${attempt}); trying again`);
    }
  }
}

async function withStack(options: { timeSkipping?: boolean }, scenarios: Record<string, Scenario>): Promise<void> {
  const stack = await startWithRetries(options);
  try {
    await record(stack, scenarios);
  } finally {
    await stack.close();
  }
}

async function expectStatus(response: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await response;
  if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
}

/** Waits, in real time, for the worker to finish what a fired timer started. */
async function eventually(probe: () => Promise<unknown>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Moves the time-skipping server's clock forward to an instant. */
async function skipTo(stack: TestStack, instant: number): Promise<void> {
  const now = await stack.env!.currentTimeMs();
  if (instant > now) await stack.env!.sleep(instant - now);
}

const audited = (stack: TestStack, id: string, type: string) => () =>
  stack.db.prisma.auditEvent.findFirst({ where: { applicationId: id, type } });

async function dueOnOf(stack: TestStack, id: string): Promise<string> {
  const row = await stack.db.prisma.application.findUniqueOrThrow({ where: { id } });
  if (!row.dueOn) throw new Error(`application ${id} has no due date`);
  return row.dueOn.toISOString().slice(0, 10);
}

async function withdraw(stack: TestStack, id: string, citizenId: string): Promise<void> {
  await expectStatus(
    stack.api('POST', `/api/applications/${id}/withdraw`, { body: { citizenId, reason: 'Không vay nữa' } }),
    'withdraw',
  );
}

const disbursedInPublishedOrder: Scenario = async (stack) => {
  const created = await submit(stack);
  for (const step of PUBLISHED) await runStep(stack, created.id, step);
  return created.id;
};

const onTheDevServer: Record<string, Scenario> = {
  'disbursed-published-order': disbursedInPublishedOrder,
  // The test stack encrypts with TEST_ONLY_KEYRING (test/support/test-payload-keys.ts); the other files were
  // recorded before payloads were encrypted and stay plain, so the replay test covers both.
  'encrypted-test-only-key-disbursed': disbursedInPublishedOrder,
  'returned-amended-withdrawn': async (stack) => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    await runStep(stack, created.id, 'ward-verification', {
      ...approvalFor('ward-verification'),
      outcome: 'return',
      reason: 'Thiếu giấy ủy quyền 01/UQ',
    });
    await expectStatus(
      stack.api('PATCH', `/api/applications/${created.id}`, {
        body: { citizenId: created.citizenId, amount: 40_000_000 },
      }),
      'amend',
    );
    await withdraw(stack, created.id, created.citizenId);
    return created.id;
  },
  // Four eyes: the credit officer proposes, the manager sends it back, a new proposal, the manager confirms.
  'bank-sent-back-four-eyes-approved': async (stack) => {
    const created = await submit(stack);
    for (const step of PUBLISHED.slice(0, 3)) await runStep(stack, created.id, step);
    const propose = async (amount: number) => {
      await expectStatus(startAs(stack, 'bank.officer', created.id, 'bank-approval'), 'start bank-approval');
      await expectStatus(
        decideAs(stack, 'bank.officer', created.id, 'bank-approval', approvalFor('bank-approval', amount)),
        'propose',
      );
    };
    await propose(50_000_000);
    await expectStatus(startAs(stack, 'bank.manager', created.id, 'bank-approval'), 'manager start');
    await expectStatus(
      decideAs(stack, 'bank.manager', created.id, 'bank-approval', {
        outcome: 'send-back',
        reason: 'Giảm số tiền vay',
      }),
      'send back',
    );
    await propose(45_000_000);
    await expectStatus(startAs(stack, 'bank.manager', created.id, 'bank-approval'), 'manager start');
    await expectStatus(
      decideAs(stack, 'bank.manager', created.id, 'bank-approval', { outcome: 'approve' }),
      'manager confirms',
    );
    await runStep(stack, created.id, 'disbursement', approvalFor('disbursement', 45_000_000));
    return created.id;
  },
};

const onTheTimeSkippingServer: Record<string, Scenario> = {
  'deadline-reminder-breach-late-decision': async (stack) => {
    const calendar = await loadCalendar(stack.db.prisma, new Date(await stack.env!.currentTimeMs()).getUTCFullYear());
    const created = await submit(stack);
    const dueOn = await dueOnOf(stack, created.id);
    await skipTo(stack, startOfVietnamDay(previousWorkingDay(dueOn, calendar)) + 8 * 3_600_000 + 60_000);
    await eventually(audited(stack, created.id, 'DEADLINE_REMINDER'), 'the reminder');
    await skipTo(stack, endOfVietnamDay(dueOn) + 60_000);
    await eventually(audited(stack, created.id, 'STEP_OVERDUE'), 'the breach');
    await runStep(stack, created.id, 'group-vote');
    await withdraw(stack, created.id, created.citizenId);
    return created.id;
  },
  'deadline-expired-amended': async (stack) => {
    const calendar = await loadCalendar(stack.db.prisma, new Date(await stack.env!.currentTimeMs()).getUTCFullYear());
    const created = await submit(stack);
    const dueOn = await dueOnOf(stack, created.id);
    const program = await stack.db.prisma.loanProgram.findFirstOrThrow({ where: { code: 'POOR' } });
    await skipTo(stack, endOfVietnamDay(addWorkingDays(dueOn, program.graceWorkingDays, calendar)) + 60_000);
    await eventually(audited(stack, created.id, 'STEP_EXPIRED'), 'the expiry');
    await expectStatus(
      stack.api('PATCH', `/api/applications/${created.id}`, { body: { citizenId: created.citizenId } }),
      'amend',
    );
    await withdraw(stack, created.id, created.citizenId);
    return created.id;
  },
};

const wanted = (server: string, scenarios: Record<string, Scenario>) =>
  only.length === 0 || only.includes(server) || Object.keys(scenarios).some((name) => only.includes(name));
if (wanted('dev', onTheDevServer)) await withStack({}, onTheDevServer);
if (wanted('time-skipping', onTheTimeSkippingServer)) await withStack({ timeSkipping: true }, onTheTimeSkippingServer);
