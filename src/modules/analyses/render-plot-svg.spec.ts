import { analyzeFile } from '../../../libs/analysis/src/analyze-file';
import { analysisPlot } from '../../../libs/analysis/src/plots/analysis-plot';
import { plotSpecimens } from '../../../libs/instruments/src/plot-specimens';
import { renderPlotSvg } from './render-plot-svg';

describe('a run’s plot as one server-rendered SVG', () => {
  it('stacks the panels, names every series in its legend and carries the captions as its title', () => {
    const s = plotSpecimens().find((x) => x.technique === 'MAGNETIC')!;
    const r = analyzeFile(new TextEncoder().encode(s.text), { fileName: s.fileName, densityGCm3: 6.2, ...s.conditions });
    if (!r.ok) throw r.error;
    const { panels } = analysisPlot('MAGNETIC', r.value.curves, r.value.metrics);
    const svg = renderPlotSvg(panels, { width: 600, panelHeight: 300 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" width="600" height="600" viewBox="0 0 600 600"><title>χ\(T\): χ ZFC, χ FC\./);
    expect(svg).toContain('<svg y="300" ');
    for (const name of ['χ ZFC', 'χ FC', '−dχ/dT ZFC, normalised', 'Gaussian fit ZFC', 'Gaussian fit FC']) expect(svg).toContain(`>${name}<`);
  });

  it('says so when there is nothing to plot, and escapes the caption', () => {
    expect(renderPlotSvg([])).toContain('<title>No plot: the run has not succeeded or stored no curves.</title>');
    const svg = renderPlotSvg([
      {
        id: 'curves',
        title: 'a <b> & "c"',
        xLabel: 'x',
        yLabel: 'y',
        y2Label: null,
        xLog: false,
        yLog: false,
        series: [{ name: 'n', role: 'measured', x: [1, 2], y: [1, 2], axis: 0, highlight: false, points: false }],
        markers: [],
        facts: [],
        notes: [],
      },
    ]);
    expect(svg).toContain('<title>a &#60;b&#62; &#38; &#34;c&#34;: n.</title>');
  });
});
