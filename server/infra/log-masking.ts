/**
 * Logs carry no personal data (Decree 13/2023/NĐ-CP): a citizen ID (12 digits) or a phone number is
 * masked wherever it would appear in a log line, whatever field, message or error it came in.
 */

// Digits not part of a longer run, so a 13-digit timestamp or a 16-digit number is left as it is.
const CITIZEN_ID = /(?<!\d)\d{12}(?!\d)/g;
// Vietnamese numbers: 0 + 9 or 10 digits, or the same after +84 / 84 (spaces and dots between groups allowed).
const PHONE = /(?<![\d+])(?:\+?84|0)(?:[ .-]?\d){9,10}(?!\d)/g;

export const MASKED_CITIZEN_ID = '[citizen-id]';
export const MASKED_PHONE = '[phone]';

/** Field names that always hold personal data: their values are replaced whole (pino `redact`). */
export const REDACTED_FIELDS = [
  'citizenId',
  'borrowerCitizenId',
  'phone',
  'borrowerPhone',
  'password',
  'token',
  'authorization',
  '*.citizenId',
  '*.borrowerCitizenId',
  '*.phone',
  '*.borrowerPhone',
  '*.password',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function maskText(text: string): string {
  return text.replace(CITIZEN_ID, MASKED_CITIZEN_ID).replace(PHONE, MASKED_PHONE);
}

/** A copy of `value` with every string in it masked; errors become plain objects with masked message and stack. */
export function maskValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    const masked: Record<string, unknown> = { type: value.name, message: maskText(value.message) };
    if (value.stack) masked.stack = maskText(value.stack);
    for (const [key, inner] of Object.entries(value)) masked[key] = maskValue(inner, depth + 1);
    if (value.cause !== undefined) masked.cause = maskValue(value.cause, depth + 1);
    return masked;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1));
  if (value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskValue(inner, depth + 1)]));
}
