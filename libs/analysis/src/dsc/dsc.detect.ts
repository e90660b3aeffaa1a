/** Which DSC export a text is: decided on content; the file name only breaks ties. */
import { splitLines } from '../core/text';
import { DscFormat } from './dsc.types';
import { guessDelimiter, heatFlowUnit, splitCells, splitNameUnit, temperatureUnit } from './dsc.table';

const HEAD_CHARS = 20000;

function contentScores(text: string): Record<DscFormat, number> {
  const head = text.slice(0, HEAD_CHARS);
  const s: Record<DscFormat, number> = { 'ta-universal-analysis': 0, 'pyris-ascii': 0, 'netzsch-proteus': 0, 'mettler-stare': 0, 'csv-units': 0 };
  if (/^StartOfData\s*$/m.test(text)) s['ta-universal-analysis'] = /^(Nsig|Sig\d+)\t/m.test(head) ? 1 : 0.6;
  if (/^#EXPORTTYPE/m.test(head)) s['netzsch-proteus'] = 1;
  else if (/^##[^\n]*temp/im.test(head)) s['netzsch-proteus'] = 0.8;
  // [ \t]* rather than \s* after ^ under the m flag: \s* would run across every following blank line, from each.
  if (/^[ \t]*Curve Values:[ \t]*$/m.test(head)) s['mettler-stare'] = 1;
  else if (/STARe/.test(head)) s['mettler-stare'] = 0.4;
  if (/^[ \t]*Sample Weight:/m.test(head) && /heat\s*flow/i.test(head)) s['pyris-ascii'] = 1;
  else if (/Unsubtracted Heat Flow/i.test(head)) s['pyris-ascii'] = 0.8;
  else if (/Pyris/i.test(head)) s['pyris-ascii'] = 0.4;

  const first = splitLines(head).find((l) => l.trim() !== '' && !/^\s*(#|%|\/\/)/.test(l));
  if (first !== undefined) {
    const heads = splitCells(first, guessDelimiter(first)).map(splitNameUnit);
    const hasT = heads.some((h) => temperatureUnit(h.unit) !== undefined);
    const hasHf = heads.some((h) => heatFlowUnit(h.unit) !== undefined);
    if (heads.length >= 2 && hasT && hasHf) s['csv-units'] = 0.7;
  }
  return s;
}

function nameHint(fileName: string): DscFormat | undefined {
  const n = fileName.toLowerCase();
  if (/netzsch|proteus|\.dsv$|\.ngb/.test(n)) return 'netzsch-proteus';
  if (/pyris|\.d\d$|perkin/.test(n)) return 'pyris-ascii';
  if (/stare|mettler/.test(n)) return 'mettler-stare';
  if (/universal|\bta[-_]|^ta|\.00\d$/.test(n)) return 'ta-universal-analysis';
  if (/\.csv$/.test(n)) return 'csv-units';
  return undefined;
}

/**
 * Identify a DSC export from its content ('ta-universal-analysis', 'pyris-ascii',
 * 'netzsch-proteus', 'mettler-stare', 'csv-units') with the content score in (0, 1] (1: the
 * format's own markers, 0.4–0.8: weaker hints); the file name decides only between formats the
 * content matches equally well. Undefined when nothing matches.
 */
export function scoreDscFormat(text: string, fileName?: string): { format: DscFormat; score: number } | undefined {
  const scores = contentScores(text);
  const top = Math.max(...Object.values(scores));
  if (top <= 0) return undefined;
  const tied = (Object.keys(scores) as DscFormat[]).filter((f) => scores[f] === top);
  if (tied.length > 1 && fileName !== undefined) {
    const hint = nameHint(fileName);
    if (hint !== undefined && tied.includes(hint)) return { format: hint, score: top };
  }
  return { format: tied[0], score: top };
}

/** The DSC export format of a text (see scoreDscFormat), or undefined. */
export function detectDscFormat(text: string, fileName?: string): DscFormat | undefined {
  return scoreDscFormat(text, fileName)?.format;
}
