/**
 * One migrated and seeded PGlite database per test run, copied by every stack that runs on PGlite. A new PGlite
 * runs initdb in WebAssembly (3 to 4 s on 2 cores), and migrating and seeding it takes about another second;
 * opening a snapshot takes under one. The run's global setup (`global-setup.ts`) gives each run an empty
 * directory for it, so no run sees the schema or seed of an earlier one.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { openDatabase, type Database } from '../../server/infra/database.js';

export const TEMPLATE_DIR_VARIABLE = 'TEST_PGLITE_TEMPLATE_DIR';

/** An in-memory PGlite after `prepare`: the run's snapshot when there is one, else prepared here and stored. */
export async function openPreparedPglite(prepare: (db: Database) => Promise<void>): Promise<Database> {
  const dir = process.env[TEMPLATE_DIR_VARIABLE];
  const file = dir && path.join(dir, 'prepared.tar');
  const stored = file ? await readFile(file).catch(() => undefined) : undefined;
  if (stored) return openDatabase({ pgliteDir: 'memory://', pgliteSnapshot: new Blob([stored]) });

  const db = await openDatabase({ pgliteDir: 'memory://' });
  await prepare(db);
  if (file) {
    const snapshot = Buffer.from(await (await db.snapshot!()).arrayBuffer());
    // Written whole under another name first, so a file that reads it never sees half a snapshot.
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, snapshot);
    await rename(partial, file);
  }
  return db;
}
