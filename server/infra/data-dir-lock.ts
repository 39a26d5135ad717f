/**
 * Who holds the embedded data directory (./data): `npm start` while it runs, and a backup or restore while
 * it copies. The PGlite files and the dev server's SQLite store are only consistent with each other when
 * nobody writes them, so each of these refuses while another live process holds the directory.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = '.holder.json';

export interface Holder {
  pid: number;
  purpose: string;
}

export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    super(`${dataDir} is in use by ${holder.purpose} (pid ${holder.pid}); stop it first`);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of `dataDir`, if any (a lock left by a process that died is ignored). */
export async function holderOf(dataDir: string): Promise<Holder | undefined> {
  const text = await readFile(path.join(dataDir, LOCK_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const holder = JSON.parse(text) as Holder;
    return isAlive(holder.pid) && holder.pid !== process.pid ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `dataDir` for `purpose` or throws DataDirBusy; returns the release. */
export async function holdDataDir(dataDir: string, purpose: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK_FILE);
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, purpose } satisfies Holder));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await holderOf(dataDir);
      if (holder) throw new DataDirBusy(dataDir, holder);
      await rm(lockFile, { force: true });
    }
  }
}
