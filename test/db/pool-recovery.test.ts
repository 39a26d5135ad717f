/**
 * A process's database handle after PostgreSQL cut its connections in the middle of interactive transactions (the
 * soak's seventh finding: after a PostgreSQL restart under load the worker never reached the database again). More
 * transactions are cut than the pool has clients (10): were one client kept per cut transaction, every later query
 * would wait for a client forever. The same handle must answer again within a bounded time, and close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/infra/database.js';
import { findFreePort } from '../../tools/dev-server.js';
import { postgresBinDir, startPrivatePostgres, type PostgresControl } from '../soak/postgres-control.js';

const databaseUrl = process.env.DATABASE_URL;
/** More than pg.Pool's default `max` (10). */
const IN_FLIGHT = 16;

/**
 * Starts IN_FLIGHT interactive transactions that each hold their connection for 30 s; resolves once all have ended,
 * and fails if they have not ended within `withinMs` (a transaction waiting for a pool client that never comes).
 */
async function holdTransactions(
  db: Database,
  withinMs: number,
): Promise<{ ended: Promise<PromiseSettledResult<unknown>[]> }> {
  const all = Promise.allSettled(
    Array.from({ length: IN_FLIGHT }, () =>
      db.prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT pg_sleep(30)`;
          await tx.$queryRaw`SELECT 1`;
        },
        { maxWait: 20_000, timeout: 40_000 },
      ),
    ),
  );
  const bound = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`the transactions had not ended after ${withinMs} ms`)), withinMs).unref(),
  );
  return { ended: Promise.race([all, bound]) };
}

/** Retries SELECT 1 through `db` until it answers; fails after `withinMs`. */
async function answersWithin(db: Database, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const attempt = await Promise.race([
      db.prisma.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`.then(
        (rows) => rows[0]?.one === 1,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), withinMs)),
    ]);
    if (attempt) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`the database handle did not answer within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves to 'closed', or to 'hung' if close() has not returned within `withinMs`. */
function closes(db: Database, withinMs: number): Promise<'closed' | 'hung'> {
  return Promise.race([
    db.close().then(() => 'closed' as const),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), withinMs)),
  ]);
}

const SLEEPING = `SELECT pid FROM pg_stat_activity
  WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active' AND pid <> pg_backend_pid()`;

async function waitForBackends(admin: pg.Client, count: number): Promise<number[]> {
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await admin.query<{ pid: number }>(SLEEPING);
    if (rows.length >= count) return rows.map((r) => r.pid);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the transactions never started');
}

describe.skipIf(!databaseUrl)('connections terminated inside transactions', () => {
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
  });

  it('leaves a pool that answers again at once, and closes', async () => {
    const db = await openDatabase({ databaseUrl: databaseUrl! });
    try {
      const { ended } = await holdTransactions(db, 25_000);
      let over = false;
      const outcomes = ended.finally(() => (over = true));
      // The pool has 10 clients: the first 10 transactions hold them and the others wait for one. Each cut
      // transaction's place goes to a waiting one (if its client is given back), which is cut in turn.
      await waitForBackends(admin, 10);
      while (!over) {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM (${SLEEPING}) AS sleeping`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await outcomes).every((o) => o.status === 'rejected')).toBe(true);

      await answersWithin(db, 5_000);
    } finally {
      expect(await closes(db, 5_000)).toBe('closed');
    }
  }, 60_000);
});

// A private cluster, stopped and started as the soak does; in the pass without DATABASE_URL (CI has the binaries).
describe.skipIf(databaseUrl !== undefined || postgresBinDir() === undefined)('PostgreSQL stopped and started', () => {
  let server: PostgresControl;
  let url: string;
  beforeAll(async () => {
    server = await startPrivatePostgres(await findFreePort());
    url = server.adminUrl;
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  });

  it('with transactions in flight leaves a handle that answers once it is back, and closes', async () => {
    const db = await openDatabase({ databaseUrl: url });
    try {
      await answersWithin(db, 5_000);
      const { ended } = await holdTransactions(db, 40_000);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await waitForBackends(admin, 10).finally(() => admin.end());

      await server.stop();
      expect((await ended).every((o) => o.status === 'rejected')).toBe(true);
      await server.start();

      await answersWithin(db, 15_000);
    } finally {
      expect(await closes(db, 5_000)).toBe('closed');
    }
  }, 120_000);
});
