/**
 * The group vote's outcome before it is recorded, by the workflow's own rule (tallyVote) over the same facts the
 * workflow was given at submission: the programme version's vote rules, the group's member count and whether the
 * borrower is a member (their own vote never counts).
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { AssociationCode, VoteRules } from '../../../workflows/domain.js';
import { eligibleVoters, tallyVote, type VoteResult, type VoteTally } from '../../../workflows/rules/step-rules.js';
import { toProgramSnapshot } from '../programmes.js';
import type { Officer } from '../sessions.js';
import { findApplication } from './find-application.js';

export type { VoteTally } from '../../../workflows/rules/step-rules.js';

export interface GroupMembership {
  memberCount: number;
  borrowerIsMember: boolean;
}

/** The group's current members and whether the borrower is one of them: what a workflow's GroupSnapshot holds. */
export async function readGroupMembership(
  prisma: PrismaClient,
  groupCode: string,
  citizenId: string,
): Promise<GroupMembership> {
  const [memberCount, membership] = await Promise.all([
    prisma.groupMember.count({ where: { groupCode, leftOn: null } }),
    prisma.groupMember.findFirst({ where: { groupCode, citizenId, leftOn: null }, select: { id: true } }),
  ]);
  return { memberCount, borrowerIsMember: membership !== null };
}

export interface VotePreview {
  tally: VoteTally;
  result: VoteResult;
  rules: VoteRules;
  membership: GroupMembership;
  /** The members present who may vote: the applicant never votes on their own application. */
  voters: number;
}

/** The outcome a tally would give on this application, for an officer who may see it (404 otherwise). */
export async function previewVote(
  prisma: PrismaClient,
  code: string,
  officer: Officer,
  tally: VoteTally,
): Promise<VotePreview> {
  const ref = await findApplication(prisma, code, officer);
  const row = await prisma.application.findUniqueOrThrow({ where: { id: ref.id }, include: { program: true } });
  const membership = await readGroupMembership(prisma, row.groupCode, row.borrowerCitizenId);
  const rules = toProgramSnapshot(row.program).voteRules;
  const group = {
    code: row.groupCode,
    wardCode: row.wardCode,
    associationCode: row.associationCode as AssociationCode,
    ...membership,
  };
  return { tally, result: tallyVote(tally, rules, group), rules, membership, voters: eligibleVoters(tally) };
}
