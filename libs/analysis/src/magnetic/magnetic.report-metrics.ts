/** The campaign report's magnetic columns and figure panels, derived from a piece's decoded runs. */
import type { ReportMetricSpec } from '../technique/technique';
import { CHI, K } from './magnetic.metrics';
import type { MagneticFileMetrics } from './magnetic.types';

/**
 * The report's magnetic metrics, from the ZFC run (or a run without a mode): |χ|(1.8 K) is the
 * magnitude of the signed χ_mass; FC/ZFC is the ZFC run's own ratio when its analysis saw the FC
 * partner, else χ_FC(1.8 K)/χ_ZFC(1.8 K) from the two runs.
 */
export const MAGNETIC_REPORT_METRICS: readonly ReportMetricSpec<MagneticFileMetrics>[] = [
  {
    key: 'tcOnsetK',
    label: 'Tc onset',
    unit: K,
    always: true,
    modes: ['ZFC'],
    figure: { yName: 'Tc onset (K)' },
    reads: ['tcOnsetK'],
    value: ({ main }) => main?.tcOnsetK ?? null,
  },
  { key: 'tcMidK', label: 'Tc mid', unit: K, always: true, modes: ['ZFC'], reads: ['tcMidK'], value: ({ main }) => main?.tcMidK ?? null },
  {
    key: 'chiAbs1p8KEmuPerGOe',
    label: '|χ| at 1.8 K',
    unit: CHI,
    always: true,
    modes: ['ZFC'],
    figure: { yName: '|χ_mass| (emu g⁻¹ Oe⁻¹)' },
    decayFit: true,
    reads: ['chiMass1p8K'],
    value: ({ main }) => (main?.chiMass1p8K == null ? null : Math.abs(main.chiMass1p8K)),
  },
  {
    key: 'shieldingFraction1p8K',
    label: 'Shielding fraction at 1.8 K',
    unit: '',
    always: true,
    modes: ['ZFC'],
    reads: ['shieldingFraction1p8K'],
    value: ({ main }) => main?.shieldingFraction1p8K ?? null,
  },
  {
    key: 'fcZfcRatio',
    label: 'FC/ZFC',
    unit: '',
    always: true,
    modes: ['ZFC', 'FC'],
    figure: { yName: 'χ_FC / χ_ZFC at 1.8 K' },
    reads: ['fcZfcRatio', 'chiMass1p8K'],
    value: ({ main, byMode }) => {
      if (main?.fcZfcRatio != null) return main.fcZfcRatio;
      const zfc = main?.chiMass1p8K;
      const fc = byMode.FC?.chiMass1p8K;
      return zfc != null && fc != null && zfc !== 0 ? fc / zfc : null;
    },
  },
  {
    // The study's measure of heterogeneity: how broad the volume distribution of local Tc is.
    key: 'tcSigmaK',
    label: 'σ of the local-Tc distribution',
    unit: K,
    always: true,
    modes: ['ZFC'],
    reads: ['tcDistribution.sigmaK'],
    value: ({ main }) => main?.tcDistribution?.sigmaK ?? null,
  },
];
