/** Chart option builders shared by the API's SVG report and the web app: pure data → ECharts option. */
export * from './format';
export * from './report-figure';
export * from './analysis-figure';
export * from './transition-figure';
