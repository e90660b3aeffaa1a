/** What the reports feature reads from the database (ReportInput) and what it serves (CampaignReport). */

export type TechniqueName = 'XRD' | 'SAXS' | 'DSC' | 'MAGNETIC' | 'RESISTANCE';

export type CampaignFactor =
  { kind: 'ANNEAL_HOLD_MIN'; targetK: number; levels: number[] } | { kind: 'CRYO_CYCLES'; lowK: number; highK: number; levels: number[] };

export interface ReportInput {
  campaign: { id: string; name: string; hypothesis: string; factor: CampaignFactor; plannedTechniques: TechniqueName[] };
  /** Every assigned piece with its level. */
  pieces: { sampleId: string; code: string; level: number }[];
  /**
   * The newest SUCCEEDED analysis run of each (sample, technique, mode) — mode is the magnetic
   * measurement's ZFC/FC condition, null otherwise. Metrics exactly as the analyzers produce them
   * (magnetic: tcOnsetK, tcMidK, widthFwhmK, width1090K, chiMass1p8K (signed, emu g⁻¹ Oe⁻¹),
   * shieldingFraction1p8K, fcZfcRatio; resistance: tcK, hc2ZeroWhhT, …; xrd: q1InvA, …; dsc: …).
   */
  results: {
    sampleId: string;
    technique: TechniqueName;
    mode: 'ZFC' | 'FC' | null;
    runId: string;
    analyzer: string;
    analyzerVersion: string;
    metrics: Record<string, unknown>;
  }[];
  /** Per level × planned technique: pieces planned, with ≥ 1 uploaded file, with a successful analysis, with only failed analyses. */
  progress: { level: number; technique: TechniqueName; planned: number; uploaded: number; analysed: number; failed: number }[];
}

export interface LevelStatOut {
  level: number;
  mean: number | null;
  std: number | null;
  n: number;
  /** % change of the mean against the baseline (lowest) level. */
  changePct: number | null;
}

export interface CampaignReport {
  campaign: ReportInput['campaign'];
  generatedAt: string;
  /** Report metric key → unit label and per-level statistics. Keys: tcOnsetK, tcMidK, chiAbs1p8KEmuPerGOe, shieldingFraction1p8K, fcZfcRatio, plus tcResistiveK, q1InvA, dhRelaxJPerG when measured. */
  metrics: Record<string, { label: string; unit: string; levels: LevelStatOut[] }>;
  /** Per piece: its level and the report metric values (null when not measured). */
  pieces: { sampleId: string; code: string; level: number; values: Record<string, number | null> }[];
  fits: {
    /** |χ|(1.8 K) = k·exp(−t/τ) + y0 over anneal hold time (ANNEAL_HOLD_MIN campaigns), parameter standard errors and R². */
    chiExponential: { k: number; kErr: number; tauMin: number; tauErrMin: number; y0: number; y0Err: number; r2: number; n: number } | null;
    /** Linear fits of each metric vs level. */
    linear: Record<string, { slope: number; slopeErr: number; intercept: number; interceptErr: number; r2: number; n: number } | null>;
  };
  progress: ReportInput['progress'];
  /** Cells of the level × technique matrix still short of analysed results. */
  gaps: { level: number; technique: TechniqueName; missing: number; failed: number }[];
}
