import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemoData } from '../../prisma/seed.js';
import { migrateDatabase } from '../../server/infra/migrate.js';
import { hashPassword, verifyPassword } from '../../server/infra/passwords.js';
import { ASSOCIATION_CODES, DEFAULT_VOTE_RULES, PUBLISHED_STEP_ORDER } from '../../workflows/domain.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

describe('seedDemoData', () => {
  let test: TestDatabase;
  let firstRun: { seeded: boolean };

  beforeAll(async () => {
    test = await openTestDatabase();
    await migrateDatabase(test.db);
    firstRun = await seedDemoData(test.db.prisma, { hashPassword });
  });

  afterAll(async () => {
    await test?.dispose();
  });

  async function countAll() {
    const { prisma } = test.db;
    return {
      wards: await prisma.ward.count(),
      massOrganisations: await prisma.massOrganisation.count(),
      groups: await prisma.savingsGroup.count(),
      members: await prisma.groupMember.count(),
      programs: await prisma.loanProgram.count(),
      officers: await prisma.officerAccount.count(),
    };
  }

  it('inserts the demo province', async () => {
    expect(firstRun).toEqual({ seeded: true });
    expect(await countAll()).toEqual({
      wards: 3,
      massOrganisations: ASSOCIATION_CODES.length,
      groups: 6,
      members: 65,
      programs: 6,
      // admin + 3 wards + 4 associations × 3 wards + 6 groups + 2 bank accounts
      officers: 24,
    });
  });

  it('changes nothing when run again', async () => {
    const before = await countAll();

    const secondRun = await seedDemoData(test.db.prisma, { hashPassword });

    expect(secondRun).toEqual({ seeded: false });
    expect(await countAll()).toEqual(before);
  });

  it('gives HOABINH-01 ten members led by its first member', async () => {
    const members = await test.db.prisma.groupMember.findMany({ where: { groupCode: 'HOABINH-01' } });

    expect(members).toHaveLength(10);
    expect(members.filter((member) => member.role === 'LEADER')).toHaveLength(1);
    const group = await test.db.prisma.savingsGroup.findUniqueOrThrow({ where: { code: 'HOABINH-01' } });
    expect(group).toMatchObject({ wardCode: 'HOABINH', associationCode: 'FARMERS' });
  });

  it('keeps every group between 8 and 15 members with one leader and unique 12-digit citizen IDs', async () => {
    const groups = await test.db.prisma.savingsGroup.findMany({ include: { members: true } });
    const citizenIds = groups.flatMap((group) => group.members.map((member) => member.citizenId));

    for (const group of groups) {
      expect(group.members.length).toBeGreaterThanOrEqual(8);
      expect(group.members.length).toBeLessThanOrEqual(15);
      expect(group.members.filter((member) => member.role === 'LEADER')).toHaveLength(1);
    }
    expect(citizenIds.every((id) => /^\d{12}$/.test(id))).toBe(true);
    expect(new Set(citizenIds).size).toBe(citizenIds.length);
  });

  it('stores programme parameters with their exact types', async () => {
    const poor = await test.db.prisma.loanProgram.findUniqueOrThrow({
      where: { code_version: { code: 'POOR', version: 1 } },
    });
    const student = await test.db.prisma.loanProgram.findUniqueOrThrow({
      where: { code_version: { code: 'STUDENT', version: 1 } },
    });
    const jobs = await test.db.prisma.loanProgram.findUniqueOrThrow({
      where: { code_version: { code: 'JOB_CREATION', version: 1 } },
    });

    expect(poor.ceilingVnd).toBe(100_000_000n);
    expect(poor.annualRatePercent.toString()).toBe('6.6');
    expect(poor.stepOrder).toEqual([...PUBLISHED_STEP_ORDER]);
    expect(poor.voteRules).toEqual(DEFAULT_VOTE_RULES);
    expect(student.ceilingPerMonthVnd).toBe(4_000_000n);
    expect(student.ceilingVnd).toBe(480_000_000n);
    expect(jobs.annualRatePercent.toString()).toBe('8.382');
  });

  it('creates officer accounts whose demo password verifies', async () => {
    const leader = await test.db.prisma.groupMember.findFirstOrThrow({
      where: { groupCode: 'HOABINH-01', role: 'LEADER' },
    });
    const groupLeader = await test.db.prisma.officerAccount.findUniqueOrThrow({
      where: { username: 'group.HOABINH-01' },
    });
    const association = await test.db.prisma.officerAccount.findUniqueOrThrow({
      where: { username: 'assoc.WOMEN.DONGHUNG' },
    });
    const manager = await test.db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'bank.manager' } });

    expect(groupLeader).toMatchObject({ role: 'group_leader', groupCode: 'HOABINH-01', wardCode: 'HOABINH' });
    expect(groupLeader.displayName).toBe(leader.fullName);
    expect(association).toMatchObject({
      role: 'association_officer',
      associationCode: 'WOMEN',
      wardCode: 'DONGHUNG',
      email: 'assoc.WOMEN.DONGHUNG@demo.invalid',
    });
    expect(manager).toMatchObject({ role: 'bank_manager', bankOfficeCode: 'PGD-KIENXUONG' });
    expect(await verifyPassword('demo1234', groupLeader.passwordHash)).toBe(true);
    expect(await verifyPassword('demo12345', groupLeader.passwordHash)).toBe(false);
  });
});
