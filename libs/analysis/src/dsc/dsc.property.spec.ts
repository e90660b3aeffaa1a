import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { virtualDscScan } from '../../../instruments/src/dsc';
import { analyzeDsc, parseDsc } from './index';
import { DSC_FORMATS, DscFormat } from './dsc.types';

const REAL_TA = new Uint8Array(
  readFileSync(join(__dirname, '../../../../test/fixtures/real/dsc/pkynetics_TA-2920-MDSC_UniversalAnalysis_eicosane_latin1.txt')),
);
const SAMPLES: Record<DscFormat, Uint8Array> = Object.fromEntries(
  DSC_FORMATS.map((format) => [format, virtualDscScan({ format, seed: 3, samplePeriodS: 2 }).bytes]),
) as Record<DscFormat, Uint8Array>;

/** parseDsc must return a Result (never throw); an error must be a coded ParseError. */
function checkParse(bytes: Uint8Array, format?: DscFormat, analyze = false): void {
  const r = parseDsc(bytes, { format });
  if (r.ok) {
    expect(r.value.temperatureK.length).toBe(r.value.heatFlow.length);
    if (analyze) {
      const a = analyzeDsc(r.value);
      if (!a.ok) {
        expect(a.error.kind).toBe('AnalysisError');
        // The defensive catch in analyzeDsc must never be what answered.
        expect(a.error.message).not.toMatch(/unexpected analyzer failure/);
      }
    }
  } else {
    expect(r.error.kind).toBe('ParseError');
    expect(r.error.message.length).toBeGreaterThan(0);
    // The defensive catch in parseDsc must never be what answered.
    expect(r.error.message).not.toMatch(/unexpected parser failure/);
  }
}

const formatArb = fc.option(fc.constantFrom(...DSC_FORMATS), { nil: undefined });

describe('DSC parsers never throw or hang', () => {
  it('random bytes into every parser', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), formatArb, (bytes, format) => checkParse(bytes, format)),
      { numRuns: 300 },
    );
  });

  it('random text lines into every parser', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('StartOfData', '##Temp./°C;Time/min;DSC/(mW/mg)', 'Curve Values:', 'Sample Weight:\t5\tmg', 'T/K;HF/(W/g)', '1;2;3', '-1.000000\t5\t0'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), formatArb, (lines, format) => checkParse(new TextEncoder().encode(lines.join('\n')), format)),
      { numRuns: 300 },
    );
  });

  it('truncated virtual files of every format, parsed and analyzed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DSC_FORMATS), fc.double({ min: 0, max: 1, noNaN: true }), (format, frac) => {
        const bytes = SAMPLES[format];
        checkParse(bytes.slice(0, Math.floor(frac * bytes.length)), undefined, true);
      }),
      { numRuns: 60 },
    );
  });

  it('truncated real TA file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: REAL_TA.length }), (cut) => checkParse(REAL_TA.slice(0, cut))),
      { numRuns: 15 },
    );
  });

  it('byte-mutated virtual files, parsed and analyzed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DSC_FORMATS),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        (format, edits) => {
          const bytes = SAMPLES[format].slice();
          for (const [pos, value] of edits) bytes[Math.floor(pos * (bytes.length - 1))] = value;
          checkParse(bytes, undefined, true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('random numeric CSV content through the analyzer', () => {
    const row = fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 400 }), fc.boolean(), (rows, sorted) => {
        const data = sorted ? [...rows].sort((a, b) => a[0] - b[0]) : rows;
        const text = ['Temperature (K),Heat Flow (W/g)', ...data.map(([t, h]) => `${t},${h}`)].join('\n');
        checkParse(new TextEncoder().encode(text), undefined, true);
      }),
      { numRuns: 100 },
    );
  });
});
