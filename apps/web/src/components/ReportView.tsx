/**
 * The campaign report in the app: the report's figures drawn interactively from the same option
 * builders as the server's SVG (clicking a point opens that piece), per-level statistics, the
 * fits with their uncertainties, open gaps and a CSV download. Read through a share link it is
 * the same report, read-only: no download, and points name their piece without opening it (the
 * reader has no account).
 */
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { formatLevel, formatNumber, formatPercent, formatWithError, levelUnit, type FactorSpec } from '../../../../libs/charts/src/format';
import { reportFigureOption, type PiecePoint, type ReportFigureInput } from '../../../../libs/charts/src/report-figure';
import { fetchBlob } from '../api/client';
import { useReportOf, useTransitionsOf, type ReportSource } from '../api/queries';
import Chart from './Chart';
import { DataTable } from './DataTable';
import { TransitionsFigure } from './TransitionsFigure';

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReportView({ source, campaignName }: { source: ReportSource; campaignName: string }) {
  const report = useReportOf(source);
  const transitions = useTransitionsOf(source);
  const navigate = useNavigate();
  const campaignId = 'campaignId' in source ? source.campaignId : undefined;
  const openPiece = useCallback((code: string) => void navigate(`/samples/${code}`), [navigate]);
  const r = report.data;
  const option = useCallback((width: number) => reportFigureOption(r as unknown as ReportFigureInput, { width, height: 460, interactive: true }), [r]);
  const open = useCallback(
    (data: unknown) => {
      const code = (data as Partial<PiecePoint> | null)?.name;
      if (code && campaignId) openPiece(code);
    },
    [campaignId, openPiece],
  );
  if (!r) return <section aria-labelledby="report-title" aria-busy="true" />;
  const factor = r.campaign.factor as FactorSpec;
  const metricKeys = Object.keys(r.metrics);
  const levels = metricKeys.length ? r.metrics[metricKeys[0]].levels.map((s) => s.level) : factor.levels;
  const fit = r.fits.chiExponential;
  const chiUnit = r.metrics.chiAbs1p8KEmuPerGOe?.unit ?? '';
  const per = levelUnit(factor).replace(/s$/, '');
  const planned = new Map(r.progress.map((c) => [`${c.level}|${c.technique}`, c.planned]));
  const csv = async () => {
    if (campaignId) download(await fetchBlob(`/api/campaigns/${campaignId}/report.csv`), `${campaignName.replace(/[^\w.-]+/g, '_')}.csv`);
  };

  return (
    <section aria-labelledby="report-title" className="report">
      <h2 id="report-title">Report</h2>
      <p className="muted">
        {r.pieces.length} pieces; generated {new Date(r.generatedAt).toLocaleString()} from the newest successful analysis of each file.{' '}
        {campaignId && (
          <button type="button" onClick={() => void csv()}>
            Download CSV
          </button>
        )}
      </p>
      {(r.baselineMissing || r.warnings.length > 0) && (
        <div className="banner warning" role="note" data-testid="report-warnings">
          {r.baselineMissing && (
            <p>
              <strong>
                No baseline data: the baseline level ({r.baselineLevel === null ? '—' : formatLevel(r.baselineLevel, factor)}) has no analysed result, so %
                changes are unavailable.
              </strong>
            </p>
          )}
          <ul>
            {r.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <Chart
        option={option}
        height={460}
        label={`Tc onset, |χ| at 1.8 K and FC/ZFC against the factor for ${r.pieces.length} pieces${campaignId ? '; select a point to open that piece' : ''}`}
        onItemClick={open}
        testId="report-chart"
      />

      <h3>Transitions</h3>
      <p className="muted">
        The study's Fig. 4(c): per piece, −dχ/dT of the ZFC and FC sweeps (the local-Tc distribution) and dR/dT (the most superconductive path), each normalised
        to its peak.
      </p>
      <TransitionsFigure pieces={transitions.data?.pieces} onOpen={campaignId ? openPiece : undefined} />

      <h3>Per-level statistics</h3>
      <p className="muted">Mean ± sample standard deviation over n pieces, and the change of the mean against the baseline (lowest) level.</p>
      <DataTable id="level-table" label="Per-level statistics" columns={['Metric', ...levels.map((l) => formatLevel(l, factor))]}>
        {metricKeys.map((k) => (
          <tr key={k} data-metric={k}>
            <th scope="row">
              {r.metrics[k].label} {r.metrics[k].unit && <span className="unit">({r.metrics[k].unit})</span>}
            </th>
            {r.metrics[k].levels.map((s, i) => (
              <td key={s.level} className="num">
                {s.n === 0 ? (
                  '—'
                ) : (
                  <>
                    {formatWithError(s.mean, s.n > 1 ? s.std : null)}
                    <br />
                    <small>
                      n = {s.n}
                      {i > 0 && ` · ${r.baselineMissing ? 'change n/a' : formatPercent(s.changePct)}`}
                    </small>
                  </>
                )}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>

      <h3>Fits</h3>
      {fit ? (
        <ul className="params" id="fit-exponential">
          <li className="muted">|χ|(1.8 K) = k · exp(−t/τ) + y₀ over hold time t; least squares over {fit.n} pieces, ± one standard error.</li>
          <li id="fit-tau">τ = {formatWithError(fit.tauMin, fit.tauErrMin)} min</li>
          <li id="fit-k">
            k = {formatWithError(fit.k, fit.kErr)} {chiUnit}
          </li>
          <li id="fit-y0">
            y₀ = {formatWithError(fit.y0, fit.y0Err)} {chiUnit}
          </li>
          <li id="fit-r2">R² = {formatNumber(fit.r2, 5)}</li>
        </ul>
      ) : (
        <p className="muted">
          No exponential fit of |χ|(1.8 K){' '}
          {factor.kind === 'ANNEAL_HOLD_MIN' ? 'yet: it needs |χ| of at least 4 pieces over 3 or more levels' : '(only for anneal hold-time campaigns)'}.
        </p>
      )}
      <DataTable id="fit-linear" label="Linear fits against the factor" columns={['Metric', 'Slope', 'Intercept', 'R²', 'n']}>
        {metricKeys.map((k) => {
          const f = r.fits.linear[k];
          return (
            <tr key={k} data-metric={k}>
              <th scope="row">{r.metrics[k].label}</th>
              {f ? (
                <>
                  <td>
                    {formatWithError(f.slope, f.slopeErr)} <span className="unit">{`${r.metrics[k].unit ? `${r.metrics[k].unit} ` : ''}per ${per}`}</span>
                  </td>
                  <td>{formatWithError(f.intercept, f.interceptErr)}</td>
                  <td>{formatNumber(f.r2, 3)}</td>
                  <td>{f.n}</td>
                </>
              ) : (
                <td colSpan={4} className="muted">
                  too few points
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>

      <h3>Open gaps ({r.gaps.length})</h3>
      {r.gaps.length === 0 ? (
        <p>No gaps: every planned measurement has an analysed result.</p>
      ) : (
        <ul className="gaps" id="gaps">
          {r.gaps.map((g) => (
            <li key={`${g.level}|${g.technique}`} data-gap={`${g.level}|${g.technique}`} className={g.noPieces ? 'no-pieces' : undefined}>
              <strong>
                {formatLevel(g.level, factor)} · {g.technique}
              </strong>
              : {g.noPieces ? 'no piece assigned to this level' : `${g.missing} of ${planned.get(`${g.level}|${g.technique}`) ?? g.missing} missing`}
              {g.failed ? `, ${g.failed} failed` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
