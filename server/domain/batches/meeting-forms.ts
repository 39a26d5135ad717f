/**
 * What a closed meeting produces, as data: minutes 10C/TD (the meeting, who attended, each household discussed
 * with its ballots and result) and list 03/TD (the households the group proposes for a loan, and those it does
 * not, with why). The PDFs are drawn from these.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import { findMeetingFor } from './meeting-scope.js';
import { loadMeeting, type MeetingItem, type MeetingRecord } from './read-meeting.js';

export interface MinutesItem {
  position: number;
  applicationCode: string;
  borrowerName: string;
  amount: number;
  purpose: string;
  termMonths: number;
  recused: string[];
  ballots: { fullName: string; vote: string }[];
  tally: MeetingItem['tally'];
  outcome: 'approve' | 'reject' | null;
  failure: { code: string; message: string } | null;
}

export interface Minutes {
  form: '10C/TD';
  meetingId: string;
  group: MeetingRecord['group'];
  chair: string | null;
  meetingDate: string;
  place: string;
  associationOfficerName: string;
  villageHeadName: string;
  membersTotal: number;
  attendees: string[];
  absent: string[];
  items: MinutesItem[];
  closedBy: string | null;
  closedAt: string | null;
}

export interface ProposedRow {
  no: number;
  applicationCode: string;
  borrowerName: string;
  householdCategory: string;
  programCode: string;
  amount: number;
  purpose: string;
  termMonths: number;
}

export interface NotProposedRow {
  applicationCode: string;
  borrowerName: string;
  /** `reject` when the vote went against; null when no decision was recorded (see `code`). */
  outcome: 'reject' | null;
  code: string;
  reason: string;
}

export interface List03 {
  form: '03/TD';
  meetingId: string;
  group: MeetingRecord['group'];
  leader: string | null;
  meetingDate: string;
  rows: ProposedRow[];
  total: { households: number; amount: number };
  notProposed: NotProposedRow[];
}

async function closedMeeting(prisma: PrismaClient, id: string, officer: Officer): Promise<MeetingRecord> {
  const found = await findMeetingFor(prisma, id, officer);
  const meeting = await loadMeeting(prisma, found.id);
  if (meeting.status !== 'CLOSED') {
    throw new AppError('MEETING_NOT_CLOSED', 'The minutes and list 03/TD exist once the meeting is closed');
  }
  return meeting;
}

async function leaderOf(prisma: PrismaClient, groupCode: string): Promise<string | null> {
  const leader = await prisma.groupMember.findFirst({ where: { groupCode, role: 'LEADER', leftOn: null } });
  return leader?.fullName ?? null;
}

export function toMinutes(meeting: MeetingRecord, chair: string | null): Minutes {
  return {
    form: '10C/TD',
    meetingId: meeting.id,
    group: meeting.group,
    chair,
    meetingDate: meeting.meetingDate,
    place: meeting.place,
    associationOfficerName: meeting.associationOfficerName,
    villageHeadName: meeting.villageHeadName,
    membersTotal: meeting.members.length,
    attendees: meeting.members.filter((m) => m.present).map((m) => m.fullName),
    absent: meeting.members.filter((m) => !m.present).map((m) => m.fullName),
    items: meeting.items.map((item) => ({
      position: item.position,
      applicationCode: item.applicationCode,
      borrowerName: item.borrowerName,
      amount: item.amount,
      purpose: item.purpose,
      termMonths: item.termMonths,
      recused: item.recused.map((r) => r.fullName),
      ballots: item.ballots.map(({ fullName, vote }) => ({ fullName, vote })),
      tally: item.tally,
      outcome: item.outcome,
      failure: item.failure,
    })),
    closedBy: meeting.closedBy,
    closedAt: meeting.closedAt,
  };
}

function whyNot(item: MeetingItem): NotProposedRow {
  const base = { applicationCode: item.applicationCode, borrowerName: item.borrowerName };
  if (item.outcome === 'reject' && item.tally) {
    const { votesFor, membersPresent, applicantPresent } = item.tally;
    const voters = membersPresent - (applicantPresent ? 1 : 0);
    return {
      ...base,
      outcome: 'reject',
      code: 'VOTE_REJECTED',
      reason: `${votesFor} of ${voters} votes for: no majority`,
    };
  }
  return { ...base, outcome: null, code: item.failure?.code ?? 'NOT_DECIDED', reason: item.failure?.message ?? '' };
}

export function toList03(meeting: MeetingRecord, leader: string | null): List03 {
  const proposed = meeting.items.filter((item) => item.outcome === 'approve');
  const rows = proposed.map((item, index) => ({
    no: index + 1,
    applicationCode: item.applicationCode,
    borrowerName: item.borrowerName,
    householdCategory: item.householdCategory,
    programCode: item.programCode,
    amount: item.amount,
    purpose: item.purpose,
    termMonths: item.termMonths,
  }));
  return {
    form: '03/TD',
    meetingId: meeting.id,
    group: meeting.group,
    leader,
    meetingDate: meeting.meetingDate,
    rows,
    total: { households: rows.length, amount: rows.reduce((sum, row) => sum + row.amount, 0) },
    notProposed: meeting.items.filter((item) => item.outcome !== 'approve').map(whyNot),
  };
}

export async function readMinutes(prisma: PrismaClient, id: string, officer: Officer): Promise<Minutes> {
  const meeting = await closedMeeting(prisma, id, officer);
  return toMinutes(meeting, await leaderOf(prisma, meeting.group.code));
}

export async function readList03(prisma: PrismaClient, id: string, officer: Officer): Promise<List03> {
  const meeting = await closedMeeting(prisma, id, officer);
  return toList03(meeting, await leaderOf(prisma, meeting.group.code));
}
