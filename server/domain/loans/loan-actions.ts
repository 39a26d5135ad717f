/** Payments, extensions and the use check: each an Update on the loan's workflow, validated there. */
import {
  checkUseUpdate,
  extendInstalmentUpdate,
  payPrincipalUpdate,
  repayEarlyUpdate,
  type LoanUpdateResult,
  type UseCheckOutcome,
} from '../../../workflows/loan-definitions.js';
import type { UpdateDefinition } from '@temporalio/client';
import type { Role } from '../../../workflows/domain.js';
import { translateWorkflowErrors } from '../../infra/temporal-errors.js';
import { requireRole } from '../access.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import { AppError } from '../errors.js';
import { actorOf, type Officer } from '../sessions.js';
import { findLoan, type LoanRef } from './loan-access.js';

/** Who acts on a loan: the transaction point takes principal, the bank decides extensions, the association checks use. */
export const LOAN_ACTION_ROLES = {
  principal: ['bank_credit_officer'],
  extension: ['bank_manager'],
  useCheck: ['association_officer'],
} as const satisfies Record<string, readonly Role[]>;

async function activeLoan(deps: WorkflowDeps, officer: Officer, id: string, roles: readonly Role[]): Promise<LoanRef> {
  const loan = await findLoan(deps.prisma, id, officer);
  requireRole(officer, roles);
  if (loan.status === 'CLOSED') throw new AppError('LOAN_CLOSED', `Loan ${loan.code} is repaid and closed`);
  return loan;
}

function update<A>(
  deps: WorkflowDeps,
  loan: LoanRef,
  call: (handle: ReturnType<WorkflowDeps['client']['workflow']['getHandle']>) => Promise<A>,
) {
  return translateWorkflowErrors(() => call(deps.client.workflow.getHandle(loan.workflowId)));
}

/** An Update on a loan still running: the loan in the officer's scope, the officer's role, then the workflow's answer. */
async function updateActiveLoan<Input>(
  deps: WorkflowDeps,
  officer: Officer,
  id: string,
  roles: readonly Role[],
  definition: UpdateDefinition<LoanUpdateResult, [Input]>,
  input: Input,
): Promise<LoanUpdateResult> {
  const loan = await activeLoan(deps, officer, id, roles);
  return update(deps, loan, (h) => h.executeUpdate(definition, { args: [input] }));
}

export const payPrincipal = (
  deps: WorkflowDeps,
  officer: Officer,
  id: string,
  body: { amount: number },
): Promise<LoanUpdateResult> =>
  updateActiveLoan(deps, officer, id, LOAN_ACTION_ROLES.principal, payPrincipalUpdate, {
    actor: actorOf(officer),
    amount: body.amount,
  });

export const repayEarly = (
  deps: WorkflowDeps,
  officer: Officer,
  id: string,
  body: { amount: number },
): Promise<LoanUpdateResult> =>
  updateActiveLoan(deps, officer, id, LOAN_ACTION_ROLES.principal, repayEarlyUpdate, {
    actor: actorOf(officer),
    amount: body.amount,
  });

export interface ExtensionBody {
  instalmentNo: number;
  newDueOn: string;
  wardChairComment: string;
  bankDecision: string;
}

export const extendInstalment = (
  deps: WorkflowDeps,
  officer: Officer,
  id: string,
  body: ExtensionBody,
): Promise<LoanUpdateResult> =>
  updateActiveLoan(deps, officer, id, LOAN_ACTION_ROLES.extension, extendInstalmentUpdate, {
    actor: actorOf(officer),
    ...body,
  });

export async function checkLoanUse(
  deps: WorkflowDeps,
  officer: Officer,
  id: string,
  body: { outcome: UseCheckOutcome; note: string },
): Promise<LoanUpdateResult> {
  const loan = await findLoan(deps.prisma, id, officer);
  requireRole(officer, LOAN_ACTION_ROLES.useCheck);
  const row = await deps.prisma.loan.findUniqueOrThrow({ where: { id: loan.id }, select: { useCheckOutcome: true } });
  if (row.useCheckOutcome) throw new AppError('USE_CHECK_DONE', `The use of loan ${loan.code} was already checked`);
  return update(deps, loan, (h) => h.executeUpdate(checkUseUpdate, { args: [{ actor: actorOf(officer), ...body }] }));
}
