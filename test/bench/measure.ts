/** What the benchmarks read about processes: percentiles, and another process's CPU time and memory from /proc. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface ProcessProbe {
  pid: number;
  rssBytes(): Promise<number>;
}

/** The child of this process whose command line names `marker` (the Temporal server names its data dir). */
export async function serverProcess(marker: string): Promise<ProcessProbe> {
  const { stdout } = await run('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)]);
  const line = stdout.split('\n').find((l) => l.includes(marker));
  if (!line) throw new Error(`no child process mentions ${marker}`);
  return processProbe(Number(line.trim().split(/\s+/)[0]));
}

/** Any process of this machine, by id. */
export function processProbe(pid: number): ProcessProbe {
  return {
    pid,
    rssBytes: async () => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
  };
}

/** User + system CPU seconds the process has used so far (clock ticks of 1/100 s, as Linux reports them). */
export async function cpuSeconds(probe: ProcessProbe): Promise<number> {
  const stat = await readFile(`/proc/${probe.pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The V8 profiler of this thread, from now until stopInto() writes a .cpuprofile that profile-summary.ts reads. */
export async function startProfile(): Promise<{ stopInto(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stopInto(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
