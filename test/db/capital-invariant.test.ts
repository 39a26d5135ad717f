/**
 * The capital invariant (issue #11), property-based: generated histories of entrustments, top-ups, recalls,
 * reservations for approvals, releases, disbursements and repayments, some retried, applied in date order through
 * the domain functions the routes and the activities call. After every command, for every source: capital =
 * outstanding + available + reserved with no figure negative, the ledger's rows add up to the source's figures,
 * and the reference model agrees with the database; and on every date of the history, the ledger rows dated up
 * to it keep the invariant and give the figures the model had at the end of that day.
 * FC_RUNS=500 runs more histories (the default keeps CI short).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed.js';
import { followCapital } from '../../server/domain/capital/follow-events.js';
import { returnRepaidPrincipal } from '../../server/domain/capital/index.js';
import { reserveCapital } from '../../server/domain/capital/reservations.js';
import { createCapitalSource, entrustCapital, recallCapital } from '../../server/domain/capital/sources.js';
import { AppError } from '../../server/domain/errors.js';
import type { Officer } from '../../server/domain/sessions.js';
import { migrateDatabase } from '../../server/infra/migrate.js';
import type { RecordedEvent } from '../../workflows/definitions.js';
import { available, CapitalModel, type Figures, type Hold, type Outcome } from './capital-model.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

const RUNS = Number(process.env.FC_RUNS ?? 30);
const DISTRICT = 'Huyện Kiến Xương (dữ liệu mẫu)';
const WARD = 'HOABINH';
const MILLION = 1_000_000;
const APPLICATIONS = 4;

const admin: Officer = {
  id: randomUUID(),
  username: 'admin',
  displayName: 'Quản trị hệ thống',
  role: 'admin',
  wardCode: null,
  associationCode: null,
  groupCode: null,
  bankOfficeCode: null,
  citizenId: null,
};

let test: TestDatabase;
let run = 0;

beforeAll(async () => {
  test = await openTestDatabase();
  await migrateDatabase(test.db);
  await seedDemoData(test.db.prisma, { hashPassword: () => Promise.resolve('not-a-real-hash') });
});

afterAll(async () => {
  await test?.dispose();
});

// ---- generated histories ----------------------------------------------------------------------------------------

type Command =
  | { kind: 'entrust' | 'top-up' | 'recall'; source: number; millions: number }
  | { kind: 'reserve'; app: number; live: boolean; millions: number; twice: boolean }
  | { kind: 'reject' | 'withdraw' | 'expire' | 'disburse'; app: number; live: boolean; twice: boolean }
  | { kind: 'repay'; app: number; live: boolean; share: 'part' | 'full' | 'over'; percent: number; twice: boolean };

interface Dated {
  gap: number;
  command: Command;
}

const history = fc.integer({ min: 1, max: 3 }).chain((sources) => {
  const source = fc.nat({ max: sources - 1 });
  const app = fc.nat({ max: APPLICATIONS - 1 });
  // Mostly an application the command can act on (see `target`), sometimes any, to be refused or change nothing.
  const live = fc.constantFrom(true, true, true, false);
  const command: fc.Arbitrary<Command> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constantFrom('entrust', 'top-up'),
        source,
        millions: fc.integer({ min: 1, max: 100 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('recall'), source, millions: fc.integer({ min: 1, max: 150 }) }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('reserve'),
        app,
        live,
        millions: fc.integer({ min: 1, max: 80 }),
        twice: fc.boolean(),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constantFrom('reject', 'withdraw', 'expire', 'disburse', 'disburse', 'disburse'),
        app,
        live,
        twice: fc.boolean(),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('repay'),
        app,
        live,
        share: fc.constantFrom('part', 'part', 'full', 'over'),
        percent: fc.integer({ min: 1, max: 99 }),
        twice: fc.boolean(),
      }),
    },
  ) as fc.Arbitrary<Command>;
  return fc.record({
    sources: fc.constant(sources),
    // The programme's priority among the sources, first choice first.
    order: fc.shuffledSubarray([...Array(sources).keys()], { minLength: sources, maxLength: sources }),
    initial: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: sources, maxLength: sources }),
    commands: fc.array(fc.record({ gap: fc.nat({ max: 3 }), command }) as fc.Arbitrary<Dated>, {
      minLength: 4,
      maxLength: 24,
    }),
  });
});

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

// ---- the real functions, one command each ------------------------------------------------------------------------

interface Run {
  /** Makes this history's receipt keys its own: a key another history used would be a repeat of it. */
  tag: string;
  model: CapitalModel;
  sourceIds: string[];
  sourceCodes: string[];
  programCode: string;
  appIds: string[];
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function eventOf(applicationId: string, seq: number, kind: string, on: string): RecordedEvent {
  const [type, step, outcome] = {
    reject: ['STEP_DECIDED', 'bank-review', 'reject'],
    withdraw: ['WITHDRAWN', null, null],
    expire: ['STEP_EXPIRED', 'disbursement', null],
    disburse: ['STEP_DECIDED', 'disbursement', 'approve'],
  }[kind] as [string, string | null, string | null];
  return {
    eventId: `wf-${applicationId}#${seq}`,
    workflowId: `wf-${applicationId}`,
    // 10:00 in Vietnam: the event counts for the day `on`.
    entry: { seq, type, step, outcome, at: `${on}T03:00:00.000Z`, actor: { username: 'bank.officer' } },
    state: { applicationId, disbursement: kind === 'disburse' ? { disbursedOn: on } : null },
  } as unknown as RecordedEvent;
}

