/**
 * The building blocks every printed form shares, as pdfmake content: the national heading with the form code
 * at the top right, the title, the place and date line, numbered fields, tables with a totals row and the
 * signature blocks. Pure: a form's layout (one file per form beside this one) composes them into a document
 * definition, and server/infra/pdf.ts renders it.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatMoney } from '../format.js';

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Money on a form, through the one formatter: "50.000.000 đ". */
export const money = (amount: number | bigint): string => formatMoney(amount, 'vi');

/** "ngày 17 tháng 12 năm 2026" from a calendar date (YYYY-MM-DD). */
export function dateInWords(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "Hòa Bình, ngày 17 tháng 12 năm 2026" from a calendar date (YYYY-MM-DD). */
export function placeAndDate(place: string, isoDate: string): string {
  return `${place}, ${dateInWords(isoDate)}`;
}

/**
 * The national heading, centred, the motto underlined by a rule of its width; the form code at the top right.
 * `issuer` lines (e.g. the bank's office) stand at the top left, as on the bank's own forms. A list with no
 * published form number passes null.
 */
export function nationalHeading(formCode: string | null, issuer: readonly string[] = []): Content {
  return [
    {
      columns: [
        { width: '*', stack: issuer.map((line, i) => ({ text: line, bold: i === issuer.length - 1, fontSize: 10 })) },
        { width: 'auto', text: formCode ? `Mẫu số ${formCode}` : '', bold: true, fontSize: 10 },
      ],
    },
    { text: NATION, bold: true, alignment: 'center', fontSize: 12, margin: [0, 8, 0, 0] },
    { text: MOTTO, bold: true, alignment: 'center', fontSize: 12 },
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: 165, y2: 0, lineWidth: 0.8 }],
      alignment: 'center',
      margin: [0, 1, 0, 0],
    },
  ];
}

/** The issuer lines of the bank's own lists: the bank, then its office. */
export const bankIssuer = (officeName: string): string[] => ['NGÂN HÀNG CHÍNH SÁCH XÃ HỘI', officeName.toUpperCase()];

export interface FormHeader {
  /** The published form number ("03/TD"), or null for a list that has none. */
  formCode: string | null;
  issuer?: readonly string[];
  title: string;
  subtitle?: string;
  /** A centred line in italics under the title: where the form is for (ward, district, province; the group). */
  locality?: string;
}

/** The top of every form: the national heading with the issuer and the form code, the title, the locality. */
export function formHeader(header: FormHeader): Content {
  return [
    nationalHeading(header.formCode, header.issuer),
    formTitle(header.title, header.subtitle),
    ...(header.locality
      ? [{ text: header.locality, alignment: 'center' as const, italics: true, margin: [0, 0, 0, 6] as const }]
      : []),
  ] as Content;
}

/** The label of a "Cộng" row that counts households. */
export const householdsTotal = (count: number): string => `Cộng: ${count} hộ`;

export function placeDateLine(place: string, isoDate: string): Content {
  return { text: placeAndDate(place, isoDate), italics: true, alignment: 'right', margin: [0, 6, 0, 6] };
}

export function formTitle(title: string, subtitle?: string): Content {
  return [
    { text: title.toUpperCase(), bold: true, alignment: 'center', fontSize: 13, margin: [0, 10, 0, 2] },
    ...(subtitle ? [{ text: subtitle, bold: true, alignment: 'center' as const, margin: [0, 0, 0, 6] as const }] : []),
  ] as Content;
}

/** A line "Kính gửi: …", bold, as letters to an authority open. */
export function addressedTo(recipient: string): Content {
  return { text: [{ text: 'Kính gửi: ', bold: true }, recipient], alignment: 'center', margin: [0, 4, 0, 8] };
}

export interface Field {
  label: string;
  value: string;
}

/** "1. Họ và tên: Nguyễn Văn Ánh", numbered from `start`; an empty value leaves a dotted blank to fill by hand. */
export function numberedFields(fields: readonly Field[], start = 1): Content {
  return {
    stack: fields.map((field, i) => ({
      text: [`${start + i}. ${field.label}: `, { text: field.value || '……………………………', bold: field.value !== '' }],
      margin: [0, 1, 0, 1],
    })),
  };
}

export interface Column {
  header: string;
  width: number | '*' | 'auto';
  align?: 'left' | 'right' | 'center';
}

/**
 * A ruled table: a bold header row (repeated on every page), the rows, and a bold "Cộng" row whose cells are
 * the given totals (blank where a column has no total). `rows` are already formatted strings.
 */
export function totalsTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  totals?: readonly string[],
): Content {
  const cell = (text: string, i: number, bold = false): TableCell => ({
    text,
    bold,
    alignment: columns[i]?.align ?? 'left',
  });
  const body: TableCell[][] = [
    columns.map((column) => ({ text: column.header, bold: true, alignment: 'center', fillColor: '#eeeeee' })),
    ...rows.map((row) => row.map((text, i) => cell(text, i))),
  ];
  if (totals) body.push(totals.map((text, i) => cell(text, i, true)));
  return {
    table: { headerRows: 1, widths: columns.map((column) => column.width), body, dontBreakRows: true },
    fontSize: 10,
    margin: [0, 4, 0, 8],
  };
}

export interface Signer {
  title: string;
  /** "(Ký, ghi rõ họ tên)" by default. */
  note?: string;
  name?: string;
}

/** Signature blocks side by side: the title bold, the note in italics, room to sign, the name. */
export function signatureBlocks(signers: readonly Signer[]): Content {
  return {
    columns: signers.map((signer) => ({
      width: '*',
      alignment: 'center',
      stack: [
        { text: signer.title.toUpperCase(), bold: true, fontSize: 10 },
        { text: signer.note ?? '(Ký, ghi rõ họ tên)', italics: true, fontSize: 9 },
        { text: signer.name ?? ' ', bold: true, margin: [0, 48, 0, 0] },
      ],
    })),
    columnGap: 8,
    margin: [0, 12, 0, 0],
    unbreakable: true,
  };
}

/**
 * The end of a form: the place and date line, then one or more rows of signature blocks, kept on one page
 * together, so the date never stands alone at the foot of a page with the signatures overleaf.
 */
export function signingPart(place: string, isoDate: string, ...rows: readonly (readonly Signer[])[]): Content {
  return { stack: [placeDateLine(place, isoDate), ...rows.map((row) => signatureBlocks(row))], unbreakable: true };
}

export function sectionHeading(text: string): Content {
  return { text, bold: true, margin: [0, 8, 0, 2] };
}

/** Every string of a value, NFC-normalised: a name typed with combining marks draws as the composed letters. */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normaliseText(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normaliseText(item)])) as T;
  }
  return value;
}

/** An A4 document in Noto Serif (set by the renderer), with the page number at the foot; text NFC-normalised. */
export function formDocument(
  title: string,
  content: Content,
  options: { landscape?: boolean } = {},
): TDocumentDefinitions {
  return normaliseText({
    info: { title, creator: 'NHCSXH' },
    pageSize: 'A4',
    pageOrientation: options.landscape ? 'landscape' : 'portrait',
    pageMargins: [56, 40, 42, 48],
    defaultStyle: { fontSize: 11, lineHeight: 1.15 },
    footer: (page: number, pages: number): Content => ({
      text: `Trang ${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 16, 0, 0],
    }),
    content,
  });
}
