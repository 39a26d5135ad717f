import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Prisma } from '../../prisma/generated/client.js';
import { openDatabase } from '../../server/infra/database.js';
import { migrateDatabase } from '../../server/infra/migrate.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

function ward(code: string) {
  return {
    code,
    name: `Phường ${code}`,
    district: 'Huyện thử',
    province: 'Tỉnh thử',
    transactionPoint: 'Điểm giao dịch',
  };
}

describe('openDatabase', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase();
    await migrateDatabase(test.db);
  });

  afterAll(async () => {
    await test?.dispose();
  });

  it('commits an interactive transaction', async () => {
    await test.db.prisma.$transaction(async (tx) => {
      await tx.ward.create({ data: ward('COMMIT') });
      await tx.massOrganisation.create({ data: { code: 'COMMIT', nameVi: 'Hội', nameEn: 'Union' } });
    });

    expect(await test.db.prisma.ward.count({ where: { code: 'COMMIT' } })).toBe(1);
    expect(await test.db.prisma.massOrganisation.count({ where: { code: 'COMMIT' } })).toBe(1);
  });

  it('rolls an interactive transaction back when its callback throws', async () => {
    const attempt = test.db.prisma.$transaction(async (tx) => {
      await tx.ward.create({ data: ward('ROLLBACK') });
      throw new Error('changed my mind');
    });

    await expect(attempt).rejects.toThrow('changed my mind');
    expect(await test.db.prisma.ward.count({ where: { code: 'ROLLBACK' } })).toBe(0);
  });

  it('serves queries issued while another caller holds a transaction (API and worker share one handle)', async () => {
    const transaction = test.db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_sleep(0.2)::text`;
      await tx.ward.create({ data: ward('CONCURRENT') });
      return 'committed';
    });
    const outside = test.db.prisma.ward.count();

    const [result, count] = await Promise.all([transaction, outside]);

    expect(result).toBe('committed');
    expect(count).toBeGreaterThanOrEqual(0);
    expect(await test.db.prisma.ward.count({ where: { code: 'CONCURRENT' } })).toBe(1);
  });

  it('reports a unique-constraint violation as P2002', async () => {
    await test.db.prisma.ward.create({ data: ward('DUPLICATE') });

    const error = await test.db.prisma.ward.create({ data: ward('DUPLICATE') }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
  });

  it('reports P2002 inside a transaction and rolls the whole transaction back', async () => {
    await test.db.prisma.ward.create({ data: ward('TAKEN') });

    const error = await test.db.prisma
      .$transaction(async (tx) => {
        await tx.ward.create({ data: ward('BEFORE-CLASH') });
        await tx.ward.create({ data: ward('TAKEN') });
      })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
    expect(await test.db.prisma.ward.count({ where: { code: 'BEFORE-CLASH' } })).toBe(0);
  });

  it('reports a foreign-key violation as P2003', async () => {
    const error = await test.db.prisma.savingsGroup
      .create({ data: { code: 'ORPHAN', name: 'Tổ', village: 'Thôn', wardCode: 'NOWHERE', associationCode: 'NONE' } })
      .catch((caught: unknown) => caught);

    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe('P2003');
  });

  it('runs multi-statement SQL through exec atomically', async () => {
    await test.db.exec(
      'CREATE TABLE exec_probe (n INTEGER); INSERT INTO exec_probe VALUES (1); INSERT INTO exec_probe VALUES (2);',
    );

    await expect(test.db.exec('INSERT INTO exec_probe VALUES (3); SELECT 1 / 0;')).rejects.toThrow(/division by zero/);

    const [row] = await test.db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM exec_probe`;
    expect(row?.n).toBe(2);
    await test.db.exec('DROP TABLE exec_probe');
  });

  it('returns BigInt as bigint, Decimal as Prisma.Decimal, Json as values and DateTime as Date', async () => {
    const created = await test.db.prisma.loanProgram.create({
      data: {
        code: 'TYPES',
        version: 1,
        nameVi: 'Chương trình thử',
        nameEn: 'Type probe',
        ceilingVnd: 9_007_199_254_740_993n,
        annualRatePercent: '8.382',
        maxTermMonths: 12,
        stepOrder: ['group-vote', 'bank-approval'],
        eligibleCategories: ['POOR'],
        voteRules: { quorum: { numerator: 1, denominator: 2 }, approval: { numerator: 2, denominator: 3 } },
      },
    });

    const read = await test.db.prisma.loanProgram.findUniqueOrThrow({ where: { id: created.id } });

    expect(read.ceilingVnd).toBe(9_007_199_254_740_993n);
    expect(read.annualRatePercent).toBeInstanceOf(Prisma.Decimal);
    expect(read.annualRatePercent.toFixed(4)).toBe('8.3820');
    expect(read.voteRules).toEqual({
      quorum: { numerator: 1, denominator: 2 },
      approval: { numerator: 2, denominator: 3 },
    });
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.stepOrder).toEqual(['group-vote', 'bank-approval']);
  });
});

describe('openDatabase on a PGlite directory', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'loan-pglite-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('creates the directory and keeps data across reopening', async () => {
    const pgliteDir = path.join(scratch, 'nested', 'db');
    const first = await openDatabase({ pgliteDir });
    await migrateDatabase(first);
    await first.prisma.ward.create({ data: ward('PERSISTED') });
    await first.close();

    const second = await openDatabase({ pgliteDir });
    try {
      expect(second.kind).toBe('pglite');
      expect(await second.prisma.ward.count({ where: { code: 'PERSISTED' } })).toBe(1);
      expect((await migrateDatabase(second)).applied).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
