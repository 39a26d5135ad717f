/**
 * The capital ledger on a real database: reservations idempotent per application, releases and disbursements
 * once per event, repaid principal once per key, and two reservations racing for the last capital of a source
 * (on PostgreSQL, over real connections) never overdrawing it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed.js';
import { followCapital } from '../../server/domain/capital/follow-events.js';
import { returnRepaidPrincipal } from '../../server/domain/capital/index.js';
import { moveCapital } from '../../server/domain/capital/ledger.js';
import { reserveCapital } from '../../server/domain/capital/reservations.js';
import { openDatabase, type Database } from '../../server/infra/database.js';
import { migrateDatabase } from '../../server/infra/migrate.js';
import type { RecordedEvent } from '../../workflows/definitions.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

const DISTRICT = 'Huyện Kiến Xương (dữ liệu mẫu)';
let test: TestDatabase;
let serial = 0;

beforeAll(async () => {
  test = await openTestDatabase();
  await migrateDatabase(test.db);
  await seedDemoData(test.db.prisma, { hashPassword: () => Promise.resolve('not-a-real-hash') });
});

afterAll(async () => {
  await test?.dispose();
});

/** A programme code of its own (nothing checks it exists here) drawing only on a new source with `capital`. */
async function programWithOneSource(capital: bigint): Promise<{ programCode: string; sourceId: string }> {
  serial += 1;
  const programCode = `TEST-${serial}-${randomUUID().slice(0, 4)}`;
  const { prisma } = test.db;
  const source = await prisma.capitalSource.create({
    data: { code: `SRC-${programCode}`, name: 'Nguồn thử', kind: 'local', district: DISTRICT, createdBy: 'test' },
  });
  await prisma.$transaction((tx) =>
    moveCapital(tx, {
      sourceId: source.id,
      kind: 'entrust',
      amount: capital,
      on: '2026-11-02',
      key: `entrust:${source.id}`,
      actor: 'test',
    }),
  );
  // Ranked sources are the only ones the programme draws on: the seeded local capital stays out of it.
  await prisma.programCapitalPriority.create({ data: { programCode, sourceId: source.id, rank: 1 } });
  return { programCode, sourceId: source.id };
}

const reserve = (db: Database, programCode: string, applicationId: string, amount: number) =>
  reserveCapital(db.prisma, { applicationId, programCode, wardCode: 'HOABINH', amount, on: '2026-11-03', actor: 'm' });

async function balance(sourceId: string) {
  const row = await test.db.prisma.capitalSource.findUniqueOrThrow({ where: { id: sourceId } });
  return {
    capital: Number(row.capital),
    reserved: Number(row.reserved),
    outstanding: Number(row.outstanding),
    available: Number(row.capital - row.reserved - row.outstanding),
  };
}

function eventOf(applicationId: string, seq: number, type: string, step: string | null, outcome: string | null) {
  return {
    eventId: `wf-${applicationId}#${seq}`,
    workflowId: `wf-${applicationId}`,
    entry: { seq, type, step, outcome, at: '2026-11-05T03:00:00.000Z', actor: { username: 'bank.officer' } },
    state: { applicationId, disbursement: outcome === 'approve' ? { disbursedOn: '2026-11-05' } : null },
  } as unknown as RecordedEvent;
}

