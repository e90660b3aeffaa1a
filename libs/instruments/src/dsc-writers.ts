/**
 * Writers for the virtual DSC: the same scan in each export layout the parsers read. The layouts
 * follow the vendors' text exports as described in libs/analysis/src/dsc/*.parser.ts (TA Universal
 * Analysis after the real 2920 file; Pyris, Proteus and STARe after their documented layouts).
 */
export type DscFileFormat = 'ta-universal-analysis' | 'pyris-ascii' | 'netzsch-proteus' | 'mettler-stare' | 'csv-units';

export interface DscWriteInput {
  timeS: number[];
  temperatureK: number[];
  /** Heat flow with the file's sign convention (see exo), mW. */
  heatFlowMw: number[];
  massMg: number;
  exo: 'up' | 'down';
  statesExo: boolean;
  statesMass: boolean;
  heatingRateKPerMin: number;
  startK: number;
  endK: number;
  sampleName: string;
  csvStyle: 'comma-celsius-mW' | 'semicolon-kelvin-Wg';
  netzschDecimalComma: boolean;
}

const C = (k: number): number => k - 273.15;

/** Latin-1 bytes (° = 0xB0); characters beyond 0xFF become '?'. */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 256 ? c : 63;
  }
  return out;
}

function ta(s: DscWriteInput): string {
  const head = [
    'CLOSED',
    'Version\t0.4',
    'Run\t1042',
    'Instrument\tDSC Q2000 V24.11 Build 124',
    'Module\tDSC Standard Cell RC',
    `Sample\t${s.sampleName}`,
    ...(s.statesMass ? [`Size\t${s.massMg.toFixed(5)}\tmg`] : []),
    'Method\tRamp',
    'Comment\t',
    'Xcomment\tPan: Aluminum  Gas1: Argon  50 mL/min',
    'Text',
    ...(s.statesExo ? [`Exotherm\t${s.exo === 'up' ? 'Up' : 'Down'}`] : []),
    'Nsig\t3',
    'Sig1\tTime (min)',
    'Sig2\tTemperature (°C)',
    'Sig3\tHeat Flow (mW)',
    'Date\t14-May-24',
    'Time\t10:22',
    'File\tC:\\TA\\Data\\DSC\\vitrack\\La75Al25.001',
    'StartOfData',
    // UA writes segment-boundary sentinels with time −1 and zero heat flow.
    `-1.000000\t${C(s.endK).toFixed(5)}\t0.0000000`,
    `-1.000000\t${C(s.startK).toFixed(5)}\t0.0000000`,
  ];
  const rows = s.timeS.map((t, i) => `${(t / 60).toFixed(6)}\t${C(s.temperatureK[i]).toFixed(5)}\t${s.heatFlowMw[i].toFixed(7)}`);
  return [...head, ...rows, `-1.000000\t${C(s.temperatureK[s.temperatureK.length - 1]).toFixed(5)}\t0.0000000`, ''].join('\n');
}

function pyris(s: DscWriteInput): string {
  const program = `2) Heat from ${C(s.startK).toFixed(2)}°C to ${C(s.endK).toFixed(2)}°C at ${s.heatingRateKPerMin.toFixed(2)}°C/min`;
  const head = [
    'Filename:\tC:\\Pyris\\Data\\La75Al25_P3.D8',
    'Operator ID:\tvitrack',
    `Sample ID:\t${s.sampleName}`,
    ...(s.statesMass ? [`Sample Weight:\t${s.massMg.toFixed(3)}\tmg`] : []),
    'Comment:\t',
    '',
    ...(s.statesExo ? [`Heat Flow Endo ${s.exo === 'up' ? 'Down' : 'Up'}`] : []),
    `1) Hold for 1.0 min at ${C(s.startK).toFixed(2)}°C`,
    program,
    '',
    '\tTime\tUnsubtracted Heat Flow\tBaseline Heat Flow\tProgram Temperature\tSample Temperature',
    '\tMin\tmW\tmW\t°C\t°C',
  ];
  const rows = s.timeS.map((t, i) => {
    const program = C(s.startK + (s.heatingRateKPerMin / 60) * t);
    return `\t${(t / 60).toFixed(5)}\t${s.heatFlowMw[i].toFixed(6)}\t0.000000\t${program.toFixed(4)}\t${C(s.temperatureK[i]).toFixed(4)}`;
  });
  return [...head, ...rows, ''].join('\r\n');
}

