/** The report page's per-piece cross-technique table (#cross-technique): where the resistive Tc sits in the ZFC χ distribution. */
import type { CampaignReport } from '../report.types';
import { escapeHtml as e, formatNumber, formatWithError } from './format';

type Cross = CampaignReport['pieces'][number]['crossTechnique'];

const run = (r: Cross['combined']['zfc']): string => (r ? `${e(r.analyzer)}@${e(r.analyzerVersion)} <code>${e(r.runId.slice(0, 8))}</code>` : '—');
const percent = (v: number | null): string => (v === null ? '—' : `${formatNumber(100 * v, 3)} %`);

/**
 * One row per piece: Tc_R, μ and σ of the ZFC fit, (Tc_R − μ)/σ ± error, the share of the 1.8 K
 * shielding present at Tc_R, χ(10–90 %)/R(10–90 %), the runs combined (analyzer@version, run id) and,
 * for a piece short of a side, what is missing.
 */
export function crossTechniqueSection(report: CampaignReport): string {
  const both = report.pieces.filter((p) => p.crossTechnique.combined.zfc && p.crossTechnique.combined.resistance).length;
  const rows = report.pieces.map((p) => {
    const x = p.crossTechnique;
    const truncated = x.zfcTruncated ? ' <span class="flag" title="the χ sweep stops before the transition is complete">truncated</span>' : '';
    return `<tr data-piece="${e(p.code)}"><td class="code">${e(p.code)}</td><td>${e(formatNumber(x.tcResistiveK, 4))}</td><td>${e(formatNumber(x.muK, 4))}${truncated}</td><td>${e(formatNumber(x.sigmaK, 3))}</td><td class="z">${e(formatWithError(x.tcResistiveZ, x.tcResistiveZErr))}</td><td class="fraction">${e(percent(x.shieldingAtTcResistiveFraction))}</td><td class="ratio">${e(formatNumber(x.widthRatio, 3))}</td><td class="runs">ZFC ${run(x.combined.zfc)}<br>R ${run(x.combined.resistance)}</td><td class="missing">${x.missing.map(e).join('; ') || '—'}</td></tr>`;
  });
  return `<details id="cross-technique"${both > 0 ? ' open' : ''}>
  <summary>Resistance against χ, per piece (${both} of ${report.pieces.length} pieces have both)</summary>
  <p class="note">R(T) falls to zero once one superconducting path spans the piece; χ(T) weighs the whole volume. z = (Tc<sub>R</sub> − μ)/σ places the resistive Tc in the Gaussian local-Tc distribution fitted to the ZFC χ(T); the shielding at Tc<sub>R</sub> is that distribution's share above Tc<sub>R</sub> over its share above 1.8 K.</p>
  <div class="scroll"><table>
    <thead><tr><th scope="col">Code</th><th scope="col">Tc<sub>R</sub> <span class="unit">(K)</span></th><th scope="col">μ <span class="unit">(K)</span></th><th scope="col">σ <span class="unit">(K)</span></th><th scope="col">(Tc<sub>R</sub> − μ)/σ</th><th scope="col">1.8 K shielding present at Tc<sub>R</sub></th><th scope="col">χ / R width (10–90 %)</th><th scope="col">Analyses combined</th><th scope="col">Missing</th></tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table></div>
</details>`;
}
