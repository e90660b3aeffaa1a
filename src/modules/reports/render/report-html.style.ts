/** Inline stylesheet of the report page: print-friendly, readable on a laptop, no web fonts. */
export const REPORT_HTML_STYLE = `
:root { color-scheme: light; --ink: #1d1d22; --muted: #5b5d66; --line: #dcdde3; --accent: #4e79a7; --warn: #b3261e; --bg-soft: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 10px; margin-bottom: 18px; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
h1 { margin: 2px 0 4px; font-size: 28px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; color: var(--muted); }
.meta, .note { color: var(--muted); font-size: 13px; margin: 0; }
code { font-size: 12px; background: var(--bg-soft); padding: 1px 4px; border-radius: 3px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; margin: 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
#hypothesis { font-style: italic; }
figure { margin: 0; }
#plots svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; white-space: nowrap; }
th[scope="row"], td.code { text-align: left; }
thead th { background: var(--bg-soft); font-weight: 600; }
thead th:first-child { text-align: left; }
tbody th { font-weight: 600; }
.unit { color: var(--muted); font-weight: 400; font-size: 12px; }
.n { color: var(--muted); font-size: 12px; }
.stat { display: block; }
.sub { display: block; font-size: 12px; }
.change { color: var(--accent); }
#level-table th, #level-table td { padding: 6px 8px; }
#level-table th[scope="row"] { white-space: normal; min-width: 120px; }
td.empty { color: var(--muted); text-align: center; }
.formula { margin: 0 0 6px; }
.params { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 8px 12px; }
.params li { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 4px; padding: 4px 10px; font-variant-numeric: tabular-nums; }
#fit-tau { font-weight: 700; border-color: var(--accent); }
.no-fit { color: var(--muted); }
ul.gaps { margin: 0; padding-left: 20px; columns: 2 280px; }
ul.gaps li { margin: 2px 0; break-inside: avoid; }
.failed { color: var(--warn); font-weight: 600; }
.warnings { border: 2px solid var(--warn); border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
.warnings h2 { color: var(--warn); margin-top: 0; }
li.no-pieces { color: var(--warn); }
.no-gaps { color: #1e7b34; }
.count { color: var(--muted); font-weight: 400; }
details { margin-top: 28px; }
summary { cursor: pointer; font-weight: 600; font-size: 17px; }
@media print { main { max-width: none; padding: 0; } }
`;
