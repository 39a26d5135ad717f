import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';

import type { Prisma } from '../../prisma/generated/client.js';
import { isDatabaseUnavailable } from './database-errors.js';

/**
 * Bounds on the pool of a PostgreSQL process. pg's default for a wait for a free client is forever: once every
 * client is taken, a query waits without end. With a bound the wait fails (503 in the API, a retried attempt in an
 * activity), and the next attempt finds the pool again.
 */
export const POOL_BOUNDS = {
  connectionTimeoutMillis: 10_000,
  idleTimeoutMillis: 30_000,
  // A peer that vanished without closing the socket is noticed by TCP instead of never.
  keepAlive: true,
} satisfies pg.PoolConfig;

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;
type DriverAdapter = Awaited<ReturnType<AdapterFactory['connect']>>;
type DriverTransaction = Awaited<ReturnType<DriverAdapter['startTransaction']>>;

/** What an interactive transaction of @prisma/adapter-pg 6.19 holds: the pool client it checked out. */
interface PooledTransaction {
  client?: { release(error?: Error): void };
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * @prisma/adapter-pg over `pool`, with the pool's clients always given back. Prisma's transaction manager (6.19)
 * sends COMMIT or ROLLBACK and only then asks the adapter to release the pool client; when that statement fails
 * (PostgreSQL stopped, a connection terminated), it never does. Each transaction cut that way kept one of the
 * pool's clients checked out for good, and after `max` of them (10) every query of the process waited for a client
 * forever: the worker that stopped reaching PostgreSQL after a restart under load (the soak's seventh finding),
 * and the `close()` that did not return (its sixth). Here a transaction whose connection is lost, or whose
 * COMMIT / ROLLBACK fails, destroys its client at once (`release(error)`), so the pool opens a fresh one.
 */
export function createPostgresAdapter(pool: pg.Pool, schema: string | undefined): AdapterFactory {
  const factory = new PrismaPg(pool, schema ? { schema } : undefined);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => releasingClient(await startTransaction(isolationLevel));
      return adapter;
    },
  };
}

function releasingClient(transaction: DriverTransaction): DriverTransaction {
  const client = (transaction as PooledTransaction).client;
  // Another adapter version keeps its client elsewhere: the test of this module says so (it fails).
  if (typeof client?.release !== 'function') return transaction;
  let released = false;
  const destroy = (error: unknown): void => {
    if (released) return;
    released = true;
    client.release(error instanceof Error ? error : new Error(String(error)));
  };
  const guarded =
    <T>(run: (query: Parameters<DriverTransaction['queryRaw']>[0]) => Promise<T>) =>
    async (query: Parameters<DriverTransaction['queryRaw']>[0]): Promise<T> => {
      try {
        return await run(query);
      } catch (error) {
        if (ENDS_TRANSACTION.test(query.sql) || isDatabaseUnavailable(error)) destroy(error);
        throw error;
      }
    };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: guarded((query) => transaction.queryRaw(query)),
    executeRaw: guarded((query) => transaction.executeRaw(query)),
    // The adapter's own commit() and rollback() release the client (without an error): only once.
    commit: async () => {
      if (released) return;
      released = true;
      await transaction.commit();
    },
    rollback: async () => {
      if (released) return;
      released = true;
      await transaction.rollback();
    },
  };
}
