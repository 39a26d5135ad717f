/**
 * The product's own processes, as `npm run start:api` and `npm run start:worker` run them, configured only through
 * the variables of server/main/config.ts. Spawned as one node process each (not through npm or the tsx CLI), so a
 * signal reaches the app's own handler, and SIGKILL kills the app itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = { api: 'server/main/api-main.ts', worker: 'server/main/worker-main.ts' } as const;

export type AppKind = keyof typeof ENTRY;

export interface AppProcess {
  kind: AppKind;
  pid: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The last lines it printed, for an error message. */
  recent(): string[];
  /** SIGTERM (the orderly stop), or SIGKILL; resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startAppProcess(
  kind: AppKind,
  env: Record<string, string>,
  onLine: (line: string) => void = () => undefined,
): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, ENTRY[kind])], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 60) lines.shift();
      onLine(line);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  return {
    kind,
    pid: child.pid!,
    child,
    exited,
    recent: () => [...lines],
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until `url` answers 2xx, or fails when the process exits or `timeoutMs` passes. */
export async function waitForHttp(url: string, app: AppProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) {
      throw new Error(`${app.kind} exited (code ${app.child.exitCode}):\n${app.recent().join('\n')}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} never answered:\n${app.recent().join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
