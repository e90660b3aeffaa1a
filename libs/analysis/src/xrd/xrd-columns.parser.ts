/**
 * Two-column diffraction patterns: `.xy`, `.dat`, `.csv`, pyFAI/Dioptas integrate1d output and
 * Fit2D `.chi` (4-line header), headerless or with `#` comments, any common separator.
 */
import { fail, ok, ParseError, Result } from '../core/errors';
import { describeLines, readNumericBlock } from './numeric-table';
import { detectWavelengthA, detectXAxis } from './xrd-header';
import { twoThetaDegToQInvA, XrdPattern } from './xrd.types';

const MIN_POINTS = 5;

function formatName(headerLines: string[], fileName: string | undefined): string {
  const header = headerLines.join('\n');
  if (/pyFAI|dioptas/i.test(header)) return 'pyfai-xy';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'chi') return headerLines.length >= 3 ? 'fit2d-chi' : 'chi-headerless';
  if (ext === 'csv') return 'csv';
  if (ext === 'dat' || ext === 'txt') return 'dat';
  return 'xy';
}

/** Rows sorted by ascending x; reports whether the file ran backwards or was unordered. */
function sortByX(x: number[], y: number[]): { x: number[]; y: number[]; order: 'ascending' | 'descending' | 'unordered' } {
  let up = 0;
  let down = 0;
  for (let i = 1; i < x.length; i++) {
    if (x[i] > x[i - 1]) up++;
    else if (x[i] < x[i - 1]) down++;
  }
  if (down === 0) return { x, y, order: 'ascending' };
  const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  return { x: idx.map((i) => x[i]), y: idx.map((i) => y[i]), order: up === 0 ? 'descending' : 'unordered' };
}

/**
 * Parse a column-text diffraction pattern. x is 2θ (radians converted to degrees) or q (nm⁻¹
 * converted to Å⁻¹) when a header label says so (see detectXAxis), an error when the label names an
 * axis XRD cannot use (radial distance, time of flight), else 'unknown' with a warning; the wavelength comes from a header line
 * (pyFAI metres converted to Å). q = 4π sin θ / λ is added whenever it can be computed.
 */
export function parseXrdColumns(text: string, fileName?: string): Result<XrdPattern, ParseError> {
  const read = readNumericBlock(text, MIN_POINTS);
  if (!read.ok) return read;
  const block = read.value;
  const warnings: string[] = [];
  const metadata: Record<string, string | number> = { firstDataLine: block.firstLine, rows: block.rowCount };
  if (block.columnCount > 2) warnings.push(`${block.columnCount} columns found; column 1 taken as x and column 2 as intensity`);
  const format = formatName(block.headerLines, fileName);
  let stray = block.strayNumericLines;
  if (format === 'fit2d-chi') {
    // The 4th Fit2D header line is the point count, a number that is header, not data.
    const declared = Number(block.headerLines[block.headerLines.length - 1]?.trim());
    stray = stray.filter((n) => n !== block.firstLine - 1);
    if (Number.isInteger(declared) && declared !== block.rowCount) {
      warnings.push(`Fit2D header declares ${declared} points but ${block.rowCount} rows were read`);
    }
  }
  if (stray.length > 0) warnings.push(`${describeLines(stray)} of numbers outside the data block were ignored`);
  const axis = detectXAxis(block.headerLines);
  if (axis.unsupported) {
    return fail(
      new ParseError('UNKNOWN_FORMAT', `the x axis is ${axis.unsupported} ("${axis.label}"); an XRD pattern needs 2θ or q: integrate the image in 2θ or q`),
    );
  }
  const wavelengthA = detectWavelengthA(block.headerLines);
  if (axis.xKind === 'twoThetaDeg' && axis.qScale !== 1) warnings.push('2θ is in radians in the file; converted to degrees');
  if (axis.label) metadata.xLabel = axis.label;
  if (wavelengthA !== undefined) metadata.wavelengthA = wavelengthA;

  const xs = block.column(0);
  if (axis.qScale !== 1) for (let i = 0; i < xs.length; i++) xs[i] *= axis.qScale;
  const sorted = sortByX(xs, block.column(1));
  if (sorted.order === 'descending') warnings.push('x runs from high to low; rows reversed');
  if (sorted.order === 'unordered') warnings.push('x is not monotonic; rows sorted by x');
  const { x, y } = sorted;

  let q: number[] | undefined;
  if (axis.xKind === 'unknown') {
    warnings.push('the x unit is not stated in the file (neither 2θ nor q); give the wavelength to treat x as 2θ in degrees');
  } else if (axis.xKind === 'qInvA') {
    q = x.slice();
  } else {
    if (x[0] < 0 || x[x.length - 1] > 180) warnings.push(`2θ spans ${x[0]}–${x[x.length - 1]}°, outside 0–180°`);
    if (wavelengthA !== undefined) q = x.map((t) => twoThetaDegToQInvA(t, wavelengthA));
  }
  if (y.some((v) => v < 0)) warnings.push('some intensities are negative');
  return ok({ x, intensity: y, xKind: axis.xKind, wavelengthA, q, format, metadata, warnings });
}
