/** A review meeting as the API and the pages show it: details, members present, agenda with ballots and results. */
import type { GroupVoteDecision } from '../../../workflows/definitions.js';
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { notFound } from '../errors.js';
import type { Officer } from '../sessions.js';
import { activeMembers } from './meeting-agenda.js';
import { groupsReadableBy } from '../access.js';
import { findGroupFor, findMeetingFor } from './meeting-scope.js';
import type { Vote } from './save-meeting.js';

export type MeetingStatus = 'DRAFT' | 'CLOSING' | 'CLOSED';

export interface MeetingMember {
  id: string;
  fullName: string;
  role: string;
  present: boolean;
}

export interface MeetingItem {
  id: string;
  position: number;
  applicationId: string;
  applicationCode: string;
  borrowerName: string;
  householdCategory: string;
  programCode: string;
  amount: number;
  purpose: string;
  termMonths: number;
  recused: { memberId: string; fullName: string }[];
  ballots: { memberId: string; fullName: string; vote: Vote }[];
  tally: Omit<GroupVoteDecision, 'step' | 'reason'> | null;
  outcome: 'approve' | 'reject' | null;
  failure: { code: string; message: string } | null;
}

export interface MeetingRecord {
  id: string;
  status: MeetingStatus;
  group: { code: string; name: string; village: string; wardCode: string; wardName: string; associationCode: string };
  meetingDate: string;
  place: string;
  associationOfficerName: string;
  villageHeadName: string;
  openedBy: string;
  openedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  members: MeetingMember[];
  items: MeetingItem[];
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const meetingInclude = {
  group: { include: { ward: true } },
  attendees: true,
  items: {
    orderBy: { position: 'asc' },
    include: {
      ballots: true,
      application: {
        select: {
          code: true,
          borrowerName: true,
          householdCategory: true,
          programCode: true,
          amountRequested: true,
          purpose: true,
          termMonths: true,
        },
      },
    },
  },
} satisfies Prisma.GroupMeetingInclude;

type MeetingRow = Prisma.GroupMeetingGetPayload<{ include: typeof meetingInclude }>;

function toItem(item: MeetingRow['items'][number], names: Map<string, string>): MeetingItem {
  const name = (id: string) => names.get(id) ?? '';
  const { application: app } = item;
  return {
    id: item.id,
    position: item.position,
    applicationId: item.applicationId,
    applicationCode: app.code,
    borrowerName: app.borrowerName,
    householdCategory: app.householdCategory,
    programCode: app.programCode,
    amount: Number(app.amountRequested),
    purpose: app.purpose,
    termMonths: app.termMonths,
    recused: item.recusedMemberIds.map((memberId) => ({ memberId, fullName: name(memberId) })),
    ballots: item.ballots
      .map((b) => ({ memberId: b.memberId, fullName: name(b.memberId), vote: b.vote as Vote }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    tally: item.tally as MeetingItem['tally'],
    outcome: item.outcome as MeetingItem['outcome'],
    failure: item.failureCode ? { code: item.failureCode, message: item.failureMessage ?? '' } : null,
  };
}

export async function loadMeeting(prisma: PrismaClient, id: string): Promise<MeetingRecord> {
  const row = await prisma.groupMeeting.findUnique({ where: { id }, include: meetingInclude });
  if (!row) throw notFound('Meeting');
  const present = new Set(row.attendees.map((a) => a.memberId));
  const members = await activeMembers(prisma, row.groupCode);
  // Members who have left since still show by name on the meeting they attended.
  const names = new Map(members.map((m) => [m.id, m.fullName]));
  const missing = [...present, ...row.items.flatMap((i) => i.recusedMemberIds)].filter((id) => !names.has(id));
  if (missing.length > 0) {
    for (const m of await prisma.groupMember.findMany({ where: { id: { in: missing } } })) names.set(m.id, m.fullName);
  }
  return {
    id: row.id,
    status: row.status as MeetingStatus,
    group: {
      code: row.group.code,
      name: row.group.name,
      village: row.group.village,
      wardCode: row.group.wardCode,
      wardName: row.group.ward.name,
      associationCode: row.group.associationCode,
    },
    meetingDate: isoDay(row.meetingDate),
    place: row.place,
    associationOfficerName: row.associationOfficerName,
    villageHeadName: row.villageHeadName,
    openedBy: row.openedBy,
    openedAt: row.openedAt.toISOString(),
    closedBy: row.closedBy,
    closedAt: row.closedAt?.toISOString() ?? null,
    members: members.map((m) => ({ id: m.id, fullName: m.fullName, role: m.role, present: present.has(m.id) })),
    items: row.items.map((item) => toItem(item, names)),
  };
}

export async function readMeeting(prisma: PrismaClient, id: string, officer: Officer): Promise<MeetingRecord> {
  const meeting = await findMeetingFor(prisma, id, officer);
  return loadMeeting(prisma, meeting.id);
}

export interface MeetingSummary {
  id: string;
  status: MeetingStatus;
  meetingDate: string;
  place: string;
  items: number;
  openedBy: string;
  closedAt: string | null;
}

/** A group's meetings, newest first. */
export async function listMeetings(
  prisma: PrismaClient,
  groupCode: string,
  officer: Officer,
): Promise<MeetingSummary[]> {
  const group = await findGroupFor(prisma, groupCode, officer);
  const rows = await prisma.groupMeeting.findMany({
    where: { groupCode: group.code, group: groupsReadableBy(officer) },
    orderBy: [{ meetingDate: 'desc' }, { openedAt: 'desc' }],
    include: { _count: { select: { items: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status as MeetingStatus,
    meetingDate: isoDay(row.meetingDate),
    place: row.place,
    items: row._count.items,
    openedBy: row.openedBy,
    closedAt: row.closedAt?.toISOString() ?? null,
  }));
}
