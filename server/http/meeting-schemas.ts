/** The review meeting's payloads (bình xét, minutes 10C/TD, list 03/TD), beside schemas.ts. */
import { z } from 'zod';
import { VOTES } from '../domain/batches/index.js';
import { IsoDate, line } from './schemas.js';

const MemberId = z.uuid();
const ApplicationId = z.uuid();

export const GroupParams = z.object({ group: line(40) });
export const MeetingParams = z.object({ id: line(100) });

/** The meeting's own details, as the leader types them: one shape for the open and the draft's save. */
export const MeetingDetailsBody = z.strictObject({
  meetingDate: IsoDate,
  place: line(200),
  associationOfficerName: line(200),
  villageHeadName: line(200),
});

/** The members present, chosen from the group's current members: the whole list. */
const Attendees = z.array(MemberId).max(200);

export const OpenMeetingBody = MeetingDetailsBody.extend({ attendees: Attendees.optional() });

const Vote = z.enum(VOTES);
export const Ballot = z.strictObject({ applicationId: ApplicationId, memberId: MemberId, vote: Vote });

/** A draft save: the fields given replace the stored ones; `ballots` is the whole set of ballots cast. */
export const SaveMeetingBody = MeetingDetailsBody.partial().extend({
  attendees: Attendees.optional(),
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

/** What every view of an agenda item says about it: the household's request and what the meeting made of it. */
const ItemFacts = z.object({
  position: z.number().int(),
  applicationCode: z.string(),
  borrowerName: z.string(),
  amount: z.number(),
  purpose: z.string(),
  termMonths: z.number().int(),
  tally: Tally,
  outcome: Outcome,
  failure: Failure,
});

const BallotView = z.object({ memberId: z.string(), fullName: z.string(), vote: Vote });

const MeetingItemView = ItemFacts.extend({
  id: z.string(),
  applicationId: z.string(),
  householdCategory: z.string(),
  programCode: z.string(),
  recused: z.array(BallotView.pick({ memberId: true, fullName: true })),
  ballots: z.array(BallotView),
});

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
  items: z.array(MeetingItemView),
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
    ItemFacts.extend({
      recused: z.array(z.string()),
      ballots: z.array(BallotView.pick({ fullName: true, vote: true })),
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
    MeetingItemView.pick({
      applicationCode: true,
      borrowerName: true,
      householdCategory: true,
      programCode: true,
      amount: true,
      purpose: true,
      termMonths: true,
    }).extend({ no: z.number().int() }),
  ),
  total: z.object({ households: z.number().int(), amount: z.number() }),
  notProposed: z.array(
    ItemFacts.pick({ applicationCode: true, borrowerName: true }).extend({
      outcome: z.literal('reject').nullable(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
});
