/**
 * The tally of one agenda item, counted from the ballots: never typed. Pure, so unit tests import it.
 *
 * Who counts: a member present counts towards the item's quorum by casting a ballot on it (for, against or
 * abstain); a member present who casts none took no part in it. The applicant, when present, counts towards
 * the quorum but casts no vote (the workflow's rule, `applicantPresent`). The other recused members of the
 * applicant's household cast no ballot and are left out of the item's count altogether: the workflow's tally
 * knows only the applicant's own exclusion, and counting them present would make their silence a vote against.
 */
import type { GroupSnapshot, GroupVoteDecision } from '../../../workflows/definitions.js';
import type { Vote } from './save-meeting.js';

export interface TallyInput {
  meetingDate: string;
  membersTotal: number;
  /** The applicant's own membership, when they are a member of the group. */
  applicantMemberId: string | null;
  present: ReadonlySet<string>;
  ballots: readonly { memberId: string; vote: Vote }[];
}

export function tallyFromBallots(input: TallyInput): GroupVoteDecision {
  const count = (vote: Vote) => input.ballots.filter((b) => b.vote === vote).length;
  const applicantPresent = input.applicantMemberId !== null && input.present.has(input.applicantMemberId);
  return {
    step: 'group-vote',
    meetingDate: input.meetingDate,
    membersTotal: input.membersTotal,
    membersPresent: input.ballots.length + (applicantPresent ? 1 : 0),
    votesFor: count('FOR'),
    votesAgainst: count('AGAINST'),
    abstentions: count('ABSTAIN'),
    applicantPresent,
  };
}

export interface ItemTallyInput {
  meetingDate: string;
  group: Pick<GroupSnapshot, 'code' | 'wardCode' | 'associationCode'>;
  /** The group's current members: the count, and who among them is the applicant. */
  members: readonly { id: string; citizenId: string }[];
  present: ReadonlySet<string>;
  borrowerCitizenId: string;
  ballots: readonly { memberId: string; vote: Vote }[];
}

/**
 * One agenda item's tally and the group facts the vote rule judges it against: what the close sends to the
 * workflow, and what the meeting page shows live before the close.
 */
export function tallyItem(input: ItemTallyInput): { tally: GroupVoteDecision; group: GroupSnapshot } {
  const applicant = input.members.find((m) => m.citizenId === input.borrowerCitizenId) ?? null;
  const tally = tallyFromBallots({
    meetingDate: input.meetingDate,
    membersTotal: input.members.length,
    applicantMemberId: applicant?.id ?? null,
    present: input.present,
    ballots: input.ballots,
  });
  return { tally, group: { ...input.group, memberCount: input.members.length, borrowerIsMember: applicant !== null } };
}

/** Whether a recorded group-vote decision carries exactly this tally (how a close finds its own decision). */
export function sameTally(payload: unknown, tally: GroupVoteDecision): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const recorded = payload as Record<string, unknown>;
  const fields = ['meetingDate', 'membersTotal', 'membersPresent', 'votesFor', 'votesAgainst', 'abstentions'] as const;
  return fields.every((field) => recorded[field] === tally[field]);
}
