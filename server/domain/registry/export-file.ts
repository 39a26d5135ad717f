/** The ward's list as a file to download, the same for the API and the page: CSV (UTF-8, `;`) or XLSX. */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { writeRegistryCsv, writeRegistryXlsx } from './index.js';
import { loadRegistry } from './store.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const REGISTRY_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type RegistryExportFormat = (typeof REGISTRY_EXPORT_FORMATS)[number];

export interface RegistryExport {
  /** "Danh sách hộ HOABINH 2026-06-15.csv": Vietnamese, for the browser to save as it is. */
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export async function exportRegistryFile(
  db: PrismaClient | Prisma.TransactionClient,
  wardCode: string,
  format: RegistryExportFormat,
  today: string,
): Promise<RegistryExport> {
  const households = await loadRegistry(db, wardCode);
  const bytes = format === 'xlsx' ? await writeRegistryXlsx(households) : writeRegistryCsv(households);
  return {
    fileName: `Danh sách hộ ${wardCode} ${today}.${format}`,
    mediaType: format === 'xlsx' ? XLSX_MEDIA_TYPE : 'text/csv; charset=utf-8',
    bytes: Buffer.from(bytes),
  };
}
