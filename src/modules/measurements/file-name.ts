import { controlCharacterIn } from '../../common/text';
import { fieldError } from '../../common/validation';

/**
 * File names come from the client (multipart `filename`), so they may hold anything. A name with
 * a tab, a line break, NUL or another control character is refused (400 naming `filename`),
 * never stored or silently changed: the lab sees the name it gave, or is told why not. Names are
 * sent back in Content-Disposition both as an ASCII fallback and as RFC 5987 `filename*`, so any
 * other Unicode name downloads (a raw non-Latin-1 character in a header makes Node throw).
 */

export const MAX_FILE_NAME = 255;

/** The name to store (Unicode normalised to NFC, outer spaces trimmed), or a 400 naming `filename`. */
export function storableFileName(name: string | undefined): string {
  const clean = (name ?? '').normalize('NFC').trim();
  if (clean === '') return 'upload.dat';
  const problem = controlCharacterIn(clean);
  if (problem) throw fieldError('filename', `the file name must be one line of visible text; it holds ${problem}: rename the file and send it again`);
  if (clean.length > MAX_FILE_NAME) throw fieldError('filename', `the file name must be at most ${MAX_FILE_NAME} characters long (it has ${clean.length})`);
  return clean;
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266, RFC 5987). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
