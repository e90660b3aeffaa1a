/** The campaign report as one self-contained HTML page for a PI: no scripts, no external assets. */
import { decayFitMetric } from '../report-builder';
import type { CampaignReport } from '../report.types';
import type { TechniqueRegistryView } from '../../../../libs/analysis/src/technique/registry';
import { TECHNIQUE_REGISTRY } from '../../../../libs/analysis/src/techniques';
import { describeFactor, escapeHtml, formatLevel, formatNumber, formatPercent, formatWithError, levelUnit } from './format';
import { crossTechniqueSection } from './report-html-cross';
import { REPORT_HTML_STYLE } from './report-html.style';
import { renderReportSvg } from './report-svg';

const e = escapeHtml;

/** "label (unit)" for a table header, escaped. */
function metricHeading(key: string, report: CampaignReport, unitBelow = false): string {
  const m = report.metrics[key];
  return `${e(m.label)}${m.unit ? `${unitBelow ? '<br>' : ' '}<span class="unit">(${e(m.unit)})</span>` : ''}`;
}

function designSection(report: CampaignReport): string {
  const { campaign } = report;
  const levels = new Set(report.pieces.map((p) => p.level)).size;
  return `<section id="design">
  <dl>
    <dt>Hypothesis</dt><dd id="hypothesis">${e(campaign.hypothesis)}</dd>
    <dt>Factor</dt><dd id="factor">${e(describeFactor(campaign.factor))}</dd>
    <dt>Planned techniques</dt><dd id="techniques">${e(campaign.plannedTechniques.join(', ') || '—')}</dd>
    <dt>Pieces</dt><dd id="piece-count">${report.pieces.length} pieces at ${levels} levels</dd>
  </dl>
</section>`;
}

/** Rows = metrics, columns = levels; each cell mean ± std (n) over % change against the baseline. */
function levelTable(report: CampaignReport): string {
  const keys = Object.keys(report.metrics);
  const levels = keys.length ? report.metrics[keys[0]].levels.map((s) => s.level) : [];
  const head = levels
    .map((l, i) => `<th scope="col">${e(formatLevel(l, report.campaign.factor))}${i === 0 ? '<br><span class="unit">baseline</span>' : ''}</th>`)
    .join('');
  const rows = keys.map((key) => {
    const cells = report.metrics[key].levels.map((s) => {
      if (s.n === 0) return '<td class="empty">—</td>';
      const change = s === report.metrics[key].levels[0] ? '' : ` · <span class="change">${e(formatPercent(s.changePct))}</span>`;
      return `<td><span class="stat">${e(formatWithError(s.mean, s.n > 1 ? s.std : null))}</span><span class="sub"><span class="n">n = ${s.n}</span>${change}</span></td>`;
    });
    return `<tr data-metric="${e(key)}"><th scope="row">${metricHeading(key, report, true)}</th>${cells.join('')}</tr>`;
  });
  return `<section id="levels">
  <h2>Per-level statistics</h2>
  <p class="note">Mean ± sample standard deviation over n pieces, and the change of the mean against the baseline (lowest) level.</p>
  <div class="scroll"><table id="level-table">
    <thead><tr><th scope="col">Metric</th>${head}</tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table></div>
</section>`;
}

function exponentialFit(report: CampaignReport): string {
  const fit = report.fits.chiExponential;
  const decayKey = decayFitMetric()?.key;
  const unit = (decayKey && report.metrics[decayKey]?.unit) ?? '';
  if (!fit) {
    const why =
      report.campaign.factor.kind === 'ANNEAL_HOLD_MIN' ? 'needs |χ| of at least 4 pieces over 3 or more levels' : 'only for anneal hold-time campaigns';
    return `<p id="fit-exponential" class="no-fit">No exponential fit of |χ|(1.8 K): ${e(why)}.</p>`;
  }
  return `<div id="fit-exponential">
    <p class="formula">|χ|(1.8 K) = k · exp(−t/τ) + y<sub>0</sub>, t = hold time (min); least squares over all ${fit.n} pieces, ± one standard error.</p>
    <ul class="params">
      <li id="fit-tau">τ = ${e(formatWithError(fit.tauMin, fit.tauErrMin))} min</li>
      <li id="fit-k">k = ${e(formatWithError(fit.k, fit.kErr))} ${e(unit)}</li>
      <li id="fit-y0">y<sub>0</sub> = ${e(formatWithError(fit.y0, fit.y0Err))} ${e(unit)}</li>
      <li id="fit-r2">R² = ${e(formatNumber(fit.r2, 5))}</li>
      <li id="fit-n">n = ${fit.n}</li>
    </ul>
  </div>`;
}

function linearFits(report: CampaignReport): string {
  const per = levelUnit(report.campaign.factor).replace(/s$/, '');
  const rows = Object.keys(report.metrics).map((key) => {
    const f = report.fits.linear[key];
    const unit = report.metrics[key].unit;
    const slopeUnit = `${unit ? `${unit} ` : ''}per ${per}`;
    if (!f) return `<tr data-metric="${e(key)}"><th scope="row">${metricHeading(key, report)}</th><td colspan="4" class="empty">too few points</td></tr>`;
    return `<tr data-metric="${e(key)}"><th scope="row">${metricHeading(key, report)}</th><td class="slope">${e(formatWithError(f.slope, f.slopeErr))} <span class="unit">${e(slopeUnit)}</span></td><td>${e(formatWithError(f.intercept, f.interceptErr))}</td><td>${e(formatNumber(f.r2, 3))}</td><td>${f.n}</td></tr>`;
  });
  return `<div class="scroll"><table id="fit-linear">
    <thead><tr><th scope="col">Metric</th><th scope="col">Slope</th><th scope="col">Intercept</th><th scope="col">R²</th><th scope="col">n</th></tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table></div>`;
}

