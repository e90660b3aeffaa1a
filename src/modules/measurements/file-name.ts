/**
 * File names come from the client (multipart `filename`), so they may hold anything: they are
 * stored without control characters, and sent back in Content-Disposition both as an ASCII
 * fallback and as RFC 5987 `filename*` (a raw non-Latin-1 character in a header makes Node throw).
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const MAX_NAME = 255;

/** The name to store: control characters dropped, Unicode normalised (NFC), at most 255 characters. */
export function storableFileName(name: string | undefined): string {
  const clean = (name ?? '').normalize('NFC').replace(CONTROL, '').trim().slice(0, MAX_NAME);
  return clean === '' ? 'upload.dat' : clean;
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266, RFC 5987). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
