import { randomInt, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { vietnamYear } from '../../../workflows/calendar/working-days.js';
import {
  awaitRecordedUpdate,
  workflowIdFor,
  type Actor,
  type LoanRequest,
  type ProcessApplicationInput,
  type UpdateResult,
} from '../../../workflows/definitions.js';
import type { processLoanApplication } from '../../../workflows/process-loan-application.js';
import { translateWorkflowErrors } from '../../infra/temporal-errors.js';
import { mayFileFor } from '../access.js';
import { assertEligible } from '../eligibility.js';
import { AppError } from '../errors.js';
import { loadCalendar, loadProgramSnapshot } from '../programmes.js';
import { actorOf, type Officer } from '../sessions.js';
import type { WorkflowDeps } from './workflow-deps.js';
import { readGroupMembership } from './vote-preview.js';

/** Form 01/TD as submitted: the loan request and where it is filed. */
export interface CreateApplicationBody extends LoanRequest {
  programCode: string;
  wardCode: string;
  groupCode: string;
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code an applicant can read out on the phone: ward, year, six unambiguous characters. */
function newApplicationCode(wardCode: string, year: number): string {
  const suffix = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${wardCode}-${year}-${suffix}`;
}

async function loadSubmissionContext(prisma: PrismaClient, body: CreateApplicationBody) {
  const program = await loadProgramSnapshot(prisma, body.programCode);
  if (!program)
    throw new AppError('UNKNOWN_PROGRAM', `Unknown loan programme ${body.programCode}`, [
      { path: 'programCode', message: 'unknown programme' },
    ]);
  const ward = await prisma.ward.findUnique({ where: { code: body.wardCode } });
  if (!ward)
    throw new AppError('UNKNOWN_WARD', `Unknown ward ${body.wardCode}`, [
      { path: 'wardCode', message: 'unknown ward' },
    ]);
  const group = await prisma.savingsGroup.findUnique({ where: { code: body.groupCode } });
  if (!group)
    throw new AppError('UNKNOWN_GROUP', `Unknown savings group ${body.groupCode}`, [
      { path: 'groupCode', message: 'unknown group' },
    ]);
  if (group.wardCode !== ward.code) {
    throw new AppError('GROUP_NOT_IN_WARD', `Group ${group.code} does not belong to ward ${ward.code}`, [
      { path: 'groupCode', message: 'group not in ward' },
    ]);
  }
  const membership = await readGroupMembership(prisma, group.code, body.borrower.citizenId);
  return { program, group, ward, ...membership };
}

export async function submitApplication(
  deps: WorkflowDeps,
  body: CreateApplicationBody,
  officer: Officer | null,
): Promise<UpdateResult & { applicationId: string; code: string }> {
  const now = new Date();
  const { program, group, ward, memberCount, borrowerIsMember } = await loadSubmissionContext(deps.prisma, body);
  const target = {
    wardCode: ward.code,
    groupCode: group.code,
    associationCode: group.associationCode,
    bankOfficeCode: ward.bankOfficeCode,
  };
  if (officer && !mayFileFor(officer, target)) {
    throw new AppError('FORBIDDEN', 'You may file applications only within your own scope');
  }
  await assertEligible(deps.prisma, {
    program,
    wardCode: ward.code,
    householdCategory: body.householdCategory,
    borrower: body.borrower,
    amount: body.amount,
    termMonths: body.termMonths,
  });

  const year = vietnamYear(now.getTime());
  const code = newApplicationCode(body.wardCode, year);
  const { programCode: _p, wardCode, groupCode: _g, ...request } = body;
  const input: ProcessApplicationInput = {
    applicationId: randomUUID(),
    code,
    wardCode,
    program,
    group: {
      code: group.code,
      wardCode: group.wardCode,
      associationCode: group.associationCode as ProcessApplicationInput['group']['associationCode'],
      memberCount,
      borrowerIsMember,
    },
    request,
    submittedBy: officer ? actorOf(officer) : applicantOf(body.borrower),
    transactionDay: ward.transactionDay,
    calendar: await loadCalendar(deps.prisma, year),
  };
  return translateWorkflowErrors(async () => {
    // One round trip: the start and the Update that waits for the SUBMITTED event travel together. FAIL keeps
    // the refusal of a second start under the same id, as a plain start had.
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof processLoanApplication>(
      'processLoanApplication',
      { workflowId: workflowIdFor(code), taskQueue: deps.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL' },
    );
    const recorded = await deps.client.workflow.executeUpdateWithStart(awaitRecordedUpdate, { startWorkflowOperation });
    return { applicationId: input.applicationId, code, ...recorded };
  });
}

export function applicantOf(borrower: { citizenId: string; fullName: string }): Actor {
  return {
    username: `applicant:${borrower.citizenId}`,
    role: 'applicant',
    displayName: borrower.fullName,
    scope: 'applicant',
  };
}
