import { openDatabase } from '../server/infra/database.js';
import { migrateDatabase } from '../server/infra/migrate.js';
import { hashPassword } from '../server/infra/passwords.js';

import { seedDemoData } from './seed.js';

// `npm run db:seed` (migrate, then seed) and `npm run db:migrate` (`--migrate-only`): the database named by
// DATABASE_URL, else the embedded PGlite at PGLITE_DIR. Unlike the Prisma CLI, this also migrates PostgreSQL.
const migrateOnly = process.argv.includes('--migrate-only');
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR || './data/pglite',
});
try {
  const { applied } = await migrateDatabase(db);
  const migrated = applied.length > 0 ? `applied ${applied.join(', ')}` : 'no pending migrations';
  if (migrateOnly) {
    console.log(`db:migrate (${db.kind}): ${migrated}`);
  } else {
    const { seeded } = await seedDemoData(db.prisma, { hashPassword });
    const outcome = seeded ? 'demo data inserted' : 'demo data already present, unchanged';
    console.log(`db:seed (${db.kind}): ${migrated}; ${outcome}`);
  }
} finally {
  await db.close();
}
