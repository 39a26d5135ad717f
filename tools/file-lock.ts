import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` holding a lock file in `dir`, so parallel processes (vitest forks, an API and a worker) that all
 * find a cache empty fill it once. A lock whose owner has died is taken over.
 */
export async function withFileLock<T>(
  dir: string,
  name: string,
  onWait: (owner: number) => void,
  fn: () => Promise<T>,
): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lockFile = path.join(dir, name);
  for (let waited = 0; ; waited++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      const age = Date.now() - ((await stat(lockFile).catch(() => undefined))?.mtimeMs ?? 0);
      // An empty lock younger than a few seconds belongs to a process that has not written its pid yet.
      if (!isAlive(owner) && !(owner === 0 && age < 5_000)) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (waited % 30 === 0) onWait(owner);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}
