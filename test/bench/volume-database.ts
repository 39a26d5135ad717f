/**
 * The volume benchmark's database handle: the same Prisma client and driver adapters the server opens
 * (server/infra/database.ts), with the adapter wrapped so the benchmark sees the exact SQL and arguments each
 * use case sends, and can ask the database to EXPLAIN precisely that statement with the same parameter types.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { PrismaClient, type Prisma } from '../../prisma/generated/client.js';
import type { Database } from '../../server/infra/database.js';

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;
type DriverAdapter = Awaited<ReturnType<AdapterFactory['connect']>>;
type SqlQuery = Parameters<DriverAdapter['queryRaw']>[0];

export interface ObservedDatabase {
  db: Database;
  /** Runs `work` and returns every statement it sent (outside transactions), in order. */
  capture(work: () => Promise<unknown>): Promise<SqlQuery[]>;
  /** Sends one captured statement again through the driver alone (no Prisma: no query compiling, no mapping). */
  replay(query: SqlQuery): Promise<void>;
  /** EXPLAIN (ANALYZE, BUFFERS) of one captured statement, as the database prints it. */
  explain(query: SqlQuery): Promise<string>;
}

/** PostgreSQL when `databaseUrl` is set (`?schema=` honoured), otherwise an in-memory PGlite. */
export async function openObservedDatabase(databaseUrl: string | undefined): Promise<ObservedDatabase> {
  let adapter: DriverAdapter | undefined;
  let recording: SqlQuery[] | null = null;
  const observe = (factory: AdapterFactory): AdapterFactory => ({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connected = await factory.connect();
      adapter = connected;
      const queryRaw = connected.queryRaw.bind(connected);
      connected.queryRaw = (query) => {
        recording?.push(query);
        return queryRaw(query);
      };
      return connected;
    },
  });
  const db = databaseUrl ? await openPostgres(databaseUrl, observe) : await openPglite(observe);
  return {
    db,
    async capture(work) {
      recording = [];
      try {
        await work();
        return recording;
      } finally {
        recording = null;
      }
    },
    async replay(query) {
      if (!adapter) throw new Error('the database was not used yet');
      await adapter.queryRaw(query);
    },
    async explain(query) {
      if (!adapter) throw new Error('the database was not used yet');
      const result = await adapter.queryRaw({ ...query, sql: `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}` });
      return result.rows.map((row) => String(row[0])).join('\n');
    },
  };
}

async function openPostgres(databaseUrl: string, observe: (f: AdapterFactory) => AdapterFactory): Promise<Database> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  const quoted = schema ? `"${schema.replaceAll('"', '""')}"` : undefined;
  const pool = new pg.Pool({
    connectionString: url.toString(),
    ...(quoted ? { options: `-c search_path=${quoted}` } : {}),
  });
  pool.on('error', (error) => console.error(`PostgreSQL pool: idle connection failed: ${error.message}`));
  if (quoted) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
  const prisma = new PrismaClient({ adapter: observe(new PrismaPg(pool, schema ? { schema } : undefined)) });
  return {
    prisma,
    kind: 'postgres',
    exec: async (sql) => void (await pool.query(sql)),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(observe: (f: AdapterFactory) => AdapterFactory): Promise<Database> {
  const client = await PGlite.create('memory://');
  // pglite-prisma-adapter's types are of another driver-adapter-utils version; identical at runtime.
  const prisma = new PrismaClient({ adapter: observe(new PrismaPGlite(client) as unknown as AdapterFactory) });
  return {
    prisma,
    kind: 'pglite',
    exec: async (sql) => void (await client.exec(sql)),
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}
