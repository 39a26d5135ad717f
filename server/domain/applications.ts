import { randomInt, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../prisma/generated/client.js';
import {
  amendApplicationUpdate,
  awaitRecordedUpdate,
  decideStepUpdate,
  startStepUpdate,
  withdrawApplicationUpdate,
  workflowIdFor,
  type Actor,
  type AmendmentChanges,
  type LoanRequest,
  type ProcessApplicationInput,
  type StepDecisionInput,
  type UpdateResult,
} from '../../workflows/definitions.js';
import {
  ENDED_STATUSES,
  STEP_ROLES,
  type ApplicationStatus,
  type HouseholdCategory,
  type StepName,
} from '../../workflows/domain.js';
import type { processLoanApplication } from '../../workflows/process-loan-application.js';
import { mayFileFor, readableBy } from './access.js';
import { actorOf, type Officer } from './sessions.js';
import { assertEligible } from './eligibility.js';
import { AppError, notFound } from './errors.js';
import { loadCalendar, loadProgramSnapshot, toProgramSnapshot } from './programmes.js';
import { translateWorkflowErrors } from '../infra/temporal-errors.js';

/** Form 01/TD as submitted: the loan request and where it is filed. */
export interface CreateApplicationBody extends LoanRequest {
  programCode: string;
  wardCode: string;
  groupCode: string;
}

/** The applicant proves who they are with the full citizen ID; an officer acting for them is logged in. */
export type AmendApplicationBody = AmendmentChanges & { citizenId?: string | undefined };

export interface WithdrawBody {
  citizenId?: string | undefined;
  reason?: string | undefined;
}

export interface WorkflowDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code an applicant can read out on the phone: ward, year, six unambiguous characters. */
function newApplicationCode(wardCode: string, now: Date): string {
  const suffix = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${wardCode}-${now.getUTCFullYear()}-${suffix}`;
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
  const group = await prisma.savingsGroup.findUnique({
    where: { code: body.groupCode },
    include: { _count: { select: { members: { where: { leftOn: null } } } } },
  });
  if (!group)
    throw new AppError('UNKNOWN_GROUP', `Unknown savings group ${body.groupCode}`, [
      { path: 'groupCode', message: 'unknown group' },
    ]);
  if (group.wardCode !== ward.code) {
    throw new AppError('GROUP_NOT_IN_WARD', `Group ${group.code} does not belong to ward ${ward.code}`, [
      { path: 'groupCode', message: 'group not in ward' },
    ]);
  }
  const membership = await prisma.groupMember.findFirst({
    where: { groupCode: group.code, citizenId: body.borrower.citizenId, leftOn: null },
    select: { id: true },
  });
  return { program, group, ward, borrowerIsMember: membership !== null };
}

export async function submitApplication(
  deps: WorkflowDeps,
  body: CreateApplicationBody,
  officer: Officer | null,
): Promise<UpdateResult & { applicationId: string; code: string }> {
  const now = new Date();
  const { program, group, ward, borrowerIsMember } = await loadSubmissionContext(deps.prisma, body);
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

  const code = newApplicationCode(body.wardCode, now);
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
      memberCount: group._count.members,
      borrowerIsMember,
    },
    request,
    submittedBy: officer ? actorOf(officer) : applicantOf(body.borrower),
    transactionDay: ward.transactionDay,
    calendar: await loadCalendar(deps.prisma, now.getUTCFullYear()),
  };
  return translateWorkflowErrors(async () => {
    const handle = await deps.client.workflow.start<typeof processLoanApplication>('processLoanApplication', {
      workflowId: workflowIdFor(code),
      taskQueue: deps.taskQueue,
      args: [input],
    });
    const recorded = await handle.executeUpdate(awaitRecordedUpdate);
    return { applicationId: input.applicationId, code, ...recorded };
  });
}

interface ApplicationRef {
  id: string;
  code: string;
  workflowId: string;
  status: string;
  borrowerCitizenId: string;
  borrowerName: string;
  householdId: string;
}

const refSelect = {
  id: true,
  code: true,
  workflowId: true,
  status: true,
  borrowerCitizenId: true,
  borrowerName: true,
  householdId: true,
} as const;

function whereIdOrCode(idOrCode: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  return isUuid ? { id: idOrCode } : { code: idOrCode };
}

/**
 * The application, if the caller may see it. An officer outside its scope gets the same 404 as for an
 * application that does not exist, so ids cannot be probed across wards.
 */
export async function findApplication(
  prisma: PrismaClient,
  idOrCode: string,
  officer: Officer | null,
): Promise<ApplicationRef> {
  const scope = officer ? readableBy(officer) : {};
  const row = await prisma.application.findFirst({
    where: { AND: [whereIdOrCode(idOrCode), scope] },
    select: refSelect,
  });
  if (!row) throw notFound('Application');
  return row;
}

function assertOpen(app: ApplicationRef): void {
  if (ENDED_STATUSES.includes(app.status as ApplicationStatus)) {
    throw new AppError('APPLICATION_ENDED', `Application ${app.code} has ended (${app.status})`);
  }
}

function assertRoleForStep(officer: Officer, step: StepName): void {
  if (!(STEP_ROLES[step] as readonly string[]).includes(officer.role)) {
    throw new AppError('ROLE_NOT_ALLOWED', `Role ${officer.role} may not act on step ${step}`);
  }
}

/** The bank checks the rules again before money is committed: the ward's list may have changed since. */
async function recheckEligibility(prisma: PrismaClient, app: ApplicationRef): Promise<void> {
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

/** An officer never acts on an application of their own household, nor on their own. */
async function assertNoConflictOfInterest(prisma: PrismaClient, app: ApplicationRef, officer: Officer): Promise<void> {
  if (!officer.citizenId) return;
  const ownHousehold =
    officer.citizenId === app.borrowerCitizenId ||
    (await prisma.householdMember.count({ where: { householdId: app.householdId, citizenId: officer.citizenId } })) > 0;
  if (ownHousehold) {
    throw new AppError(
      'CONFLICT_OF_INTEREST',
      "You belong to the applicant's household and may not act on this application",
    );
  }
}

export async function startStep(deps: WorkflowDeps, app: ApplicationRef, step: StepName, officer: Officer) {
  assertOpen(app);
  assertRoleForStep(officer, step);
  await assertNoConflictOfInterest(deps.prisma, app, officer);
  const actor = actorOf(officer);
  return translateWorkflowErrors(() =>
    deps.client.workflow.getHandle(app.workflowId).executeUpdate(startStepUpdate, { args: [{ step, actor }] }),
  );
}

export async function decideStep(
  deps: WorkflowDeps,
  app: ApplicationRef,
  decision: StepDecisionInput,
  officer: Officer,
) {
  assertOpen(app);
  assertRoleForStep(officer, decision.step);
  await assertNoConflictOfInterest(deps.prisma, app, officer);
  if (decision.step === 'bank-approval' && decision.outcome === 'approve') await recheckEligibility(deps.prisma, app);
  const actor = actorOf(officer);
  return translateWorkflowErrors(() =>
    deps.client.workflow.getHandle(app.workflowId).executeUpdate(decideStepUpdate, { args: [{ actor, decision }] }),
  );
}

export function applicantOf(borrower: { citizenId: string; fullName: string }): Actor {
  return {
    username: `applicant:${borrower.citizenId}`,
    role: 'applicant',
    displayName: borrower.fullName,
    scope: 'applicant',
  };
}

/**
 * The applicant acts without an account by giving the full citizen ID of the representative borrower;
 * a logged-in officer may act on their behalf (recorded as the actor).
 */
export function applicantActor(app: ApplicationRef, officer: Officer | null, citizenId: string | undefined): Actor {
  if (officer) return actorOf(officer);
  if (citizenId === undefined) {
    throw new AppError('UNAUTHENTICATED', "Log in as an officer, or give the borrower's citizenId");
  }
  // 404, not 403: a wrong citizen ID must not confirm that the application exists.
  if (citizenId !== app.borrowerCitizenId) throw notFound('Application');
  return applicantOf({ citizenId: app.borrowerCitizenId, fullName: app.borrowerName });
}

export async function amendApplication(
  deps: WorkflowDeps,
  app: ApplicationRef,
  body: AmendApplicationBody,
  actor: Actor,
) {
  assertOpen(app);
  const { citizenId: _proof, ...changes } = body;
  return translateWorkflowErrors(() =>
    deps.client.workflow
      .getHandle(app.workflowId)
      .executeUpdate(amendApplicationUpdate, { args: [{ actor, changes }] }),
  );
}

export async function withdrawApplication(deps: WorkflowDeps, app: ApplicationRef, body: WithdrawBody, actor: Actor) {
  assertOpen(app);
  return translateWorkflowErrors(() =>
    deps.client.workflow
      .getHandle(app.workflowId)
      .executeUpdate(withdrawApplicationUpdate, { args: [{ actor, reason: body.reason }] }),
  );
}
