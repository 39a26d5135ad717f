/**
 * PostgreSQL going away under the API (stopped, restarting, a connection terminated by an administrator): the soak
 * found such requests answered 500 INTERNAL. They are refused 503 DATABASE_UNAVAILABLE, so a client knows to retry.
 * The errors here are real ones, from the driver on a port nobody listens on and on a terminated connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/infra/database.js';
import { normalise } from '../../server/http/middleware/error-handler.js';
import { findFreePort } from '../../tools/dev-server.js';

const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)('a database it cannot use right now', () => {
  let db: Database;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: databaseUrl! });
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    // Bounded: after a terminated transaction the pool may wait on the connection it lost (see the k1 report).
    await Promise.race([db?.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });

  it('is 503 DATABASE_UNAVAILABLE when the server cannot be reached', async () => {
    const url = new URL(databaseUrl!);
    url.port = String(await findFreePort());
    const unreachable = await openDatabase({ databaseUrl: url.toString() });
    try {
      const error = await unreachable.prisma.ward.findMany().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(normalise(error)?.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await unreachable.close();
    }
  });

  it('is 503 DATABASE_UNAVAILABLE when the server terminated the connection', async () => {
    const error = await db.prisma
      .$transaction(async (tx) => {
        const rows = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await tx.$queryRaw`SELECT 1`;
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
    expect(normalise(error)?.code).toBe('DATABASE_UNAVAILABLE');
    // The pool goes on: a new connection replaces the one that was cut.
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('is still a 500 for a query that is simply wrong', async () => {
    const error = await db.prisma.$queryRaw`SELECT * FROM no_such_table`.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(normalise(error)).toBeNull();
  });
});
