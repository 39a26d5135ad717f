/**
 * Closing a review meeting decides the group vote of every agenda item through the application's own decision
 * Update, exactly once however often (or however concurrently) the close is sent:
 *
 * 1. DRAFT → CLOSING freezes the ballots (saves are refused from then on); a close that finds CLOSING resumes.
 * 2. Per item, the decision is marked on the item (`outcome`, `decidedSeq`) or its refusal (`failureCode`); a
 *    marked item is never sent again.
 * 3. The Updates carry ids derived from meeting and application: a repeated or concurrent Update with the same
 *    id gets the first one's result from Temporal instead of deciding again.
 * 4. A crash between an Update and its marker: before sending, the audit trail is asked for a group-vote
 *    decision recorded since the close began with this item's tally; one found is taken as this meeting's.
 *    (This also covers a workflow that has completed since, e.g. after a rejection, where the Update id no
 *    longer answers.) Steps 3 and 4 are decide-once.ts, shared with the batches.
 * 5. When every item is marked, CLOSING → CLOSED.
 */
import type { GroupSnapshot, GroupVoteDecision } from '../../../workflows/definitions.js';
import { isViolation, tallyVote } from '../../../workflows/rules/step-rules.js';
import { refSelect } from '../applications/find-application.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import { AppError } from '../errors.js';
import { toProgramSnapshot } from '../programmes.js';
import type { Officer } from '../sessions.js';
import { decideOnce, findOurDecision, type OnceOptions, type RecordedDecision } from './decide-once.js';
import { activeMembers } from './meeting-agenda.js';
import { assertHoldsMeeting, findMeetingFor } from './meeting-scope.js';
import { isoDay, loadMeeting, type MeetingRecord } from './read-meeting.js';
import type { Vote } from './save-meeting.js';
import { sameTally, tallyItem } from './meeting-tally.js';

interface ItemContext {
  deps: WorkflowDeps;
  officer: Officer;
  meetingId: string;
  since: Date;
}

type TallyJson = Omit<GroupVoteDecision, 'step' | 'reason'>;

function tallyJson({ step: _step, reason: _reason, ...rest }: GroupVoteDecision): TallyJson {
  return rest;
}

async function markDecided(ctx: ItemContext, itemId: string, tally: GroupVoteDecision, decision: RecordedDecision) {
  await ctx.deps.prisma.groupMeetingItem.update({
    where: { id: itemId },
    data: {
      tally: tallyJson(tally),
      outcome: decision.outcome,
      decidedSeq: decision.seq,
      decidedAt: decision.at,
      failureCode: null,
      failureMessage: null,
    },
  });
}

/** Never over a decision another close has marked. */
async function markRefused(ctx: ItemContext, itemId: string, tally: GroupVoteDecision, error: AppError) {
  await ctx.deps.prisma.groupMeetingItem.updateMany({
    where: { id: itemId, decidedSeq: null },
    data: { tally: tallyJson(tally), failureCode: error.code, failureMessage: error.message },
  });
}

async function decideItem(
  ctx: ItemContext,
  item: { id: string; applicationId: string },
  tally: GroupVoteDecision,
  group: GroupSnapshot,
): Promise<void> {
  const { prisma } = ctx.deps;
  const app = await prisma.application.findUniqueOrThrow({
    where: { id: item.applicationId },
    select: { ...refSelect, program: true },
  });
  const options: OnceOptions = {
    updateId: `meeting-${ctx.meetingId}-${item.applicationId}`,
    since: ctx.since,
    // A group-vote decision recorded since the close began, with this item's tally: this meeting's own.
    isOurs: (decision) => decision.type === 'STEP_DECIDED' && sameTally(decision.payload, tally),
  };
  const ours = await findOurDecision(ctx.deps, app, 'group-vote', options);
  if (ours) return markDecided(ctx, item.id, tally, ours);

  // The workflow checks the tally again; asking first keeps a failing item from being started for nothing.
  const rules = toProgramSnapshot(app.program).voteRules;
  const checked = tallyVote(tally, rules, group);
  if (isViolation(checked)) return markRefused(ctx, item.id, tally, new AppError(checked.code, checked.message));

  const result = await decideOnce(ctx.deps, app, tally, ctx.officer, options);
  if (result.decided) return markDecided(ctx, item.id, tally, result.decision);
  return markRefused(ctx, item.id, tally, result.error);
}

export async function closeMeeting(deps: WorkflowDeps, id: string, officer: Officer): Promise<MeetingRecord> {
  const { prisma } = deps;
  const found = await findMeetingFor(prisma, id, officer);
  assertHoldsMeeting(officer);
  await prisma.groupMeeting.updateMany({
    where: { id: found.id, status: 'DRAFT' },
    data: { status: 'CLOSING', closedBy: officer.username, closeRequestedAt: new Date() },
  });
  const meeting = await prisma.groupMeeting.findUniqueOrThrow({
    where: { id: found.id },
    include: { group: true, attendees: true, items: { orderBy: { position: 'asc' }, include: { ballots: true } } },
  });
  if (meeting.status === 'CLOSED') return loadMeeting(prisma, meeting.id);

  const members = await activeMembers(prisma, meeting.groupCode);
  const present = new Set(meeting.attendees.map((a) => a.memberId));
  const ctx: ItemContext = { deps, officer, meetingId: meeting.id, since: meeting.closeRequestedAt ?? new Date() };
  for (const item of meeting.items) {
    if (item.outcome !== null || item.failureCode !== null) continue;
    const app = await prisma.application.findUniqueOrThrow({
      where: { id: item.applicationId },
      select: { borrowerCitizenId: true },
    });
    const { tally, group } = tallyItem({
      meetingDate: isoDay(meeting.meetingDate),
      group: {
        code: meeting.group.code,
        wardCode: meeting.group.wardCode,
        associationCode: meeting.group.associationCode as GroupSnapshot['associationCode'],
      },
      members,
      present,
      borrowerCitizenId: app.borrowerCitizenId,
      ballots: item.ballots.map((b) => ({ memberId: b.memberId, vote: b.vote as Vote })),
    });
    await decideItem(ctx, item, tally, group);
  }
  await prisma.groupMeeting.updateMany({
    where: { id: meeting.id, status: 'CLOSING' },
    data: { status: 'CLOSED', closedAt: new Date() },
  });
  return loadMeeting(prisma, meeting.id);
}
