/** How text typed by people is kept: composed (NFC), so "Nguyễn" is one spelling whatever keyboard typed it. */

/**
 * Every run of whitespace (CR, LF, tab, U+0085, U+2028, U+2029, no-break spaces...) and every control character
 * as one space, trimmed: a name like "Hoa\r\nBcc: ..." can never start a line of its own in a mail or a form.
 */
export const toOneLine = (value: string): string =>
  value
    .normalize('NFC')
    .replace(/[\s\p{Cc}\u0085\u2028\u2029]+/gu, ' ')
    .trim();

/** Line breaks kept but written as LF (CRLF, CR, U+0085, U+2028, U+2029); tabs as spaces; other control characters gone. */
export const toParagraphs = (value: string): string =>
  value
    .normalize('NFC')
    .replace(/\r\n?|[\u0085\u2028\u2029]/gu, '\n')
    .replace(/\t/gu, ' ')
    .replace(/[^\P{Cc}\n]/gu, '')
    .trim();

/** A comparison key without case, accents (đ → d) or punctuation: "Thôn/Tổ dân phố" → "thon to dan pho". */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