function gapsSection(report: CampaignReport): string {
  const planned = new Map(report.progress.map((c) => [`${c.level}|${c.technique}`, c.planned]));
  const body = report.gaps.length
    ? `<ul class="gaps">${report.gaps
        .map((g) => {
          const of = planned.get(`${g.level}|${g.technique}`);
          const failed = g.failed > 0 ? `, <span class="failed">${g.failed} failed</span>` : '';
          const what = g.noPieces ? 'no pieces assigned' : `${g.missing}${of === undefined ? '' : ` of ${of}`} missing${failed}`;
          return `<li class="gap${g.noPieces ? ' no-pieces' : ''}"><strong>${e(formatLevel(g.level, report.campaign.factor))} · ${e(g.technique)}</strong>: ${what}</li>`;
        })
        .join('')}</ul>`
    : '<p class="gaps no-gaps">No gaps: every planned measurement has an analysed result.</p>';
  return `<section id="gaps">
  <h2>Open gaps <span class="count">(${report.gaps.length})</span></h2>
  ${body}
</section>`;
}

/** Warnings about the report as a whole (`#warnings`, e.g. a baseline level without data); nothing when there are none. */
function warningsSection(report: CampaignReport): string {
  if (report.warnings.length === 0) return '';
  return `<section id="warnings" class="warnings" role="alert">
  <h2>Warning${report.warnings.length === 1 ? '' : 's'}</h2>
  <ul>${report.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>
</section>`;
}

function piecesSection(report: CampaignReport): string {
  const keys = Object.keys(report.metrics);
  const rows = report.pieces.map(
    (p) =>
      `<tr><td class="code">${e(p.code)}</td><td>${e(formatNumber(p.level, 6))}</td>${keys.map((k) => `<td>${e(formatNumber(p.values[k], 4))}</td>`).join('')}</tr>`,
  );
  return `<details id="pieces">
  <summary>Per-piece values (${report.pieces.length})</summary>
  <div class="scroll"><table>
    <thead><tr><th scope="col">Code</th><th scope="col">Level (${e(levelUnit(report.campaign.factor))})</th>${keys.map((k) => `<th scope="col">${metricHeading(k, report)}</th>`).join('')}</tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table></div>
</details>`;
}

/** Figures the service renders from stored curves (the report itself holds none). */
export interface ReportHtmlFigures {
  /** The transitions figure (Fig. 4(c)) as SVG; '' or absent: none. */
  transitionsSvg?: string;
  /** The codes of its pieces, for the caption. */
  transitionPieces?: readonly string[];
}

/** #transitions: −dχ/dT of ZFC and FC with dR/dT, normalised, for the chosen pieces. */
function transitionsSection(figures: ReportHtmlFigures): string {
  if (!figures.transitionsSvg) return '';
  const codes = (figures.transitionPieces ?? []).map(e).join(', ');
  return `<section id="transitions">
  <h2>Transitions by technique</h2>
  <figure>${figures.transitionsSvg}
    <figcaption>After the study's Fig. 4(c): per piece (${codes}), −dχ/dT of the ZFC and FC sweeps and dR/dT of the resistance run at the lowest field, each normalised to its peak. χ maps the volume distribution of local Tc; R drops once the most superconductive path connects. Choose pieces with <code>?pieces=CODE1,CODE2</code>.</figcaption>
  </figure>
</section>`;
}

/**
 * A self-contained HTML page of a campaign report: name, hypothesis and factor; the three-panel SVG
 * (inline, `#plots`); the per-level table (`#level-table`: mean ± std (n), % change against the
 * baseline); the |χ| exponential fit (`#fit-tau`, `#fit-k`, `#fit-y0`, `#fit-r2`) and linear
 * slopes (`#fit-linear`); warnings (`#warnings`, e.g. a baseline without data); open gaps (`#gaps`, `ul.gaps` or `p.no-gaps`); per-piece values
 * (`#pieces`) and the per-piece resistance-against-χ comparison (`#cross-technique`); the transitions
 * figure (`#transitions`) when the service passes one. Every piece of user text is HTML-escaped; a Content-Security-Policy forbids scripts
 * and outside requests.
 */
export function renderReportHtml(report: CampaignReport, figures: ReportHtmlFigures = {}, registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): string {
  const name = e(report.campaign.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · campaign report</title>
<style>${REPORT_HTML_STYLE}</style>
</head>
<body>
<main>
<header>
  <p class="kicker">Vitrack campaign report</p>
  <h1 id="campaign-name">${name}</h1>
  <p class="meta">Generated <time datetime="${e(report.generatedAt)}">${e(report.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time> · campaign <code>${e(report.campaign.id)}</code></p>
</header>
${warningsSection(report)}
${designSection(report)}
<section id="plots">
  <h2>Trends</h2>
  <figure>${renderReportSvg(report, {}, registry)}
    <figcaption>Points: individual pieces. Bars: level mean ± sample standard deviation. Red curve: least-squares fit of |χ|(1.8 K) = k·exp(−t/τ) + y<sub>0</sub>, when available.</figcaption>
  </figure>
</section>
${levelTable(report)}
${transitionsSection(figures)}
<section id="fits">
  <h2>Fits</h2>
  <h3>Exponential decay of |χ|(1.8 K)</h3>
  ${exponentialFit(report)}
  <h3>Linear trends against the level</h3>
  ${linearFits(report)}
</section>
${gapsSection(report)}
${piecesSection(report)}
${crossTechniqueSection(report)}
</main>
</body>
</html>
`;
}
