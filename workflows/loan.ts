import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { endOfVietnamDay, startOfVietnamDay, toVietnamDate } from './calendar/working-days.js';
import type { Actor, NotificationIntent } from './definitions.js';
import {
  checkUseUpdate,
  collectInterestUpdate,
  extendInstalmentUpdate,
  getLoanQuery,
  payPrincipalUpdate,
  repayEarlyUpdate,
  type LoanEventType,
  type LoanInput,
  type LoanRecordedEvent,
  type LoanState,
  type LoanUpdateResult,
  type PaymentRecord,
} from './loan-definitions.js';
import { nextDeadlineEvent } from './rules/deadlines.js';
import {
  applyCollect,
  applyEarly,
  applyExtend,
  applyPrincipal,
  checkCollect,
  checkEarly,
  checkExtend,
  checkPrincipal,
  checkUse,
  initialLoanState,
  isRepaid,
  markOverdue,
  openInterestMonth,
  periodStart,
} from './rules/loan-transitions.js';

type Activities = ReturnType<typeof createActivities>;

// The loan book must follow every event: recording retries without limit, a database outage only delays.
const { recordLoanEvent } = wf.proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// An SMTP outage gives up after a day (the outbox row stays PENDING for an operator), so a run can hand over.
const { deliverNotifications } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

const SYSTEM: Actor = { username: 'system', role: 'system', displayName: 'Hệ thống', scope: null };

/** A run hands over to a fresh one (continue-as-new) after this many events, whatever happened. */
const EVENTS_PER_RUN = 60;

interface Wake {
  at: number;
  run(): void;
}

/**
 * One chain of executions per disbursed loan, from disbursement to closure. Payments, extensions and the use
 * check arrive as Updates validated against the loan's state; months of interest, overdue instalments and the
 * use check's reminder and breach come from durable timers. Each run covers one instalment period (or at most
 * EVENTS_PER_RUN events) and continues as new with its state, so history stays bounded over a long term.
 */
