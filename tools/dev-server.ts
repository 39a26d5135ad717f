import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { resolveTemporalCliPath } from './temporal-cli.js';

const HOST = '127.0.0.1';
const NAMESPACE = 'default';
const logToStderr = (line: string): void => {
  process.stderr.write(`[temporal] ${line}\n`);
};

/** Also the cluster's (tools/cluster/dynamicconfig.yaml, which test/unit/cluster-config.test.ts holds to it). */
export const DEV_SERVER_DYNAMIC_CONFIG = [
  'frontend.enableServerVersionCheck=false',
  'history.transferProcessorMaxPollRPS=10000',
  'matching.numTaskqueueReadPartitions=1',
  'matching.numTaskqueueWritePartitions=1',
];

export interface DevServerOptions {
  projectRoot: string;
  /** Holds `temporal.db`, the SQLite store that keeps workflows across restarts. */
  dataDir: string;
  /** gRPC frontend port; default 7233. */
  port?: number;
  /** Web UI port; default 8233. */
  uiPort?: number;
  /** The payload codec endpoint the Web UI decodes through (`--ui-codec-endpoint`), e.g. http://localhost:3000/api/codec. */
  uiCodecEndpoint?: string;
  log?: (line: string) => void;
}

export interface DevServer {
  /** host:port for `Connection.connect` / `NativeConnection.connect`. */
  address: string;
  uiUrl: string;
  namespace: string;
  /** SIGTERM, then SIGKILL after 10 s; safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would (the soak's fault); the SQLite file stays for a restart. */
  kill?(): Promise<void>;
}

export type TestTemporal = Omit<DevServer, 'uiUrl'>;

/**
 * Starts `temporal server start-dev` with the Web UI and a persistent SQLite file, for local use.
 * Fails (rather than moving elsewhere) when a port is taken, because the API and worker are
 * configured with a fixed address.
 *
 * We spawn the CLI ourselves instead of using `TestWorkflowEnvironment.createLocal`: the SDK gives the
 * server a fixed 5 s to accept connections (tight for a large SQLite file on a busy 2-core machine),
 * stops it only by SIGKILL, and would also open a native connection this process does not need.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { projectRoot, dataDir, port = 7233, uiPort = 8233, log = logToStderr } = options;
  await assertPortFree(port, 'Temporal gRPC');
  await assertPortFree(uiPort, 'Temporal Web UI');
  await mkdir(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'temporal.db');
  const cli = await resolveTemporalCliPath({ projectRoot, log });
  const args = ['--port', String(port), '--ui-port', String(uiPort), '--db-filename', dbFile];
  if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  const server = await launch(cli, args, port, { log, showBanner: true, startupTimeoutMs: 60_000 });
  const uiUrl = `http://${HOST}:${uiPort}`;
  log(`Temporal dev server on ${server.address} (namespace ${NAMESPACE}), Web UI ${uiUrl}, data ${dbFile}`);
  return { ...server, uiUrl };
}

/**
 * Starts a throwaway headless dev server (in-memory store, free port) for one test file:
 * call in `beforeAll` (allow minutes on a fresh machine, where the CLI may be built first) and
 * `stop()` in `afterAll`.
 */
export async function startTestTemporal(
  options: { projectRoot?: string; log?: (line: string) => void } = {},
): Promise<TestTemporal> {
  const { projectRoot = findProjectRoot(), log = logToStderr } = options;
  const cli = await resolveTemporalCliPath({ projectRoot, log });
  // The server binds several ports besides the frontend (HTTP, metrics, its internal services), each found free
  // just before it binds it: another process can take one in between, and the server then exits at once. A start
  // that exited early is tried again on new ports; a start that hangs is not.
  for (let attempt = 1; ; attempt += 1) {
    const port = await findFreePort();
    try {
      return await launch(cli, ['--port', String(port), '--headless'], port, {
        log,
        showBanner: false,
        startupTimeoutMs: 30_000,
      });
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('exited early')) throw error;
      log(`the dev server on port ${port} exited at start; trying again on other ports (${String(error)})`);
    }
  }
}

interface LaunchOptions {
  log: (line: string) => void;
  /** Print the CLI's banner (versions, UI URL); errors are always printed. */
  showBanner: boolean;
  startupTimeoutMs: number;
}

async function launch(cli: string, extraArgs: string[], port: number, options: LaunchOptions): Promise<TestTemporal> {
  const { log, showBanner, startupTimeoutMs } = options;
  const args = ['server', 'start-dev', '--ip', HOST, '--namespace', NAMESPACE, '--log-format', 'text'];
  // No version phone-home (no internet here). The dev server has one history shard, and its transfer queue
  // polls at 20 per second per shard by default: every activity dispatch and the workflow task after an
  // activity waited about 50 ms for it. One task-queue partition, so a poller never waits on an empty one.
  for (const value of DEV_SERVER_DYNAMIC_CONFIG) args.push('--dynamic-config-value', value);
  // The server keeps one SQLite connection, so every persistence call is serialised: make each cheaper.
  args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  args.push('--log-level', 'warn', ...extraArgs);
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Shutdown and startup chatter (poll failures at WARN) is kept only for a failed start's error: the first lines
  // (a crash's message comes first) and the last.
  const first: string[] = [];
  const recent: string[] = [];
  let stopping: Promise<void> | undefined;
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      if (first.length < 10) first.push(line);
      else recent.push(line);
      if (recent.length > 30) recent.shift();
      const isBanner = !line.includes('level=');
      if (!stopping && ((showBanner && isBanner) || line.includes('level=ERROR'))) log(line);
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  // A crashed parent must not leave a server holding the port and the SQLite file.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const address = `${HOST}:${port}`;
  try {
    await waitUntilServing(child, address, startupTimeoutMs);
  } catch (err) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw new Error(`Temporal dev server did not start: ${String(err)}\n${[...first, '…', ...recent].join('\n')}`);
  }
  const end = (signal: NodeJS.Signals) => {
    stopping ??= terminate(child, signal).finally(() => process.off('exit', killOnExit));
    return stopping;
  };
  return { address, namespace: NAMESPACE, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

async function waitUntilServing(child: ChildProcess, address: string, timeoutMs: number): Promise<void> {
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`exited early (code ${code}, signal ${signal})`)));
  });
  exited.catch(() => undefined); // observed via Promise.race below
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attempt = (async () => {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        // The frontend answers before the namespace exists; wait until workflows can really start.
        await connection.workflowService.describeNamespace({ namespace: NAMESPACE });
      } finally {
        await connection.close();
      }
    })();
    attempt.catch(() => undefined); // observed via Promise.race below, even if `exited` wins
    try {
      await Promise.race([attempt, exited]);
      return;
    } catch (err) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      const hint =
        err.code === 'EADDRINUSE'
          ? `is already in use by another process (see \`ss -ltnp 'sport = :${port}'\`; ` +
            'a leftover Temporal dev server from an earlier run can be stopped with `kill <pid>`)'
          : `cannot be bound: ${err.message}`;
      reject(new Error(`Port ${port} for the ${what} on ${HOST} ${hint}`));
    });
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(() => resolve()));
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: HOST }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Nearest ancestor with a package.json, so this works from `tools/` and from `dist/tools/`. */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
