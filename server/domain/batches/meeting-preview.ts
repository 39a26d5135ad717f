/**
 * A draft meeting's outcomes before the close, item by item: the tally counted by the close's own code
 * (tallyItem) from the attendance and ballots as they stand on the page, judged by the workflow's own rule
 * (tallyVote) with the programme's quorum and majority. Nothing is recorded; the close counts and judges again.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { AssociationCode } from '../../../workflows/domain.js';
import { eligibleVoters, tallyVote } from '../../../workflows/rules/step-rules.js';
import type { VotePreview } from '../applications/index.js';
import { toProgramSnapshot } from '../programmes.js';
import type { Officer } from '../sessions.js';
import { activeMembers } from './meeting-agenda.js';
import { findMeetingFor } from './meeting-scope.js';
import { tallyItem } from './meeting-tally.js';
import { isoDay } from './read-meeting.js';
import type { BallotInput } from './save-meeting.js';

export interface MeetingDraft {
  attendees: readonly string[];
  ballots: readonly BallotInput[];
}

/** The outcome of each agenda item by item id, for an officer whose scope covers the group (404 otherwise). */
export async function previewMeeting(
  prisma: PrismaClient,
  id: string,
  officer: Officer,
  draft: MeetingDraft,
): Promise<Map<string, VotePreview>> {
  const found = await findMeetingFor(prisma, id, officer);
  const [meeting, members] = await Promise.all([
    prisma.groupMeeting.findUniqueOrThrow({
      where: { id: found.id },
      include: {
        group: true,
        items: {
          orderBy: { position: 'asc' },
          include: { application: { select: { borrowerCitizenId: true, program: true } } },
        },
      },
    }),
    activeMembers(prisma, found.groupCode),
  ]);
  const memberIds = new Set(members.map((m) => m.id));
  const present = new Set(draft.attendees.filter((memberId) => memberIds.has(memberId)));
  const previews = new Map<string, VotePreview>();
  for (const item of meeting.items) {
    // What the save would refuse (absent, recused) is not counted: the page shows the refusal beside it.
    const ballots = draft.ballots.filter(
      (b) =>
        b.applicationId === item.applicationId &&
        present.has(b.memberId) &&
        !item.recusedMemberIds.includes(b.memberId),
    );
    const { tally, group } = tallyItem({
      meetingDate: isoDay(meeting.meetingDate),
      group: {
        code: meeting.group.code,
        wardCode: meeting.group.wardCode,
        associationCode: meeting.group.associationCode as AssociationCode,
      },
      members,
      present,
      borrowerCitizenId: item.application.borrowerCitizenId,
      ballots,
    });
    const rules = toProgramSnapshot(item.application.program).voteRules;
    previews.set(item.id, {
      tally,
      result: tallyVote(tally, rules, group),
      rules,
      membership: { memberCount: group.memberCount, borrowerIsMember: group.borrowerIsMember },
      voters: eligibleVoters(tally),
    });
  }
  return previews;
}
