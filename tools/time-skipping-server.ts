import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withFileLock } from './file-lock.js';

/**
 * The Java SDK release whose `temporal-test-server` artifact is fetched. The SDK's own download of the native
 * test server is unreachable from where this runs, so the same server is run on a JVM instead.
 */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
const TEST_SERVER_MAIN = 'io.temporal.testserver.TestServer';

export interface ResolveTimeSkippingServerOptions {
  /** Repository root; the server is cached under `<projectRoot>/.temporal/test-server/`. */
  projectRoot: string;
  /** Progress sink; defaults to stderr. */
  log?: (line: string) => void;
  /** Where TEMPORAL_TEST_SERVER_PATH and PATH are read; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The `server.executable` of `TestWorkflowEnvironment.createTimeSkipping`. */
export interface TimeSkippingServerExecutable {
  type: 'existing-path';
  path: string;
}

const logToStderr = (line: string): void => {
  process.stderr.write(`[temporal-test-server] ${line}\n`);
};

/**
 * Finds the time-skipping test server, fetching it once if needed: `$TEMPORAL_TEST_SERVER_PATH`, then the
 * project's wrapper script `.temporal/test-server/temporal-test-server`, and otherwise the jars of
 * `io.temporal:temporal-test-server` fetched with Maven into `.temporal/test-server/lib` (needs `java` and `mvn`).
 *
 * `@temporalio/testing` runs the executable as `<path> <port> [...extraArgs]`, waits up to 5 s for it to
 * answer gRPC, and stops it with SIGKILL; the wrapper therefore `exec`s java so that the kill reaches the JVM.
 */
export async function resolveTimeSkippingServer(
  options: ResolveTimeSkippingServerOptions,
): Promise<TimeSkippingServerExecutable> {
  const { projectRoot, log = logToStderr, env = process.env } = options;
  const fromEnv = env['TEMPORAL_TEST_SERVER_PATH'];
  if (fromEnv) {
    if (!(await isExecutable(fromEnv))) {
      throw new Error(`TEMPORAL_TEST_SERVER_PATH=${fromEnv} is not an executable file`);
    }
    return { type: 'existing-path', path: fromEnv };
  }
  const dir = path.join(projectRoot, '.temporal', 'test-server');
  const wrapper = path.join(dir, 'temporal-test-server');
  // The wrapper is written last, after the jars are in place, so with the jar of this version it means the
  // cache is complete; a version bump fetches again.
  const jar = path.join(dir, 'lib', `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}.jar`);
  const cached = async () => (await isExecutable(wrapper)) && (await exists(jar));
  if (await cached()) return { type: 'existing-path', path: wrapper };

  return await withFileLock(
    dir,
    '.fetch.lock',
    (owner) => log(`waiting for process ${owner} to fetch the test server`),
    async () => {
      if (await cached()) return { type: 'existing-path', path: wrapper }; // fetched while we waited
      await fetchWithMaven(dir, log, env);
      await writeWrapper(wrapper);
      return { type: 'existing-path', path: wrapper };
    },
  );
}

async function fetchWithMaven(dir: string, log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<void> {
  const probes: [tool: string, versionFlag: string][] = [
    ['java', '-version'],
    ['mvn', '-v'],
  ];
  const missing = probes
    .filter(([tool, flag]) => spawnSync(tool, [flag], { env, stdio: 'ignore', timeout: 30_000 }).status !== 0)
    .map(([tool]) => `\`${tool}\``);
  if (missing.length > 0) {
    throw new Error(
      `The Temporal time-skipping test server runs on Java and is fetched with Maven, but ${missing.join(' and ')} ` +
        `${missing.length > 1 ? 'are' : 'is'} not on PATH. Install Maven and a Java runtime (Debian: ` +
        '`apt-get install -y --no-install-recommends maven`, which brings default-jre-headless), or set ' +
        'TEMPORAL_TEST_SERVER_PATH to a test server executable.',
    );
  }
  // Copy into a scratch dir and rename, so that an interrupted fetch never leaves a partial classpath.
  const scratch = path.join(dir, `.lib-${process.pid}`);
  const lib = path.join(dir, 'lib');
  await rm(scratch, { recursive: true, force: true });
  await writeFile(path.join(dir, 'pom.xml'), pom());
  log(`Fetching io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION} with Maven into ${lib}`);
  const started = Date.now();
  try {
    await run(
      'mvn',
      [
        ...['-q', '-B', '-Dstyle.color=never', '-f', path.join(dir, 'pom.xml')],
        ...['dependency:copy-dependencies', `-DoutputDirectory=${scratch}`],
      ],
      env,
      log,
    );
  } catch (err) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`Could not fetch the Temporal test server with Maven (is Maven Central reachable?): ${err}`);
  }
  await rm(lib, { recursive: true, force: true });
  await rename(scratch, lib);
  log(`Fetched the test server in ${Math.round((Date.now() - started) / 1000)} s`);
}

function pom(): string {
  // slf4j-nop silences SLF4J's "no binding" warning on every start; the server logs nothing we need.
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tools/time-skipping-server.ts: only used to fetch the test server's jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.policy-loan</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
`;
}

async function writeWrapper(wrapper: string): Promise<void> {
  // Relative to its own directory so the cache survives moving the checkout; `exec` so SIGKILL reaches the JVM.
  const script = `#!/bin/sh
# Written by tools/time-skipping-server.ts. Usage: temporal-test-server <port> [--enable-time-skipping]
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
java_bin=java
if [ -n "\${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin="$JAVA_HOME/bin/java"; fi
# shellcheck disable=SC2086
exec "$java_bin" \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} -cp "$dir/lib/*" ${TEST_SERVER_MAIN} "$@"
`;
  const scratch = `${wrapper}.${process.pid}`;
  await writeFile(scratch, script, { mode: 0o755 });
  await rename(scratch, wrapper);
}

async function exists(file: string): Promise<boolean> {
  return await access(file).then(
    () => true,
    () => false,
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

function run(file: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer) =>
      chunk
        .toString()
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((line) => line.trim())
        .forEach((line) => log(line));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${file} ${args.join(' ')} exited with ${code}`)),
    );
  });
}
