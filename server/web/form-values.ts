/** Reading what a person typed into a form, before the API's own schema judges it. */

/** A form field as trimmed text; anything else (absent, repeated) as empty. */
export const formText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Whole numbers as people write them: plain digits, or groups of three after the first set off by one and the same
 * separator throughout (a dot or a space as in Vietnamese, a comma as in English; a no-break space too, as
 * formatMoney writes). The money unit may follow, as the prefilled amounts show it.
 */
const GROUPED = /^(?:\d+|\d{1,3}(?<sep>[., \u00a0])\d{3}(?:\k<sep>\d{3})*)(?:\s*(?:đ|đồng|VND))?$/iu;

/**
 * A number typed with or without thousands separators (50.000.000, 50 000 000, 50,000,000 or 50.000.000 đ); anything
 * else (1.5, 12,50, 1.000,000) is left for the schema to refuse rather than read as a number it is not.
 */
export const numberOrText = (value: string): number | string =>
  GROUPED.test(value.normalize('NFC')) ? Number(value.replace(/\D/g, '')) : value;
