/**
 * Text encodings of the CSV files wards produce: UTF-8 (Excel's "CSV UTF-8" writes a BOM), UTF-16 with a
 * BOM (Excel's "Unicode text"), Windows-1258 (Excel's plain "CSV" on Vietnamese Windows, with tone marks
 * as combining characters), and UTF-8 that some tool read as Windows-1252 and saved again ("Nguyá»…n").
 * The result is always NFC.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'utf-8-mojibake';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(decodeUtf8(bytes.subarray(3)) ?? '', 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return done(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return done(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const utf8 = decodeUtf8(bytes);
  if (utf8 === null) return done(iconv.decode(Buffer.from(bytes), 'windows1258'), 'windows-1258');
  const repaired = repairMojibake(utf8);
  return repaired === null ? done(utf8, 'utf-8') : done(repaired, 'utf-8-mojibake');
}

function done(text: string, encoding: TextEncoding): DecodedText {
  return { text: text.normalize('NFC'), encoding };
}

/** Strict UTF-8: null when the bytes are not UTF-8 (then they are a legacy code page). */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252 bytes of U+0080..U+00FF and of its 27 extra characters (€ ‚ ƒ …); the five bytes the code page
 * leaves undefined come back from such tools as the C1 controls U+0081, U+008D, U+008F, U+0090, U+009D.
 */
const CP1252_BYTE = new Map<string, number>(
  Array.from({ length: 0x80 }, (_, i) => {
    const byte = 0x80 + i;
    const char = iconv.decode(Buffer.from([byte]), 'windows1252');
    return [char === '\ufffd' ? String.fromCharCode(byte) : char, byte] as const;
  }),
);

/**
 * The text as it was before a Windows-1252 round trip, or null when it is not such text. Genuine Vietnamese
 * either holds characters outside Windows-1252 (ễ, ư, ạ …) or, re-encoded, is not valid UTF-8 ("Thôn"),
 * so a strict UTF-8 decode of the re-encoded bytes tells the two apart.
 */
function repairMojibake(text: string): string | null {
  if (!/[\u0080-\u00ff]/u.test(text)) return null;
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const byte = code < 0x80 ? code : CP1252_BYTE.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  return decodeUtf8(Uint8Array.from(bytes));
}