function netzsch(s: DscWriteInput): string {
  const dc = s.netzschDecimalComma;
  const num = (v: number, digits: number): string => (dc ? v.toFixed(digits).replace('.', ',') : v.toFixed(digits));
  const range = `${C(s.startK).toFixed(0)}°C/${s.heatingRateKPerMin.toFixed(1)}(K/min)/${C(s.endK).toFixed(0)}°C`;
  const head = [
    '#EXPORTTYPE:DATA ALL',
    '#FILE:C:\\NETZSCH\\Proteus\\Data\\La75Al25_P3.dsv',
    '#FORMAT:NETZSCH5',
    '#FTYPE:ANSI',
    '#IDENTITY:P-3',
    `#DECIMAL:${dc ? 'COMMA' : 'POINT'}`,
    '#SEPARATOR:SEMICOLON',
    '#DATE/TIME:14.05.2024 10:22',
    '#INSTRUMENT:NETZSCH DSC 214 Polyma',
    `#SAMPLE:${s.sampleName}`,
    ...(s.statesMass ? [`#SAMPLE MASS /mg:${num(s.massMg, 3)}`] : []),
    '#REFERENCE:empty',
    '#TYPE OF CRUCIBLE:Al2O3',
    `#RANGE:${range}`,
    '#SEGMENT:S1/1',
    `#SEG. 1:${range}`,
    ...(s.statesExo ? [`#EXO:${s.exo === 'up' ? 'UP' : 'DOWN'}`] : []),
    '##Temp./°C;Time/min;DSC/(mW/mg);Segment',
  ];
  const rows = s.timeS.map((t, i) => `${num(C(s.temperatureK[i]), 4)};${num(t / 60, 5)};${num(s.heatFlowMw[i] / s.massMg, 7)};1`);
  return [...head, ...rows, ''].join('\r\n');
}

function stare(s: DscWriteInput): string {
  const pad = (v: string, w: number): string => v.padStart(w);
  const head = [
    'Curve Name:',
    `  ${s.sampleName} DSC ${s.heatingRateKPerMin} K/min`,
    'Curve Values:',
    `${pad('Index', 12)}${pad('t', 14)}${pad('Ts', 14)}${pad('Tr', 14)}${pad('Value', 16)}`,
    `${pad('[s]', 26)}${pad('[°C]', 14)}${pad('[°C]', 14)}${pad('[mW]', 16)}`,
  ];
  const rows = s.timeS.map((t, i) => {
    const tr = C(s.startK + (s.heatingRateKPerMin / 60) * t);
    return `${pad(String(i), 12)}${pad(t.toFixed(4), 14)}${pad(C(s.temperatureK[i]).toFixed(4), 14)}${pad(tr.toFixed(4), 14)}${pad(s.heatFlowMw[i].toExponential(8), 16)}`;
  });
  const tail = [
    '',
    'Sample:',
    s.statesMass ? `  ${s.sampleName}, ${s.massMg.toFixed(4)} mg` : `  ${s.sampleName}`,
    'Method:',
    `  Vitrack DSC  dt 0.50 s  [1] ${C(s.startK).toFixed(1)} °C, ${C(s.endK).toFixed(1)} °C, ${s.heatingRateKPerMin.toFixed(2)} K/min, N2 50.0 ml/min`,
    ...(s.statesExo ? ['Curve options:', `  exo ${s.exo}`] : []),
    '',
  ];
  return [...head, ...rows, ...tail].join('\r\n');
}

function csv(s: DscWriteInput): string {
  if (s.csvStyle === 'semicolon-kelvin-Wg') {
    const meta = [...(s.statesExo ? [`# exo ${s.exo}`] : []), `# heating ${s.heatingRateKPerMin} K/min`];
    const rows = s.timeS.map((t, i) => `${(t / 60).toFixed(5)};${s.temperatureK[i].toFixed(4)};${(s.heatFlowMw[i] / s.massMg).toFixed(7)}`);
    return [...meta, 't/min;T/K;HF/(W/g)', ...rows, ''].join('\n');
  }
  const meta = [...(s.statesMass ? [`# sample mass: ${s.massMg.toFixed(3)} mg`] : []), ...(s.statesExo ? [`# Exo ${s.exo}`] : [])];
  const rows = s.timeS.map((t, i) => `${(t / 60).toFixed(5)},${C(s.temperatureK[i]).toFixed(4)},${s.heatFlowMw[i].toFixed(6)}`);
  return [...meta, 'Time (min),Temperature (°C),Heat Flow (mW)', ...rows, ''].join('\n');
}

const EXT: Record<DscFileFormat, string> = {
  'ta-universal-analysis': 'txt',
  'pyris-ascii': 'txt',
  'netzsch-proteus': 'csv',
  'mettler-stare': 'txt',
  'csv-units': 'csv',
};

/** Write the scan in one format; returns its text, bytes (Latin-1 for the vendor exports, UTF-8 for CSV) and a file name. */
export function writeDsc(format: DscFileFormat, s: DscWriteInput): { text: string; bytes: Uint8Array; fileName: string } {
  const text = { 'ta-universal-analysis': ta, 'pyris-ascii': pyris, 'netzsch-proteus': netzsch, 'mettler-stare': stare, 'csv-units': csv }[format](s);
  const bytes = format === 'csv-units' ? new TextEncoder().encode(text) : latin1(text);
  return { text, bytes, fileName: `virtual_${format}_La75Al25.${EXT[format]}` };
}
