/** What the reports feature reads from the database (ReportInput) and what it serves (CampaignReport). */

import type { CrossTechnique } from '../../../libs/analysis/src/cross-technique/index';
import type { MeasurementMode } from '../../../libs/analysis/src/technique/parameters';
import type { TechniqueId } from '../../../libs/analysis/src/techniques';

/** A registered technique (libs/analysis/src/techniques.ts). */
export type TechniqueName = TechniqueId;

export type CampaignFactor =
  { kind: 'ANNEAL_HOLD_MIN'; targetK: number; levels: number[] } | { kind: 'CRYO_CYCLES'; lowK: number; highK: number; levels: number[] };

/** An assigned piece; `matchBroken` when its history no longer matches its level (`mismatches` says why; absent: it matches). */
export interface AssignedPieceStatus {
  sampleId: string;
  code: string;
  level: number;
  matchBroken?: boolean;
  mismatches?: string[];
}

export interface ReportInput {
  campaign: { id: string; name: string; hypothesis: string; factor: CampaignFactor; plannedTechniques: TechniqueName[] };
  /** Every assigned piece with its level and whether its history still matches it (see CampaignsService.reportInput). */
  pieces: AssignedPieceStatus[];
  /**
   * The newest SUCCEEDED analysis run of each (sample, technique, mode) — mode is the measurement's
   * ZFC/FC condition, null otherwise. Metrics as stored (a JSON object): the report reads them only
   * through the technique's decodeMetrics and report metrics (libs/analysis/src/<technique>/*.technique.ts).
   */
  results: {
    sampleId: string;
    technique: TechniqueName;
    mode: MeasurementMode | null;
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
  /** Report metric key → label, unit and per-level statistics, in registry order (TECHNIQUE_REGISTRY.reportMetrics): the `always` ones (magnetic) plus the others when measured. */
  metrics: Record<string, { label: string; unit: string; levels: LevelStatOut[] }>;
  /**
   * Per piece: its level, the report metric values (null when not measured) and where its resistive
   * Tc sits in its ZFC χ distribution (runs combined, and what is missing when a side is absent).
   */
  pieces: (Required<AssignedPieceStatus> & { values: Record<string, number | null>; crossTechnique: CrossTechnique })[];
  fits: {
    /** |χ|(1.8 K) = k·exp(−t/τ) + y0 over anneal hold time (ANNEAL_HOLD_MIN campaigns), parameter standard errors and R². */
    chiExponential: { k: number; kErr: number; tauMin: number; tauErrMin: number; y0: number; y0Err: number; r2: number; n: number } | null;
    /** Linear fits of each metric vs level. */
    linear: Record<string, { slope: number; slopeErr: number; intercept: number; interceptErr: number; r2: number; n: number } | null>;
  };
  progress: ReportInput['progress'];
  /** The lowest campaign level, against which changes are computed (null without levels). */
  baselineLevel: number | null;
  /** True when no piece at the baseline level has any reported value: every changePct is then null. */
  baselineMissing: boolean;
  /** Plain-words warnings about the report as a whole (e.g. a baseline without data), shown in HTML and CSV. */
  warnings: string[];
  /** Every cell of the level × technique matrix still short of analysed results, including cells of a level without pieces (`noPieces`). */
  gaps: { level: number; technique: TechniqueName; missing: number; failed: number; noPieces: boolean }[];
}
