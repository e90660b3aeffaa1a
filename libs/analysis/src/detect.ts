/** Which technique and file format a set of bytes is, decided from content; the file name only breaks ties. */
import { decodeText, looksBinary } from './core/text';
import type { Technique } from './core/types';
import { detectDscFormat } from './dsc/index';
import { detectMultiVuFormat } from './multivu/detect-multivu';
import { detectDiffractionFormat } from './xrd/index';

export interface DetectedFormat {
  technique: Technique;
  format: string;
}

/**
 * Detect the technique and format of an uploaded file. MultiVu `.dat` files (first line `[Header]`)
 * are MAGNETIC or RESISTANCE by their columns (see detectMultiVuFormat); DSC exports are recognised
 * by detectDscFormat, XRD and SAXS patterns by detectDiffractionFormat. Undefined for empty,
 * binary or unrecognised content.
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): DetectedFormat | undefined {
  if (bytes.length === 0 || looksBinary(bytes)) return undefined;
  const { text } = decodeText(bytes);
  return detectText(text, fileName);
}

/**
 * detectFormat on already-decoded text. Most specific first: MultiVu (a `[Header]` container), then
 * DSC (its exports carry named headers), then diffraction, whose plain two-column tables would
 * otherwise claim almost anything numeric.
 */
export function detectText(text: string, fileName?: string): DetectedFormat | undefined {
  const multiVu = detectMultiVuFormat(text);
  if (multiVu) return multiVu;
  const dsc = detectDscFormat(text, fileName);
  if (dsc !== undefined) return { technique: 'DSC', format: dsc };
  const diffraction = detectDiffractionFormat(text, fileName);
  return diffraction ? { technique: diffraction.technique, format: diffraction.format } : undefined;
}
