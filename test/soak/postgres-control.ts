/**
 * The soak's PostgreSQL, which it stops and starts: a private cluster of its own (initdb into a temporary
 * directory, its own port, the Debian binaries), so the machine's PostgreSQL and whoever uses it are never touched;
 * or, knowingly, an existing cluster through `pg_ctlcluster VERSION NAME stop|start`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
/** `PG_BIN`, else the newest Debian server binaries installed (/usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    : [];
  const newest = majors.sort((a, b) => Number(a) - Number(b)).at(-1);
  return newest ? path.join(root, newest, 'bin') : undefined;
}

export interface PostgresControl {
  /** A role that may create databases (no password: trust on loopback for the private cluster). */
  adminUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes a private cluster's files. */
  destroy(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
async function asServerUser(file: string, args: string[]): Promise<void> {
  if (userInfo().uid === 0) await exec('runuser', ['-u', 'postgres', '--', file, ...args]);
  else await exec(file, args);
}

export async function startPrivatePostgres(port: number): Promise<PostgresControl> {
  const PG_BIN = postgresBinDir();
  if (!PG_BIN) throw new Error('No PostgreSQL server binaries found (set PG_BIN to the directory holding initdb)');
  const dir = await mkdtemp(path.join(tmpdir(), 'loan-soak-pg-'));
  const dataDir = path.join(dir, 'data');
  if (userInfo().uid === 0) {
    const { stdout } = await exec('id', ['-u', 'postgres']);
    const { stdout: group } = await exec('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  await asServerUser(path.join(PG_BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`;
  const start = () =>
    asServerUser(path.join(PG_BIN, 'pg_ctl'), [
      '-D',
      dataDir,
      '-o',
      options,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
    ]);
  const stop = () => asServerUser(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  await start();
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async destroy() {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An existing cluster (e.g. `15/main`), stopped and started with Debian's pg_ctlcluster; needs root. */
export function pgCtlCluster(cluster: string, adminUrl: string): PostgresControl {
  const [version, name] = cluster.split('/');
  if (!version || !name) throw new Error(`--pgctlcluster wants VERSION/NAME, e.g. 15/main (got ${cluster})`);
  return {
    adminUrl,
    stop: async () => void (await exec('pg_ctlcluster', [version, name, 'stop'])),
    start: async () => void (await exec('pg_ctlcluster', [version, name, 'start'])),
    destroy: async () => undefined,
  };
}
