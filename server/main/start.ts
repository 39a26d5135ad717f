/**
 * `npm start`: the whole system on one machine. A local Temporal dev server (unless TEMPORAL_ADDRESS is
 * set), PGlite under ./data (unless DATABASE_URL is set), migrations, the demo seed, the worker and the API.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { startDevServer } from '../../tools/dev-server.js';
import { resolvePayloadKeyring } from './payload-keys.js';
import { messageLog } from '../infra/logger.js';
import { exitIfRefused, openStore, processLogger, startApi, startWorker, stopWorker } from './runtime.js';
import { stopOnSignals } from './shutdown.js';
import { DataDirBusy, holdDataDir } from '../infra/data-dir-lock.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const config = loadConfig();
const logger = processLogger(config);
const log = messageLog(logger);

// While it runs, `npm start` holds the embedded data directory: a backup or restore refuses until it stops.
const embedded = !config.databaseUrl || !config.temporal.address;
const releaseDataDir = embedded
  ? await holdDataDir(config.dataDir, 'npm start').catch((error: unknown) => {
      if (!(error instanceof DataDirBusy)) throw error;
      logger.fatal(error.message);
      process.exit(1);
    })
  : undefined;
// Before anything starts: production without PAYLOAD_KEYS stops here; the embedded default makes its key once.
const keyring = await resolvePayloadKeyring(config).catch((error: unknown) => exitIfRefused(error));

const devServer = config.temporal.address
  ? null
  : await startDevServer({
      projectRoot,
      dataDir: config.dataDir,
      port: config.temporal.devServerPort,
      uiPort: config.temporal.devServerUiPort,
      uiCodecEndpoint: `${config.publicUrl}/api/codec`,
      log,
    });
const address = config.temporal.address ?? devServer!.address;
const db = await openStore(config, { log }).catch((error: unknown) =>
  exitIfRefused(error, async () => devServer?.stop()),
);
const { worker, mailer, running } = await startWorker(config, address, db, keyring, logger);
const api = await startApi(config, address, db, keyring, logger);

const mailTarget = config.mail.transport.kind === 'files' ? `.eml files in ${config.mail.transport.dir}` : 'SMTP';
console.log(`
Policy-loan approval is running.
  Web          ${config.publicUrl}/   (the application, in a browser)
  API          ${config.publicUrl}/api   (OpenAPI: ${config.publicUrl}/openapi.json, ready: ${config.publicUrl}/health/ready)
  Temporal UI  ${devServer ? devServer.uiUrl : '(external Temporal at ' + address + ')'}
  Temporal     ${address}
  Database     ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.pgliteDir}`}
  Mail         ${mailTarget}
Press Ctrl+C to stop.
`);

stopOnSignals(logger, [
  api.close,
  async () => {
    stopWorker(worker);
    await running;
  },
  () => mailer.close(),
  () => db.close(),
  async () => devServer?.stop(),
  async () => releaseDataDir?.(),
]);
