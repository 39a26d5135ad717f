/**
 * The one way a capital source's balance moves: a conditional UPDATE that keeps capital ≥ reserved + outstanding
 * (and every figure within a safe integer), and a ledger row with the balances after, in the caller's transaction.
 * The UPDATE takes the row lock, so two transactions moving the same source queue behind each other and the
 * second re-checks the condition on the first one's result: concurrent reservations can never overdraw it.
 */
import type { Prisma } from '../../../prisma/generated/client.js';

export const MOVEMENT_KINDS = ['entrust', 'top-up', 'recall', 'reserve', 'release', 'disburse', 'repay'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** How each kind changes capital, reserved and outstanding (times the amount). */
const DELTAS: Record<MovementKind, readonly [capital: number, reserved: number, outstanding: number]> = {
  entrust: [1, 0, 0],
  'top-up': [1, 0, 0],
  recall: [-1, 0, 0],
  reserve: [0, 1, 0],
  release: [0, -1, 0],
  disburse: [0, -1, 1],
  repay: [0, 0, -1],
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export interface Movement {
  sourceId: string;
  kind: MovementKind;
  amount: bigint;
  /** The calendar day it counts for (YYYY-MM-DD). */
  on: string;
  /** Makes the movement happen once: a second call with the same key changes nothing. */
  key: string;
  actor: string;
  applicationId?: string | null;
  decisionNumber?: string | null;
  note?: string | null;
}

export type MoveResult = 'moved' | 'already-moved' | 'refused';

interface Balance {
  capital: bigint;
  reserved: bigint;
  outstanding: bigint;
}

/** Applies one movement, or refuses it ('refused') when it would overdraw the source. */
export async function moveCapital(tx: Prisma.TransactionClient, movement: Movement): Promise<MoveResult> {
  if (await tx.capitalMovement.findUnique({ where: { key: movement.key }, select: { id: true } })) {
    return 'already-moved';
  }
  const [dc, dr, dout] = DELTAS[movement.kind].map((sign) => BigInt(sign) * movement.amount) as [
    bigint,
    bigint,
    bigint,
  ];
  const rows = await tx.$queryRaw<Balance[]>`
    UPDATE capital_sources
       SET capital = capital + ${dc}::bigint,
           reserved = reserved + ${dr}::bigint,
           outstanding = outstanding + ${dout}::bigint
     WHERE id = ${movement.sourceId}::uuid
       AND capital + ${dc}::bigint >= reserved + ${dr}::bigint + outstanding + ${dout}::bigint
       AND reserved + ${dr}::bigint >= 0
       AND outstanding + ${dout}::bigint >= 0
       AND capital + ${dc}::bigint <= ${MAX_SAFE}::bigint
    RETURNING capital, reserved, outstanding`;
  const after = rows[0];
  if (!after) return 'refused';
  await tx.capitalMovement.create({
    data: {
      sourceId: movement.sourceId,
      key: movement.key,
      kind: movement.kind,
      amount: movement.amount,
      on: new Date(`${movement.on}T00:00:00Z`),
      decisionNumber: movement.decisionNumber ?? null,
      applicationId: movement.applicationId ?? null,
      note: movement.note ?? null,
      actorUsername: movement.actor,
      capitalAfter: BigInt(after.capital),
      reservedAfter: BigInt(after.reserved),
      outstandingAfter: BigInt(after.outstanding),
    },
  });
  return 'moved';
}