describe('the capital ledger', () => {
  it('reserves once per application, and an expiry releases the reservation once', async () => {
    const { programCode, sourceId } = await programWithOneSource(100_000_000n);
    const applicationId = randomUUID();
    await reserve(test.db, programCode, applicationId, 40_000_000);
    await reserve(test.db, programCode, applicationId, 40_000_000);
    expect(await balance(sourceId)).toEqual({ capital: 1e8, reserved: 4e7, outstanding: 0, available: 6e7 });

    const expired = eventOf(applicationId, 9, 'STEP_EXPIRED', 'disbursement', null);
    await test.db.prisma.$transaction((tx) => followCapital(tx, expired));
    await test.db.prisma.$transaction((tx) => followCapital(tx, expired));
    expect(await balance(sourceId)).toEqual({ capital: 1e8, reserved: 0, outstanding: 0, available: 1e8 });
    const kinds = await test.db.prisma.capitalMovement.findMany({
      where: { applicationId },
      orderBy: { recordedAt: 'asc' },
    });
    expect(kinds.map((m) => m.kind)).toEqual(['reserve', 'release']);
  });

  it('turns the reservation into outstanding at disbursement, and takes repaid principal back once per key', async () => {
    const { programCode, sourceId } = await programWithOneSource(100_000_000n);
    const applicationId = randomUUID();
    await reserve(test.db, programCode, applicationId, 30_000_000);
    const disbursed = eventOf(applicationId, 7, 'STEP_DECIDED', 'disbursement', 'approve');
    await test.db.prisma.$transaction((tx) => followCapital(tx, disbursed));
    await test.db.prisma.$transaction((tx) => followCapital(tx, disbursed));
    expect(await balance(sourceId)).toEqual({ capital: 1e8, reserved: 0, outstanding: 3e7, available: 7e7 });

    const repaid = { applicationId, amount: 10_000_000, on: '2026-12-05', key: 'receipt-1' };
    await test.db.prisma.$transaction((tx) => returnRepaidPrincipal(tx, repaid));
    await test.db.prisma.$transaction((tx) => returnRepaidPrincipal(tx, repaid));
    expect(await balance(sourceId)).toEqual({ capital: 1e8, reserved: 0, outstanding: 2e7, available: 8e7 });

    const tooMuch = { applicationId, amount: 20_000_001, on: '2026-12-06', key: 'receipt-2' };
    await expect(test.db.prisma.$transaction((tx) => returnRepaidPrincipal(tx, tooMuch))).rejects.toMatchObject({
      code: 'REPAYMENT_EXCEEDS_OUTSTANDING',
    });
    const never = { applicationId: randomUUID(), amount: 1, on: '2026-12-06', key: 'receipt-3' };
    await expect(test.db.prisma.$transaction((tx) => returnRepaidPrincipal(tx, never))).rejects.toMatchObject({
      code: 'NO_DISBURSED_LOAN',
    });
  });

  it('refuses a reservation no source can cover, and keeps the balance whole', async () => {
    const { programCode, sourceId } = await programWithOneSource(10_000_000n);
    await expect(reserve(test.db, programCode, randomUUID(), 10_000_001)).rejects.toMatchObject({
      code: 'INSUFFICIENT_CAPITAL',
    });
    expect(await balance(sourceId)).toEqual({ capital: 1e7, reserved: 0, outstanding: 0, available: 1e7 });
  });

  it('has the database refuse an overdrawn balance, whatever code writes it', async () => {
    const { sourceId } = await programWithOneSource(10_000_000n);
    await expect(
      test.db.prisma.$executeRaw`UPDATE capital_sources SET reserved = capital + 1 WHERE id = ${sourceId}::uuid`,
    ).rejects.toThrow();
    expect(await balance(sourceId)).toEqual({ capital: 1e7, reserved: 0, outstanding: 0, available: 1e7 });
  });

  const onPostgres = Boolean(process.env.DATABASE_URL);
  it.skipIf(!onPostgres)(
    // PGlite is one connection inside this process: two transactions can never be in flight at once there.
    'lets only one of two reservations racing for the last capital through, over two connections (PostgreSQL)',
    async () => {
      const { programCode, sourceId } = await programWithOneSource(50_000_000n);
      const other = await openDatabase({ databaseUrl: test.databaseUrl });
      try {
        // A third connection holds the source's row, so both reservations are in flight and waiting on it at once.
        let releaseGate = (): void => undefined;
        const gateHeld = new Promise<void>((held) => {
          void test.db.prisma.$transaction(
            async (tx) => {
              await tx.$queryRaw`SELECT id FROM capital_sources WHERE id = ${sourceId}::uuid FOR UPDATE`;
              held();
              await new Promise<void>((release) => (releaseGate = release));
            },
            { timeout: 30_000 },
          );
        });
        await gateHeld;
        const racing = Promise.allSettled([
          reserve(test.db, programCode, randomUUID(), 50_000_000),
          reserve(other, programCode, randomUUID(), 50_000_000),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const waiting = await other.prisma.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`;
        expect(Number(waiting[0]?.n)).toBeGreaterThanOrEqual(2);
        releaseGate();
        const results = await racing;

        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refused = results.find((r) => r.status === 'rejected');
        expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'INSUFFICIENT_CAPITAL' });
        expect(await balance(sourceId)).toEqual({ capital: 5e7, reserved: 5e7, outstanding: 0, available: 0 });
        expect(await test.db.prisma.capitalMovement.count({ where: { sourceId, kind: 'reserve' } })).toBe(1);
      } finally {
        await other.close();
      }
    },
  );
});