/** Runs a domain call and answers as the model does: the refusal's code, or what it returned. */
async function outcomeOf(call: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) return { refused: error.code };
    throw error;
  }
}

/** The application a command acts on: with `live`, one in the state it applies to, when there is one. */
function target(r: Run, command: Command): number {
  if (!('app' in command)) return 0;
  const wanted = (held: Hold | undefined): boolean => {
    if (command.kind === 'reserve') return held === undefined || held.status === 'RELEASED';
    if (command.kind === 'repay') return held?.status === 'DISBURSED' && held.repaid < held.amount;
    return held?.status === 'ACTIVE';
  };
  const candidates = [...Array(APPLICATIONS).keys()].filter((app) => wanted(r.model.holds.get(app)));
  return command.live && candidates.length > 0 ? (candidates[command.app % candidates.length] ?? 0) : command.app;
}

async function apply(r: Run, seq: number, command: Command, on: string): Promise<void> {
  const { prisma } = test.db;
  // Resolved before the first call, so that a retry repeats exactly the same call.
  const app = target(r, command);
  const owed = r.model.owed(app);
  const once = async (): Promise<[actual: Outcome, expected: Outcome]> => {
    switch (command.kind) {
      case 'entrust':
      case 'top-up':
      case 'recall': {
        const amount = command.millions * MILLION;
        const entry = { amount, on, decisionNumber: `QĐ-${seq}` };
        const code = r.sourceCodes[command.source] ?? '';
        const actual = await outcomeOf(async () => {
          if (command.kind === 'recall') await recallCapital(prisma, admin, code, entry);
          else await entrustCapital(prisma, admin, code, { ...entry, kind: command.kind });
          return {};
        });
        const expected =
          command.kind === 'recall'
            ? r.model.recall(command.source, BigInt(amount), on)
            : r.model.entrust(command.source, command.kind, BigInt(amount), on);
        return [actual, expected];
      }
      case 'reserve': {
        const amount = command.millions * MILLION;
        const applicationId = r.appIds[app] ?? '';
        const actual = await outcomeOf(async () => {
          const { sourceCode } = await reserveCapital(prisma, {
            applicationId,
            programCode: r.programCode,
            wardCode: WARD,
            amount,
            on,
            actor: 'bank.manager',
          });
          return { source: r.sourceCodes.indexOf(sourceCode) };
        });
        return [actual, r.model.reserve(app, BigInt(amount), on)];
      }
      case 'reject':
      case 'withdraw':
      case 'expire':
      case 'disburse': {
        const event = eventOf(r.appIds[app] ?? '', seq, command.kind, on);
        const actual = await outcomeOf(async () => {
          await prisma.$transaction((tx) => followCapital(tx, event));
          return {};
        });
        const kind = command.kind === 'disburse' ? 'disburse' : 'release';
        return [actual, r.model.follow(app, kind, event.eventId, on)];
      }
      case 'repay': {
        const amount =
          owed === 0n
            ? BigInt(command.percent * MILLION)
            : {
                part: (owed * BigInt(command.percent) + 99n) / 100n,
                full: owed,
                over: owed + 1n + (owed * BigInt(command.percent)) / 100n,
              }[command.share];
        const repaid = {
          applicationId: r.appIds[app] ?? '',
          amount: Number(amount),
          on,
          key: `receipt-${r.tag}-${seq}`,
        };
        const actual = await outcomeOf(async () => {
          await prisma.$transaction((tx) => returnRepaidPrincipal(tx, repaid));
          return {};
        });
        return [actual, r.model.repay(app, amount, on, repaid.key)];
      }
    }
  };
  const first = await once();
  expect(first[0], `${command.kind} on ${on}`).toEqual(first[1]);
  if ('twice' in command && command.twice) {
    const again = await once();
    expect(again[0], `${command.kind} on ${on}, again`).toEqual(again[1]);
  }
}

// ---- what must hold -----------------------------------------------------------------------------------------------

function assertWhole(f: Figures, where: string): void {
  expect(f.capital, `capital ${where}`).toBeGreaterThanOrEqual(0n);
  expect(f.reserved, `reserved ${where}`).toBeGreaterThanOrEqual(0n);
  expect(f.outstanding, `outstanding ${where}`).toBeGreaterThanOrEqual(0n);
  expect(available(f), `available ${where}`).toBeGreaterThanOrEqual(0n);
  expect(f.capital, `capital = outstanding + available + reserved ${where}`).toBe(
    f.outstanding + available(f) + f.reserved,
  );
}

