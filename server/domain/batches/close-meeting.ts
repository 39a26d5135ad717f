/**
 * Closing a review meeting decides the group vote of every agenda item through the application's own decision
 * Update, exactly once however often (or however concurrently) the close is sent:
 *
 * 1. DRAFT → CLOSING freezes the ballots (saves are refused from then on); a close that finds CLOSING resumes.
 * 2. Per item, the decision is marked on the item (`outcome`, `decidedSeq`) or its refusal (`failureCode`); a
 *    marked item is never sent again.
 * 3. The Updates carry ids derived from meeting and application: a repeated or concurrent Update with the same
 *    id gets the first one's result from Temporal instead of deciding again.
 * 4. A crash between an Update and its marker: before sending, the read model is asked for a group-vote
 *    decision recorded since the close began with this item's tally; one found is taken as this meeting's.
 *    (This also covers a workflow that has completed since, e.g. after a rejection, where the Update id no
 *    longer answers.)
 * 5. When every item is marked, CLOSING → CLOSED.
 */
import type { GroupSnapshot, GroupVoteDecision } from '../../../workflows/definitions.js';
import { isViolation, tallyVote } from '../../../workflows/rules/step-rules.js';
import { decideStep, startStep } from '../applications/act-on-step.js';
import { refSelect } from '../applications/find-application.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import { AppError } from '../errors.js';
import { toProgramSnapshot } from '../programmes.js';
import type { Officer } from '../sessions.js';
import { activeMembers } from './meeting-agenda.js';
import { assertHoldsMeeting, findMeetingFor } from './meeting-scope.js';
import { isoDay, loadMeeting, type MeetingRecord } from './read-meeting.js';
import type { Vote } from './save-meeting.js';
import { sameTally, tallyItem } from './meeting-tally.js';

/** Clocks of the server and of the workflow's worker may differ a little; a decision this early is not ours. */
const CLOCK_SLACK_MS = 60_000;

/** Refusals that are about the item (its rules, its state), as opposed to the service being unreachable. */
function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.code !== 'TEMPORAL_UNAVAILABLE';
}

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

async function markDecided(ctx: ItemContext, itemId: string, tally: GroupVoteDecision, seq: number): Promise<void> {
  const { prisma } = ctx.deps;
  const item = await prisma.groupMeetingItem.findUniqueOrThrow({ where: { id: itemId } });
  const decision = await prisma.stepDecision.findFirst({
    where: { applicationId: item.applicationId, seq, step: 'group-vote' },
  });
  await prisma.groupMeetingItem.update({
    where: { id: itemId },
    data: {
      tally: tallyJson(tally),
      outcome: decision?.outcome ?? null,
      decidedSeq: seq,
      decidedAt: decision?.decidedAt ?? new Date(),
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

/** A group-vote decision recorded since the close began, with this item's tally: this meeting's own. */
async function findOurDecision(ctx: ItemContext, applicationId: string, tally: GroupVoteDecision) {
  const recorded = await ctx.deps.prisma.stepDecision.findMany({
    where: { applicationId, step: 'group-vote', decidedAt: { gte: new Date(ctx.since.getTime() - CLOCK_SLACK_MS) } },
    orderBy: { seq: 'asc' },
  });
  return recorded.find((decision) => sameTally(decision.payload, tally)) ?? null;
}

async function decideItem(
  ctx: ItemContext,
  item: { id: string; applicationId: string },
  tally: GroupVoteDecision,
  group: GroupSnapshot,
): Promise<void> {
  const { prisma } = ctx.deps;
  const ours = await findOurDecision(ctx, item.applicationId, tally);
  if (ours) return markDecided(ctx, item.id, tally, ours.seq);

  const app = await prisma.application.findUniqueOrThrow({
    where: { id: item.applicationId },
    select: { ...refSelect, program: true },
  });
  // The workflow checks the tally again; asking first keeps a failing item from being started for nothing.
  const rules = toProgramSnapshot(app.program).voteRules;
  const checked = tallyVote(tally, rules, group);
  if (isViolation(checked)) return markRefused(ctx, item.id, tally, new AppError(checked.code, checked.message));

  const updateId = `meeting-${ctx.meetingId}-${item.applicationId}`;
  try {
    await startStep(ctx.deps, app, 'group-vote', ctx.officer, { updateId: `${updateId}-start` });
    const result = await decideStep(ctx.deps, app, tally, ctx.officer, { updateId: `${updateId}-decide` });
    await markDecided(ctx, item.id, tally, result.seq);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // A concurrent close may have decided it in the meantime (and the workflow ended since): that is ours.
    const decided = await findOurDecision(ctx, item.applicationId, tally);
    if (decided) return markDecided(ctx, item.id, tally, decided.seq);
    await markRefused(ctx, item.id, tally, error);
  }
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
