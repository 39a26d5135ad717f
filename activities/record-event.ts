import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import type { ProcessApplicationInput, RecordedEvent } from '../workflows/definitions.js';
import { foldText } from '../server/domain/text.js';
import { followCapital } from '../server/domain/capital/follow-events.js';
import { ENDED_STATUSES } from '../workflows/domain.js';
import { PermanentActivityError, failPermanently, isUniqueViolation } from './failures.js';
import { composeMail } from './mail/templates.js';
import { resolveRecipients } from './mail/recipients.js';

export interface RecordEventDeps {
  prisma: PrismaClient;
  publicUrl: string;
  messageIdDomain: string;
}

/** Columns of the application row that follow the workflow state after every event. */
function trackedColumns(event: RecordedEvent) {
  const { state, entry } = event;
  const { request } = state;
  return {
    status: state.status,
    currentStep: state.currentStep,
    stepHolder: state.holder?.username ?? null,
    stepHolderRole: state.holder?.role ?? null,
    stepStartedAt: state.holder ? new Date(state.holder.since) : null,
    stepSince: state.stepSince ? new Date(state.stepSince) : null,
    proposedAmount: state.proposal ? BigInt(state.proposal.amount) : null,
    proposedTermMonths: state.proposal?.termMonths ?? null,
    proposedBy: state.proposal?.by ?? null,
    dueOn: state.deadline ? new Date(`${state.deadline.dueOn}T00:00:00Z`) : null,
    overdue: state.deadline?.overdue ?? false,
    disbursementOn: state.disbursementOn ? new Date(`${state.disbursementOn}T00:00:00Z`) : null,
    approvedAmount: state.approved ? BigInt(state.approved.amount) : null,
    approvedTermMonths: state.approved?.termMonths ?? null,
    annualRatePercent: state.approved?.annualRatePercent ?? null,
    returnReason: state.returnReason,
    householdCategory: request.householdCategory,
    amountRequested: BigInt(request.amount),
    termMonths: request.termMonths,
    purpose: request.purpose,
    usePlan: request.usePlan,
    village: request.village ?? null,
    borrowerPhone: request.borrower.phone ?? null,
    borrowerEmail: request.borrower.email ?? null,
    lastEventSeq: entry.seq,
    updatedAt: new Date(entry.at),
    closedAt: ENDED_STATUSES.includes(state.status) ? new Date(entry.at) : null,
  };
}

/**
 * The borrower's household: the listed one they head or belong to when the ward's list has them, otherwise
 * the household the applications of this ward have declared with them as head.
 */
async function findOrCreateHousehold(tx: Prisma.TransactionClient, submission: ProcessApplicationInput) {
  const { wardCode, request } = submission;
  const citizenId = request.borrower.citizenId;
  const listed = await tx.household.findFirst({
    where: {
      wardCode,
      registryCode: { not: null },
      OR: [{ headCitizenId: citizenId }, { members: { some: { citizenId, fromRegistry: true } } }],
    },
    orderBy: { registryCode: 'asc' },
  });
  if (listed) return listed;
  return tx.household.upsert({
    where: { wardCode_headCitizenId: { wardCode, headCitizenId: citizenId } },
    create: {
      wardCode,
      village: request.village ?? null,
      category: request.householdCategory,
      headName: request.borrower.fullName,
      headCitizenId: citizenId,
    },
    update: { category: request.householdCategory },
  });
}

async function insertApplication(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  const submission = event.submission;
  if (!submission) throw new PermanentActivityError('SUBMITTED event without submission');
  const { request } = submission;
  const household = await findOrCreateHousehold(tx, submission);
  for (const member of request.householdMembers ?? []) {
    // Members the ward's list owns keep the list's values; only members declared on applications follow them.
    await tx.householdMember.updateMany({
      where: { householdId: household.id, citizenId: member.citizenId, fromRegistry: false },
      data: { fullName: member.fullName, relationship: member.relationship },
    });
    await tx.householdMember.createMany({ data: [{ householdId: household.id, ...member }], skipDuplicates: true });
  }
  await tx.application.create({
    data: {
      id: submission.applicationId,
      code: submission.code,
      workflowId: event.workflowId,
      programId: submission.program.id,
      programCode: submission.program.code,
      wardCode: submission.wardCode,
      groupCode: submission.group.code,
      associationCode: submission.group.associationCode,
      householdId: household.id,
      borrowerName: request.borrower.fullName,
      borrowerNameFolded: foldText(request.borrower.fullName),
      borrowerCitizenId: request.borrower.citizenId,
      borrowerBirthDate: new Date(request.borrower.dateOfBirth),
      submittedAt: new Date(event.entry.at),
      ...trackedColumns(event),
    },
  });
}

