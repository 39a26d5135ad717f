/** Migration 0007 places debts recorded before wards were required, and lists the associations of each ward. */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { migrateDatabase } from '../../server/infra/migrate.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const BEFORE = '0007_admin_reference_and_debts';

describe('migration 0007', () => {
  let test: TestDatabase;
  let scratch: string;

  beforeEach(async () => {
    test = await openTestDatabase();
    scratch = await mkdtemp(path.join(tmpdir(), 'loan-0007-'));
  });

  afterEach(async () => {
    await test.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  it('gives an old debt the ward of the citizen’s household, as head or member, and leaves the rest without', async () => {
    const older = path.join(scratch, 'migrations');
    for (const entry of await readdir(migrationsDir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name < BEFORE)
        await cp(path.join(migrationsDir, entry.name), path.join(older, entry.name), { recursive: true });
    }
    await migrateDatabase(test.db, older);
    await test.db.exec(`
      INSERT INTO bank_offices (code, name) VALUES ('PGD-A', 'A');
      INSERT INTO wards (code, name, district, province, transaction_point, bank_office_code)
        VALUES ('W1', 'Phường 1', 'H', 'T', 'Điểm 1', 'PGD-A'), ('W2', 'Xã 2', 'H', 'T', 'Điểm 2', 'PGD-A');
      INSERT INTO mass_organisations (code, name_vi, name_en) VALUES ('FARMERS', 'Hội Nông dân', 'Farmers');
      INSERT INTO savings_groups (code, name, village, ward_code, association_code)
        VALUES ('W2-01', 'Tổ 1', 'Thôn 1', 'W2', 'FARMERS'), ('W2-02', 'Tổ 2', 'Thôn 2', 'W2', 'FARMERS');
      INSERT INTO households (id, ward_code, category, head_name, head_citizen_id, updated_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 'W1', 'POOR', 'Chủ hộ', '034000000001', now());
      INSERT INTO household_members (id, household_id, full_name, citizen_id, relationship)
        VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Vợ', '034000000002', 'Vợ');
      INSERT INTO overdue_debts (id, citizen_id, amount_vnd, since, recorded_by) VALUES
        ('00000000-0000-4000-8000-00000000000a', '034000000001', 1000, '2025-01-01', 'cu'),
        ('00000000-0000-4000-8000-00000000000b', '034000000002', 1000, '2025-01-01', 'cu'),
        ('00000000-0000-4000-8000-00000000000c', '034000000009', 1000, '2025-01-01', 'cu');
    `);

    const { applied } = await migrateDatabase(test.db, migrationsDir);

    expect(applied).toContain(BEFORE);
    const debts = await test.db.prisma.overdueDebt.findMany({ orderBy: { id: 'asc' } });
    expect(debts.map((debt) => [debt.citizenId, debt.wardCode, debt.clearRequestedBy])).toEqual([
      ['034000000001', 'W1', null],
      ['034000000002', 'W1', null],
      ['034000000009', null, null],
    ]);
    const associations = await test.db.prisma.wardAssociation.findMany();
    expect(associations.map((row) => [row.wardCode, row.associationCode])).toEqual([['W2', 'FARMERS']]);
  });
});
