/**
 * `npm run cluster`: the production topology on one machine. The Temporal server (built once from the Go module
 * proxy) on PostgreSQL with its PostgreSQL visibility store, its schema applied with its sql tool, one node on
 * loopback; then the API and `--workers` worker processes, each its own process, all pointed at it with the
 * product's configuration variables. Ctrl-C stops everything (workers, API, then the server).
 *
 *   npm run cluster -- --postgres-url postgresql://postgres@127.0.0.1:5432/postgres --workers 2
 *
 * Writes `.temporal/cluster/run.json` (addresses and process ids) while it runs; `npm run bench -- --cluster`
 * measures against it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startAppProcess, waitForHttp, type AppProcess } from './app-process.js';
import { RUN_FILE, type ClusterRun } from './run-file.js';
import {
  applySchema,
  createDatabases,
  obtainTemporalServer,
  postgresTarget,
  startClusterServer,
  type ClusterServer,
} from './temporal-server.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const { values: flags } = parseArgs({
  options: {
    workers: { type: 'string', default: '1' },
    /** A role that may create databases, on the PostgreSQL server that holds Temporal's and the app's. */
    'postgres-url': {
      type: 'string',
      default: process.env.CLUSTER_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    },
    /** The app's database; default `loan` on the same server. */
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    'temporal-database': { type: 'string', default: 'temporal' },
    'visibility-database': { type: 'string', default: 'temporal_visibility' },
    'temporal-port': { type: 'string', default: '7233' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string', default: path.join(projectRoot, '.temporal', 'cluster', 'data') },
    'smtp-url': { type: 'string', default: process.env.SMTP_URL },
  },
});

const log = (line: string) => process.stderr.write(`[cluster] ${line}\n`);
const workerCount = Number(flags.workers);
if (!Number.isInteger(workerCount) || workerCount < 1) throw new Error('--workers must be a positive integer');

const adminUrl = flags['postgres-url'];
const databaseUrl = flags['database-url'] ?? Object.assign(new URL(adminUrl), { pathname: '/loan' }).toString();
const databases = {
  target: postgresTarget(adminUrl),
  temporal: flags['temporal-database'],
  visibility: flags['visibility-database'],
};
const binaries = await obtainTemporalServer(projectRoot, log);
await createDatabases(adminUrl, [databases.temporal, databases.visibility, new URL(databaseUrl).pathname.slice(1)]);
await applySchema(binaries, databases);
log(
  `schema applied to ${databases.temporal} and ${databases.visibility} on ${databases.target.host}:${databases.target.port}`,
);

const runDir = path.join(projectRoot, '.temporal', 'cluster', 'run');
const server: ClusterServer = await startClusterServer({
  binaries,
  databases,
  runDir,
  port: Number(flags['temporal-port']),
  log,
});
log(`Temporal server ${binaries.server} on ${server.address}, namespace ${server.namespace}`);

await mkdir(flags['data-dir'], { recursive: true });
const apiUrl = `http://127.0.0.1:${flags.port}`;
const env: Record<string, string> = {
  HOST: '127.0.0.1',
  PORT: flags.port,
  DATA_DIR: flags['data-dir'],
  DATABASE_URL: databaseUrl,
  TEMPORAL_ADDRESS: server.address,
  TEMPORAL_NAMESPACE: server.namespace,
  PUBLIC_URL: apiUrl,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // One key for every process of this run (the embedded default's generated key file would race between them).
  PAYLOAD_KEYS: process.env.PAYLOAD_KEYS ?? `cluster-1:${randomBytes(32).toString('base64')}`,
  ...(process.env.PAYLOAD_KEY_ID ? { PAYLOAD_KEY_ID: process.env.PAYLOAD_KEY_ID } : {}),
  ...(flags['smtp-url'] ? { SMTP_URL: flags['smtp-url'] } : {}),
};
const print = (name: string) => (line: string) => {
  if (line.includes('"level":50') || line.includes('"level":60')) process.stderr.write(`[${name}] ${line}\n`);
};

const apps: AppProcess[] = [];
let stopping = false;
async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping');
  const [api, ...workers] = apps;
  await Promise.all(workers.map((worker) => worker.stop()));
  await api?.stop();
  await server.stop();
  await rm(RUN_FILE, { force: true });
}
process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

try {
  // The API applies migrations and seeds at start; the workers start after it so they never race it.
  const api = startAppProcess('api', env, print('api'));
  apps.push(api);
  await waitForHttp(`${apiUrl}/health/live`, api);
  for (let i = 0; i < workerCount; i += 1) apps.push(startAppProcess('worker', env, print(`worker-${i + 1}`)));
  await waitForHttp(`${apiUrl}/health/ready`, api);
} catch (error) {
  await stopAll();
  throw error;
}
const run: ClusterRun = {
  apiUrl,
  temporalAddress: server.address,
  namespace: server.namespace,
  pids: { temporal: server.pid, api: apps[0]!.pid, workers: apps.slice(1).map((w) => w.pid) },
};
await writeFile(RUN_FILE, JSON.stringify(run, null, 2));
log(`ready: API ${apiUrl}, ${workerCount} worker(s), Temporal ${server.address}; Ctrl-C stops everything`);
for (const app of apps) {
  void app.exited.then((code) => {
    if (stopping) return;
    log(`${app.kind} ${app.pid} exited (code ${code}); stopping the cluster`);
    void stopAll().then(() => process.exit(1));
  });
}
