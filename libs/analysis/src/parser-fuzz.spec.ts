/**
 * Hostile files (issue 12, finding 5): long runs that defeat backtracking patterns, a million
 * blank lines, hundreds of thousands of columns, deep XML nesting, each placed in every real
 * fixture's header, column line and data, through detection and through each technique's parser.
 * Every one must end in a result or a readable ParseError/AnalysisError, never a throw. Their time
 * is bench/parser-fuzz.ts's business (no clock here): it runs the same shapes at 1 MiB and fits the
 * growth exponent of time against size, which is where a super-linear pattern (like the old
 * /[\s,]+$/) shows; here the lines are 4 kB and 64 kB, enough for every code path.
 */
import { readFileSync } from 'fs';
import { basename, relative } from 'path';
import { isDeepStrictEqual } from 'util';
import { REAL_FIXTURES_DIR, realFixtureFiles } from '../../../scripts/real-fixtures';
import { blankLines, deeplyNestedXml, hostileLines, placeHostile, PLACEMENTS } from '../../instruments/src/hostile';
import { createTechniqueRegistry } from './technique/registry';
import { defineTechnique, type Technique as Descriptor } from './technique/technique';
import { TECHNIQUE_REGISTRY, type TechniqueId as Technique } from './techniques';

/**
 * The registry with each technique's analyze remembered per (parsed file, parameters): analyzers
 * are pure functions, so a hostile line that leaves the parsed data as it was (the common case:
 * the line is skipped or refused) gets the result that input already had, without fitting it again.
 * Detection, parsing and every new parsed input still go through the real code; this only keeps
 * the spec in seconds (the SAXS fit alone made it minutes).
 */
function rememberAnalyses(t: Descriptor): Descriptor {
  const seen: { input: unknown; output: ReturnType<Descriptor['analyze']> }[] = [];
  return defineTechnique({
    ...t,
    analyze(parsed, input) {
      const key = { parsed, input };
      const hit = seen.find((s) => isDeepStrictEqual(s.input, key));
      if (hit) return hit.output;
      const output = t.analyze(parsed, input);
      seen.push({ input: key, output });
      return output;
    },
  });
}
const REGISTRY = createTechniqueRegistry(TECHNIQUE_REGISTRY.list.map(rememberAnalyses));

/** From the fixture's folder under REAL_FIXTURES_DIR (not the whole path: a checkout may sit in a folder named like a technique). */
const techniqueOf = (path: string): Technique => {
  const folder = relative(REAL_FIXTURES_DIR, path).split(/[\\/]/)[0];
  return folder === 'mpms' ? 'MAGNETIC' : folder === 'ppms' ? 'RESISTANCE' : folder === 'xrd' ? 'XRD' : folder === 'saxs' ? 'SAXS' : 'DSC';
};

/** One template per format the parsers tell apart. */
const TEMPLATES = realFixtureFiles().filter((f) =>
  /zfcfc1_DC_100Oe_MPMS3|mvsh3_DC_5K_tabdelimited|MPMSXL_MultiVu1.60_DC|Resistivity_TMR|Mg2SiO4_glass_pyFAI|Fe81S19|xrdml2.1|Alumina_USAXS|COLETTE|Setaram|TA-2920/.test(
    f,
  ),
);

const CODE = /^[A-Z][A-Z_]+$/;

/** The fixture's first 150 lines: its whole header and enough rows to analyse, so the analyzers stay quick. */
const head = (text: string): string => text.split('\n').slice(0, 150).join('\n');

function expectReadable(bytes: Uint8Array, technique: Technique | undefined, label: string): void {
  let outcome: string;
  try {
    const r = REGISTRY.analyzeFile(bytes, technique === undefined ? {} : { technique });
    outcome = r.ok
      ? 'result'
      : CODE.test((r.error as { code?: string }).code ?? '') && r.error.message.length > 0
        ? 'readable error'
        : `unreadable error ${r.error.message}`;
  } catch (e) {
    outcome = `threw ${(e as Error).message}`;
  }
  expect({ label, outcome }).toEqual({ label, outcome: expect.stringMatching(/^(result|readable error)$/) });
}

describe('parsers on hostile input', () => {
  it('covers every format family', () => {
    expect(new Set(TEMPLATES.map(techniqueOf))).toEqual(new Set(['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC']));
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(10);
  });

  // XRDML is one XML document, not lines: its hostile shapes are the 1 MB lines and the nesting below.
  for (const file of TEMPLATES.filter((f) => !f.endsWith('.xrdml'))) {
    it(`${basename(file)}: every hostile 4 kB line at every place ends in a result or a readable error`, () => {
      const template = head(readFileSync(file, 'latin1'));
      const lines = [...hostileLines(4_096), { label: 'blank LF', text: blankLines(4_096) }, { label: 'blank CR', text: blankLines(4_096, '\r') }];
      for (const h of lines)
        for (const placement of PLACEMENTS) {
          const bytes = Buffer.from(placeHostile(template, h.text, placement), 'latin1');
          for (const technique of [undefined, techniqueOf(file)]) expectReadable(bytes, technique, `${h.label} ${placement} ${technique ?? 'detected'}`);
        }
    });
  }

  it('a 64 kB line of brackets and spaces, of commas, of digits, of tabs before each format data ends readably', () => {
    const big = hostileLines(1 << 16).filter((h) => ['brackets and spaces', 'commas and spaces', 'decimal digits', 'tabs', '2theta spaces'].includes(h.label));
    for (const file of TEMPLATES) {
      const template = head(readFileSync(file, 'latin1'));
      for (const h of big)
        expectReadable(Buffer.from(placeHostile(template, h.text, 'before-data'), 'latin1'), techniqueOf(file), `${basename(file)} ${h.label}`);
    }
  });

  it('XRDML nested 100,000 elements deep ends in a readable error', () => {
    for (const file of TEMPLATES.filter((f) => f.endsWith('.xrdml'))) {
      const bytes = Buffer.from(deeplyNestedXml(readFileSync(file, 'utf8'), 100_000));
      expectReadable(bytes, 'XRD', basename(file));
      expectReadable(bytes, undefined, basename(file));
    }
  });
});
