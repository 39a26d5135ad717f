/**
 * The column contract of a ward household list: headers as wards write them (matched without regard to
 * case, accents or punctuation, with English aliases), category and relationship vocabularies, and the
 * text and date normalisation shared by import, export and diff. See README.md beside this file.
 */
import { CATEGORY_LABELS, HOUSEHOLD_CATEGORIES, type HouseholdCategory } from '../../../workflows/domain.js';
import { foldText, toOneLine } from '../text.js';

export const REGISTRY_FIELDS = [
  'householdId',
  'fullName',
  'relationship',
  'citizenId',
  'birthDate',
  'village',
  'category',
  'listedOn',
  'expiresOn',
  'headName',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

export interface RegistryColumn {
  field: RegistryField;
  /** The header an export writes. */
  header: string;
  en: string;
  /** Household-level columns repeat on every member row (or are left blank there) and must agree. */
  level: 'household' | 'member';
  aliases: readonly string[];
}

/** In export order. `headName` is never written: it is the head row's `fullName`. */
export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  {
    field: 'householdId',
    header: 'Mã hộ',
    en: 'Household id',
    level: 'household',
    aliases: ['Mã hộ gia đình', 'Mã số hộ', 'Household id', 'Household code'],
  },
  {
    field: 'fullName',
    header: 'Họ và tên',
    en: 'Full name',
    level: 'member',
    aliases: ['Họ tên', 'Họ và tên thành viên', 'Tên thành viên', 'Full name', 'Name', 'Member name'],
  },
  {
    field: 'relationship',
    header: 'Quan hệ với chủ hộ',
    en: 'Relationship to the head',
    level: 'member',
    aliases: ['Quan hệ', 'Quan hệ với CH', 'Relationship', 'Relationship to head'],
  },
  {
    field: 'citizenId',
    header: 'Số CCCD',
    en: 'Citizen id (12 digits)',
    level: 'member',
    aliases: [
      'CCCD',
      'Số căn cước công dân',
      'Căn cước công dân',
      'Số căn cước',
      'Số định danh cá nhân',
      'Số định danh',
      'CCCD/CMND',
      'Số CCCD/CMND',
      'Citizen id',
      'ID number',
    ],
  },
  {
    field: 'birthDate',
    header: 'Ngày sinh',
    en: 'Date of birth',
    level: 'member',
    aliases: ['Ngày tháng năm sinh', 'Ngày/tháng/năm sinh', 'Date of birth', 'Birth date', 'DOB'],
  },
  {
    field: 'village',
    header: 'Thôn/Tổ dân phố',
    en: 'Village',
    level: 'household',
    aliases: [
      'Thôn',
      'Thôn/Tổ',
      'Tổ dân phố',
      'Thôn/Xóm',
      'Thôn/Ấp',
      'Thôn/Bản',
      'Xóm',
      'Ấp',
      'Bản',
      'Village',
      'Hamlet',
    ],
  },
  {
    field: 'category',
    header: 'Phân loại hộ',
    en: 'Category',
    level: 'household',
    aliases: ['Loại hộ', 'Phân loại', 'Diện hộ', 'Category', 'Household category'],
  },
  {
    field: 'listedOn',
    header: 'Ngày vào danh sách',
    en: 'Listed on',
    level: 'household',
    aliases: ['Ngày công nhận', 'Listed on', 'Listing date'],
  },
  {
    field: 'expiresOn',
    header: 'Ngày hết hạn',
    en: 'Expires on',
    level: 'household',
    aliases: ['Hạn đến', 'Expires on', 'Expiry date'],
  },
  {
    field: 'headName',
    header: 'Họ và tên chủ hộ',
    en: "Head's full name",
    level: 'household',
    aliases: ['Họ tên chủ hộ', 'Tên chủ hộ', 'Chủ hộ', 'Head name', 'Head of household'],
  },
];

/** Columns every file needs; `fullName` may be replaced by `headName` in a one-row-per-household file. */
export const REQUIRED_FIELDS: readonly RegistryField[] = [
  'householdId',
  'citizenId',
  'birthDate',
  'category',
  'listedOn',
  'expiresOn',
];

export function columnOf(field: RegistryField): RegistryColumn {
  const column = REGISTRY_COLUMNS.find((c) => c.field === field);
  if (column === undefined) throw new Error(`no column for ${field}`);
  return column;
}

/** NFC, trimmed, inner whitespace (including non-breaking spaces and line breaks) collapsed to one space. */
export const normaliseText = toOneLine;

const HEADER_INDEX = new Map<string, RegistryField>(
  REGISTRY_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [foldText(h), c.field] as const)),
);

/** The field a header names, or null for a column the registry ignores (STT, Ghi chú …). Notes in brackets are ignored. */
export function matchHeader(header: string): RegistryField | null {
  return HEADER_INDEX.get(foldText(header.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' '))) ?? null;
}

const CATEGORY_INDEX = new Map<string, HouseholdCategory>([
  ...HOUSEHOLD_CATEGORIES.flatMap((code) => {
    const { vi, en } = CATEGORY_LABELS[code];
    return [foldText(code), foldText(vi), foldText(vi.replace(/^Hộ /u, '')), foldText(en)].map(
      (key) => [key, code] as const,
    );
  }),
  ['hn', 'POOR'],
  ['hcn', 'NEAR_POOR'],
  ['hmtn', 'NEWLY_ESCAPED'],
  ['muc song trung binh', 'MARGINAL_INCOME'],
]);

/** "Hộ nghèo", "nghèo", "HN", "POOR", "Poor household" → POOR; null when unknown. */
export function parseCategory(value: string): HouseholdCategory | null {
  return CATEGORY_INDEX.get(foldText(value)) ?? null;
}

export function categoryLabel(category: HouseholdCategory): string {
  return CATEGORY_LABELS[category].vi;
}

export const HEAD_RELATIONSHIP = 'Chủ hộ';

const HEAD_KEYS = new Set(['chu ho', 'chu ho gia dinh', 'head', 'head of household']);

export function isHeadRelationship(value: string): boolean {
  return HEAD_KEYS.has(foldText(value));
}

/**
 * Spellings normalised by case only: folding accents would confuse "Ba" (father, in the South) with "Bà"
 * (grandmother), so anything else is kept as written.
 */
const RELATIONSHIPS = [
  'Vợ',
  'Chồng',
  'Con',
  'Con trai',
  'Con gái',
  'Con nuôi',
  'Con dâu',
  'Con rể',
  'Bố',
  'Cha',
  'Ba',
  'Mẹ',
  'Má',
  'Ông',
  'Bà',
  'Anh',
  'Chị',
  'Em',
  'Cháu',
  'Cháu nội',
  'Cháu ngoại',
  'Khác',
];
const RELATIONSHIP_INDEX = new Map(RELATIONSHIPS.map((r) => [r.toLocaleLowerCase('vi'), r]));

export function canonicalRelationship(value: string): string {
  const text = normaliseText(value);
  return RELATIONSHIP_INDEX.get(text.toLocaleLowerCase('vi')) ?? text;
}
