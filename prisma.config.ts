import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig, type PrismaConfig } from 'prisma/config';

// The schema keeps `url = env("DATABASE_URL")` because without it the CLI falls back to downloading
// native engines. With the JS schema engine that URL is never dialled: the adapter below is used.
if (process.env.DATABASE_URL && process.env.DATABASE_URL !== 'postgresql://pglite/local') {
  console.warn(
    'prisma.config.ts: the Prisma CLI works on PGlite only; DATABASE_URL is ignored. Use npm run db:migrate.',
  );
}
process.env.DATABASE_URL ??= 'postgresql://pglite/local';

let pglite: PGlite | undefined;

/**
 * One PGlite per CLI process: the CLI calls `adapter()` more than once, and two PGlite instances over
 * the same directory lose each other's writes.
 */
function openPglite(): PGlite {
  if (!pglite) {
    const dataDir = process.env.PGLITE_DIR ?? './data/pglite';
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    unrefPostgresTimers();
    pglite = new PGlite(dataDir);
  }
  return pglite;
}

/**
 * The CLI never disposes the adapter and, on success, waits for the event loop to drain. PGlite's
 * Postgres re-arms a 10 s stats timer (emscripten setitimer -> setTimeout) forever, so
 * `migrate deploy` / `migrate status` would print their result and then hang. Unref only those timers.
 * Every commit is already written to the data directory, so exiting with them pending loses nothing.
 */
function unrefPostgresTimers(): void {
  const original = globalThis.setTimeout;
  const patched = (handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]) => {
    const timer = original(handler, timeout, ...args);
    if (typeof handler === 'function' && handler.toString().includes('_emscripten_timeout')) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}

/**
 * pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10: compatible at runtime with the
 * 6.19 schema engine, but not nominally.
 */
type SchemaEngineAdapterFactory = Awaited<ReturnType<Extract<PrismaConfig, { engine: 'js' }>['adapter']>>;

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  // The CLI migrates the embedded PGlite database only: migrating through @prisma/adapter-pg fails
  // upstream (prisma/orm#27403), so real PostgreSQL is migrated by server/infra/migrate.ts instead.
  async adapter() {
    return new PrismaPGlite(openPglite()) as unknown as SchemaEngineAdapterFactory;
  },
});
