/**
 * One import of an uploaded list file, the same for the API and the page: parse it, refuse the whole file on a
 * file-level error, otherwise apply what it changes. The file's own limits live here so both read the same.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Officer } from '../sessions.js';
import { isFileErrorCode, parseRegistryFile, type FileErrorCode, type RegistryError } from './index.js';
import { importRegistry, type ImportCounts, type ImportFile } from './store.js';

/** The largest list file accepted, by the API and by the page. */
export const REGISTRY_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface RegistryUpload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export type RegistryImportOutcome =
  /** A file-level error: nothing is imported; `errors` are all the parser found. */
  | { kind: 'refused'; code: FileErrorCode; message: string; errors: RegistryError[] }
  | { kind: 'imported'; file: ImportFile; dataRows: number; counts: ImportCounts };

/** The name a browser or client sent, without any folder part and at most 255 characters. */
export const uploadBaseName = (name: string): string => name.replace(/^.*[\\/]/, '').slice(0, 255);

export async function importRegistryFile(
  prisma: PrismaClient,
  input: { wardCode: string; officer: Officer; upload: RegistryUpload; today: string; dryRun: boolean },
): Promise<RegistryImportOutcome> {
  const { wardCode, upload } = input;
  const parsed = await parseRegistryFile(upload, { wardCode, today: input.today });
  const fileError = parsed.errors.find((e) => isFileErrorCode(e.code));
  if (fileError && isFileErrorCode(fileError.code)) {
    return { kind: 'refused', code: fileError.code, message: fileError.message, errors: parsed.errors };
  }
  const importedRows = parsed.households.reduce((n, h) => n + 1 + h.members.length, 0);
  const file: ImportFile = {
    fileName: upload.fileName,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    format: parsed.source.format,
    encoding: parsed.source.encoding ?? null,
  };
  const counts = await importRegistry(prisma, {
    wardCode,
    officer: input.officer,
    file,
    households: parsed.households,
    parseErrors: parsed.errors,
    rejectedRows: parsed.source.dataRows - importedRows,
    dryRun: input.dryRun,
  });
  return { kind: 'imported', file, dataRows: parsed.source.dataRows, counts };
}
