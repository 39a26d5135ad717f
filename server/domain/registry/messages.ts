/** Bilingual messages of import errors, for the ward officer who fixes the spreadsheet. */
import type { RegistryError, RegistryErrorCode } from './types.js';

export interface MessageParams {
  value?: string;
  column?: string;
  householdId?: string;
  otherRow?: number;
  otherHousehold?: string;
  limit?: number;
  detail?: string;
}

type Texts = readonly [vi: string, en: string];

const q = (value: string | undefined): string => `"${value ?? ''}"`;

const MESSAGES: Record<RegistryErrorCode, (p: MessageParams) => Texts> = {
  UNSUPPORTED_FORMAT: (p) => [
    `Không đọc được định dạng tệp${p.detail === undefined ? '' : ` (${p.detail})`}: hãy lưu thành .xlsx hoặc CSV.`,
    `Unsupported file format${p.detail === undefined ? '' : ` (${p.detail})`}: save it as .xlsx or CSV.`,
  ],
  FILE_UNREADABLE: (p) => [
    `Tệp bị lỗi, không đọc được (${p.detail ?? ''}).`,
    `The file is damaged (${p.detail ?? ''}).`,
  ],
  HEADER_NOT_FOUND: () => [
    'Không tìm thấy dòng tiêu đề (cần có cột "Mã hộ" và các cột khác của danh sách).',
    'No header row found (it needs a "Mã hộ" column and the other list columns).',
  ],
  MISSING_COLUMN: (p) => [`Thiếu cột ${q(p.column)}.`, `Column ${q(p.column)} is missing.`],
  DUPLICATE_COLUMN: (p) => [
    `Cột ${q(p.column)} trùng nội dung với một cột khác.`,
    `Column ${q(p.column)} duplicates another column.`,
  ],
  TOO_MANY_ROWS: (p) => [`Tệp có quá ${p.limit} dòng dữ liệu.`, `The file has more than ${p.limit} data rows.`],
  FIELD_REQUIRED: (p) => [`Chưa điền ${q(p.column)}.`, `${q(p.column)} is empty.`],
  CCCD_INVALID: (p) => [
    `Số CCCD ${q(p.value)} phải gồm đúng 12 chữ số.`,
    `Citizen id ${q(p.value)} must be exactly 12 digits.`,
  ],
  CCCD_SCIENTIFIC_NOTATION: (p) => [
    `Số CCCD ${q(p.value)} đã bị Excel đổi sang dạng số mũ và mất chữ số: định dạng cột là Văn bản (Text) rồi nhập lại số.`,
    `Citizen id ${q(p.value)} was turned into scientific notation by Excel and lost digits: format the column as Text and type the number again.`,
  ],
  CCCD_BIRTH_YEAR_MISMATCH: (p) => [
    `Số CCCD ${q(p.value)} không khớp năm sinh ${p.detail ?? ''} (chữ số thứ 4 đến 6 mã hóa thế kỷ và năm sinh).`,
    `Citizen id ${q(p.value)} does not match the birth year ${p.detail ?? ''} (digits 4 to 6 encode century and year of birth).`,
  ],
  CCCD_DUPLICATE: (p) =>
    p.otherHousehold === undefined || p.otherHousehold === p.householdId
      ? [
          `Số CCCD ${q(p.value)} xuất hiện hai lần trong hộ (dòng ${p.otherRow}).`,
          `Citizen id ${q(p.value)} appears twice in the household (row ${p.otherRow}).`,
        ]
      : [
          `Số CCCD ${q(p.value)} cũng có trong hộ ${q(p.otherHousehold)} (dòng ${p.otherRow}).`,
          `Citizen id ${q(p.value)} is also in household ${q(p.otherHousehold)} (row ${p.otherRow}).`,
        ],
  DATE_INVALID: (p) => [
    `${q(p.column)}: ${q(p.value)} không phải ngày hợp lệ (dd/mm/yyyy).`,
    `${q(p.column)}: ${q(p.value)} is not a valid date (dd/mm/yyyy).`,
  ],
  DATE_IN_FUTURE: (p) => [
    `${q(p.column)}: ${q(p.value)} là ngày trong tương lai.`,
    `${q(p.column)}: ${q(p.value)} is in the future.`,
  ],
  EXPIRY_NOT_AFTER_LISTING: (p) => [
    `Ngày hết hạn ${q(p.value)} phải sau ngày vào danh sách.`,
    `Expiry date ${q(p.value)} must be after the listing date.`,
  ],
  CATEGORY_UNKNOWN: (p) => [
    `Phân loại hộ ${q(p.value)} không hợp lệ (Hộ nghèo, Hộ cận nghèo, Hộ mới thoát nghèo, Hộ có mức sống trung bình …).`,
    `Unknown household category ${q(p.value)} (poor, near-poor, newly escaped poverty, marginal income …).`,
  ],
  HEAD_MISSING: () => ['Hộ không có chủ hộ (Quan hệ với chủ hộ = "Chủ hộ").', 'The household has no head ("Chủ hộ").'],
  HEAD_DUPLICATE: (p) => [
    `Hộ có hai chủ hộ (dòng ${p.otherRow} và dòng này).`,
    `The household has two heads (row ${p.otherRow} and this row).`,
  ],
  HOUSEHOLD_FIELD_MISMATCH: (p) => [
    `${q(p.column)} là ${q(p.value)}, khác với dòng ${p.otherRow} của cùng hộ (${q(p.detail)}).`,
    `${q(p.column)} is ${q(p.value)}, unlike row ${p.otherRow} of the same household (${q(p.detail)}).`,
  ],
};

/** What the error costs: the household, the row alone (no household id to exclude), or the whole file. */
export type Exclusion = 'household' | 'row' | 'file';

function consequence(exclusion: Exclusion, householdId: string | undefined): Texts {
  if (exclusion === 'file') return ['Không nhập dữ liệu nào từ tệp.', 'Nothing is imported from the file.'];
  if (exclusion === 'household' && householdId !== undefined) {
    return [`Hộ ${q(householdId)} không được nhập.`, `Household ${q(householdId)} is not imported.`];
  }
  return ['Dòng này bị bỏ qua.', 'The row is skipped.'];
}

export function registryError(
  at: { row: number; sheet?: string | undefined; column?: string | undefined },
  code: RegistryErrorCode,
  params: MessageParams,
  exclusion: Exclusion,
): RegistryError {
  const [vi, en] = MESSAGES[code](params);
  const [viThen, enThen] = consequence(exclusion, params.householdId);
  const error: RegistryError = { row: at.row, code, message: `${vi} ${viThen} — ${en} ${enThen}` };
  if (at.sheet !== undefined) error.sheet = at.sheet;
  if (at.column !== undefined) error.column = at.column;
  if (params.householdId !== undefined && exclusion !== 'file') error.householdId = params.householdId;
  return error;
}

const SEPARATOR = ' — ';

/**
 * An import error's message in each language. Every message is "Vietnamese — English" and both halves name the
 * same values, so a separator typed inside a value appears as often in each half: the middle one splits them.
 */
export function messageHalves(message: string): { vi: string; en: string } {
  const parts = message.split(SEPARATOR);
  if (parts.length < 2 || parts.length % 2 !== 0) return { vi: message, en: message };
  const half = parts.length / 2;
  return { vi: parts.slice(0, half).join(SEPARATOR), en: parts.slice(half).join(SEPARATOR) };
}
