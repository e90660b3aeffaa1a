/** The plots of one analysis run as data (analysis-plot.ts builds them): panels, series, markers, caption facts, and their bounds. */
/** Points per series at most: enough for a smooth line at any screen width, small on the wire. */
export const PLOT_MAX_POINTS = 400;
/** Series per panel at most (a resistance file with many fields and channels). */
export const PLOT_MAX_SERIES = 16;

/** measured: data as stored; fit: a model evaluated from fitted parameters; background: what was subtracted or lies under a fit. */
export type PlotRole = 'measured' | 'fit' | 'background';

export interface PlotSeries {
  name: string;
  role: PlotRole;
  x: number[];
  y: number[];
  /** 1: the panel's secondary (right) axis. */
  axis: 0 | 1;
  /** Drawn stronger: the headline channel of a resistance file. */
  highlight: boolean;
  /** Drawn as points, not a line: separate determinations such as Hc2(T) points. */
  points: boolean;
}

/** A vertical line at a metric's value, e.g. Tc onset at 3.61 K. */
export interface PlotMarker {
  label: string;
  x: number;
}

/** A figure the caption states, with its standard error and unit. */
export interface PlotFact {
  label: string;
  value: number | null;
  error: number | null;
  unit: string;
}

export type PlotPanelId = 'chi' | 'tc-distribution' | 'resistance' | 'hc2' | 'xrd' | 'dsc' | 'saxs' | 'curves';

export interface PlotPanel {
  id: PlotPanelId;
  title: string;
  xLabel: string;
  yLabel: string;
  /** The secondary axis' label, when a series uses it. */
  y2Label: string | null;
  xLog: boolean;
  yLog: boolean;
  series: PlotSeries[];
  markers: PlotMarker[];
  facts: PlotFact[];
  /** Sentences a reader must not miss, e.g. that a sweep stops before its transition is complete. */
  notes: string[];
}

export interface AnalysisPlot {
  technique: string;
  panels: PlotPanel[];
}

export interface AnalysisPlotOptions {
  /** The measurement's mode (ZFC or FC) when the metrics do not say it. */
  mode?: 'ZFC' | 'FC';
}

/** A run's stored metrics, read loosely: a panel draws what is there and leaves out what is not. */
export type PlotMetrics = Record<string, unknown>;
