/**
 * Saving a meeting's draft: its details, the members present and the ballots. Every save takes the meeting's
 * row lock through a conditional update while it is a draft, so a close (which moves it out of DRAFT the same
 * way) waits for a save in flight and then sees its ballots, and a save after a close is refused.
 */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import { activeMembers } from './meeting-agenda.js';
import { assertHoldsMeeting, findMeetingFor } from './meeting-scope.js';
import type { MeetingDetails } from './open-meeting.js';

export const VOTES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type Vote = (typeof VOTES)[number];

export interface BallotInput {
  applicationId: string;
  memberId: string;
  vote: Vote;
}

export interface SaveMeetingInput extends Partial<MeetingDetails> {
  attendees?: string[] | undefined;
  /** The whole set of ballots: what is not listed is not cast. */
  ballots?: BallotInput[] | undefined;
}

export async function lockDraft(
  tx: Prisma.TransactionClient,
  id: string,
  data: Prisma.GroupMeetingUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.groupMeeting.updateMany({
    where: { id, status: 'DRAFT' },
    data: { ...data, updatedAt: new Date() },
  });
  if (count === 0) throw new AppError('MEETING_CLOSED', 'The meeting is closed (or being closed) and cannot be edited');
}

export async function replaceAttendees(
  tx: Prisma.TransactionClient,
  meetingId: string,
  groupCode: string,
  attendees: string[],
): Promise<void> {
  const members = new Set((await activeMembers(tx, groupCode)).map((m) => m.id));
  const stranger = attendees.findIndex((id) => !members.has(id));
  if (stranger >= 0) {
    throw new AppError('NOT_A_MEMBER', `Attendee ${attendees[stranger]} is not a member of group ${groupCode}`, [
      { path: `attendees.${stranger}`, message: 'not a member of the group' },
    ]);
  }
  const unique = [...new Set(attendees)];
  await tx.groupMeetingAttendee.deleteMany({ where: { meetingId, memberId: { notIn: unique } } });
  await tx.groupMeetingAttendee.createMany({
    data: unique.map((memberId) => ({ meetingId, memberId })),
    skipDuplicates: true,
  });
  // A member no longer present casts no ballot.
  await tx.groupMeetingBallot.deleteMany({ where: { item: { meetingId }, memberId: { notIn: unique } } });
}

async function replaceBallots(tx: Prisma.TransactionClient, meetingId: string, ballots: BallotInput[]): Promise<void> {
  const [items, attendees] = await Promise.all([
    tx.groupMeetingItem.findMany({ where: { meetingId } }),
    tx.groupMeetingAttendee.findMany({ where: { meetingId } }),
  ]);
  const byApplication = new Map(items.map((item) => [item.applicationId, item]));
  const present = new Set(attendees.map((a) => a.memberId));
  const seen = new Set<string>();
  const rows = ballots.map((ballot, index) => {
    const at = (field: string, message: string) => [{ path: `ballots.${index}.${field}`, message }];
    const item = byApplication.get(ballot.applicationId);
    if (!item) {
      throw new AppError(
        'NOT_ON_AGENDA',
        `Application ${ballot.applicationId} is not on the agenda`,
        at('applicationId', 'not on the agenda'),
      );
    }
    if (item.recusedMemberIds.includes(ballot.memberId)) {
      throw new AppError(
        'MEMBER_RECUSED',
        'The applicant and the members of their household are recused and cast no ballot on the application',
        at('memberId', 'recused from this application'),
      );
    }
    if (!present.has(ballot.memberId)) {
      throw new AppError(
        'MEMBER_NOT_PRESENT',
        `Member ${ballot.memberId} is not present`,
        at('memberId', 'not present'),
      );
    }
    const key = `${item.id}/${ballot.memberId}`;
    if (seen.has(key)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'One ballot per member per application',
        at('memberId', 'ballot repeated'),
      );
    }
    seen.add(key);
    return { itemId: item.id, memberId: ballot.memberId, vote: ballot.vote };
  });
  await tx.groupMeetingBallot.deleteMany({ where: { item: { meetingId } } });
  await tx.groupMeetingBallot.createMany({ data: rows });
}

export async function saveMeeting(
  prisma: PrismaClient,
  id: string,
  officer: Officer,
  input: SaveMeetingInput,
): Promise<void> {
  const meeting = await findMeetingFor(prisma, id, officer);
  assertHoldsMeeting(officer);
  const { attendees, ballots, meetingDate, ...details } = input;
  await prisma.$transaction(async (tx) => {
    await lockDraft(tx, meeting.id, { ...details, ...(meetingDate ? { meetingDate: new Date(meetingDate) } : {}) });
    if (attendees) await replaceAttendees(tx, meeting.id, meeting.groupCode, attendees);
    if (ballots) await replaceBallots(tx, meeting.id, ballots);
  });
}
