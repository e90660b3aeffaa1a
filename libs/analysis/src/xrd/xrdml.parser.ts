/**
 * PANalytical XRDML (schema 1.x `<intensities>` and 2.x `<counts>`): the 2θ grid is rebuilt
 * from the 2Theta axis start/end positions by linear spacing (or read from `<listPositions>`).
 */
import { XMLParser } from 'fast-xml-parser';

import { fail, ok, ParseError, Result } from '../core/errors';
import { twoThetaDegToQInvA, XrdPattern } from './xrd.types';

type XmlNode = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Text content of an element that may carry attributes (`{ '#text', '@_unit' }`) or be a bare string. */
const textOf = (v: unknown): string | undefined => {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) return textOf(v['#text']);
  return undefined;
};
const numberOf = (v: unknown): number => {
  const t = textOf(v);
  return t === undefined || t.trim() === '' ? NaN : Number(t.trim());
};
const numberList = (v: unknown): number[] => {
  const t = textOf(v)?.trim();
  return t ? t.split(/\s+/).map(Number) : [];
};

/** True when the text looks like an XRDML document. */
export function looksLikeXrdml(text: string): boolean {
  return /<xrdMeasurements[\s>]/.test(text.slice(0, 4096));
}

/**
 * Parse an XRDML document. Intensity is `<intensities>` (1.x) or `<counts>` (2.x) multiplied by
 * `<beamAttenuationFactors>` when present (2.x stores raw counts behind the attenuator). The
 * wavelength is Kα1 from `<usedWavelength>`, in Å. Only the first scan is read (warning if more).
 */
export function parseXrdml(text: string): Result<XrdPattern, ParseError> {
  let doc: XmlNode;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: false,
    });
    doc = parser.parse(text) as XmlNode;
  } catch (e) {
    return fail(new ParseError('UNKNOWN_FORMAT', `not well-formed XML: ${(e as Error).message.slice(0, 200)}`));
  }
  const root = doc?.xrdMeasurements;
  if (!isNode(root)) return fail(new ParseError('MISSING_SECTION', 'no <xrdMeasurements> root element'));
  // removeNSPrefix drops xmlns attributes, so read the schema version from the raw text.
  const schema = /XRDMeasurement\/(\d+\.\d+)/.exec(text.slice(0, 4096))?.[1];
  const measurements = asArray(root.xrdMeasurement).filter(isNode);
  if (measurements.length === 0) return fail(new ParseError('MISSING_SECTION', 'no <xrdMeasurement> element'));
  const meas = measurements[0];
  const warnings: string[] = [];
  const metadata: Record<string, string | number> = {};
  if (schema) metadata.schemaVersion = schema;

  const used = isNode(meas.usedWavelength) ? meas.usedWavelength : undefined;
  const kAlpha1 = numberOf(used?.kAlpha1);
  const wavelengthA = Number.isFinite(kAlpha1) && kAlpha1 > 0 ? kAlpha1 : undefined;
  if (wavelengthA === undefined) warnings.push('no Kα1 wavelength in <usedWavelength>');
  else metadata.kAlpha1A = kAlpha1;
  const kAlpha2 = numberOf(used?.kAlpha2);
  if (Number.isFinite(kAlpha2)) metadata.kAlpha2A = kAlpha2;
  const ratio = numberOf(used?.ratioKAlpha2KAlpha1);
  if (Number.isFinite(ratio)) metadata.ratioKAlpha2KAlpha1 = ratio;

  const scans = asArray(meas.scan).filter(isNode);
  if (scans.length === 0) return fail(new ParseError('MISSING_SECTION', 'no <scan> element'));
  if (scans.length > 1 || measurements.length > 1) warnings.push(`${scans.length} scans in the file; only the first was read`);
  const scan = scans[0];
  const scanAxis = textOf(scan['@_scanAxis']);
  if (scanAxis !== undefined) metadata.scanAxis = scanAxis;
  const points = isNode(scan.dataPoints) ? scan.dataPoints : undefined;
  if (!points) return fail(new ParseError('MISSING_SECTION', 'no <dataPoints> in the scan'));

  const isCounts = points.intensities === undefined;
  const intensityRaw = numberList(isCounts ? points.counts : points.intensities);
  if (intensityRaw.length === 0) return fail(new ParseError('MISSING_SECTION', 'no <intensities> or <counts> values'));
  if (intensityRaw.some((v) => !Number.isFinite(v))) return fail(new ParseError('BAD_NUMBER', 'non-numeric value in the intensity list'));
  const n = intensityRaw.length;
  let intensity = intensityRaw;
  const attenuation = numberList(points.beamAttenuationFactors);
  if (attenuation.length === n && attenuation.every(Number.isFinite)) {
    intensity = intensityRaw.map((c, i) => c * attenuation[i]);
    if (attenuation.some((a) => a !== 1)) warnings.push('counts multiplied by <beamAttenuationFactors>');
  } else if (attenuation.length > 0) {
    warnings.push(`<beamAttenuationFactors> has ${attenuation.length} values for ${n} points; ignored`);
  }
  const time = numberOf(points.commonCountingTime);
  if (Number.isFinite(time)) metadata.countingTimeS = time;

  const axis = asArray(points.positions)
    .filter(isNode)
    .find((p) => String(p['@_axis']).toLowerCase() === '2theta');
  if (!axis) return fail(new ParseError('MISSING_SECTION', 'no <positions axis="2Theta"> in the scan'));
  let x: number[];
  const list = numberList(axis.listPositions);
  if (list.length > 0) {
    if (list.length !== n) return fail(new ParseError('INCONSISTENT_DATA', `${list.length} 2θ positions for ${n} intensities`));
    x = list;
  } else {
    const start = numberOf(axis.startPosition);
    const end = numberOf(axis.endPosition);
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      return fail(new ParseError('MISSING_SECTION', '2Theta axis has neither start/end nor list positions'));
    }
    x = n === 1 ? [start] : Array.from({ length: n }, (_, i) => start + ((end - start) * i) / (n - 1));
  }
  if (n < 5) return fail(new ParseError('TOO_FEW_POINTS', `only ${n} points in the scan`));
  if (!x.every(Number.isFinite)) return fail(new ParseError('BAD_NUMBER', 'non-numeric 2θ position'));
  if (x[n - 1] < x[0]) {
    x = x.slice().reverse();
    intensity = intensity.slice().reverse();
    warnings.push('2θ runs from high to low; points reversed');
  }
  const q = wavelengthA === undefined ? undefined : x.map((t) => twoThetaDegToQInvA(t, wavelengthA));
  return ok({ x, intensity, xKind: 'twoThetaDeg', wavelengthA, q, format: `xrdml-${schema ?? 'unknown'}`, metadata, warnings });
}
