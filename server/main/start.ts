/**
 * `npm start`: the whole system on one machine. A local Temporal dev server (unless TEMPORAL_ADDRESS is
 * set), PGlite under ./data (unless DATABASE_URL is set), migrations, the demo seed, the worker and the API.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { startDevServer } from '../../tools/dev-server.js';
import { resolvePayloadKeyring } from './payload-keys.js';
import { exitIfRefused, log, openStore, startApi, startWorker, stopWorker } from './runtime.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const config = loadConfig();
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
const db = await openStore(config).catch((error: unknown) => exitIfRefused(error, async () => devServer?.stop()));
const { worker, mailer, running } = await startWorker(config, address, db, keyring);
const api = await startApi(config, address, db, keyring);

const mailTarget = config.mail.transport.kind === 'files' ? `.eml files in ${config.mail.transport.dir}` : 'SMTP';
console.log(`
Policy-loan approval is running.
  Web          ${config.publicUrl}/   (the application, in a browser)
  API          ${config.publicUrl}/api   (OpenAPI: ${config.publicUrl}/openapi.json, health: ${config.publicUrl}/health)
  Temporal UI  ${devServer ? devServer.uiUrl : '(external Temporal at ' + address + ')'}
  Temporal     ${address}
  Database     ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.pgliteDir}`}
  Mail         ${mailTarget}
Press Ctrl+C to stop.
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  await api.close();
  stopWorker(worker);
  await running;
  mailer.close();
  await db.close();
  await devServer?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
