/**
 * Backup and restore of the embedded default: the whole data directory (PGlite's files, the dev server's
 * SQLite store temporal.db with its WAL, the mail files) copied while no process holds it, so the
 * application's read model and Temporal's histories are from the same moment. A backup is a timestamped
 * directory with a manifest; a restore replaces the data directory, keeping the one it replaces aside.
 */
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE, holdDataDir } from './data-dir-lock.js';

export const MANIFEST = 'backup-manifest.json';

export interface Manifest {
  createdAt: string;
  source: string;
  files: { path: string; bytes: number }[];
}

async function listFiles(root: string, dir = ''): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files: { path: string; bytes: number }[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else if (entry.isFile() && relative !== LOCK_FILE) {
      files.push({ path: relative, bytes: (await stat(path.join(root, relative))).size });
    }
  }
  return files;
}

const stamp = (now: Date): string =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function assertOutside(dataDir: string, target: string): void {
  const relative = path.relative(dataDir, target);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new Error(`${target} is inside ${dataDir}: a backup must live outside the data directory`);
  }
}

/** Copies `dataDir` into `<backupRoot>/backup-<UTC time>`; refuses (DataDirBusy) while the system runs. */
export async function backupDataDir(dataDir: string, backupRoot: string, now = new Date()): Promise<string> {
  const target = path.join(path.resolve(backupRoot), `backup-${stamp(now)}`);
  assertOutside(dataDir, target);
  if (!(await stat(dataDir).catch(() => undefined))?.isDirectory()) {
    throw new Error(`${dataDir} does not exist: nothing to back up`);
  }
  const release = await holdDataDir(dataDir, 'a backup');
  try {
    const files = await listFiles(dataDir);
    if (!files.some((file) => file.path.startsWith(`pglite${path.sep}`))) {
      throw new Error(`${dataDir} holds no PGlite database: nothing to back up`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(target);
    await cp(dataDir, target, { recursive: true, filter: (source) => path.basename(source) !== LOCK_FILE });
    const manifest: Manifest = { createdAt: now.toISOString(), source: dataDir, files };
    await writeFile(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return target;
  } finally {
    await release();
  }
}

/** Checks the backup against its manifest: every file there, with its size. */
async function readManifest(backupDir: string): Promise<Manifest> {
  const text = await readFile(path.join(backupDir, MANIFEST), 'utf8').catch(() => {
    throw new Error(`${backupDir} is not a backup (no ${MANIFEST})`);
  });
  const manifest = JSON.parse(text) as Manifest;
  for (const file of manifest.files) {
    const found = await stat(path.join(backupDir, file.path)).catch(() => undefined);
    if (found?.size !== file.bytes) throw new Error(`${backupDir} is incomplete: ${file.path} is missing or changed`);
  }
  return manifest;
}

/**
 * Replaces `dataDir` with the backup; refuses (DataDirBusy) while the system runs. An existing data
 * directory is not overwritten: it is moved aside to `<dataDir>.before-restore-<UTC time>`.
 */
export async function restoreDataDir(
  backupDir: string,
  dataDir: string,
  now = new Date(),
): Promise<{ restored: Manifest; setAside: string | undefined }> {
  const manifest = await readManifest(path.resolve(backupDir));
  let release = await holdDataDir(dataDir, 'a restore');
  let setAside: string | undefined;
  try {
    if ((await listFiles(dataDir)).length > 0) {
      setAside = `${dataDir}.before-restore-${stamp(now)}`;
      await rename(dataDir, setAside);
      // The lock moved with the old directory: drop it there and hold the new one.
      await rm(path.join(setAside, LOCK_FILE), { force: true });
      release = await holdDataDir(dataDir, 'a restore');
    }
    await cp(path.resolve(backupDir), dataDir, {
      recursive: true,
      filter: (source) => path.basename(source) !== MANIFEST,
    });
  } finally {
    await release();
  }
  return { restored: manifest, setAside };
}
