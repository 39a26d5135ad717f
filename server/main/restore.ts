/**
 * `npm run restore -- <backup directory>`: puts a backup made by `npm run backup` back as the data
 * directory. Refuses while `npm start` runs; the data directory it replaces is kept aside, never deleted.
 */
import { restoreDataDir } from '../infra/backup.js';
import { DataDirBusy } from '../infra/data-dir-lock.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const backupDir = process.argv[2];
if (!backupDir) {
  console.error('Usage: npm run restore -- <backup directory>');
  process.exit(1);
}
try {
  const { restored, setAside } = await restoreDataDir(backupDir, config.dataDir);
  console.log(`Restored ${config.dataDir} from the backup of ${restored.createdAt}`);
  if (setAside) console.log(`The data directory it replaced is kept in ${setAside}`);
} catch (error) {
  console.error(error instanceof DataDirBusy ? `Refusing to restore: ${error.message}` : String(error));
  process.exit(1);
}
