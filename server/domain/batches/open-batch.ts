/**
 * Opening a batch: one group, one step, the group's applications waiting at that step. Where the programme puts
 * the group's review first (the published order), the ward's batch is made from the closed meeting's list 03/TD;
 * otherwise (and for every later step) from the applications waiting at the step. The step order comes from each
 * application's programme: the same code serves both orders.
 */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { readableBy } from '../access.js';
import { AppError, notFound } from '../errors.js';
import type { Officer } from '../sessions.js';
import { assertHoldsBatch, type BatchStep } from './batch-scope.js';
import { findGroupFor, findMeetingFor } from './meeting-scope.js';

export interface OpenBatchInput {
  step: BatchStep;
  /** The closed meeting whose list 03/TD the batch is made from. */
  meetingId?: string | undefined;
}

/** A batch still being worked on holds its rows: the same application is not put on two lists of a step. */
const UNFINISHED: Record<BatchStep, string[]> = {
  'ward-verification': ['DRAFT', 'SUBMITTING'],
  entrustment: ['DRAFT', 'SUBMITTING'],
  'bank-approval': ['DRAFT', 'SUBMITTING', 'SUBMITTED', 'CONFIRMING'],
};

/** The step's own fields, pre-filled from what the application declares; the officer changes them per row. */
export function defaultFields(
  step: BatchStep,
  app: { householdCategory: string; amountRequested: bigint; termMonths: number },
): Prisma.InputJsonObject {
  switch (step) {
    case 'ward-verification':
      return { residenceConfirmed: true, listedCategory: app.householdCategory };
    case 'entrustment':
      // Completeness is checked per row by the association officer: never assumed.
      return { dossierComplete: false };
    case 'bank-approval':
      return { approvedAmount: Number(app.amountRequested), termMonths: app.termMonths };
  }
}

async function applicationsFromMeeting(prisma: PrismaClient, officer: Officer, groupCode: string, meetingId: string) {
  const meeting = await findMeetingFor(prisma, meetingId, officer);
  if (meeting.groupCode !== groupCode) throw notFound('Meeting');
  if (meeting.status !== 'CLOSED') {
    throw new AppError('MEETING_NOT_CLOSED', 'A batch is made from the list 03/TD of a closed meeting');
  }
  const items = await prisma.groupMeetingItem.findMany({
    where: { meetingId: meeting.id, outcome: 'approve' },
    orderBy: { position: 'asc' },
    select: { applicationId: true },
  });
  return items.map((item) => item.applicationId);
}

export async function openBatch(
  prisma: PrismaClient,
  groupCode: string,
  officer: Officer,
  input: OpenBatchInput,
): Promise<string> {
  const group = await findGroupFor(prisma, groupCode, officer);
  assertHoldsBatch(officer, input.step);
  const fromMeeting = input.meetingId
    ? await applicationsFromMeeting(prisma, officer, group.code, input.meetingId)
    : null;
  const waiting = await prisma.application.findMany({
    where: {
      AND: [
        readableBy(officer),
        { groupCode: group.code, currentStep: input.step, status: 'IN_PROGRESS' },
        fromMeeting ? { id: { in: fromMeeting } } : {},
        { batchRows: { none: { batch: { step: input.step, status: { in: UNFINISHED[input.step] } } } } },
      ],
    },
    include: { program: { select: { stepOrder: true } } },
    orderBy: [{ submittedAt: 'asc' }, { code: 'asc' }],
  });
  // A meeting's list keeps its own order (STT of list 03/TD).
  if (fromMeeting) waiting.sort((a, b) => fromMeeting.indexOf(a.id) - fromMeeting.indexOf(b.id));
  if (waiting.length === 0) {
    throw new AppError('NOTHING_WAITING', `No application of group ${group.code} is waiting at ${input.step}`);
  }
  const batch = await prisma.batch.create({
    data: {
      groupCode: group.code,
      step: input.step,
      meetingId: input.meetingId ?? null,
      openedBy: officer.username,
      rows: {
        create: waiting.map((app, index) => ({
          applicationId: app.id,
          position: index + 1,
          fields: defaultFields(input.step, app),
        })),
      },
    },
  });
  return batch.id;
}
