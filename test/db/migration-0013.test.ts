/**
 * Migration 0013 gives the inbox and the list indexes that hold every column their id queries read, so a
 * bank office's tens of thousands of applications are filtered and ordered without reading the table
 * (npm run bench:volume measures it at 1,000,000 applications). The planner is left no other path here, so a
 * column missing from an index shows as a plan that reads the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migrateDatabase } from '../../server/infra/migrate.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

/** The id query of the list, with every filter and the name search, as listApplications sends it. */
const LIST_IDS = `SELECT id FROM applications
  WHERE ward_code = ANY (ARRAY['A', 'B']) AND ward_code = 'A' AND association_code = 'WOMEN' AND group_code = 'A-T01'
    AND current_step = 'group-vote' AND status = 'IN_PROGRESS' AND borrower_name_folded LIKE '%van anh%'
  ORDER BY submitted_at DESC, id LIMIT 20 OFFSET 40`;

/** The id query of a bank credit officer's inbox, as readInbox sends it. */
const INBOX_IDS = `SELECT id FROM applications
  WHERE ward_code = ANY (ARRAY['A', 'B']) AND current_step = ANY (ARRAY['bank-approval', 'disbursement'])
    AND ((current_step = 'bank-approval' AND proposed_by IS NULL) OR current_step = 'disbursement')
    AND status = 'IN_PROGRESS' AND (step_holder IS NULL OR step_holder = 'bank.officer')
  ORDER BY step_since, submitted_at, id LIMIT 500`;

describe('migration 0013', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase();
    await migrateDatabase(test.db);
  });

  afterAll(async () => {
    await test.dispose();
  });

  async function planOf(sql: string): Promise<string> {
    return test.db.prisma.$transaction(async (tx) => {
      for (const scan of ['seqscan', 'bitmapscan', 'indexscan'])
        await tx.$executeRawUnsafe(`SET LOCAL enable_${scan} = off`);
      const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  it("answers the list's ids from the list index alone", async () => {
    expect(await planOf(LIST_IDS)).toMatch(/Index Only Scan using applications_list_idx on applications/);
  });

  it("answers the inbox's ids from the inbox index alone", async () => {
    expect(await planOf(INBOX_IDS)).toMatch(/Index Only Scan using applications_inbox_idx on applications/);
  });

  it("finds a bank office's wards by an index, and keeps no duplicate of the inbox index's first columns", async () => {
    const indexes = await test.db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = current_schema()
         AND tablename IN ('applications', 'wards') ORDER BY 1`,
    );
    const names = indexes.map((index) => index.name);
    expect(names).toContain('wards_bank_office_code_idx');
    expect(names).not.toContain('applications_ward_code_status_idx');
  });
});
