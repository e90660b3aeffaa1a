/**
 * The study's table side by side with what Vitrack computed from the demo's files
 * (docs/analysis-definitions.md "The science"). Pure: the demo fetches the reports and runs through
 * the API and hands them here; every Vitrack value is read from those analyses, none is written in.
 * Where the demo's files cannot give a quantity, the row says "not measured in the demo" and why.
 */

/** What the table reads of a campaign report (CampaignReport satisfies it). */
export interface ReportLike {
  metrics: Record<string, { levels: { level: number; mean: number | null; std: number | null; n: number; changePct: number | null }[] } | undefined>;
}

export interface StudyTableInput {
  /** The 453 K anneal campaign's report (levels in min, 0 = as quenched). */
  anneal: ReportLike | null;
  /** The 77/293 K cryo-cycling campaign's report (levels in cycles). */
  cryo: ReportLike | null;
  /** The crystallized control's ZFC magnetic metrics. */
  crystallized: { tcOnsetK: number | null; tcDistribution: { sigmaK: number | null } | null } | null;
  /** The as-quenched piece's resistance metrics. */
  resistance: { tcK: number | null; width1090K: number | null; hc2ZeroWhhT: number | null; hc2ZeroMdgT: number | null; xiNm: number | null } | null;
  /** That piece's resistance-against-χ comparison (GET /api/samples/:id/cross-technique). */
  crossTechnique: { tcResistiveZ: number | null; shieldingAtTcResistiveFraction: number | null; widthRatio: number | null } | null;
}

export interface StudyRow {
  quantity: string;
  study: string;
  vitrack: string;
}

const NOT_MEASURED = 'not measured in the demo';

