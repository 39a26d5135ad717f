/**
 * One run of the volume benchmark: open the database, migrate it, generate the data unless this scale is already
 * there (or `fresh` asks for it again), then measure the read model's queries and print their plans.
 */
import os from 'node:os';

import { migrateDatabase } from '../../server/infra/migrate.js';
import { openObservedDatabase } from './volume-database.js';
import { measureQueries, type QueryFigure, type QueryPlan } from './volume-queries.js';
import { seedVolume, volumeSeeded, volumeShape, type VolumeScale } from './volume-seed.js';

export interface VolumeBenchOptions extends VolumeScale {
  /** PostgreSQL URL (`?schema=` honoured); without it an in-memory PGlite. */
  databaseUrl: string | undefined;
  fresh: boolean;
  runs: number;
  print: (line: string) => void;
}

export async function runVolumeBench(
  options: VolumeBenchOptions,
): Promise<{ figures: QueryFigure[]; plans: QueryPlan[]; generated: boolean }> {
  const { print } = options;
  const observed = await openObservedDatabase(options.databaseUrl);
  try {
    const { db } = observed;
    const [version] = await db.prisma.$queryRawUnsafe<{ version: string }[]>('SELECT version()');
    print(
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    print(`Database: ${db.kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL'} — ${version?.version ?? ''}`);
    await migrateDatabase(db);
    const shape = volumeShape(options);
    const generate = options.fresh || !(await volumeSeeded(db.prisma, options));
    if (generate) {
      print(
        `Generating ${options.applications.toLocaleString('en')} applications over ${shape.wards} wards, ${shape.groups} groups, ${shape.bankOffices} bank offices:`,
      );
      const started = performance.now();
      await seedVolume(db.prisma, options, print);
      print(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      print(
        `Reusing the ${options.applications.toLocaleString('en')} applications already stored (--fresh generates them again)`,
      );
    }
    const [counts] = await db.prisma.$queryRawUnsafe<{ applications: number; events: number; size: string }[]>(
      `SELECT (SELECT count(*)::int FROM applications) AS applications, (SELECT count(*)::int FROM audit_events) AS events,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    print(
      `Stored: ${counts?.applications.toLocaleString('en')} applications, ${counts?.events.toLocaleString('en')} audit events, database ${counts?.size}`,
    );
    const measured = await measureQueries(observed, { runs: options.runs, total: options.applications, print });
    return { ...measured, generated: generate };
  } finally {
    await observed.db.close();
  }
}
