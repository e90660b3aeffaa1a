/**
 * Turn a vendor table into a DscScan: temperature to K, heat flow to W/g with the sample mass
 * (params.massG overrides the header), exo direction from params, then the file, else a default.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { DscParseParams, DscScan, RawDscTable } from './dsc.types';
import { heatFlowUnit, temperatureUnit, timeUnit } from './dsc.table';

const MIN_POINTS = 20;
/** Most instruments (TA, Mettler, NETZSCH by default) plot exotherms up; assumed with a warning. */
const DEFAULT_EXO = 'up' as const;

/** Convert a raw vendor table into a scan with temperatures in K and heat flow in W/g when possible. */
export function normaliseDsc(raw: RawDscTable, params: DscParseParams): Result<DscScan, ParseError> {
  const warnings = [...raw.warnings];
  const n = raw.temperature.values.length;
  if (n < MIN_POINTS) return fail(new ParseError('TOO_FEW_POINTS', `only ${n} data rows (need at least ${MIN_POINTS})`));
  if (raw.heatFlow.values.length !== n || (raw.time && raw.time.values.length !== n)) {
    return fail(new ParseError('INCONSISTENT_DATA', 'columns have different lengths'));
  }

  let tUnit = temperatureUnit(raw.temperature.unit);
  if (tUnit === undefined) {
    const sorted = [...raw.temperature.values].sort((a, b) => a - b);
    tUnit = sorted[Math.floor(n / 2)] > 150 ? 'K' : 'C';
    warnings.push(`temperature unit '${raw.temperature.unit}' not recognised; assumed ${tUnit === 'K' ? 'K' : '°C'} from the values`);
  }
  const temperatureK = tUnit === 'K' ? [...raw.temperature.values] : raw.temperature.values.map((t) => t + 273.15);

  let hfUnit = heatFlowUnit(raw.heatFlow.unit);
  if (hfUnit === undefined) {
    warnings.push(`heat-flow unit '${raw.heatFlow.unit}' not recognised; assumed mW`);
    hfUnit = 'mW';
  }
  const massMg = params.massG !== undefined && params.massG > 0 ? params.massG * 1000 : raw.massMg;
  if (params.massG !== undefined && raw.massMg !== undefined && Math.abs(params.massG * 1000 - raw.massMg) > 1e-3 * raw.massMg) {
    warnings.push(`sample mass ${(params.massG * 1000).toFixed(3)} mg from the parameters overrides ${raw.massMg} mg in the file`);
  }
  let heatFlow: number[];
  let unit: DscScan['heatFlowUnit'];
  if (hfUnit === 'W/g' || hfUnit === 'mW/mg') {
    heatFlow = [...raw.heatFlow.values];
    unit = 'W/g';
  } else if (hfUnit === 'mW/g') {
    heatFlow = raw.heatFlow.values.map((v) => v / 1000);
    unit = 'W/g';
  } else {
    const toMw = hfUnit === 'W' ? 1000 : hfUnit === 'uW' ? 1e-3 : 1;
    if (massMg !== undefined && massMg > 0) {
      // mW / mg = W / g
      heatFlow = raw.heatFlow.values.map((v) => (v * toMw) / massMg);
      unit = 'W/g';
    } else {
      heatFlow = raw.heatFlow.values.map((v) => v * toMw);
      unit = 'mW';
      warnings.push('no sample mass in the file or parameters: heat flow kept in mW, enthalpies cannot be normalised to J/g');
    }
  }

  let timeMin: number[] | undefined;
  if (raw.time) {
    const u = timeUnit(raw.time.unit) ?? 'min';
    const f = u === 's' ? 1 / 60 : u === 'h' ? 60 : 1;
    timeMin = raw.time.values.map((v) => v * f);
  }

  let exo = params.exo;
  let exoSource: DscScan['exoSource'] = 'params';
  if (exo === undefined && raw.exo !== undefined) {
    exo = raw.exo;
    exoSource = 'file';
  }
  if (exo === undefined) {
    exo = DEFAULT_EXO;
    exoSource = 'default';
    warnings.push(`exotherm direction not stated in the file or parameters: assumed exo ${DEFAULT_EXO}`);
  } else if (params.exo !== undefined && raw.exo !== undefined && params.exo !== raw.exo) {
    warnings.push(`exo ${params.exo} from the parameters overrides exo ${raw.exo} in the file`);
  }

  const finite = temperatureK.filter((t, i) => Number.isFinite(t) && Number.isFinite(heatFlow[i])).length;
  if (finite < MIN_POINTS) return fail(new ParseError('TOO_FEW_POINTS', `only ${finite} finite data rows`));

  return ok({
    format: raw.format,
    temperatureK,
    heatFlow,
    heatFlowUnit: unit,
    timeMin,
    exo,
    exoSource,
    massMg,
    programRateKPerMin: raw.programRateKPerMin,
    sampleName: raw.sampleName,
    columns: { temperature: raw.temperature.name, heatFlow: raw.heatFlow.name, time: raw.time?.name },
    warnings,
  });
}