async function queueNotifications(
  tx: Prisma.TransactionClient,
  deps: RecordEventDeps,
  event: RecordedEvent,
): Promise<void> {
  if (event.notify.length === 0) return;
  const app = await tx.application.findUniqueOrThrow({
    where: { id: event.state.applicationId },
    include: { program: true, ward: true },
  });
  const scope = { ...app, bankOfficeCode: app.ward.bankOfficeCode };
  let index = 0;
  for (const intent of event.notify) {
    const mail = composeMail(intent, {
      code: app.code,
      applicationId: app.id,
      borrowerName: app.borrowerName,
      status: event.state.status,
      programName: app.program.nameVi,
      approvedAmount: event.state.approved?.amount ?? null,
      approvedTermMonths: event.state.approved?.termMonths ?? null,
      annualRatePercent: event.state.approved?.annualRatePercent ?? null,
      dueOn: event.state.deadline?.dueOn ?? null,
      disbursementOn: event.state.disbursementOn,
      transactionPoint: app.ward.transactionPoint,
      ward: { name: app.ward.name, kind: app.ward.kind === 'xa' ? 'xa' : 'phuong' },
      entry: event.entry,
      publicUrl: deps.publicUrl,
    });
    for (const recipient of await resolveRecipients(tx, intent, scope)) {
      index += 1;
      await tx.notificationOutbox.create({
        data: {
          eventId: event.eventId,
          applicationId: app.id,
          recipient,
          messageId: `<${event.eventId.replace('#', '.')}.${index}@${deps.messageIdDomain}>`,
          subject: mail.subject,
          textBody: mail.text,
        },
      });
    }
  }
}

/**
 * Brings the read model up to date with one workflow event, in one transaction: the application row,
 * the decision or disbursement, the audit event and the outbox rows. The audit row's unique event id makes
 * a retried or replayed call a no-op. A failure that no retry can repair (a constraint the event violates, a
 * row it needs that does not exist) is non-retryable; a lost connection or a timeout is retried.
 */
export async function recordEvent(deps: RecordEventDeps, event: RecordedEvent): Promise<void> {
  await failPermanently('recordEvent', async () => {
    try {
      await recordInTransaction(deps, event);
    } catch (error) {
      // Two attempts of the same event racing (a retry after a timeout while the first still runs): the loser
      // hits the audit row's unique event id, and the event is recorded all the same.
      if (isUniqueViolation(error) && (await isRecorded(deps.prisma, event.eventId))) return;
      throw error;
    }
  });
}

async function isRecorded(prisma: PrismaClient, eventId: string): Promise<boolean> {
  return (await prisma.auditEvent.count({ where: { eventId } })) > 0;
}

async function recordInTransaction(deps: RecordEventDeps, event: RecordedEvent): Promise<void> {
  const { entry, state } = event;
  await deps.prisma.$transaction(async (tx) => {
    const seen = await tx.auditEvent.findUnique({ where: { eventId: event.eventId }, select: { id: true } });
    if (seen) return;
    if (entry.type === 'SUBMITTED') {
      await insertApplication(tx, event);
    } else {
      // Events arrive in order, but a guard on the sequence keeps the row from ever going backwards.
      await tx.application.updateMany({
        where: { id: state.applicationId, lastEventSeq: { lt: entry.seq } },
        data: trackedColumns(event),
      });
    }
    if (entry.type === 'STEP_DECIDED' && entry.step && entry.outcome) {
      await tx.stepDecision.create({
        data: {
          eventId: event.eventId,
          applicationId: state.applicationId,
          seq: entry.seq,
          step: entry.step,
          outcome: entry.outcome,
          reason: entry.reason,
          actorUsername: entry.actor.username,
          actorRole: entry.actor.role,
          payload: entry.payload as Prisma.InputJsonValue,
          decidedAt: new Date(entry.at),
          late: entry.payload.late === true,
        },
      });
    }
    if (entry.step === 'disbursement' && entry.outcome === 'approve' && state.disbursement) {
      await tx.disbursement.create({
        data: {
          applicationId: state.applicationId,
          eventId: event.eventId,
          amount: BigInt(state.disbursement.amount),
          disbursedOn: new Date(state.disbursement.disbursedOn),
          transactionPoint: state.disbursement.transactionPoint,
          officerUsername: entry.actor.username,
          recordedAt: new Date(entry.at),
        },
      });
    }
    await followCapital(tx, event);
    await tx.auditEvent.create({
      data: {
        eventId: event.eventId,
        applicationId: state.applicationId,
        seq: entry.seq,
        type: entry.type,
        step: entry.step,
        actorUsername: entry.actor.username,
        actorRole: entry.actor.role,
        actorScope: entry.actor.scope,
        data: {
          outcome: entry.outcome,
          reason: entry.reason,
          payload: entry.payload,
          actorName: entry.actor.displayName,
        } as Prisma.InputJsonValue,
        occurredAt: new Date(entry.at),
      },
    });
    await queueNotifications(tx, deps, event);
  });
}
