/**
 * The production Temporal server (not the dev server) on PostgreSQL, on this machine: built once from the Go module
 * proxy into `.temporal/cluster/`, its databases created and their schema applied with its own sql tool, then
 * started with the server image's own config template (`config/docker.yaml` of the server module), filled in from
 * the same environment variables docker-compose.yml sets, and the dynamic config beside this file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import pg from 'pg';
import { withFileLock } from '../file-lock.js';

/** The version the Temporal CLI of tools/ pins, and the image tag docker-compose.yml runs. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';
export const DYNAMIC_CONFIG_FILE = fileURLToPath(new URL('./dynamicconfig.yaml', import.meta.url));
/** One node, as docker-compose.yml runs it (NUM_HISTORY_SHARDS is fixed for the life of the databases). */
export const HISTORY_SHARDS = 4;

export interface ServerBinaries {
  server: string;
  sqlTool: string;
  /** `schema/postgresql/v12` of the server module, holding `temporal/versioned` and `visibility/versioned`. */
  schemaDir: string;
  /** The server image's config template (`# enable-template`), rendered by the server from the environment. */
  configTemplate: string;
}

const logToStderr = (line: string): void => {
  process.stderr.write(`[cluster] ${line}\n`);
};

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

function goBinary(): string {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    if (spawnSync(candidate, ['version'], { encoding: 'utf8' }).stdout?.startsWith('go version')) return candidate;
  }
  throw new Error('Go is needed once to build the Temporal server (https://go.dev/doc/install)');
}

function moduleDir(go: string): string {
  const cache = spawnSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
  return path.join(cache, `${SERVER_MODULE}@v${TEMPORAL_SERVER_VERSION}`);
}

