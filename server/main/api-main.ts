/** Production API process: connects to an existing Temporal and database (see docker-compose.yml). */
import { loadConfig } from './config.js';
import { resolvePayloadKeyring } from './payload-keys.js';
import { messageLog } from '../infra/logger.js';
import { exitIfRefused, openStore, processLogger, startApi } from './runtime.js';
import { stopOnSignals } from './shutdown.js';

const config = loadConfig();
const logger = processLogger(config);
if (!config.temporal.address) throw new Error('TEMPORAL_ADDRESS is required for the API process');
const keyring = await resolvePayloadKeyring(config).catch((error: unknown) => exitIfRefused(error));
const db = await openStore(config, { log: messageLog(logger) }).catch((error: unknown) => exitIfRefused(error));
const api = await startApi(config, config.temporal.address, db, keyring, logger);
logger.info({ host: config.host, port: config.port }, 'API listening');

stopOnSignals(logger, [api.close, () => db.close()]);
