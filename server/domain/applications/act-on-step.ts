import { randomUUID } from 'node:crypto';

import {
  decideStepUpdate,
  startStepUpdate,
  type UpdateResult,
  type StepDecisionInput,
} from '../../../workflows/definitions.js';
import type { HouseholdCategory, StepName } from '../../../workflows/domain.js';
import { mayActOnStep } from '../../../workflows/rules/authority.js';
import { translateWorkflowErrors } from '../../infra/temporal-errors.js';
import { runUpdateOnce } from '../../infra/update-outcome.js';
import { assertEligible } from '../eligibility.js';
import { AppError } from '../errors.js';
import { toProgramSnapshot } from '../programmes.js';
import { actorOf, type Officer } from '../sessions.js';
import type { ApplicationRef } from './find-application.js';
import { assertNoConflictOfInterest, assertOpen } from './guards.js';
import type { WorkflowDeps } from './workflow-deps.js';

function assertRoleForStep(officer: Officer, step: StepName): void {
  if (!mayActOnStep(officer.role, step)) {
    throw new AppError('ROLE_NOT_ALLOWED', `Role ${officer.role} may not act on step ${step}`);
  }
}

/** The bank checks the rules again before money is committed: the ward's list may have changed since. */
async function recheckEligibility(deps: WorkflowDeps, app: ApplicationRef): Promise<void> {
  const { prisma } = deps;
  const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { program: true } });
  await assertEligible(prisma, {
    program: toProgramSnapshot(row.program),
    wardCode: row.wardCode,
    householdCategory: row.householdCategory as HouseholdCategory,
    borrower: { citizenId: row.borrowerCitizenId, dateOfBirth: row.borrowerBirthDate.toISOString().slice(0, 10) },
    amount: Number(row.amountRequested),
    termMonths: row.termMonths,
    excludeApplicationId: row.id,
  });
}

/**
 * `updateId`, when given, makes the Update exactly-once across retries: Temporal answers a repeated id with the
 * first result instead of running it again (a batch passes one per batch and application; the API derives one from
 * the request's `Idempotency-Key`). Without one, each call has an id of its own.
 */
export interface UpdateOptions {
  updateId?: string;
}

export async function startStep(
  deps: WorkflowDeps,
  app: ApplicationRef,
  step: StepName,
  officer: Officer,
  options: UpdateOptions = {},
): Promise<UpdateResult> {
  const updateId = options.updateId ?? randomUUID();
  return runUpdateOnce(deps.client, app.workflowId, updateId, async () => {
    assertOpen(app);
    assertRoleForStep(officer, step);
    await assertNoConflictOfInterest(deps.prisma, app, officer);
    const actor = actorOf(officer);
    return translateWorkflowErrors(() =>
      deps.client.workflow
        .getHandle(app.workflowId)
        .executeUpdate(startStepUpdate, { args: [{ step, actor }], updateId }),
    );
  });
}

export async function decideStep(
  deps: WorkflowDeps,
  app: ApplicationRef,
  decision: StepDecisionInput,
  officer: Officer,
  options: UpdateOptions = {},
): Promise<UpdateResult> {
  const updateId = options.updateId ?? randomUUID();
  return runUpdateOnce(deps.client, app.workflowId, updateId, async () => {
    assertOpen(app);
    assertRoleForStep(officer, decision.step);
    await assertNoConflictOfInterest(deps.prisma, app, officer);
    if (decision.step === 'bank-approval' && decision.outcome === 'approve') await recheckEligibility(deps, app);
    const actor = actorOf(officer);
    return translateWorkflowErrors(() =>
      deps.client.workflow
        .getHandle(app.workflowId)
        .executeUpdate(decideStepUpdate, { args: [{ actor, decision }], updateId }),
    );
  });
}
