/**
 * Is a DSC result physical? (docs/analysis-definitions.md "DSC", last item.) A feature the
 * analyzer reports must lie inside the scan; a glass transition comes before the crystallization it
 * belongs to; the supercooled-liquid region ΔT_x = Tx − Tg of a metallic glass spans a few K to
 * ~150 K (the widest known, Pd- and Zr-based bulk glasses, reach ~130 K); crystallization releases
 * heat and melting takes it; every reported number is finite. The first broken rule is the reason
 * the analysis fails, so a mis-read file does not reach a campaign report as a Tg.
 */
import type { DscMetrics } from './dsc.types';

/** ΔT_x outside this is no supercooled-liquid region (a misplaced Tg or Tx), K. */
export const PLAUSIBLE_DTX_K = { min: 0, max: 200 } as const;

const fmt = (v: number): string => v.toFixed(1);

/** The reason the metrics are not physical for a scan from scanStartK to scanEndK, or null when they are. */
export function implausibleDsc(m: DscMetrics, scanStartK: number, scanEndK: number): string | null {
  const inside: [string, number | null | undefined][] = [
    ['Tg onset', m.tgOnsetK],
    ['Tg mid', m.tgMidK],
    ['Tx onset', m.txOnsetK],
    ['Tx peak', m.txPeakK],
    ['melting onset', m.meltOnsetK],
    ['melting peak', m.meltPeakK],
  ];
  for (const [name, v] of inside) {
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) return `${name} is not a finite number: the tangent construction did not converge`;
    // Onsets are tangent intersections, so they may fall a little outside the points (a few K).
    if (v < scanStartK - 5 || v > scanEndK + 5) return `${name} ${fmt(v)} K lies outside the scan (${fmt(scanStartK)}–${fmt(scanEndK)} K)`;
  }
  for (const [name, v] of [
    ['ΔCp', m.dCpJPerGK],
    ['crystallization enthalpy', m.dhCrystJPerG],
    ['relaxation enthalpy', m.dhRelaxJPerG],
    ['heating rate', m.heatingRateKPerMin],
    ['melting enthalpy', m.dhMeltJPerG],
  ] as const) {
    if (v !== null && v !== undefined && !Number.isFinite(v)) return `${name} is not a finite number`;
  }
  if (m.tgOnsetK !== null && m.txOnsetK !== null && !(m.tgOnsetK < m.txOnsetK)) {
    return `Tg onset ${fmt(m.tgOnsetK)} K is not below Tx onset ${fmt(m.txOnsetK)} K: a glass transition precedes its crystallization`;
  }
  if (m.tgMidK !== null && m.tgOnsetK !== null && m.tgMidK < m.tgOnsetK) return `Tg mid ${fmt(m.tgMidK)} K lies below Tg onset ${fmt(m.tgOnsetK)} K`;
  if (m.txPeakK !== null && m.txOnsetK !== null && m.txPeakK < m.txOnsetK) return `Tx peak ${fmt(m.txPeakK)} K lies below Tx onset ${fmt(m.txOnsetK)} K`;
  if (m.dTxK !== null && (m.dTxK <= PLAUSIBLE_DTX_K.min || m.dTxK > PLAUSIBLE_DTX_K.max)) {
    return `supercooled-liquid region ΔTx = Tx − Tg = ${fmt(m.dTxK)} K is outside the plausible ${PLAUSIBLE_DTX_K.min}–${PLAUSIBLE_DTX_K.max} K for a metallic glass: Tg or Tx is misplaced`;
  }
  if (m.dhCrystJPerG !== null && !(m.dhCrystJPerG > 0)) {
    return `crystallization enthalpy ${m.dhCrystJPerG.toPrecision(3)} J/g is not exothermic (check the exo direction)`;
  }
  if (m.dCpJPerGK !== null && !(m.dCpJPerGK > 0))
    return `heat-capacity step at Tg ${m.dCpJPerGK.toPrecision(3)} J/g/K is not positive (check the exo direction)`;
  if (m.heatingRateKPerMin !== null && !(m.heatingRateKPerMin > 0)) return `heating rate ${m.heatingRateKPerMin} K/min is not positive`;
  return null;
}
