import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import {
  amendApplicationUpdate,
  awaitRecordedUpdate,
  carryOverDisbursementUpdate,
  decideStepUpdate,
  getStateQuery,
  startStepUpdate,
  withdrawApplicationUpdate,
  type ApplicationState,
  type DecideStepArgs,
  type ProcessApplicationInput,
  type RecordedEvent,
  type UpdateResult,
} from './definitions.js';
import { deadlineFor, nextDeadlineEvent, type DeadlinePolicy } from './rules/deadlines.js';
import { toVietnamDate } from './calendar/working-days.js';
import { ENDED_STATUSES } from './domain.js';
import { applyCarryOver, checkCarryOver } from './rules/carry-over.js';
import type { DecisionContext } from './rules/step-rules.js';
import {
  applyAmend,
  applyDeadlineEvent,
  applyDecision,
  applyExpiry,
  applyStart,
  applyWithdraw,
  checkAmend,
  checkDecide,
  checkStart,
  checkWithdraw,
  initialState,
  refuse,
  type EventDraft,
} from './rules/transitions.js';
import { startLoanOf } from './start-loan.js';

type Activities = ReturnType<typeof createActivities>;

// The read model must follow every event, so recording retries without limit (a database outage only delays).
const { recordEvent } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Mail is retried with a long backoff and never awaited on the decision path.
const { deliverNotifications } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * Since RECORD_LOCALLY: the event is recorded by a local activity inside the workflow task that made it, so an
 * accepted Update is answered without two trips through the server's task queues. Still retried without
 * limit; past the threshold each retry waits on a durable timer instead of holding the workflow task.
 */
const { recordEvent: recordEventLocally } = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Since RECORD_LOCALLY: an SMTP outage gives up after a day (the outbox row stays PENDING for an operator), so
// the workflow can end.
const { deliverNotifications: deliverNotificationsForADay } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * Since RESERVE_CAPITAL: the bank's confirmation reserves the approved amount from the programme's capital
 * sources, and disbursement makes sure it is still reserved (an expiry releases it), by a local activity inside
 * the decide Update's handler. No capital: the Update fails with INSUFFICIENT_CAPITAL and the state is unchanged.
 */
const { reserveCapital } = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const RESERVE_CAPITAL = 'reserve-capital';

/** Patch id of the local recording; executions started before it keep the regular activity to their end. */
const RECORD_LOCALLY = 'record-event-locally';
/** Patch id of moving a disbursement to the next transaction day: marks the histories that did. */
const CARRY_OVER = 'carry-over-transaction-day';
/** Patch id of starting the loan's own workflow on disbursement; histories recorded before it start none. */
const START_LOAN = 'start-loan';

/**
 * One execution per loan application. Every human decision arrives as an Update whose validator applies
 * the step rules; an accepted Update changes the state, queues an event, and returns once the event is in
 * the read model, so an HTTP caller that reads back sees what it just did.
 */
