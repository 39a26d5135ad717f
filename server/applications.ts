import { randomInt, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/generated/client.js';
import {
  amendApplicationUpdate,
  awaitRecordedUpdate,
  decideStepUpdate,
  startStepUpdate,
  withdrawApplicationUpdate,
  workflowIdFor,
  type Actor,
  type ApplicationState,
  type ProcessApplicationInput,
  type StepDecisionInput,
} from '../workflows/definitions.js';
import { ENDED_STATUSES, STEP_ROLES, type ApplicationStatus, type StepName } from '../workflows/domain.js';
import type { processLoanApplication } from '../workflows/process-loan-application.js';
import { checkLoanLimits } from '../workflows/step-rules.js';
import type { Officer } from './auth.js';
import { AppError, notFound } from './errors.js';
import { loadProgramSnapshot } from './programs.js';
import type { AmendApplicationBody, CreateApplicationBody, WithdrawBody } from './schemas.js';
import { translateWorkflowErrors } from './temporal-errors.js';

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

export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
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
  return { program, group };
}

export async function submitApplication(
  deps: WorkflowDeps,
  body: CreateApplicationBody,
  actor: Actor | null,
): Promise<ApplicationState> {
  const now = new Date();
  const { program, group } = await loadSubmissionContext(deps.prisma, body);
  if (ageOn(body.borrower.dateOfBirth, now) < 18) {
    throw new AppError('BORROWER_UNDER_18', 'The representative borrower must be 18 or over', [
      { path: 'borrower.dateOfBirth', message: 'under 18' },
    ]);
  }
  if (!program.eligibleCategories.includes(body.householdCategory)) {
    throw new AppError(
      'CATEGORY_NOT_ELIGIBLE',
      `Category ${body.householdCategory} is not eligible for ${program.code}`,
      [{ path: 'householdCategory', message: 'not eligible for this programme' }],
    );
  }
  const limits = checkLoanLimits(program, body.amount, body.termMonths);
  if (limits) throw new AppError(limits.code, limits.message, [{ path: limits.field ?? '', message: limits.message }]);

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
    },
    request,
    submittedBy: actor ?? {
      username: `applicant:${body.borrower.citizenId}`,
      role: 'applicant',
      displayName: body.borrower.fullName,
    },
  };
  return translateWorkflowErrors(async () => {
    const handle = await deps.client.workflow.start<typeof processLoanApplication>('processLoanApplication', {
      workflowId: workflowIdFor(code),
      taskQueue: deps.taskQueue,
      args: [input],
    });
    return handle.executeUpdate(awaitRecordedUpdate);
  });
}

interface ApplicationRef {
  id: string;
  code: string;
  workflowId: string;
  status: string;
  borrowerCitizenId: string;
  borrowerName: string;
}

export async function findApplication(prisma: PrismaClient, idOrCode: string): Promise<ApplicationRef> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  const row = await prisma.application.findUnique({
    where: isUuid ? { id: idOrCode } : { code: idOrCode },
    select: { id: true, code: true, workflowId: true, status: true, borrowerCitizenId: true, borrowerName: true },
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

export async function startStep(
  deps: WorkflowDeps,
  app: ApplicationRef,
  step: StepName,
  officer: Officer,
  actor: Actor,
) {
  assertOpen(app);
  assertRoleForStep(officer, step);
  return translateWorkflowErrors(() =>
    deps.client.workflow.getHandle(app.workflowId).executeUpdate(startStepUpdate, { args: [{ step, actor }] }),
  );
}

export async function decideStep(
  deps: WorkflowDeps,
  app: ApplicationRef,
  decision: StepDecisionInput,
  officer: Officer,
  actor: Actor,
) {
  assertOpen(app);
  assertRoleForStep(officer, decision.step);
  return translateWorkflowErrors(() =>
    deps.client.workflow.getHandle(app.workflowId).executeUpdate(decideStepUpdate, { args: [{ actor, decision }] }),
  );
}

/**
 * The applicant acts without an account by giving the full citizen ID of the representative borrower;
 * a logged-in officer may act on their behalf (recorded as the actor).
 */
export function applicantActor(app: ApplicationRef, officerActor: Actor | null, citizenId: string | undefined): Actor {
  if (officerActor) return officerActor;
  if (citizenId === undefined) {
    throw new AppError('UNAUTHENTICATED', "Log in as an officer, or give the borrower's citizenId");
  }
  // 404, not 403: a wrong citizen ID must not confirm that the application exists.
  if (citizenId !== app.borrowerCitizenId) throw notFound('Application');
  return { username: `applicant:${app.borrowerCitizenId}`, role: 'applicant', displayName: app.borrowerName };
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
