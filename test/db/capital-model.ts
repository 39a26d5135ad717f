/**
 * A small pure reference model of the capital ledger, for the property-based invariant test: what each command
 * should do to every source's figures, which commands are refused and with which code, and which ledger rows
 * the database should hold afterwards. It mirrors the rules the README states, not the SQL that implements them.
 */

export interface Figures {
  capital: bigint;
  reserved: bigint;
  outstanding: bigint;
}

export interface ModelMovement {
  kind: string;
  amount: bigint;
  on: string;
  after: Figures;
}

export interface Hold {
  source: number;
  amount: bigint;
  status: 'ACTIVE' | 'RELEASED' | 'DISBURSED';
  repaid: bigint;
}

/** What a command should answer: a refusal's code, or (for a reservation) the source that holds it. */
export interface Outcome {
  refused?: string;
  source?: number;
}

const DELTAS: Record<string, readonly [number, number, number]> = {
  entrust: [1, 0, 0],
  'top-up': [1, 0, 0],
  recall: [-1, 0, 0],
  reserve: [0, 1, 0],
  release: [0, -1, 0],
  disburse: [0, -1, 1],
  repay: [0, 0, -1],
};

export const available = (f: Figures): bigint => f.capital - f.reserved - f.outstanding;

export class CapitalModel {
  readonly figures: Figures[];
  readonly movements: ModelMovement[][];
  readonly holds = new Map<number, Hold>();
  /** Every source's figures at the end of each day of the history so far. */
  readonly byDate = new Map<string, Figures[]>();
  private readonly keys = new Set<string>();
  private readonly rounds = new Map<number, number>();

  constructor(
    sources: number,
    /** The programme's priority: source indexes, first choice first. */
    private readonly order: readonly number[],
  ) {
    this.figures = Array.from({ length: sources }, () => ({ capital: 0n, reserved: 0n, outstanding: 0n }));
    this.movements = Array.from({ length: sources }, () => []);
  }

  private move(source: number, kind: string, amount: bigint, on: string, key?: string): 'moved' | 'refused' | 'again' {
    if (key !== undefined && this.keys.has(key)) return 'again';
    const [dc, dr, dout] = DELTAS[kind] ?? [0, 0, 0];
    const now = this.figures[source];
    if (!now) throw new Error(`no source ${source}`);
    const after = {
      capital: now.capital + BigInt(dc) * amount,
      reserved: now.reserved + BigInt(dr) * amount,
      outstanding: now.outstanding + BigInt(dout) * amount,
    };
    if (after.reserved < 0n || after.outstanding < 0n || available(after) < 0n) return 'refused';
    this.figures[source] = after;
    this.movements[source]?.push({ kind, amount, on, after });
    if (key !== undefined) this.keys.add(key);
    return 'moved';
  }

  entrust(source: number, kind: 'entrust' | 'top-up', amount: bigint, on: string): Outcome {
    this.move(source, kind, amount, on);
    return {};
  }

  recall(source: number, amount: bigint, on: string): Outcome {
    return this.move(source, 'recall', amount, on) === 'refused' ? { refused: 'RECALL_EXCEEDS_AVAILABLE' } : {};
  }

  reserve(app: number, amount: bigint, on: string): Outcome {
    const held = this.holds.get(app);
    if (held && held.status !== 'RELEASED') return { source: held.source };
    const round = (this.rounds.get(app) ?? 0) + 1;
    for (const source of this.order) {
      if (this.move(source, 'reserve', amount, on, `reserve:${app}:${round}`) !== 'moved') continue;
      this.rounds.set(app, round);
      this.holds.set(app, { source, amount, status: 'ACTIVE', repaid: 0n });
      return { source };
    }
    return { refused: 'INSUFFICIENT_CAPITAL' };
  }

  /** A rejection, withdrawal or expiry (release), or the disbursement (disburse), once per event. */
  follow(app: number, kind: 'release' | 'disburse', eventId: string, on: string): Outcome {
    const held = this.holds.get(app);
    if (held?.status !== 'ACTIVE') return {};
    if (this.move(held.source, kind, held.amount, on, `${kind}:${eventId}`) === 'moved') {
      held.status = kind === 'release' ? 'RELEASED' : 'DISBURSED';
    }
    return {};
  }

  repay(app: number, amount: bigint, on: string, key: string): Outcome {
    if (this.keys.has(`repay:${key}`)) return {};
    const held = this.holds.get(app);
    if (held?.status !== 'DISBURSED') return { refused: 'NO_DISBURSED_LOAN' };
    if (amount <= 0n || held.repaid + amount > held.amount) return { refused: 'REPAYMENT_EXCEEDS_OUTSTANDING' };
    if (this.move(held.source, 'repay', amount, on, `repay:${key}`) !== 'moved') {
      return { refused: 'REPAYMENT_EXCEEDS_OUTSTANDING' };
    }
    held.repaid += amount;
    return {};
  }

  /** What the loan still owes its source (0 when there is no disbursed loan). */
  owed(app: number): bigint {
    const held = this.holds.get(app);
    return held?.status === 'DISBURSED' ? held.amount - held.repaid : 0n;
  }

  closeDay(on: string): void {
    this.byDate.set(
      on,
      this.figures.map((f) => ({ ...f })),
    );
  }
}
