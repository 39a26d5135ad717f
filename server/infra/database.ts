import { mkdirSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { PrismaClient, type Prisma } from '../../prisma/generated/client.js';
import { POOL_BOUNDS, createPostgresAdapter } from './postgres-adapter.js';

/**
 * The one database handle of a process. In the embedded mode the API and the Temporal worker run in
 * the same process and share it: PGlite is single-connection, so there must be exactly one per directory.
 */
export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  /** Runs multi-statement SQL through the raw driver (simple query protocol): one implicit transaction. */
  exec(sql: string): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to open another database from (`pgliteSnapshot`). */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgresql://…` URL; `?schema=name` selects (and creates) a schema other than `public`. */
  databaseUrl?: string;
  /** PGlite data directory, created if missing; `memory://` for an in-memory database. */
  pgliteDir?: string;
  /** A PGlite `snapshot()` to start from instead of initialising a new data directory. */
  pgliteSnapshot?: Blob;
}

/** Opens PostgreSQL when `databaseUrl` is set, otherwise the embedded PGlite database. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.pgliteDir ?? './data/pglite', options.pgliteSnapshot);
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const { connectionString, schema } = splitSchema(databaseUrl);
  const pool = new pg.Pool({
    connectionString,
    ...POOL_BOUNDS,
    ...(schema ? { options: `-c search_path=${quoteIdentifier(schema)}` } : {}),
  });
  // An idle client that loses its connection emits on the pool; unhandled, that would kill the process.
  pool.on('error', (error) => console.error(`PostgreSQL pool: idle connection failed: ${error.message}`));
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: createPostgresAdapter(pool, schema) });
  return {
    prisma,
    kind: 'postgres',
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, snapshot: Blob | undefined): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, snapshot ? { loadDataDir: snapshot } : {});
  const prisma = new PrismaClient({
    adapter: withPrismaErrorKinds(new PrismaPGlite(client) as unknown as AdapterFactory),
  });
  return {
    prisma,
    kind: 'pglite',
    async exec(sql) {
      await client.exec(sql);
    },
    snapshot: () => client.dumpDataDir('none'),
    async close() {
      await prisma.$disconnect();
      // PGlite's Postgres keeps re-arming an internal timer: without close() the process never exits.
      if (!client.closed) await client.close();
    },
  };
}

/** Prisma's `?schema=` URL parameter is not a libpq parameter: take it out before pg sees it. */
function splitSchema(databaseUrl: string): { connectionString: string; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema: schema === 'public' ? undefined : schema };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// pglite-prisma-adapter 0.6 is built against driver-adapter-utils 6.10 and reports every database error as
// `kind: 'postgres'`, which Prisma 6.19 rethrows raw. The wrapper below gives them the kinds @prisma/adapter-pg
// reports (so a unique violation is P2002 on both databases). The types of both versions are compatible at
// runtime (same column-type codes; the PGlite adapter ignores argTypes) but not nominally, hence the cast.
type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;
type DriverAdapter = Awaited<ReturnType<AdapterFactory['connect']>>;
type DriverTransaction = Awaited<ReturnType<DriverAdapter['startTransaction']>>;

function withPrismaErrorKinds(factory: AdapterFactory): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrapAdapter(await factory.connect()),
  };
}

function wrapAdapter(adapter: DriverAdapter): DriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query).catch(rethrowWithKind),
    executeRaw: (query) => adapter.executeRaw(query).catch(rethrowWithKind),
    executeScript: (script) => adapter.executeScript(script).catch(rethrowWithKind),
    startTransaction: async (isolationLevel) =>
      wrapTransaction(await adapter.startTransaction(isolationLevel).catch(rethrowWithKind)),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: adapter.getConnectionInfo.bind(adapter) } : {}),
    dispose: () => adapter.dispose(),
  };
}

function wrapTransaction(transaction: DriverTransaction): DriverTransaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query).catch(rethrowWithKind),
    executeRaw: (query) => transaction.executeRaw(query).catch(rethrowWithKind),
    commit: () => transaction.commit().catch(rethrowWithKind),
    rollback: () => transaction.rollback().catch(rethrowWithKind),
  };
}

interface RawPostgresCause {
  kind: 'postgres';
  code: string;
  message: string;
  detail?: string;
  column?: string;
}

/** The subset of @prisma/adapter-pg's SQLSTATE mapping that matters to this application. */
function rethrowWithKind(error: unknown): never {
  if (!(error instanceof Error) || error.name !== 'DriverAdapterError') throw error;
  const cause = error.cause as RawPostgresCause | undefined;
  if (cause?.kind !== 'postgres') throw error;
  const fields = cause.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(', ');
  const constraint = fields ? { fields } : cause.column ? { fields: [cause.column] } : undefined;
  const kinds: Record<string, object> = {
    '23505': { kind: 'UniqueConstraintViolation', constraint },
    '23503': { kind: 'ForeignKeyConstraintViolation', constraint },
    '23502': { kind: 'NullConstraintViolation', constraint },
    '22001': { kind: 'LengthMismatch', column: cause.column },
    '22003': { kind: 'ValueOutOfRange', cause: cause.message },
    '40001': { kind: 'TransactionWriteConflict' },
  };
  const mapped = kinds[cause.code];
  if (mapped) error.cause = { originalCode: cause.code, originalMessage: cause.message, ...mapped };
  throw error;
}

/** Whether the database answers: what the health check asks. */
export async function pingDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
