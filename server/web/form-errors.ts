/**
 * A refusal as messages beside the fields of a form, in the visitor's language: zod issues of the API's own
 * schema, the field a domain rule names, or the code's message for the form as a whole.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { ERROR_MESSAGES } from './error-messages.js';
import type { FieldMessages } from './form-parts.js';
import type { Translate } from './labels.js';

const SPECIFIC: Record<string, { vi: string; en: string }> = {
  citizenId: { vi: 'Số CCCD phải gồm đúng 12 chữ số.', en: 'The citizen ID must be exactly 12 digits.' },
  citizenIdLast4: { vi: 'Nhập đúng 4 chữ số cuối của số CCCD.', en: 'Enter the last 4 digits of the citizen ID.' },
  phone: { vi: 'Số điện thoại gồm 9 đến 15 chữ số.', en: 'The phone number has 9 to 15 digits.' },
  email: { vi: 'Địa chỉ thư điện tử không đúng.', en: 'The email address is not valid.' },
  dateOfBirth: { vi: 'Nhập ngày sinh có thật, ví dụ 12/04/1985.', en: 'Enter a real date of birth, e.g. 12/04/1985.' },
  amount: { vi: 'Nhập số tiền vay là số nguyên dương (đồng).', en: 'Enter the amount as a whole number of dong.' },
  termMonths: { vi: 'Nhập thời hạn vay là số tháng.', en: 'Enter the term as a number of months.' },
  transactionDay: { vi: 'Nhập ngày trong tháng từ 1 đến 28.', en: 'Enter a day of the month from 1 to 28.' },
  ceilingVnd: {
    vi: 'Nhập mức cho vay tối đa là số tiền dương, không quá 1.000.000.000.000 đồng.',
    en: 'Enter the ceiling as a positive amount of dong, at most 1,000,000,000,000.',
  },
  annualRatePercent: {
    vi: 'Nhập lãi suất như 6,6 hoặc 8,382 (%/năm).',
    en: 'Enter a rate such as 6.6 or 8.382 (% a year).',
  },
  stepOrder: {
    vi: 'Mỗi bước một lần; hai bước cuối là ngân hàng phê duyệt rồi giải ngân.',
    en: 'Each step once; the last two are bank approval, then disbursement.',
  },
  username: {
    vi: 'Tên đăng nhập gồm 3 đến 64 chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'The username has 3 to 64 letters, digits, dots, dashes or underscores.',
  },
  password: {
    vi: 'Mật khẩu có ít nhất 8 ký tự và không được là mật khẩu mẫu.',
    en: 'The password has at least 8 characters and is not the demo password.',
  },
};

const GENERIC = {
  missing: { vi: 'Vui lòng điền mục này.', en: 'Please fill this in.' },
  tooLong: { vi: 'Nội dung quá dài.', en: 'This is too long.' },
  choose: { vi: 'Vui lòng chọn một mục trong danh sách.', en: 'Please choose from the list.' },
  invalid: { vi: 'Giá trị không hợp lệ.', en: 'This value is not valid.' },
};

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const leaf = String(issue.path.at(-1) ?? '');
  if (issue.code === 'too_big' && issue.origin === 'string') return t(GENERIC.tooLong);
  const specific = SPECIFIC[leaf];
  if (specific) return t(specific);
  if (issue.code === 'invalid_value') return t(GENERIC.choose);
  if (issue.code === 'too_small' || issue.code === 'invalid_type') return t(GENERIC.missing);
  return t(GENERIC.invalid);
}

/** Field messages (first one per field) and form-level messages, for a zod error or a coded refusal. */
export function formErrors(error: unknown, t: Translate): { fields: FieldMessages; general: string[] } | null {
  const fields: FieldMessages = {};
  const general: string[] = [];
  if (error instanceof z.ZodError) {
    for (const issue of error.issues) {
      const name = issue.path.join('.');
      fields[name] ??= issueMessage(issue, t);
    }
    return { fields, general };
  }
  if (!(error instanceof AppError)) return null;
  for (const rule of error.rules) {
    if (rule.field) fields[rule.field] ??= t(rule);
    else general.push(t(rule));
  }
  if (error.rules.length === 0) {
    const field = error.fields[0]?.path;
    if (field && field !== '(body)') fields[field] = t(ERROR_MESSAGES[error.code]);
    else general.push(t(ERROR_MESSAGES[error.code]));
  }
  return { fields, general };
}
