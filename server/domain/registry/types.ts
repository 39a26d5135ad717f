/**
 * The ward household registry as data: what an import yields, an export writes and a diff compares.
 * Zod schemas so the API can reuse them for responses and the OpenAPI document.
 */
import { z } from 'zod';
import { HOUSEHOLD_CATEGORIES } from '../../../workflows/domain.js';

/** A calendar date as YYYY-MM-DD that exists. */
const IsoDate = z.iso.date();

/** A person in the household list. `citizenId` is null only for a child without a recorded number. */
export const RegistryMember = z.object({
  fullName: z.string().min(1),
  citizenId: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
  birthDate: IsoDate,
  /** Relationship to the head as the ward writes it ("Vợ", "Con", "Cháu nội" …), canonical spelling when known. */
  relationship: z.string().min(1),
});
export type RegistryMember = z.infer<typeof RegistryMember>;

/** The head of the household (chủ hộ): always has a citizen id. */
export const RegistryHead = z.object({
  fullName: z.string().min(1),
  citizenId: z.string().regex(/^\d{12}$/),
  birthDate: IsoDate,
});
export type RegistryHead = z.infer<typeof RegistryHead>;

/** One household on a ward's list, keyed by (wardCode, householdId). */
export const RegistryHousehold = z.object({
  wardCode: z.string().min(1),
  /** "Mã hộ": the ward's own household code, as written in the file. */
  householdId: z.string().min(1),
  village: z.string().min(1).nullable(),
  category: z.enum(HOUSEHOLD_CATEGORIES),
  listedOn: IsoDate,
  expiresOn: IsoDate,
  head: RegistryHead,
  /** The other members, in file order. */
  members: z.array(RegistryMember),
});
export type RegistryHousehold = z.infer<typeof RegistryHousehold>;

/** One reason a row (or the file) was not imported. `row` is the spreadsheet's own row number (header = its row). */
export interface RegistryError {
  row: number;
  /** The worksheet, for XLSX files. */
  sheet?: string;
  /** The column's header as written in the file (or the canonical header when the column is missing). */
  column?: string;
  householdId?: string;
  code: RegistryErrorCode;
  /** Vietnamese, then English: "… — …". */
  message: string;
}

/** Problems with the file as a whole: nothing in it can be imported. */
export const FILE_ERROR_CODES = [
  'UNSUPPORTED_FORMAT',
  'FILE_UNREADABLE',
  'HEADER_NOT_FOUND',
  'MISSING_COLUMN',
  'DUPLICATE_COLUMN',
  'TOO_MANY_ROWS',
] as const satisfies readonly string[];
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export const isFileErrorCode = (code: string): code is FileErrorCode =>
  (FILE_ERROR_CODES as readonly string[]).includes(code);

export const REGISTRY_ERROR_CODES = [
  ...FILE_ERROR_CODES,
  'FIELD_REQUIRED',
  'CCCD_INVALID',
  'CCCD_SCIENTIFIC_NOTATION',
  'CCCD_BIRTH_YEAR_MISMATCH',
  'CCCD_DUPLICATE',
  'DATE_INVALID',
  'DATE_IN_FUTURE',
  'EXPIRY_NOT_AFTER_LISTING',
  'CATEGORY_UNKNOWN',
  'HEAD_MISSING',
  'HEAD_DUPLICATE',
  'HOUSEHOLD_FIELD_MISMATCH',
] as const;
export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

export interface ParseResult {
  households: RegistryHousehold[];
  errors: RegistryError[];
  /** What was detected, for the import screen ("đọc theo Windows-1258, dấu ;"). */
  source: RegistrySource;
}

export interface RegistrySource {
  format: 'csv' | 'xlsx' | 'unknown';
  /** CSV only: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258', or 'utf-8-mojibake' (UTF-8 that was read as Windows-1252 and saved again, repaired). */
  encoding?: string;
  /** CSV only. */
  delimiter?: ',' | ';' | '\t';
  /** Data rows read (non-empty rows below the header). */
  dataRows: number;
}

export interface ParseInput {
  fileName: string;
  contentType?: string;
  bytes: Uint8Array;
}

export interface ParseOptions {
  /** Stamped on every household: the ward whose list this is. */
  wardCode: string;
  /** YYYY-MM-DD: birth and listing dates may not be later. */
  today: string;
  /** Refuse files with more data rows than this (default 100,000). */
  maxRows?: number;
}
