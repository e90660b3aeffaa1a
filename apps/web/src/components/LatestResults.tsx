/** The strip at the top of a sample's page: its newest result per technique and mode, each linking to its measurement's card. */
import type { Schemas } from '../api/client';
import { useTechniques } from '../api/queries';
import { latestResults } from '../lib/latest-results';

export function LatestResults({ measurements }: { measurements: readonly Schemas['MeasurementDetailResponse'][] }) {
  const techniques = useTechniques().data;
  const results = techniques ? latestResults(measurements, techniques) : [];
  if (results.length === 0) return null;
  return (
    <section aria-labelledby="latest-title" className="latest" data-testid="latest-results">
      <h2 id="latest-title">Latest results</h2>
      <ul>
        {results.map((r) => (
          <li key={r.title} className="card" data-result={r.title}>
            <h3>
              <a href={`#m-${r.measurementId}`}>{r.title}</a>
            </h3>
            <dl>
              {r.rows.map((row) => (
                <div key={row.key} data-metric={row.key}>
                  <dt>{row.label}</dt>
                  <dd>
                    <span className="num">{row.value}</span>
                    {row.unit && <span className="unit"> {row.unit}</span>}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="muted">
              {r.fileName} · {new Date(r.finishedAt).toLocaleString()}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
