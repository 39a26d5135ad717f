import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import type { StepName } from '../../workflows/domain.js';
import { waitingOn } from './access.js';
import type { Officer } from './sessions.js';

/**
 * The columns the inbox shows (and the API's summary of each item). Only these: reading whole rows made the
 * query of a full inbox (500 items) cost several times what the database spends on it (npm run bench:pages).
 */
const INBOX_COLUMNS = {
  id: true,
  code: true,
  programCode: true,
  wardCode: true,
  groupCode: true,
  borrowerName: true,
  amountRequested: true,
  status: true,
  currentStep: true,
  stepHolder: true,
  stepSince: true,
  dueOn: true,
  overdue: true,
  submittedAt: true,
  updatedAt: true,
} as const satisfies Prisma.ApplicationSelect;

/** One application waiting on an officer: the row, and how long and until when it waits. */
export interface InboxItem {
  row: Prisma.ApplicationGetPayload<{ select: typeof INBOX_COLUMNS }>;
  step: StepName;
  stepSince: Date;
  waitingHours: number;
  heldByMe: boolean;
  dueOn: string | null;
  overdue: boolean;
}

/** What waits on this officer, oldest first (at most 500): the officer's home page and GET /api/inbox. */
export async function readInbox(prisma: PrismaClient, officer: Officer, now = new Date()): Promise<InboxItem[]> {
  const rows = await prisma.application.findMany({
    where: waitingOn(officer),
    orderBy: [{ stepSince: 'asc' }, { submittedAt: 'asc' }],
    select: INBOX_COLUMNS,
    take: 500,
  });
  return rows.map((row) => {
    const since = row.stepSince ?? row.submittedAt;
    return {
      row,
      step: row.currentStep as StepName,
      stepSince: since,
      waitingHours: Math.floor((now.getTime() - since.getTime()) / 3_600_000),
      heldByMe: row.stepHolder === officer.username,
      dueOn: row.dueOn?.toISOString().slice(0, 10) ?? null,
      overdue: row.overdue,
    };
  });
}
