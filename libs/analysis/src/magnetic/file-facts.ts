/** What a MultiVu header tells the magnetic analysis beside its data: texts naming the mode, and why no mass. */
import type { MultiVuFile } from '../multivu/multivu.types';

/** Texts that may name the whole file's mode: the header's sample comment, title, sequence file, and the file name. */
export function fileHints(file: MultiVuFile, fileName: string | undefined): string[] {
  const keys = ['SAMPLE_COMMENT', 'COMMENT', 'SEQUENCE FILE', 'NAME'];
  const out = Object.entries(file.info)
    .filter(([k]) => keys.includes(k.toUpperCase()))
    .map(([, v]) => v);
  if (file.title) out.push(file.title);
  if (fileName) out.push(fileName);
  return out;
}

/** Why no mass: a header mass of zero is said as such, with how to give the mass instead. */
export function missingMassMessage(file: MultiVuFile): string {
  const how = 'give the mass as the measurement condition massMg (mg), on the piece (its mass), or as the parameter massG (g; CLI --mass-g)';
  const record =
    Object.entries(file.info).find(([k]) => k.toUpperCase() === 'SAMPLE_MASS') ?? Object.entries(file.info).find(([k]) => k.toUpperCase() === 'WEIGHT');
  if (record && record[1].trim() !== '') {
    const value = Number(record[1].trim());
    if (value === 0) return `sample mass is zero in the file header (${record[0]} = ${record[1].trim()}): ${how}`;
    return `sample mass in the file header (${record[0]} = "${record[1].trim()}") is not a positive number: ${how}`;
  }
  return `sample mass unknown: the file header has no SAMPLE_MASS/WEIGHT; ${how}`;
}
