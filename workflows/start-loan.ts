import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import type { ApplicationState, ProcessApplicationInput } from './definitions.js';
import { DEFAULT_INSTALMENT_MONTHS, loanWorkflowIdFor, type LoanTerms } from './loan-definitions.js';
import { loanWorkflow } from './loan.js';

/** The loan's terms, as the application's workflow knows them at disbursement. */
export function loanTermsOf(input: ProcessApplicationInput, state: ApplicationState): LoanTerms | null {
  const { disbursement, approved } = state;
  const disbursedAt = state.history.findLast((e) => e.type === 'STEP_DECIDED' && e.step === 'disbursement')?.at;
  if (!disbursement || !approved || !disbursedAt) return null;
  return {
    applicationId: input.applicationId,
    code: input.code,
    wardCode: input.wardCode,
    groupCode: input.group.code,
    associationCode: input.group.associationCode,
    programCode: input.program.code,
    amount: disbursement.amount,
    termMonths: approved.termMonths,
    annualRatePercent: approved.annualRatePercent,
    instalmentMonths: input.program.instalmentMonths ?? DEFAULT_INSTALMENT_MONTHS,
    disbursedOn: disbursement.disbursedOn,
    disbursedAt,
    calendar: input.calendar,
  };
}

/**
 * Starts the loan's workflow as a child that is abandoned, not ended, when the application's workflow completes
 * a moment later. A child (rather than a start from an activity) keeps the start in this history: exactly once,
 * deterministic on replay, and no Temporal client in the activities. The id is fixed, so a second start of the
 * same loan is refused by the server and ignored here.
 */
export async function startLoanOf(input: ProcessApplicationInput, state: ApplicationState): Promise<void> {
  const terms = loanTermsOf(input, state);
  if (!terms) return;
  try {
    await wf.startChild(loanWorkflow, {
      workflowId: loanWorkflowIdFor(input.applicationId),
      args: [{ terms }],
      parentClosePolicy: 'ABANDON',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