export async function loanWorkflow(input: LoanInput): Promise<LoanState> {
  const { terms } = input;
  const { workflowId } = wf.workflowInfo();
  const state: LoanState = input.carried ?? initialLoanState(terms);
  const pending: LoanRecordedEvent[] = [];
  const mail: Promise<void>[] = [];
  let recordedSeq = state.seq;
  let eventsThisRun = 0;
  let handOver = false;
  let version = 0;
  const today = (): string => toVietnamDate(Date.now());
  const closed = (): boolean => state.status === 'CLOSED';
  const snapshot = (): LoanState => JSON.parse(JSON.stringify(state)) as LoanState;

  function emit(
    type: LoanEventType,
    actor: Actor,
    payload: Record<string, unknown> = {},
    payment: PaymentRecord | null = null,
    notify: NotificationIntent[] = [],
  ): number {
    state.seq += 1;
    eventsThisRun += 1;
    version += 1;
    if (state.status === 'ACTIVE' && isRepaid(state) && type !== 'LOAN_CLOSED') {
      state.status = 'CLOSED';
      state.closedOn = today();
    }
    const seq = state.seq;
    pending.push({
      eventId: `${workflowId}#${seq}`,
      workflowId,
      seq,
      type,
      actor,
      at: new Date().toISOString(),
      payload,
      payment,
      terms,
      state: snapshot(),
      notify,
    });
    return seq;
  }

  /** Closure is its own event, right after the one that repaid the last VND. */
  function emitWithClosure(...args: Parameters<typeof emit>): number {
    const wasActive = state.status === 'ACTIVE';
    const seq = emit(...args);
    return wasActive && closed() ? emit('LOAN_CLOSED', args[1], { closedOn: state.closedOn }) : seq;
  }

  async function recorded(seq: number): Promise<LoanUpdateResult> {
    await wf.condition(() => recordedSeq >= seq);
    return { seq, status: state.status };
  }

  if (!input.carried) emit('LOAN_OPENED', SYSTEM, { amount: terms.amount, disbursedOn: terms.disbursedOn });

  wf.setHandler(getLoanQuery, snapshot);
  wf.setHandler(
    collectInterestUpdate,
    (args) => {
      const payment = applyCollect(state, args, today());
      return recorded(emitWithClosure('INTEREST_COLLECTED', args.actor, { month: args.month }, payment));
    },
    { validator: (args) => void checkCollect(state, args) },
  );
  wf.setHandler(
    payPrincipalUpdate,
    (args) => {
      const payment = applyPrincipal(state, terms, args, today());
      return recorded(emitWithClosure('PRINCIPAL_PAID', args.actor, {}, payment));
    },
    { validator: (args) => checkPrincipal(state, terms, args, today()) },
  );
  wf.setHandler(
    repayEarlyUpdate,
    (args) => {
      const payment = applyEarly(state, terms, args, today());
      return recorded(emitWithClosure('EARLY_REPAID', args.actor, {}, payment));
    },
    { validator: (args) => checkEarly(state, terms, args, today()) },
  );
  wf.setHandler(
    extendInstalmentUpdate,
    (args) => {
      const instalment = applyExtend(state, args);
      return recorded(
        emit('INSTALMENT_EXTENDED', args.actor, {
          instalmentNo: instalment.no,
          fromDueOn: instalment.extension?.fromDueOn,
          newDueOn: instalment.dueOn,
          wardChairComment: args.wardChairComment,
          bankDecision: args.bankDecision,
        }),
      );
    },
    { validator: (args) => void checkExtend(state, args) },
  );
  wf.setHandler(
    checkUseUpdate,
    (args) => {
      checkUse(state, args);
      state.useCheck.done = {
        outcome: args.outcome,
        note: args.note,
        by: args.actor.username,
        at: new Date().toISOString(),
      };
      return recorded(emit('USE_CHECKED', args.actor, { outcome: args.outcome, note: args.note }));
    },
    { validator: (args) => checkUse(state, args) },
  );

  /** The earliest thing that happens if nobody acts. */
  function nextWake(): Wake | null {
    const wakes: Wake[] = [];
    if (!closed()) {
      wakes.push({
        at: startOfVietnamDay(periodStart(terms, state.nextPeriod)),
        run: () => {
          const month = openInterestMonth(state, terms);
          if (month) emit('INTEREST_MONTH_OPENED', SYSTEM, { month: month.month, amount: month.amount });
        },
      });
      for (const instalment of state.instalments.filter((i) => i.status === 'DUE')) {
        wakes.push({
          at: endOfVietnamDay(instalment.dueOn),
          run: () => {
            markOverdue(instalment);
            emit('INSTALMENT_OVERDUE', SYSTEM, { instalmentNo: instalment.no, dueOn: instalment.dueOn }, null, [
              { audience: 'group-leader' },
              { audience: 'applicant' },
            ]);
            handOver = true;
          },
        });
      }
    }
    const deadline = state.useCheck.deadline;
    const event = state.useCheck.done ? null : nextDeadlineEvent(deadline);
    if (event?.kind === 'remind') {
      wakes.push({
        at: event.at,
        run: () => {
          deadline.reminded = true;
          emit('USE_CHECK_REMINDER', SYSTEM, { dueOn: deadline.dueOn }, null, [
            { audience: 'step-officers', step: 'entrustment' },
          ]);
        },
      });
    } else if (event?.kind === 'breach') {
      wakes.push({
        at: event.at,
        run: () => {
          deadline.overdue = true;
          emit('USE_CHECK_OVERDUE', SYSTEM, { dueOn: deadline.dueOn }, null, [
            { audience: 'step-officers', step: 'entrustment' },
            { audience: 'supervisors', step: 'entrustment' },
          ]);
        },
      });
    }
    return wakes.reduce<Wake | null>((first, w) => (!first || w.at < first.at ? w : first), null);
  }

  /** An instalment's due date passing (repaid or not) ends the run's period: the run hands over after it. */
  function passedDueDates(): number {
    return state.instalments.filter((i) => endOfVietnamDay(i.dueOn) <= Date.now()).length;
  }

  async function watchClock(): Promise<void> {
    const duesAtStart = passedDueDates();
    while (!handOver) {
      const wake = nextWake();
      if (!wake) return;
      const seen = version;
      const wait = wake.at - Date.now();
      if (wait > 0 && (await wf.condition(() => version !== seen || handOver, wait))) continue;
      if (handOver) return;
      wake.run();
      if (
        passedDueDates() > duesAtStart ||
        eventsThisRun >= EVENTS_PER_RUN ||
        wf.workflowInfo().continueAsNewSuggested
      ) {
        handOver = true;
      }
      // A closed loan with its use check done has nothing left to wait for.
      if (closed() && state.useCheck.done) return;
    }
  }
  const clock = watchClock();

  // A late use check is still accepted: a closed loan waits for it, without timers, before it completes.
  const finished = (): boolean => (handOver || (closed() && state.useCheck.done !== null)) && wf.allHandlersFinished();

  // Events are recorded one at a time and in order, so the loan book never goes backwards.
  for (;;) {
    await wf.condition(() => pending.length > 0 || finished());
    const event = pending.shift();
    if (!event) break;
    // Transient failures retry without limit inside the activity; a permanent one fails the run for an operator.
    await recordLoanEvent(event);
    recordedSeq = event.seq;
    if (event.notify.length > 0) {
      mail.push(
        deliverNotifications({ eventId: event.eventId }).then(
          () => undefined,
          (error: unknown) =>
            wf.log.warn('Notification delivery gave up', { eventId: event.eventId, error: String(error) }),
        ),
      );
    }
  }
  handOver = handOver && !closed();
  await clock;
  await Promise.all(mail);
  if (handOver) await wf.continueAsNew<typeof loanWorkflow>({ terms, carried: snapshot() });
  return snapshot();
}
