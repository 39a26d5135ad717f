import { randomBytes } from 'node:crypto';

import { openDatabase, type Database } from '../../server/infra/database.js';

export interface TestDatabase {
  db: Database;
  /** The URL the database was opened with (PostgreSQL only), to open a second handle on the same schema. */
  databaseUrl: string | undefined;
  dispose(): Promise<void>;
}

/**
 * In-memory PGlite by default; with DATABASE_URL set, a fresh schema on that PostgreSQL database, dropped
 * on dispose, so runs are repeatable and do not disturb other users of the database.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    return { db, databaseUrl: undefined, dispose: () => db.close() };
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  const databaseUrl = url.toString();
  const db = await openDatabase({ databaseUrl });
  return {
    db,
    databaseUrl,
    async dispose() {
      try {
        await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}