const fixed = (v: number, digits: number): string => v.toFixed(digits).replace('-', '−');
const signed = (v: number, digits: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function level(report: ReportLike | null, key: string, at: number) {
  return report?.metrics[key]?.levels.find((l) => l.level === at && l.n > 0);
}

/** Mean of a metric's % change over every non-baseline level that has data. */
function meanChangePct(report: ReportLike | null, key: string): { value: number; levels: number } | null {
  const levels = report?.metrics[key]?.levels ?? [];
  const changes = levels.slice(1).flatMap((l) => (l.n > 0 && finite(l.changePct) ? [l.changePct] : []));
  return changes.length ? { value: changes.reduce((a, b) => a + b, 0) / changes.length, levels: changes.length } : null;
}

/** "3.601 K (mean of 2)", or the reason it is absent. */
function meanAt(report: ReportLike | null, key: string, at: number, format: (v: number) => string, why: string): string {
  const l = level(report, key, at);
  return l && finite(l.mean) ? `${format(l.mean)} (mean of ${l.n})` : `${NOT_MEASURED}: ${why}`;
}

function changeAt(report: ReportLike | null, key: string, at: number, why: string): string {
  const l = level(report, key, at);
  return l && finite(l.changePct) ? `${signed(l.changePct, 1)} %` : `${NOT_MEASURED}: ${why}`;
}

/** The rows, in the order of the study's summary. */
export function studyTable(input: StudyTableInput): StudyRow[] {
  const { anneal, cryo, crystallized, resistance, crossTechnique } = input;
  const noPpms = 'the demo uploaded no resistance run';
  const rows: StudyRow[] = [];
  rows.push({
    quantity: 'Diamagnetic onset, as-quenched glass',
    study: '≈ 3.6 K',
    vitrack: meanAt(anneal, 'tcOnsetK', 0, (v) => `${fixed(v, 3)} K`, 'no ZFC result at the anneal campaign’s 0 min level'),
  });
  rows.push({
    quantity: 'Diamagnetic onset, crystallized control',
    study: '≈ 4.3 K',
    vitrack: finite(crystallized?.tcOnsetK) ? `${fixed(crystallized.tcOnsetK, 3)} K` : `${NOT_MEASURED}: no ZFC result of the crystallized control`,
  });
  const glassSigma = level(anneal, 'tcSigmaK', 0)?.mean;
  const crystalSigma = crystallized?.tcDistribution?.sigmaK;
  rows.push({
    quantity: 'Transition width, glass / crystallized (σ of the local-Tc distribution)',
    study: '≈ 6',
    vitrack:
      finite(glassSigma) && finite(crystalSigma) && crystalSigma > 0
        ? `${fixed(glassSigma / crystalSigma, 2)} (σ ${fixed(glassSigma, 3)} / ${fixed(crystalSigma, 4)} K)`
        : `${NOT_MEASURED}: needs the local-Tc fit of both the glass and the control`,
  });
  rows.push({
    quantity: 'Resistive Tc, as-quenched glass (10–90 % width)',
    study: 'sharp, < 0.02 K wide',
    vitrack: finite(resistance?.tcK)
      ? `${fixed(resistance.tcK, 3)} K (${finite(resistance.width1090K) ? `${fixed(resistance.width1090K, 4)} K wide` : 'width not determined'})`
      : `${NOT_MEASURED}: ${noPpms}`,
  });
  rows.push({
    quantity: 'Resistive Tc in the χ distribution: (Tc_R − μ)/σ; 1.8 K shielding present at Tc_R',
    study: 'at its top: R sees the most superconductive path',
    vitrack:
      finite(crossTechnique?.tcResistiveZ) && finite(crossTechnique.shieldingAtTcResistiveFraction)
        ? `z = ${signed(crossTechnique.tcResistiveZ, 2)}; ${(100 * crossTechnique.shieldingAtTcResistiveFraction).toFixed(2)} %${finite(crossTechnique.widthRatio) ? `; χ/R width ${fixed(crossTechnique.widthRatio, 0)}×` : ''}`
        : `${NOT_MEASURED}: needs a ZFC and a resistance run of one piece`,
  });
  rows.push({
    quantity: 'μ0Hc2(0), WHH / Maki–de Gennes',
    study: '5.8 / 5.7 T',
    vitrack:
      finite(resistance?.hc2ZeroWhhT) && finite(resistance.hc2ZeroMdgT)
        ? `${fixed(resistance.hc2ZeroWhhT, 2)} / ${fixed(resistance.hc2ZeroMdgT, 2)} T`
        : `${NOT_MEASURED}: ${resistance ? 'the resistance run has no Hc2(T) fit' : noPpms}`,
  });
  rows.push({
    quantity: 'Coherence length ξ(0)',
    study: '7.6 nm',
    vitrack: finite(resistance?.xiNm) ? `${fixed(resistance.xiNm, 2)} nm` : `${NOT_MEASURED}: ${resistance ? 'no Hc2(0)' : noPpms}`,
  });
  rows.push({
    quantity: 'FC/ZFC shielding at 1.8 K, as quenched',
    study: '≈ 25 %',
    vitrack: meanAt(anneal, 'fcZfcRatio', 0, (v) => `${(100 * v).toFixed(1)} %`, 'no FC result at 0 min'),
  });
  rows.push({ quantity: 'Tc (mid) after 1 min at 453 K', study: '−2.5 %', vitrack: changeAt(anneal, 'tcMidK', 1, 'no ZFC result at 1 min') });
  rows.push({
    quantity: 'Nominal shielding |χ|(1.8 K) after 1 min at 453 K',
    study: '−38 %',
    vitrack: changeAt(anneal, 'chiAbs1p8KEmuPerGOe', 1, 'no ZFC result at 1 min'),
  });
  const q1 = meanChangePct(anneal, 'q1InvA');
  const fwhm = meanChangePct(anneal, 'q1FwhmInvA');
  const noXrd = 'no XRD result at 0 min and an annealed level';
  rows.push({
    quantity: 'XRD q1 shift on annealing',
    study: '+0.16 %',
    vitrack: q1 ? `${signed(q1.value, 3)} % (mean over ${q1.levels} annealed levels)` : `${NOT_MEASURED}: ${noXrd}`,
  });
  rows.push({
    quantity: 'XRD halo width (FWHM) on annealing',
    study: '−3.8 %',
    vitrack: fwhm ? `${signed(fwhm.value, 2)} % (mean over ${fwhm.levels} annealed levels)` : `${NOT_MEASURED}: ${noXrd}`,
  });
  rows.push({
    quantity: 'Density change Δρ/ρ ≈ 3 Δq1/q1',
    study: '+0.48 %',
    vitrack: q1 ? `${signed(3 * q1.value, 2)} %` : `${NOT_MEASURED}: ${noXrd}`,
  });
  const cryoRow = (cycles: number): string => {
    const tc = level(cryo, 'tcMidK', cycles)?.changePct;
    const chi = level(cryo, 'chiAbs1p8KEmuPerGOe', cycles)?.changePct;
    return finite(tc) && finite(chi) ? `Tc ${signed(tc, 2)} %, shielding ${signed(chi, 1)} %` : `${NOT_MEASURED}: no ZFC result at ${cycles} cycles`;
  };
  rows.push({ quantity: 'Cryo-cycling 77/293 K, 27 cycles', study: 'raises Tc and shielding', vitrack: cryoRow(27) });
  rows.push({ quantity: 'Cryo-cycling 77/293 K, 50 cycles', study: 'raises Tc and shielding', vitrack: cryoRow(50) });
  return rows;
}

/** The rows as a plain-text table with a header, columns padded to their widest cell. */
export function formatStudyTable(rows: StudyRow[]): string {
  const header: StudyRow = { quantity: 'Quantity', study: 'Study', vitrack: 'Vitrack (from the demo’s files)' };
  const all = [header, ...rows];
  const w = (k: keyof StudyRow) => Math.max(...all.map((r) => [...r[k]].length));
  const pad = (s: string, n: number) => s + ' '.repeat(n - [...s].length);
  const line = (r: StudyRow) => `${pad(r.quantity, w('quantity'))}  ${pad(r.study, w('study'))}  ${r.vitrack}`;
  const rule = '─'.repeat(w('quantity') + w('study') + w('vitrack') + 4);
  return [line(header), rule, ...rows.map(line)].join('\n');
}
