/** Opening a group's review meeting, and refreshing its agenda while it is a draft. */
import { Prisma, type PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import { buildAgenda, refreshAgendaItems } from './meeting-agenda.js';
import { lockDraft, replaceAttendees } from './save-meeting.js';
import { assertHoldsMeeting, findGroupFor, findMeetingFor } from './meeting-scope.js';

export interface MeetingDetails {
  meetingDate: string;
  place: string;
  associationOfficerName: string;
  villageHeadName: string;
}

export type OpenMeetingInput = MeetingDetails & { attendees?: string[] | undefined };

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** Opens a draft meeting with the group's waiting applications as its agenda; returns its id. */
export async function openMeeting(
  prisma: PrismaClient,
  groupCode: string,
  officer: Officer,
  input: OpenMeetingInput,
): Promise<string> {
  const group = await findGroupFor(prisma, groupCode, officer);
  assertHoldsMeeting(officer);
  const { attendees, meetingDate, ...details } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      const meeting = await tx.groupMeeting.create({
        data: { ...details, meetingDate: new Date(meetingDate), groupCode: group.code, openedBy: officer.username },
      });
      const agenda = await buildAgenda(tx, group.code);
      await tx.groupMeetingItem.createMany({
        data: agenda.map((entry, index) => ({ meetingId: meeting.id, position: index + 1, ...entry })),
      });
      if (attendees) await replaceAttendees(tx, meeting.id, group.code, attendees);
      return meeting.id;
    });
  } catch (error) {
    // The partial unique index of migration 0010: one meeting in preparation per group.
    if (isUniqueViolation(error)) {
      throw new AppError('MEETING_ALREADY_OPEN', `Group ${group.code} already has a meeting that is not closed`);
    }
    throw error;
  }
}

export async function refreshAgenda(prisma: PrismaClient, id: string, officer: Officer): Promise<void> {
  const meeting = await findMeetingFor(prisma, id, officer);
  assertHoldsMeeting(officer);
  await prisma.$transaction(async (tx) => {
    await lockDraft(tx, meeting.id, {});
    await refreshAgendaItems(tx, meeting.id, meeting.groupCode);
  });
}
