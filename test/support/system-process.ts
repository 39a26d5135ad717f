/**
 * The whole system as a user runs it: `npm start` (server/main/start.ts) as a child process on free ports,
 * over a data directory of the test's, with helpers that speak to it over HTTP and to its Temporal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { getStateQuery, type ApplicationState } from '../../workflows/definitions.js';
import type { ApiResponse, TestStack } from './stack.js';
import { resolvePayloadKeyring } from '../../server/main/payload-keys.js';
import { clientDataConverter } from '../../server/infra/payload-codec.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the entry points to its end (npm run backup / restore). */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningSystem {
  baseUrl: string;
  /** Where the worker's Temporal SDK serves its own Prometheus metrics (WORKER_METRICS_ADDRESS). */
  workerMetricsUrl: string;
  child: ChildProcess;
  output(): string;
  /** The fixtures' view of a stack (api, login, queryState), over this process. */
  stack: TestStack;
  /** A client of the system's Temporal dev server. */
  temporalClient(): Promise<Client>;
  /** Sends SIGTERM once (a second one would stop it at once). */
  terminate(): void;
  /** SIGTERM if not sent yet, and the exit code once it has stopped. */
  stop(): Promise<number | null>;
}

export async function startSystem(dataDir: string): Promise<RunningSystem> {
  const [port, temporalPort, uiPort, workerMetricsPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  // As `npm start` runs it: one node process, so SIGTERM reaches the app's own handler (the tsx CLI relays a
  // signal and SIGKILLs its child if the child does not acknowledge it within 30 ms, as under load).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main/start.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      LOG_LEVEL: 'warn',
      WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  for (let waited = 0; ; waited += 500) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (waited > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`npm start never became ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  // The system encrypts its Temporal payloads with the key it generated in its data directory on first start.
  const keyring = await resolvePayloadKeyring({ env: 'development', dataDir, payloadKeys: undefined });
  const client = new Client({ connection, dataConverter: clientDataConverter(keyring) });
  async function api<T>(
    method: string,
    route: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: (json && text ? JSON.parse(text) : text) as T };
  }
  const tokens = new Map<string, string>();
  async function login(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const response = await api<{ token: string }>('POST', '/api/auth/login', {
      body: { username, password: 'demo1234' },
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    tokens.set(username, response.body.token);
    return response.body.token;
  }
  async function queryState(id: string): Promise<ApplicationState> {
    const view = await api<{ code: string }>('GET', `/api/applications/${id}`, { token: await login('bank.manager') });
    return client.workflow.getHandle(`loan-application-${view.body.code}`).query(getStateQuery);
  }
  const stack = { baseUrl, api, login, queryState } as unknown as TestStack;
  let signalled = false;
  const terminate = (): void => {
    if (signalled || child.exitCode !== null) return;
    signalled = true;
    child.kill('SIGTERM');
  };

  return {
    baseUrl,
    workerMetricsUrl: `http://127.0.0.1:${workerMetricsPort}/metrics`,
    child,
    output: () => output,
    stack,
    temporalClient: async () => client,
    terminate,
    async stop() {
      terminate();
      const code = await exited;
      await connection.close();
      return code;
    },
  };
}
