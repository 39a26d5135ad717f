/** Production API process: connects to an existing Temporal and database (see docker-compose.yml). */
import { loadConfig } from './config.js';
import { resolvePayloadKeyring } from './payload-keys.js';
import { exitIfRefused, log, openStore, startApi } from './runtime.js';

const config = loadConfig();
if (!config.temporal.address) throw new Error('TEMPORAL_ADDRESS is required for the API process');
const keyring = await resolvePayloadKeyring(config).catch((error: unknown) => exitIfRefused(error));
const db = await openStore(config).catch((error: unknown) => exitIfRefused(error));
const api = await startApi(config, config.temporal.address, db, keyring);
log(`API listening on ${config.host}:${config.port}`);

async function shutdown(): Promise<void> {
  await api.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
