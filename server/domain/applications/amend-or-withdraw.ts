/**
 * The applicant's own actions: amend a returned application, withdraw one. The applicant proves who they are
 * with the borrower's full citizen ID; an officer acts only on their behalf, in a role the workflow's
 * authority table allows, with a reason, and is recorded as doing so.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import {
  amendApplicationUpdate,
  withdrawApplicationUpdate,
  type Actor,
  type AmendmentChanges,
  type UpdateResult,
} from '../../../workflows/definitions.js';
import { checkApplicantAgent, type ApplicantAction } from '../../../workflows/rules/authority.js';
import { translateWorkflowErrors } from '../../infra/temporal-errors.js';
import { AppError, notFound } from '../errors.js';
import { actorOf, type Officer } from '../sessions.js';
import { findApplication, refSelect, whereIdOrCode, type ApplicationRef } from './find-application.js';
import { assertNoConflictOfInterest, assertOpen } from './guards.js';
import { applicantOf } from './submit-application.js';
import type { WorkflowDeps } from './workflow-deps.js';
import { sameSecret } from '../../infra/passwords.js';

/** The applicant proves who they are with the full citizen ID; an officer acting for them gives a reason. */
export type AmendApplicationBody = AmendmentChanges & {
  citizenId?: string | undefined;
  reason?: string | undefined;
};

export interface WithdrawBody {
  citizenId?: string | undefined;
  reason?: string | undefined;
}

/** Who asks: the applicant themselves, or a logged-in officer on their behalf. */
export type ApplicantCaller =
  | { onBehalf: false; app: ApplicationRef; actor: Actor }
  | { onBehalf: true; app: ApplicationRef; actor: Actor; officer: Officer };

/**
 * The application and who acts on it. Without an officer session, an unknown application, a missing citizen
 * ID and a wrong one all get the same 404: neither the code nor the ID can be probed on its own.
 */
export async function findForApplicantAction(
  prisma: PrismaClient,
  idOrCode: string,
  officer: Officer | null,
  citizenId: string | undefined,
): Promise<ApplicantCaller> {
  if (officer) {
    const app = await findApplication(prisma, idOrCode, officer);
    return { onBehalf: true, app, actor: actorOf(officer), officer };
  }
  const app = await prisma.application.findFirst({ where: whereIdOrCode(idOrCode), select: refSelect });
  if (!app || citizenId === undefined || !sameSecret(app.borrowerCitizenId, citizenId)) throw notFound('Application');
  return {
    onBehalf: false,
    app,
    actor: applicantOf({ citizenId: app.borrowerCitizenId, fullName: app.borrowerName }),
  };
}

/** The workflow's own rule, checked before asking it, and the conflict-of-interest rule of every officer action. */
async function assertMayAct(
  deps: WorkflowDeps,
  caller: ApplicantCaller,
  action: ApplicantAction,
  reason: string | undefined,
): Promise<void> {
  assertOpen(caller.app);
  if (!caller.onBehalf) return;
  const broken = checkApplicantAgent(caller.officer.role, action, reason);
  if (broken) {
    throw new AppError(
      broken.code,
      broken.message,
      broken.field ? [{ path: broken.field, message: broken.message }] : [],
    );
  }
  await assertNoConflictOfInterest(deps.prisma, caller.app, caller.officer);
}

export async function amendApplication(
  deps: WorkflowDeps,
  caller: ApplicantCaller,
  body: AmendApplicationBody,
): Promise<UpdateResult> {
  const { citizenId: _proof, reason, ...changes } = body;
  await assertMayAct(deps, caller, 'amend', reason);
  return translateWorkflowErrors(() =>
    deps.client.workflow
      .getHandle(caller.app.workflowId)
      .executeUpdate(amendApplicationUpdate, { args: [{ actor: caller.actor, changes, reason }] }),
  );
}

export async function withdrawApplication(
  deps: WorkflowDeps,
  caller: ApplicantCaller,
  body: WithdrawBody,
): Promise<UpdateResult> {
  await assertMayAct(deps, caller, 'withdraw', body.reason);
  return translateWorkflowErrors(() =>
    deps.client.workflow
      .getHandle(caller.app.workflowId)
      .executeUpdate(withdrawApplicationUpdate, { args: [{ actor: caller.actor, reason: body.reason }] }),
  );
}