/** The server and its sql tool, built on first use (minutes on a busy machine) and cached afterwards. */
export async function obtainTemporalServer(
  projectRoot: string,
  log: (line: string) => void = logToStderr,
): Promise<ServerBinaries> {
  const go = goBinary();
  const binDir = path.join(projectRoot, '.temporal', 'cluster', `v${TEMPORAL_SERVER_VERSION}`, 'bin');
  const server = path.join(binDir, 'temporal-server');
  const sqlTool = path.join(binDir, 'temporal-sql-tool');
  const found = async () => (await isExecutable(server)) && (await isExecutable(sqlTool));
  if (!(await found())) {
    await withFileLock(
      binDir,
      '.build.lock',
      (owner) => log(`waiting for the Temporal server build in process ${owner}`),
      async () => {
        if (await found()) return;
        const scratch = path.join(binDir, `.build-${process.pid}`);
        await mkdir(scratch, { recursive: true });
        log(`Building Temporal server v${TEMPORAL_SERVER_VERSION} and its sql tool (first run only; many minutes)`);
        try {
          await run(
            go,
            [
              'install',
              `${SERVER_MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
              `${SERVER_MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
            ],
            { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' },
          );
          await rename(path.join(scratch, 'server'), server);
          await rename(path.join(scratch, 'sql'), sqlTool);
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      },
    );
  }
  const mod = moduleDir(go);
  return {
    server,
    sqlTool,
    schemaDir: path.join(mod, 'schema', 'postgresql', 'v12'),
    configTemplate: path.join(mod, 'config', 'docker.yaml'),
  };
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${path.basename(file)} ${args.join(' ')} exited ${code}\n${output}`)),
    );
  });
}

export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Host, port and credentials of a `postgresql://user:password@host:port/...` URL. */
export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || 'postgres'),
    password: decodeURIComponent(parsed.password),
  };
}

/** Creates each database that does not exist yet, owned by the connecting role. */
export async function createDatabases(adminUrl: string, names: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}

export interface ClusterDatabases {
  target: PostgresTarget;
  temporal: string;
  visibility: string;
}

/**
 * Applies the schema as docker-compose's temporal-schema service does: `setup-schema -v 0.0` keeps an existing
 * version, `update-schema` applies only newer ones; so this is idempotent.
 */
export async function applySchema(binaries: ServerBinaries, databases: ClusterDatabases): Promise<void> {
  const { target } = databases;
  for (const [name, dir] of [
    [databases.temporal, 'temporal'],
    [databases.visibility, 'visibility'],
  ] as const) {
    const base = ['--plugin', 'postgres12', '--ep', target.host, '-p', String(target.port), '-u', target.user];
    if (target.password) base.push('--pw', target.password);
    base.push('--db', name);
    await run(binaries.sqlTool, [...base, 'setup-schema', '-v', '0.0']);
    await run(binaries.sqlTool, [...base, 'update-schema', '-d', path.join(binaries.schemaDir, dir, 'versioned')]);
  }
}

export interface ClusterServerOptions {
  binaries: ServerBinaries;
  databases: ClusterDatabases;
  /** Where the rendered config lives; the server's own files only. */
  runDir: string;
  /** The frontend's gRPC port; the other services take fixed offsets from it (see below). */
  port: number;
  log?: (line: string) => void;
}

export interface ClusterServer {
  address: string;
  namespace: string;
  pid: number;
  /** SIGTERM, then SIGKILL after 15 s; safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

/**
 * The ports of one node, all on loopback: frontend gRPC `port`, history +1, matching +2, worker +6, frontend HTTP
 * +10, and the membership (ringpop) ports +20 to +26. For port 7233: 7233, 7234, 7235, 7239, 7243 as usual.
 */
export function serverEnvironment(options: ClusterServerOptions): Record<string, string> {
  const { databases, port } = options;
  const { target } = databases;
  return {
    DB: 'postgres12',
    POSTGRES_SEEDS: target.host,
    DB_PORT: String(target.port),
    // The template reads the visibility store's port from POSTGRES_PORT, not DB_PORT.
    POSTGRES_PORT: String(target.port),
    POSTGRES_USER: target.user,
    POSTGRES_PWD: target.password,
    DBNAME: databases.temporal,
    VISIBILITY_DBNAME: databases.visibility,
    NUM_HISTORY_SHARDS: String(HISTORY_SHARDS),
    DYNAMIC_CONFIG_FILE_PATH: DYNAMIC_CONFIG_FILE,
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    FRONTEND_GRPC_PORT: String(port),
    HISTORY_GRPC_PORT: String(port + 1),
    MATCHING_GRPC_PORT: String(port + 2),
    WORKER_GRPC_PORT: String(port + 6),
    FRONTEND_HTTP_PORT: String(port + 10),
    FRONTEND_MEMBERSHIP_PORT: String(port + 20),
    HISTORY_MEMBERSHIP_PORT: String(port + 21),
    MATCHING_MEMBERSHIP_PORT: String(port + 22),
    WORKER_MEMBERSHIP_PORT: String(port + 26),
    LOG_LEVEL: 'warn',
    TEMPORAL_VERSION_CHECK_DISABLED: '1',
  };
}

export const NAMESPACE = 'default';
const RETENTION = '30 days';

/** Starts the server and waits until the namespace exists and serves; registers it on first start. */
export async function startClusterServer(options: ClusterServerOptions): Promise<ClusterServer> {
  const { binaries, runDir, port, log = logToStderr } = options;
  const configDir = path.join(runDir, 'config');
  await mkdir(configDir, { recursive: true });
  await copyFile(binaries.configTemplate, path.join(configDir, 'docker.yaml'));
  const child = spawn(
    binaries.server,
    ['--root', runDir, '--config', 'config', '--env', 'docker', '--allow-no-auth', 'start'],
    { env: { PATH: process.env.PATH ?? '', ...serverEnvironment(options) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (line.includes('"level":"error"') || line.includes('"level":"fatal"')) log(line.slice(0, 400));
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(child, address, 120_000);
  } catch (error) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw new Error(`Temporal server did not start: ${String(error)}\n${recent.join('\n')}`);
  }
  let stopping: Promise<void> | undefined;
  const end = (signal: NodeJS.Signals) => {
    stopping ??= terminate(child, signal).finally(() => process.off('exit', killOnExit));
    return stopping;
  };
  return { address, namespace: NAMESPACE, pid: child.pid!, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

async function waitUntilServing(child: ChildProcess, address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (code ${child.exitCode})`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService
          .registerNamespace({
            namespace: NAMESPACE,
            workflowExecutionRetentionPeriod: msToTs(RETENTION),
          })
          .catch((error: { code?: number }) => {
            if (error.code !== 6) throw error; // ALREADY_EXISTS: registered on an earlier start
          });
        // The frontend learns of a new namespace from its cache a few seconds later; this asks that cache.
        await connection.workflowService.describeTaskQueue({
          namespace: NAMESPACE,
          taskQueue: { name: 'cluster-readiness-probe' },
        });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
