/**
 * `npm run backup [-- <backup root>]`: copies the embedded default's data directory (PGlite and the
 * Temporal dev server's store) into a timestamped directory under BACKUP_DIR (default ./backups). Refuses
 * while `npm start` runs: stop it first, so both stores are from the same moment. With DATABASE_URL or
 * TEMPORAL_ADDRESS, see the README's production backups instead.
 */
import { backupDataDir } from '../infra/backup.js';
import { DataDirBusy } from '../infra/data-dir-lock.js';
import { loadConfig } from './config.js';

const config = loadConfig();
if (config.databaseUrl || config.temporal.address) {
  console.error('npm run backup copies the embedded default only; back up PostgreSQL as the README describes.');
  process.exit(1);
}
try {
  const target = await backupDataDir(config.dataDir, process.argv[2] ?? process.env.BACKUP_DIR ?? 'backups');
  console.log(`Backed up ${config.dataDir} to ${target}`);
} catch (error) {
  console.error(error instanceof DataDirBusy ? `Refusing to back up: ${error.message}` : String(error));
  process.exit(1);
}
