/** Migration 0008 folds the names of the applications already stored, for the search by name. */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { foldText } from '../../server/domain/text.js';
import { migrateDatabase } from '../../server/infra/migrate.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const BEFORE = '0008_borrower_name_search';

/** Every Vietnamese vowel with every tone, in both cases, plus đ and punctuation. */
const NAMES = [
  'Nguyễn Văn Ánh',
  'ĐẶNG THỊ HOÀ',
  'Trần Thị Đào-Hòa',
  'àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ',
  'ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ Đ',
  "  Lê  O'Brien 2 ",
];

describe('migration 0008', () => {
  let test: TestDatabase;
  let scratch: string;

  beforeEach(async () => {
    test = await openTestDatabase();
    scratch = await mkdtemp(path.join(tmpdir(), 'loan-0008-'));
  });

  afterEach(async () => {
    await test.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  it('folds every stored borrower name the way the activity folds a new one', async () => {
    const older = path.join(scratch, 'migrations');
    for (const entry of await readdir(migrationsDir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name < BEFORE)
        await cp(path.join(migrationsDir, entry.name), path.join(older, entry.name), { recursive: true });
    }
    await migrateDatabase(test.db, older);
    const values = NAMES.map(
      (name, i) => `('00000000-0000-4000-8000-00000000010${i}', 'W1-2026-AAAAA${i}', 'wf-${i}',
        '00000000-0000-4000-8000-0000000000f1', 'POOR', 'W1', 'W1-01', 'FARMERS',
        '00000000-0000-4000-8000-000000000001', 'POOR', '${name.replace(/'/gu, "''")}', '03400000000${i}',
        '1985-04-12', 1000, 12, 'p', 'u', 'SUBMITTED', 1, now(), now())`,
    );
    await test.db.exec(`
      INSERT INTO bank_offices (code, name) VALUES ('PGD-A', 'A');
      INSERT INTO wards (code, name, district, province, transaction_point, bank_office_code)
        VALUES ('W1', 'Phường 1', 'H', 'T', 'Điểm 1', 'PGD-A');
      INSERT INTO mass_organisations (code, name_vi, name_en) VALUES ('FARMERS', 'Hội Nông dân', 'Farmers');
      INSERT INTO savings_groups (code, name, village, ward_code, association_code)
        VALUES ('W1-01', 'Tổ 1', 'Thôn 1', 'W1', 'FARMERS');
      INSERT INTO households (id, ward_code, category, head_name, head_citizen_id, updated_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 'W1', 'POOR', 'Chủ hộ', '034000000001', now());
      INSERT INTO loan_programs (id, code, version, name_vi, name_en, ceiling_vnd, annual_rate_percent,
          max_term_months, step_order, eligible_categories, vote_rules)
        VALUES ('00000000-0000-4000-8000-0000000000f1', 'POOR', 1, 'Hộ nghèo', 'Poor', 100000000, 6.6, 60,
          '{group-vote}', '{POOR}', '{}');
      INSERT INTO applications (id, code, workflow_id, program_id, program_code, ward_code, group_code,
          association_code, household_id, household_category, borrower_name, borrower_citizen_id,
          borrower_birth_date, amount_requested, term_months, purpose, use_plan, status, last_event_seq,
          submitted_at, updated_at)
        VALUES ${values.join(',\n')};
    `);

    const { applied } = await migrateDatabase(test.db, migrationsDir);

    expect(applied).toContain(BEFORE);
    const rows = await test.db.prisma.application.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.borrowerNameFolded)).toEqual(NAMES.map(foldText));
    expect(rows[3]?.borrowerNameFolded).toMatch(/^[a-z ]+$/u);
  });
});
