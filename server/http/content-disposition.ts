/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding), so every browser saves
 * the Vietnamese name, and one that reads only `filename` gets the name without its marks.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name.normalize('NFC'))}`;
}
