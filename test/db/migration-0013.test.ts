/**
 * Migration 0013 gives the inbox and the list indexes that hold every column their id queries read, so a bank
 * office's tens of thousands of applications are filtered and ordered from the index alone, without reading the
 * table (npm run bench:volume shows the index-only scans at 1,000,000 applications). An empty test database gives
 * the planner no reason to prefer them, so this checks what the plans rely on: the indexes' columns and order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migrateDatabase } from '../../server/infra/migrate.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

/** What listApplications' id query reads: scope (ward, association, group), filters, the folded name, order. */
const LIST_READS = [
  'ward_code',
  'association_code',
  'group_code',
  'current_step',
  'status',
  'borrower_name_folded',
  'submitted_at',
  'id',
];
/** What readInbox's id query reads for a ward, association or bank officer. */
const INBOX_READS = [
  'ward_code',
  'status',
  'current_step',
  'proposed_by',
  'step_holder',
  'step_since',
  'submitted_at',
  'id',
];

describe('migration 0013', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase();
    await migrateDatabase(test.db);
  });

  afterAll(async () => {
    await test.dispose();
  });

  /** The index's columns in key order, with the direction of each. */
  async function columnsOf(index: string): Promise<string[]> {
    const rows = await test.db.prisma.$queryRawUnsafe<{ name: string; descending: boolean }[]>(
      `SELECT a.attname::text AS name, (i.indoption::int2[])[k.n - 1] & 1 = 1 AS descending
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace
       ORDER BY k.n`,
      index,
    );
    return rows.map((row) => (row.descending ? `${row.name} DESC` : row.name));
  }

  it('orders the list index by ward, then newest first, and holds every column the id query reads', async () => {
    const columns = await columnsOf('applications_list_idx');

    expect(columns.slice(0, 3)).toEqual(['ward_code', 'submitted_at DESC', 'id']);
    expect(columns.map((column) => column.replace(' DESC', ''))).toEqual(expect.arrayContaining(LIST_READS));
  });

  it('orders the inbox index by ward, status, step and waiting time, and holds every column the id query reads', async () => {
    const columns = await columnsOf('applications_inbox_idx');

    expect(columns.slice(0, 5)).toEqual(['ward_code', 'status', 'current_step', 'step_since', 'submitted_at']);
    expect(columns).toEqual(expect.arrayContaining(INBOX_READS));
  });

  it("finds a bank office's wards by an index, and keeps no duplicate of the inbox index's first columns", async () => {
    expect(await columnsOf('wards_bank_office_code_idx')).toEqual(['bank_office_code']);
    expect(await columnsOf('applications_ward_code_status_idx')).toEqual([]);
  });
});
