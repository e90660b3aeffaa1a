/**
 * Hostile input, timed (issue 12, finding 5): every hostile line of libs/instruments' hostile.ts at
 * BENCH_FUZZ_BYTES (default 1 MiB), placed first, in the header before the data, in the data and
 * alone, in the head (150 lines) of one real fixture per format, through detection and through the
 * technique's parser, plus XRDML nested 100,000 deep. Prints the slowest cases and, for the five
 * slowest, the growth exponent b of time ∝ bytes^b (from 1/4, 1/2 and the full size, fastest of
 * three calls each). Targets: every case ≤ 3 s per MiB, b ≤ 1.3 (linear 1, quadratic 2); the old
 * `/[\s,]+$/` took minutes on one such line.
 *
 *   npm run bench:build && node dist/bench/parser-fuzz.js
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeFile } from '../libs/analysis/src/analyze-file';
import type { TechniqueId as Technique } from '../libs/analysis/src/techniques';
import { blankLines, deeplyNestedXml, hostileLines, placeHostile, type Placement } from '../libs/instruments/src/hostile';
import { realFixtureFiles } from '../scripts/real-fixtures';
import { recordRun, verdict } from './history';

const BYTES = Number(process.env.BENCH_FUZZ_BYTES ?? 1 << 20);
const TARGET_MS_PER_MIB = 3000;
const TARGET_EXPONENT = 1.3;
const PLACES: Placement[] = ['first', 'before-data', 'in-data', 'alone'];
const TEMPLATE =
  /zfcfc1_DC_100Oe_MPMS3|mvsh3_DC_5K_tabdelimited|MPMSXL_MultiVu1.60_DC|Resistivity_TMR|Mg2SiO4_glass_pyFAI|Fe81S19|xrdml2.1|Alumina_USAXS|COLETTE|Setaram|TA-2920/;

const techniqueOf = (path: string): Technique =>
  path.includes('/mpms/') ? 'MAGNETIC' : path.includes('/ppms/') ? 'RESISTANCE' : path.includes('/xrd/') ? 'XRD' : path.includes('/saxs/') ? 'SAXS' : 'DSC';

interface Case {
  label: string;
  build: (size: number) => Uint8Array;
  technique?: Technique;
}

function timeOnce(c: Case, size: number): number {
  const bytes = c.build(size);
  const t0 = performance.now();
  const r = analyzeFile(bytes, { technique: c.technique });
  const ms = performance.now() - t0;
  if (!r.ok && !(r.error as { code?: string }).code) throw new Error(`${c.label}: an error without a code`);
  return ms;
}

function slope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  return lx.reduce((a, x, i) => a + (x - mx) * (ly[i] - my), 0) / lx.reduce((a, x) => a + (x - mx) ** 2, 0);
}

function main(): void {
  const files = realFixtureFiles().filter((f) => TEMPLATE.test(f));
  const cases: Case[] = [];
  for (const file of files) {
    const template = readFileSync(file, 'latin1').split('\n').slice(0, 150).join('\n');
    const shapes = [...hostileLines(64).map((h) => h.label), 'blank LF', 'blank CR'];
    for (const shape of shapes) {
      const line = (size: number) =>
        shape === 'blank LF' ? blankLines(size) : shape === 'blank CR' ? blankLines(size, '\r') : hostileLines(size).find((h) => h.label === shape)!.text;
      for (const place of PLACES) {
        if (place === 'alone' && file !== files[0]) continue;
        for (const technique of [undefined, techniqueOf(file)]) {
          cases.push({
            label: `${basename(file).slice(0, 40)} | ${shape} | ${place} | ${technique ?? 'detect'}`,
            build: (size) => Buffer.from(placeHostile(template, line(size), place), 'latin1'),
            technique,
          });
        }
      }
    }
    if (file.endsWith('.xrdml')) {
      const xml = readFileSync(file, 'utf8');
      cases.push({
        label: `${basename(file).slice(0, 40)} | nested elements | root | XRD`,
        build: (size) => Buffer.from(deeplyNestedXml(xml, Math.floor(size / 7))),
        technique: 'XRD',
      });
    }
  }

  const timed = cases.map((c) => ({ c, ms: timeOnce(c, BYTES) })).sort((a, b) => b.ms - a.ms);
  const all = timed.map((t) => t.ms).sort((a, b) => a - b);
  const worstMs = timed[0].ms;
  console.log(`${cases.length} hostile files of ${(BYTES / 1048576).toFixed(2)} MiB (${files.length} formats); slowest:`);
  for (const t of timed.slice(0, 10)) console.log(`${t.ms.toFixed(0).padStart(7)} ms  ${t.c.label}`);
  const median = all[Math.floor(all.length / 2)];
  const p99 = all[Math.floor(all.length * 0.99)];
  console.log(`median ${median.toFixed(1)} ms, p99 ${p99.toFixed(0)} ms, worst ${worstMs.toFixed(0)} ms, all ${all.reduce((a, b) => a + b, 0).toFixed(0)} ms`);

  const sizes = [BYTES / 4, BYTES / 2, BYTES];
  let worstExponent = 0;
  console.log('\ngrowth of the five slowest (fastest of 3 calls at 1/4, 1/2, 1 of the size):');
  for (const t of timed.slice(0, 5)) {
    const ms = sizes.map((s) => Math.min(...[0, 1, 2].map(() => timeOnce(t.c, Math.floor(s)))));
    const b = slope(sizes, ms);
    worstExponent = Math.max(worstExponent, b);
    console.log(`  b = ${b.toFixed(2)}  (${ms.map((m) => m.toFixed(0)).join(' / ')} ms)  ${t.c.label}`);
  }
  const msPerMiB = worstMs / (BYTES / 1048576);
  const timeOk = msPerMiB <= TARGET_MS_PER_MIB;
  const growthOk = worstExponent <= TARGET_EXPONENT;
  console.log(`\nworst ${msPerMiB.toFixed(0)} ms per MiB (target ≤ ${TARGET_MS_PER_MIB}): ${verdict(timeOk)}`);
  console.log(`worst growth exponent ${worstExponent.toFixed(2)} (target ≤ ${TARGET_EXPONENT}): ${verdict(growthOk)}`);
  recordRun(
    'parser-fuzz',
    { bytes: BYTES, cases: cases.length, formats: files.length },
    { worstMs, p99Ms: p99, medianMs: median, worstMsPerMiB: msPerMiB, worstExponent },
    { boundedTime: verdict(timeOk), linearGrowth: verdict(growthOk) },
  );
}

main();
