/** The review meeting's payloads (bình xét, minutes 10C/TD, list 03/TD), beside schemas.ts. */
import { z } from 'zod';
import { VOTES } from '../domain/batches/index.js';
import { IsoDate, line } from './schemas.js';

const MemberId = z.uuid();
const ApplicationId = z.uuid();

export const GroupParams = z.object({ group: line(40) });
export const MeetingParams = z.object({ id: line(100) });

const details = {
  meetingDate: IsoDate,
  place: line(200),
  associationOfficerName: line(200),
  villageHeadName: line(200),
};

export const OpenMeetingBody = z.strictObject({
  ...details,
  attendees: z.array(MemberId).max(200).optional(),
});

export const Ballot = z.strictObject({ applicationId: ApplicationId, memberId: MemberId, vote: z.enum(VOTES) });

/** A draft save: the fields given replace the stored ones; `ballots` is the whole set of ballots cast. */
export const SaveMeetingBody = z.strictObject({
  meetingDate: IsoDate.optional(),
  place: line(200).optional(),
  associationOfficerName: line(200).optional(),
  villageHeadName: line(200).optional(),
  attendees: z.array(MemberId).max(200).optional(),
  ballots: z.array(Ballot).max(10_000).optional(),
});

const MeetingStatus = z.enum(['DRAFT', 'CLOSING', 'CLOSED']);
const Outcome = z.enum(['approve', 'reject']).nullable();
const Failure = z.object({ code: z.string(), message: z.string() }).nullable();
const Group = z.object({
  code: z.string(),
  name: z.string(),
  village: z.string(),
  wardCode: z.string(),
  wardName: z.string(),
  associationCode: z.string(),
});
const Tally = z
  .object({
    meetingDate: z.string(),
    membersTotal: z.number().int(),
    membersPresent: z.number().int(),
    votesFor: z.number().int(),
    votesAgainst: z.number().int(),
    abstentions: z.number().int(),
    applicantPresent: z.boolean().optional(),
  })
  .nullable();

export const MeetingView = z.object({
  id: z.string(),
  status: MeetingStatus,
  group: Group,
  meetingDate: z.string(),
  place: z.string(),
  associationOfficerName: z.string(),
  villageHeadName: z.string(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  members: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string(), present: z.boolean() })),
  items: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      applicationId: z.string(),
      applicationCode: z.string(),
      borrowerName: z.string(),
      householdCategory: z.string(),
      programCode: z.string(),
      amount: z.number(),
      purpose: z.string(),
      termMonths: z.number().int(),
      recused: z.array(z.object({ memberId: z.string(), fullName: z.string() })),
      ballots: z.array(z.object({ memberId: z.string(), fullName: z.string(), vote: z.enum(VOTES) })),
      tally: Tally,
      outcome: Outcome,
      failure: Failure,
    }),
  ),
});

export const MeetingSummaryView = z.object({
  id: z.string(),
  status: MeetingStatus,
  meetingDate: z.string(),
  place: z.string(),
  items: z.number().int(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
});

export const MinutesView = z.object({
  form: z.literal('10C/TD'),
  meetingId: z.string(),
  group: Group,
  chair: z.string().nullable(),
  meetingDate: z.string(),
  place: z.string(),
  associationOfficerName: z.string(),
  villageHeadName: z.string(),
  membersTotal: z.number().int(),
  attendees: z.array(z.string()),
  absent: z.array(z.string()),
  items: z.array(
    z.object({
      position: z.number().int(),
      applicationCode: z.string(),
      borrowerName: z.string(),
      amount: z.number(),
      purpose: z.string(),
      termMonths: z.number().int(),
      recused: z.array(z.string()),
      ballots: z.array(z.object({ fullName: z.string(), vote: z.string() })),
      tally: Tally,
      outcome: Outcome,
      failure: Failure,
    }),
  ),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const List03View = z.object({
  form: z.literal('03/TD'),
  meetingId: z.string(),
  group: Group,
  leader: z.string().nullable(),
  meetingDate: z.string(),
  rows: z.array(
    z.object({
      no: z.number().int(),
      applicationCode: z.string(),
      borrowerName: z.string(),
      householdCategory: z.string(),
      programCode: z.string(),
      amount: z.number(),
      purpose: z.string(),
      termMonths: z.number().int(),
    }),
  ),
  total: z.object({ households: z.number().int(), amount: z.number() }),
  notProposed: z.array(
    z.object({
      applicationCode: z.string(),
      borrowerName: z.string(),
      outcome: z.literal('reject').nullable(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
});
