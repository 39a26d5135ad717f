/**
 * Who may see and hold a group's review meeting: the officers whose scope covers the group read it (the same
 * scopes as its applications); only the group's own leader opens, edits and closes it.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { groupsReadableBy, requireRole } from '../access.js';
import { notFound } from '../errors.js';
import type { Officer } from '../sessions.js';

/** The group, if the officer's scope covers it; otherwise the same 404 as for a group that does not exist. */
export async function findGroupFor(prisma: PrismaClient, code: string, officer: Officer) {
  const group = await prisma.savingsGroup.findFirst({ where: { AND: [{ code }, groupsReadableBy(officer)] } });
  if (!group) throw notFound('Savings group');
  return group;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The meeting, if the officer's scope covers its group: 404 otherwise, so meeting ids cannot be probed. */
export async function findMeetingFor(prisma: PrismaClient, id: string, officer: Officer) {
  const meeting = UUID.test(id)
    ? await prisma.groupMeeting.findFirst({ where: { id, group: groupsReadableBy(officer) } })
    : null;
  if (!meeting) throw notFound('Meeting');
  return meeting;
}

/** In scope, only the group leader holds the meeting (the scope check has already matched their group). */
export function assertHoldsMeeting(officer: Officer): void {
  requireRole(officer, ['group_leader']);
}
