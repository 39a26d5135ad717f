import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { withFileLock } from './file-lock.js';
import type { EphemeralServerExecutable } from '@temporalio/testing';

/** The `executable` value accepted by `@temporalio/testing`'s dev-server config. */
export type DevServerExecutable = EphemeralServerExecutable;

export interface ResolveTemporalCliOptions {
  /** Repository root; the CLI is cached under `<projectRoot>/.temporal/`. */
  projectRoot: string;
  /** Progress sink (a Go build takes minutes); defaults to stderr. */
  log?: (line: string) => void;
  /** Where TEMPORAL_CLI_PATH, PATH and HOME are read; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Newest release the Go module proxy lists whose go.mod has no `replace` directive, which
 * `go install pkg@version` refuses (v1.9.1 replaces a `cliext` module the proxy does not serve).
 */
export const TEMPORAL_CLI_GO_VERSION = '1.5.1';
const CLI_MODULE = 'github.com/temporalio/cli';
const SDK_PROBE_TIMEOUT_MS = 5_000;
const SDK_DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

const logToStderr = (line: string): void => {
  process.stderr.write(`[temporal-cli] ${line}\n`);
};

/**
 * Finds a Temporal CLI, obtaining one if needed: `$TEMPORAL_CLI_PATH`, `temporal` on PATH, the project
 * cache, the SDK's own download, and finally a build from the Go module proxy. The result is always an
 * existing path so that callers never trigger an unbounded download themselves.
 */
export async function resolveTemporalCli(options: ResolveTemporalCliOptions): Promise<DevServerExecutable> {
  return { type: 'existing-path', path: await resolveTemporalCliPath(options) };
}

/** Same search as {@link resolveTemporalCli}, for callers that spawn the CLI themselves. */
export async function resolveTemporalCliPath(options: ResolveTemporalCliOptions): Promise<string> {
  const { projectRoot, log = logToStderr, env = process.env } = options;
  const fromEnv = env['TEMPORAL_CLI_PATH'];
  if (fromEnv) {
    if (!(await isExecutable(fromEnv))) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const onPath = await findTemporalOnPath(env['PATH'] ?? '');
  if (onPath) return onPath;

  const binDir = path.join(projectRoot, '.temporal', 'bin');
  const cached = path.join(binDir, 'temporal');
  if (await isExecutable(cached)) return cached;

  const sdkCacheDir = path.join(projectRoot, '.temporal', 'sdk-cache');
  const fromSdk = (await findSdkDownload(sdkCacheDir)) ?? (await downloadViaSdk(sdkCacheDir, log));
  if (fromSdk) return fromSdk;

  return await withFileLock(
    binDir,
    '.build.lock',
    (owner) => log(`waiting for the Temporal CLI build in process ${owner}`),
    async () => {
      if (await isExecutable(cached)) return cached; // another process built it while we waited
      await buildWithGo(binDir, log, env);
      return cached;
    },
  );
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function findTemporalOnPath(searchPath: string): Promise<string | undefined> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'temporal');
    // Another program may be called `temporal`; only the Temporal CLI prints this banner.
    if ((await isExecutable(candidate)) && runQuiet(candidate, ['--version']).startsWith('temporal version')) {
      return candidate;
    }
  }
  return undefined;
}

function runQuiet(file: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 10_000, env });
  return result.status === 0 ? result.stdout.trim() : '';
}

async function findSdkDownload(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => []);
  for (const name of names
    .filter((n) => n.startsWith('temporal-sdk-typescript-'))
    .sort()
    .reverse()) {
    if (await isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * The SDK downloads inside native code with no timeout we can set, and offline it can hang for
 * minutes; so probe the download service first and only then let the SDK fetch into our cache.
 */
async function downloadViaSdk(dir: string, log: (line: string) => void): Promise<string | undefined> {
  // Any HTTP answer proves the service is reachable; the SDK then asks for the right platform itself.
  const probeUrl = 'https://temporal.download/cli/default?platform=linux&arch=amd64&format=tar.gz';
  try {
    await fetch(probeUrl, { method: 'HEAD', signal: AbortSignal.timeout(SDK_PROBE_TIMEOUT_MS) });
  } catch {
    log('Temporal download service unreachable; skipping the SDK download');
    return undefined;
  }
  log(`Downloading the Temporal CLI with @temporalio/testing into ${dir}`);
  await mkdir(dir, { recursive: true });
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const starting = TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir: dir } },
    });
    const env = await withTimeout(starting, SDK_DOWNLOAD_TIMEOUT_MS, 'SDK download');
    await env.teardown();
  } catch (err) {
    // The binary may have arrived even if the throwaway server failed to start; look for it below.
    log(`SDK download did not complete cleanly: ${String(err)}`);
  }
  return await findSdkDownload(dir);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function findGo(env: NodeJS.ProcessEnv): string | undefined {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    if (runQuiet(candidate, ['version'], env).startsWith('go version')) return candidate;
  }
  return undefined;
}

async function buildWithGo(binDir: string, log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<void> {
  const go = findGo(env);
  if (!go) {
    throw new Error(
      'No Temporal CLI found and none could be obtained: set TEMPORAL_CLI_PATH, put `temporal` on PATH, ' +
        'or install Go so it can be built from the Go module proxy.',
    );
  }
  // Build into a scratch dir and rename, so an interrupted build never leaves a half-written binary.
  const scratch = path.join(binDir, `.build-${process.pid}`);
  await mkdir(scratch, { recursive: true });
  const pkg = `${CLI_MODULE}/cmd/temporal@v${TEMPORAL_CLI_GO_VERSION}`;
  log(`Building Temporal CLI v${TEMPORAL_CLI_GO_VERSION} with ${go} (first run only; takes several minutes)`);
  const started = Date.now();
  const heartbeat = setInterval(() => log(`still building... ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
  try {
    const ldflags = `-s -w -X ${CLI_MODULE}/temporalcli.Version=${TEMPORAL_CLI_GO_VERSION}`;
    await runStreaming(
      go,
      ['install', '-ldflags', ldflags, pkg],
      { ...goHomeFallback(binDir, env), ...env, GOBIN: scratch, CGO_ENABLED: '0' },
      log,
    );
    await rename(path.join(scratch, 'temporal'), path.join(binDir, 'temporal'));
    log(`Built ${path.join(binDir, 'temporal')} in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    clearInterval(heartbeat);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Go refuses to run without a cache dir, which it derives from $HOME; CI environments may lack one. */
function goHomeFallback(binDir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env['HOME'] || env['GOCACHE']) return {};
  const goDir = path.join(path.dirname(binDir), 'go');
  return { GOPATH: goDir, GOCACHE: path.join(goDir, 'cache') };
}

function runStreaming(file: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((l) => log(l));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${file} ${args.join(' ')} exited ${code}`)),
    );
  });
}
