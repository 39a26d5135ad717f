/** Reading what a person typed into a form, before the API's own schema judges it. */

/** A form field as trimmed text; anything else (absent, repeated) as empty. */
export const formText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A number typed with or without thousands separators (50.000.000); anything else is left for the schema to refuse. */
export const numberOrText = (value: string): number | string =>
  /^\d[\d.,\s]*$/.test(value) ? Number(value.replace(/\D/g, '')) : value;
