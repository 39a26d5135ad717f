/**
 * The agenda of a review meeting: the group's applications waiting at the group vote, each with the members
 * recused from it (the applicant and the members of the applicant's household who are group members).
 */
import type { Prisma } from '../../../prisma/generated/client.js';

export interface AgendaEntry {
  applicationId: string;
  recusedMemberIds: string[];
}

/** The group's active members: those the meeting chooses attendees from and the tally counts. */
export function activeMembers(tx: Prisma.TransactionClient, groupCode: string) {
  return tx.groupMember.findMany({
    where: { groupCode, leftOn: null },
    orderBy: [{ joinedOn: 'asc' }, { fullName: 'asc' }, { id: 'asc' }],
  });
}

/** The group's applications waiting at the group vote: a meeting's agenda. */
export const waitingAtVote = (groupCode: string) =>
  ({ groupCode, status: 'IN_PROGRESS', currentStep: 'group-vote' }) satisfies Prisma.ApplicationWhereInput;

export async function buildAgenda(tx: Prisma.TransactionClient, groupCode: string): Promise<AgendaEntry[]> {
  const [applications, members] = await Promise.all([
    tx.application.findMany({
      where: waitingAtVote(groupCode),
      orderBy: [{ submittedAt: 'asc' }, { code: 'asc' }],
      select: {
        id: true,
        borrowerCitizenId: true,
        household: { select: { headCitizenId: true, members: { select: { citizenId: true } } } },
      },
    }),
    activeMembers(tx, groupCode),
  ]);
  return applications.map((app) => {
    const household = new Set<string>([app.borrowerCitizenId, app.household.headCitizenId]);
    for (const member of app.household.members) if (member.citizenId) household.add(member.citizenId);
    return {
      applicationId: app.id,
      recusedMemberIds: members.filter((m) => household.has(m.citizenId)).map((m) => m.id),
    };
  });
}

/**
 * Brings a draft's agenda up to date: new waiting applications are added at the end, those no longer waiting
 * are dropped with their ballots, and recusals are computed again (a newly recused member's ballot is dropped).
 */
export async function refreshAgendaItems(tx: Prisma.TransactionClient, meetingId: string, groupCode: string) {
  const agenda = await buildAgenda(tx, groupCode);
  const waiting = new Map(agenda.map((entry) => [entry.applicationId, entry]));
  const items = await tx.groupMeetingItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
  const gone = items.filter((item) => !waiting.has(item.applicationId)).map((item) => item.id);
  if (gone.length > 0) await tx.groupMeetingItem.deleteMany({ where: { id: { in: gone } } });
  let position = items.reduce((max, item) => Math.max(max, item.position), 0);
  for (const item of items) {
    const entry = waiting.get(item.applicationId);
    if (!entry) continue;
    await tx.groupMeetingItem.update({ where: { id: item.id }, data: { recusedMemberIds: entry.recusedMemberIds } });
    await tx.groupMeetingBallot.deleteMany({ where: { itemId: item.id, memberId: { in: entry.recusedMemberIds } } });
    waiting.delete(item.applicationId);
  }
  for (const entry of waiting.values()) {
    position += 1;
    await tx.groupMeetingItem.create({ data: { meetingId, position, ...entry } });
  }
}