export async function processLoanApplication(input: ProcessApplicationInput): Promise<ApplicationState> {
  const { workflowId } = wf.workflowInfo();
  // Asked once, before the first command: a replayed old history answers false for the whole run.
  const local = wf.patched(RECORD_LOCALLY);
  const record = local ? recordEventLocally : recordEvent;
  const deliver = local ? deliverNotificationsForADay : deliverNotifications;
  const state = initialState(input, new Date().toISOString());
  const stepOrder = input.program.stepOrder;
  const pending: RecordedEvent[] = [];
  const mail: Promise<void>[] = [];
  let recordedSeq = 0;
  // Set when an event can never reach the read model; every caller still waiting gets this instead of hanging.
  let recordingFailed: wf.ApplicationFailure | null = null;
  const policy: DeadlinePolicy = {
    deadlines: input.program.deadlines,
    graceWorkingDays: input.program.graceWorkingDays,
    transactionDay: input.transactionDay,
    calendar: input.calendar,
  };
  const ended = (): boolean => ENDED_STATUSES.includes(state.status);

  /** Each entry into a step gets its own deadline; a returned or ended application has none. */
  function syncDeadline(): void {
    const { currentStep, stepEnteredAt } = state;
    if (state.status !== 'IN_PROGRESS' || !currentStep || !stepEnteredAt) {
      state.deadline = null;
      return;
    }
    if (state.deadline?.step === currentStep && state.deadline.enteredAt === stepEnteredAt) return;
    state.deadline = deadlineFor(currentStep, stepEnteredAt, policy);
    if (currentStep === 'disbursement') state.disbursementOn = state.deadline.dueOn;
  }

  const submittedAt = new Date().toISOString();
  /** The bank's confirmation is the last approval of bank approval in the history. */
  const approvedAt = (): string | null =>
    state.history.findLast((e) => e.type === 'STEP_DECIDED' && e.step === 'bank-approval' && e.outcome === 'approve')
      ?.at ?? null;

  // Dates are judged by the workflow's own clock, in Vietnam: deterministic on replay.
  const context = (): DecisionContext => {
    const approved = approvedAt();
    return {
      program: input.program,
      group: input.group,
      request: state.request,
      proposal: state.proposal,
      approved: state.approved,
      dates: {
        today: toVietnamDate(Date.now()),
        submittedOn: toVietnamDate(Date.parse(state.history[0]?.at ?? submittedAt)),
        approvedOn: approved ? toVietnamDate(Date.parse(approved)) : null,
        scheduledDisbursementOn: state.disbursementOn,
      },
    };
  };

  // A JSON copy: the sandbox has no structuredClone guarantee, and state is plain JSON anyway.
  const snapshot = (): ApplicationState => JSON.parse(JSON.stringify(state)) as ApplicationState;

  function emit(draft: EventDraft): number {
    syncDeadline();
    const seq = state.history.length + 1;
    const entry = {
      seq,
      type: draft.type,
      step: draft.step,
      actor: draft.actor,
      at: new Date().toISOString(),
      outcome: draft.outcome ?? null,
      reason: draft.reason ?? null,
      payload: draft.payload ?? {},
    };
    state.history.push(entry);
    const { history: _history, ...current } = snapshot();
    pending.push({
      eventId: `${workflowId}#${seq}`,
      workflowId,
      entry,
      state: current,
      submission: draft.type === 'SUBMITTED' ? input : null,
      notify: draft.notify,
    });
    return seq;
  }

  async function recorded(seq: number): Promise<UpdateResult> {
    await wf.condition(() => recordedSeq >= seq || recordingFailed !== null);
    if (recordedSeq < seq && recordingFailed) throw recordingFailed;
    return { seq, status: state.status, currentStep: state.currentStep };
  }

  // Emitted before any handler exists: Updates delivered with the first activation must find it queued.
  const firstStep = state.currentStep;
  emit({
    type: 'SUBMITTED',
    step: null,
    actor: input.submittedBy,
    payload: { programCode: input.program.code, programVersion: input.program.version },
    notify: firstStep ? [{ audience: 'step-officers', step: firstStep }, { audience: 'applicant' }] : [],
  });

  wf.setHandler(getStateQuery, snapshot);
  wf.setHandler(awaitRecordedUpdate, () => recorded(state.history.length));

  wf.setHandler(
    startStepUpdate,
    (args) => {
      const draft = applyStart(state, args, new Date().toISOString());
      return recorded(draft ? emit(draft) : state.history.length);
    },
    { validator: (args) => checkStart(state, args) },
  );

  /** The amount a decision needs reserved: the bank's confirmation of a proposal, and disbursement. */
  function capitalToHold(decision: DecideStepArgs['decision']): number | null {
    if (decision.step === 'bank-approval' && decision.outcome === 'approve' && state.proposal) {
      return state.proposal.amount;
    }
    if (decision.step === 'disbursement' && decision.outcome === 'approve' && state.approved) {
      return state.approved.amount;
    }
    return null;
  }

  async function holdCapital(amount: number, actor: string): Promise<void> {
    try {
      await reserveCapital({
        applicationId: input.applicationId,
        programCode: input.program.code,
        wardCode: input.wardCode,
        amount,
        on: toVietnamDate(Date.now()),
        actor,
      });
    } catch (error) {
      // The activity's typed refusal is the Update's answer; anything else fails the Update as it came.
      const cause = error instanceof wf.ActivityFailure ? error.cause : error;
      const type = cause instanceof wf.ApplicationFailure ? cause.type : null;
      if (type === 'INSUFFICIENT_CAPITAL' || type === 'APPLICATION_ENDED' || type === 'AWAITING_AMENDMENT') {
        throw refuse(type, cause instanceof Error ? cause.message : type);
      }
      throw error;
    }
  }

  wf.setHandler(
    decideStepUpdate,
    async (args) => {
      // Validators of Updates delivered in one activation all run before any handler; check again here.
      checkDecide(state, args, context());
      const amount = capitalToHold(args.decision);
      if (amount !== null && wf.patched(RESERVE_CAPITAL)) {
        await holdCapital(amount, args.actor.username);
        // Another Update may have changed the state while the reservation ran.
        checkDecide(state, args, context());
      }
      // Decisions after the due date are accepted and recorded as late.
      const late = state.deadline !== null && Date.now() >= state.deadline.breachAt;
      const draft = applyDecision(state, args, context(), stepOrder, new Date().toISOString());
      if (late) draft.payload = { ...draft.payload, late: true };
      return recorded(emit(draft));
    },
    { validator: (args) => checkDecide(state, args, context()) },
  );

  wf.setHandler(
    amendApplicationUpdate,
    (args) => {
      checkAmend(state, args, context());
      return recorded(emit(applyAmend(state, args, new Date().toISOString())));
    },
    { validator: (args) => checkAmend(state, args, context()) },
  );

  wf.setHandler(
    withdrawApplicationUpdate,
    (args) => {
      checkWithdraw(state, args);
      return recorded(emit(applyWithdraw(state, args)));
    },
    { validator: (args) => checkWithdraw(state, args) },
  );

  // Asked in the handler, so only a run that moves a disbursement records the marker; live runs can use it too.
  wf.setHandler(
    carryOverDisbursementUpdate,
    (args) => {
      checkCarryOver(state, args, toVietnamDate(Date.now()));
      wf.patched(CARRY_OVER);
      return recorded(emit(applyCarryOver(state, args, policy, Date.now())));
    },
    { validator: (args) => checkCarryOver(state, args, toVietnamDate(Date.now())) },
  );

  /**
   * Reminder, breach and expiry of the current step's deadline, as durable timers. A new deadline (the step
   * changed, or was entered again) cancels the wait for the old one.
   */
  async function watchDeadlines(): Promise<void> {
    for (;;) {
      await wf.condition(() => ended() || nextDeadlineEvent(state.deadline) !== null);
      const deadline = state.deadline;
      const next = nextDeadlineEvent(deadline);
      if (ended() || !deadline || !next) return;
      const wait = next.at - Date.now();
      if (wait > 0 && (await wf.condition(() => ended() || state.deadline !== deadline, wait))) continue;
      const draft =
        next.kind === 'expire' ? applyExpiry(state, new Date().toISOString()) : applyDeadlineEvent(state, next.kind);
      if (draft) emit(draft);
    }
  }
  const deadlines = watchDeadlines();

  // Events are recorded one at a time and in order, so the read model never goes backwards.
  for (;;) {
    await wf.condition(() => pending.length > 0 || ended());
    const event = pending.shift();
    if (!event) break;
    try {
      await record(event);
    } catch (error) {
      // Transient failures are retried inside the activity without limit, so this one is permanent: answer the
      // waiting callers with a clean refusal, let their handlers finish, then fail the run for an operator to see.
      recordingFailed = refuse(
        'RECORDING_FAILED',
        `Event ${event.entry.seq} of application ${state.code} could not be recorded`,
      );
      await wf.condition(wf.allHandlersFinished);
      // A local failure arrives in the workflow task that accepted the Update; failing the run in that same task
      // makes the server drop the Update's answer, so the refusal is sent first and the run fails in the next task.
      if (local) await wf.sleep(1);
      throw error;
    }
    recordedSeq = event.entry.seq;
    if (event.notify.length > 0) {
      mail.push(
        deliver({ eventId: event.eventId }).then(
          () => undefined,
          (error: unknown) =>
            wf.log.warn('Notification delivery gave up', { eventId: event.eventId, error: String(error) }),
        ),
      );
    }
  }

  // Since START_LOAN: the disbursed loan lives on in its own workflow, which outlives this one.
  if (state.status === 'DISBURSED' && wf.patched(START_LOAN)) await startLoanOf(input, state);
  await deadlines;
  await Promise.all(mail);
  await wf.condition(wf.allHandlersFinished);
  return snapshot();
}
