/** The group a meetings page is about: its name, and how many of its applications wait at the group vote. */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Officer } from '../sessions.js';
import { waitingAtVote } from './meeting-agenda.js';
import { findGroupFor } from './meeting-scope.js';

export interface MeetingGroup {
  code: string;
  name: string;
  village: string;
  /** The applications a meeting opened now would have on its agenda. */
  waiting: number;
}

export async function readMeetingGroup(prisma: PrismaClient, code: string, officer: Officer): Promise<MeetingGroup> {
  const group = await findGroupFor(prisma, code, officer);
  const waiting = await prisma.application.count({ where: waitingAtVote(group.code) });
  return { code: group.code, name: group.name, village: group.village, waiting };
}
