/** Production worker process; run as many as the load needs, all on the same task queue. */
import { loadConfig } from './config.js';
import { resolvePayloadKeyring } from './payload-keys.js';
import { messageLog } from '../infra/logger.js';
import { exitIfRefused, openStore, processLogger, startWorker, stopWorker } from './runtime.js';
import { stopOnSignals } from './shutdown.js';

const config = loadConfig();
const logger = processLogger(config);
if (!config.temporal.address) throw new Error('TEMPORAL_ADDRESS is required for the worker process');
const keyring = await resolvePayloadKeyring(config).catch((error: unknown) => exitIfRefused(error));
const db = await openStore(config, { log: messageLog(logger) }).catch((error: unknown) => exitIfRefused(error));
const { worker, mailer, running } = await startWorker(config, config.temporal.address, db, keyring, logger);

stopOnSignals(logger, [
  async () => {
    stopWorker(worker);
    await running;
  },
  () => mailer.close(),
  () => db.close(),
]);
await running;