const SIGNS: Record<string, readonly [bigint, bigint, bigint]> = {
  entrust: [1n, 0n, 0n],
  'top-up': [1n, 0n, 0n],
  recall: [-1n, 0n, 0n],
  reserve: [0n, 1n, 0n],
  release: [0n, -1n, 0n],
  disburse: [0n, -1n, 1n],
  repay: [0n, 0n, -1n],
};

function sumOf(rows: { kind: string; amount: bigint }[]): Figures {
  const sum = { capital: 0n, reserved: 0n, outstanding: 0n };
  for (const row of rows) {
    const [c, r, o] = SIGNS[row.kind] ?? [0n, 0n, 0n];
    sum.capital += c * row.amount;
    sum.reserved += r * row.amount;
    sum.outstanding += o * row.amount;
  }
  return sum;
}

const movementKey = (m: { kind: string; amount: bigint; on: string; after: Figures }): string =>
  `${m.on} ${m.kind} ${m.amount} → ${m.after.capital}/${m.after.reserved}/${m.after.outstanding}`;

async function assertInvariant(r: Run): Promise<void> {
  const { prisma } = test.db;
  const [sources, ledger, holds] = await Promise.all([
    prisma.capitalSource.findMany({ where: { id: { in: r.sourceIds } } }),
    prisma.capitalMovement.findMany({ where: { sourceId: { in: r.sourceIds } } }),
    prisma.capitalReservation.findMany({ where: { applicationId: { in: r.appIds } } }),
  ]);
  const rows = ledger.map((m) => ({
    sourceId: m.sourceId,
    kind: m.kind,
    amount: m.amount,
    on: m.on.toISOString().slice(0, 10),
    after: { capital: m.capitalAfter, reserved: m.reservedAfter, outstanding: m.outstandingAfter },
  }));
  r.sourceIds.forEach((id, i) => {
    const row = sources.find((s) => s.id === id);
    const figures = { capital: row?.capital, reserved: row?.reserved, outstanding: row?.outstanding } as Figures;
    const own = rows.filter((m) => m.sourceId === id);
    assertWhole(figures, `of source ${i}`);
    expect(figures, `source ${i} against the model`).toEqual(r.model.figures[i]);
    expect(sumOf(own), `the ledger of source ${i} adds up to its figures`).toEqual(figures);
    expect(own.map(movementKey).sort(), `the ledger rows of source ${i}`).toEqual(
      (r.model.movements[i] ?? []).map(movementKey).sort(),
    );
    for (const [on, byDay] of r.model.byDate) {
      const upTo = sumOf(own.filter((m) => m.on <= on));
      assertWhole(upTo, `of source ${i} on ${on}`);
      expect(upTo, `source ${i} on ${on} from its ledger`).toEqual(byDay[i]);
    }
  });
  const expectedHolds = r.appIds.flatMap((applicationId, app) => {
    const held = r.model.holds.get(app);
    if (!held) return [];
    const { amount, status, repaid } = held;
    return [{ applicationId, sourceId: r.sourceIds[held.source], amount, status, repaid }];
  });
  const actualHolds = holds.map(({ applicationId, sourceId, amount, status, repaid }) => {
    return { applicationId, sourceId, amount, status, repaid };
  });
  const byApplication = (a: { applicationId: string }, b: { applicationId: string }) =>
    a.applicationId.localeCompare(b.applicationId);
  expect(actualHolds.sort(byApplication), 'the reservations').toEqual(expectedHolds.sort(byApplication));
}

// ---- the property ------------------------------------------------------------------------------------------------

/** Fresh sources and a programme of its own, ranking only them: earlier runs and the seeded capital stay out. */
async function startRun(h: History): Promise<Run> {
  run += 1;
  const tag = `${run}-${randomUUID().slice(0, 6)}`;
  const programCode = `INV-${tag}`;
  const sourceCodes = Array.from({ length: h.sources }, (_, i) => `INV-${tag}-${i}`);
  const sourceIds: string[] = [];
  for (const code of sourceCodes) {
    await createCapitalSource(test.db.prisma, admin, { code, name: 'Nguồn thử', kind: 'local', district: DISTRICT });
    const created = await test.db.prisma.capitalSource.findUniqueOrThrow({ where: { code }, select: { id: true } });
    sourceIds.push(created.id);
  }
  await test.db.prisma.programCapitalPriority.createMany({
    data: h.order.map((source, rank) => ({ programCode, sourceId: sourceIds[source] ?? '', rank: rank + 1 })),
  });
  const appIds = Array.from({ length: APPLICATIONS }, () => randomUUID());
  return { tag, model: new CapitalModel(h.sources, h.order), sourceIds, sourceCodes, programCode, appIds };
}

describe('the capital invariant', () => {
  it('holds for every source after every command and on every date of a generated history', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const r = await startRun(h);
        let on = '2026-11-02';
        let seq = 0;
        const initial = h.initial.map((millions, source) => ({
          gap: 0,
          command: { kind: 'entrust', source, millions },
        }));
        for (const { gap, command } of [...initial.filter((c) => c.command.millions > 0), ...h.commands] as Dated[]) {
          if (gap > 0) on = addDays(on, gap);
          seq += 1;
          await apply(r, seq, command, on);
          r.model.closeDay(on);
          await assertInvariant(r);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
