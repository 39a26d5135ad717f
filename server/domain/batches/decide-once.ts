/**
 * Deciding one application's step from a list (a meeting's agenda, a batch's rows), exactly once however often
 * the list is sent: the Updates carry ids derived from the list and the application, so Temporal answers a
 * repeated id with the first result; and before sending (and after a refusal) the read model is asked for a
 * decision the list has already made, which also covers a workflow that has completed since.
 */
import type { AuditEvent } from '../../../prisma/generated/client.js';
import type { StepDecisionInput } from '../../../workflows/definitions.js';
import { decideStep, startStep } from '../applications/act-on-step.js';
import type { ApplicationRef } from '../applications/find-application.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';

/** Clocks of the server and of the workflow's worker may differ a little; a decision this early is not ours. */
const CLOCK_SLACK_MS = 60_000;

/** Refusals that are about the item (its rules, its state), as opposed to the service being unreachable. */
export function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.code !== 'TEMPORAL_UNAVAILABLE';
}

export interface OnceOptions {
  /** `<list>-<application>`: the Updates are `<updateId>-start` and `<updateId>-decide`. */
  updateId: string;
  /** When the list was frozen: only decisions recorded since can be the list's own. */
  since: Date;
  /** Whether a recorded decision of the step is the one this list sends (same actor, outcome, payload). */
  isOurs: (decision: RecordedDecision) => boolean;
}

/** A decision as the audit trail records it: a step decided, a loan proposed, a proposal sent back. */
export interface RecordedDecision {
  seq: number;
  type: string;
  actorUsername: string;
  /** `approve`, `reject`, `return`; a proposal is `approve`, a send-back `send-back`. */
  outcome: string;
  reason: string | null;
  payload: Record<string, unknown>;
  at: Date;
}

export type OnceResult = { decided: true; decision: RecordedDecision } | { decided: false; error: AppError };

const DECISION_TYPES = ['STEP_DECIDED', 'APPROVAL_PROPOSED', 'PROPOSAL_SENT_BACK'];

function toRecorded(event: AuditEvent): RecordedDecision {
  const data = (event.data ?? {}) as { outcome?: string; reason?: string; payload?: Record<string, unknown> };
  const outcome =
    event.type === 'APPROVAL_PROPOSED' ? 'approve' : event.type === 'PROPOSAL_SENT_BACK' ? 'send-back' : data.outcome;
  return {
    seq: event.seq ?? 0,
    type: event.type,
    actorUsername: event.actorUsername,
    outcome: outcome ?? '',
    reason: data.reason ?? null,
    payload: data.payload ?? {},
    at: event.occurredAt,
  };
}

/** The decisions of the step recorded since the list was frozen, oldest first. */
async function decisionsSince(deps: WorkflowDeps, app: ApplicationRef, step: string, since: Date) {
  const events = await deps.prisma.auditEvent.findMany({
    where: {
      applicationId: app.id,
      step,
      type: { in: DECISION_TYPES },
      occurredAt: { gte: new Date(since.getTime() - CLOCK_SLACK_MS) },
    },
    orderBy: { seq: 'asc' },
  });
  return events.map(toRecorded);
}

/** A decision of the step recorded since the list was frozen that the list recognises as its own. */
export async function findOurDecision(
  deps: WorkflowDeps,
  app: ApplicationRef,
  step: string,
  options: OnceOptions,
): Promise<RecordedDecision | null> {
  return (await decisionsSince(deps, app, step, options.since)).find(options.isOurs) ?? null;
}

async function recordedAt(deps: WorkflowDeps, app: ApplicationRef, step: string, seq: number, since: Date) {
  return (await decisionsSince(deps, app, step, since)).find((decision) => decision.seq === seq) ?? null;
}

/**
 * Starts and decides the step for the officer, unless the list has decided it already. A refusal by the rules
 * or the workflow comes back as `{ decided: false }`; the service being unreachable is thrown.
 */
export async function decideOnce(
  deps: WorkflowDeps,
  app: ApplicationRef,
  decision: StepDecisionInput,
  officer: Officer,
  options: OnceOptions,
): Promise<OnceResult> {
  const ours = await findOurDecision(deps, app, decision.step, options);
  if (ours) return { decided: true, decision: ours };
  try {
    await startStep(deps, app, decision.step, officer, { updateId: `${options.updateId}-start` });
    const result = await decideStep(deps, app, decision, officer, { updateId: `${options.updateId}-decide` });
    // The Update is answered once the event is recorded, so the decision row is there.
    const recorded = await recordedAt(deps, app, decision.step, result.seq, options.since);
    if (recorded) return { decided: true, decision: recorded };
    const found = await findOurDecision(deps, app, decision.step, options);
    if (found) return { decided: true, decision: found };
    throw new AppError('RECORDING_FAILED', `The decision on ${app.code} was accepted but is not recorded yet`);
  } catch (error) {
    if (!isRefusal(error) || error.code === 'RECORDING_FAILED') throw error;
    // A concurrent send may have decided it in the meantime (and the workflow ended since): that is ours.
    const decided = await findOurDecision(deps, app, decision.step, options);
    if (decided) return { decided: true, decision: decided };
    return { decided: false, error };
  }
}
