/** One measurement: its conditions, its files with each analysis's live status, and the result — plots and metrics — once the worker has it. */
import { useCallback, useId, type ReactNode } from 'react';
import { analysisPanelCaption, analysisPanelOption, type PlotPanel } from '../../../../libs/charts/src/analysis-figure';
import type { Schemas } from '../api/client';
import { useAnalysisPlot, useTechniques } from '../api/queries';
import { metricRows } from '../lib/metrics';
import Chart from './Chart';
import { FileLinkRetraction, RetractionNote } from './Retract';
import { UploadZone } from './UploadZone';

type FileRow = Schemas['MeasurementFileResponse'];
type Measurement = Schemas['MeasurementDetailResponse'];

const describeConditions = (c: Record<string, unknown>) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');

export function MeasurementCard({ measurement }: { measurement: Measurement }) {
  const id = measurement.id;
  const conditions = (measurement.conditions ?? {}) as Record<string, unknown>;
  const title = `${measurement.technique}${typeof conditions.mode === 'string' ? ` ${conditions.mode}` : ''}`;
  return (
    <article className={`card measurement${measurement.retracted ? ' retracted' : ''}`} aria-labelledby={`m-${id}`} data-testid={`measurement-${id}`}>
      <h3 id={`m-${id}`}>
        {measurement.retracted ? <del>{title}</del> : title} <span className="muted">· {measurement.instrument}</span>
      </h3>
      {measurement.retraction && (
        <p>
          <RetractionNote retraction={measurement.retraction} />
        </p>
      )}
      <p className="muted">
        {new Date(measurement.performedAt).toLocaleString()} {describeConditions(conditions) && `· ${describeConditions(conditions)}`}
      </p>
      {measurement.files.map((f) => (
        <FileResult
          key={f.fileId}
          file={f}
          retraction={<FileLinkRetraction measurementId={id} file={f} measurementRetracted={measurement.retracted} />}
          technique={measurement.technique}
        />
      ))}
      {!measurement.retracted && <UploadZone measurementId={id} label={`Add files to ${title}`} />}
    </article>
  );
}

function FileResult({ file, technique, retraction }: { file: FileRow; technique: Schemas['Technique']; retraction: ReactNode }) {
  const run = file.latestAnalysis;
  const finished = run?.status === 'SUCCEEDED';
  const plot = useAnalysisPlot(run?.id, finished);
  const metrics = (run?.metrics ?? {}) as Record<string, unknown>;
  const specs = useTechniques().data?.find((t) => t.id === technique)?.metrics ?? [];
  return (
    <section className={`file${file.retracted ? ' retracted' : ''}`} aria-label={file.fileName} data-file-id={file.fileId}>
      <h4>
        {file.retracted ? <del>{file.fileName}</del> : file.fileName}{' '}
        <span className={`badge ${run?.status.toLowerCase() ?? 'none'}`} role="status" data-testid="analysis-status">
          {run ? run.status : 'not analysed'}
        </span>
        {run && <span className="muted"> {`${run.analyzer}@${run.analyzerVersion}`}</span>}
      </h4>
      <div className="file-link">{retraction}</div>
      {run?.status === 'FAILED' && <p className="error">{run.error}</p>}
      {finished && (plot.data?.panels.length ?? 0) > 0 && (
        <div className="plots">
          {plot.data!.panels.map((panel) => (
            <PlotFigure key={panel.id} panel={panel} fileName={file.fileName} />
          ))}
        </div>
      )}
      {finished && (
        <table className="metrics" aria-label={`Metrics of ${file.fileName}`}>
          <tbody>
            {metricRows(metrics, specs).map((r) => (
              <tr key={r.key} data-metric={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.value}</td>
                <td className="unit">{r.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {Array.isArray(run?.warnings) && run.warnings.length > 0 && (
        <ul className="warnings">
          {run.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One panel of a run's plot: the chart (libs/charts' option) and its caption, which is also the chart's text alternative. */
function PlotFigure({ panel, fileName }: { panel: PlotPanel; fileName: string }) {
  // Query data are stable objects, so the chart redraws only when the panel changes.
  const option = useCallback(() => analysisPanelOption(panel), [panel]);
  const caption = analysisPanelCaption(panel);
  const captionId = useId();
  return (
    <figure
      className="plot"
      data-testid="analysis-plot"
      data-panel={panel.id}
      data-series={panel.series.map((s) => s.name).join('|')}
      aria-labelledby={captionId}
    >
      <Chart option={option} height={300} label={`${panel.title} of ${fileName}`} testId="analysis-chart" renderer="canvas" />
      <figcaption id={captionId} className="muted">
        {caption}
      </figcaption>
    </figure>
  );
}
