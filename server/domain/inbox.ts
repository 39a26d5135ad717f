import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import type { StepName } from '../../workflows/domain.js';
import { stepsWaitingOn } from '../../workflows/rules/authority.js';
import { waitingOn } from './access.js';
import { wardsInScope } from './scope-wards.js';
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

/**
 * What waits on this officer, oldest first (at most 500): the officer's home page and GET /api/inbox. The items
 * are found by id first, through the inbox index (ward, status, step, waiting since, and the stage and holder
 * columns) without reading the table, then read whole: a bank office's inbox otherwise read every open
 * application of its wards to keep a few hundred (npm run bench:volume). `currentStep IN (…)` repeats the role's
 * steps as one indexable condition beside waitingOn's per-stage OR.
 */
export async function readInbox(prisma: PrismaClient, officer: Officer, now = new Date()): Promise<InboxItem[]> {
  const steps = [...new Set(stepsWaitingOn(officer.role).map((waiting) => waiting.step))];
  const where = { AND: [waitingOn(officer), await wardsInScope(prisma, officer), { currentStep: { in: steps } }] };
  const orderBy = [
    { stepSince: 'asc' },
    { submittedAt: 'asc' },
    { id: 'asc' },
  ] satisfies Prisma.ApplicationOrderByWithRelationInput[];
  const ids = await prisma.application.findMany({ where, orderBy, select: { id: true }, take: 500 });
  const rows =
    ids.length === 0
      ? []
      : await prisma.application.findMany({
          where: { id: { in: ids.map((row) => row.id) } },
          orderBy,
          select: INBOX_COLUMNS,
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
