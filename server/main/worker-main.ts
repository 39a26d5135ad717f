/** Production worker process; run as many as the load needs, all on the same task queue. */
import { loadConfig } from './config.js';
import { resolvePayloadKeyring } from './payload-keys.js';
import { exitIfRefused, openStore, startWorker, stopWorker } from './runtime.js';

const config = loadConfig();
if (!config.temporal.address) throw new Error('TEMPORAL_ADDRESS is required for the worker process');
const keyring = await resolvePayloadKeyring(config).catch((error: unknown) => exitIfRefused(error));
const db = await openStore(config).catch((error: unknown) => exitIfRefused(error));
const { worker, mailer, running } = await startWorker(config, config.temporal.address, db, keyring);

process.on('SIGINT', () => stopWorker(worker));
process.on('SIGTERM', () => stopWorker(worker));
await running;
mailer.close();
await db.close();
