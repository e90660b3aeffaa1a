import { virtualDscScan } from '../../instruments/src/dsc';
import { GLASS_RIBBON_MODEL, writeMpmsFile } from '../../instruments/src/mpms';
import { simulatePpms } from '../../instruments/src/ppms';
import { laAlSaxsModel, virtualSaxs } from '../../instruments/src/saxs';
import { laAlXrdModel, virtualXrd } from '../../instruments/src/xrd';
import { analyzeFile } from './analyze-file';
import type { AnyMetricSpec } from './technique/metrics';
import { TECHNIQUE_REGISTRY, type TechniqueId } from './techniques';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const GLASS = GLASS_RIBBON_MODEL;

/** One virtual-instrument file per technique, analysed with what the worker would pass. */
function files(): Record<TechniqueId, { bytes: Uint8Array; params: Record<string, unknown> }> {
  const zfc = writeMpmsFile('MPMS3_VSM', GLASS, { seed: 3, mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2, noiseEmu: 1e-7 });
  const fc = writeMpmsFile('MPMS3_VSM', GLASS, { seed: 4, mode: 'FC', direction: 'down', fieldOe: 20, massMg: 2, noiseEmu: 1e-7 });
  const xrd = virtualXrd(laAlXrdModel(), { format: 'xy-2theta', seed: 4 });
  return {
    MAGNETIC: { bytes: utf8(zfc.text), params: { densityGCm3: 6.2, fc: utf8(fc.text) } },
    RESISTANCE: { bytes: utf8(simulatePpms({ seed: 5 }).text), params: {} },
    XRD: { bytes: xrd.bytes, params: { wavelengthA: xrd.truth.wavelengthA, reference: virtualXrd(laAlXrdModel(), { format: 'xy-2theta', seed: 9 }).bytes } },
    SAXS: { bytes: virtualSaxs(laAlSaxsModel(true), { format: 'q-i-sigma', seed: 4 }).bytes, params: {} },
    DSC: { bytes: virtualDscScan({ format: 'ta-universal-analysis', seed: 4 }).bytes, params: {} },
  };
}

/** The value kinds a spec allows, checked on what the analyzer really produced. */
function kindMismatch(spec: AnyMetricSpec, v: unknown): boolean {
  if (v === null) return false;
  switch (spec.kind) {
    case 'number':
      return typeof v !== 'number';
    case 'flag':
      return typeof v !== 'boolean';
    case 'text':
      return typeof v !== 'string' || (spec.values !== undefined && !spec.values.includes(v));
    case 'numbers':
      return !Array.isArray(v) || v.some((e) => typeof e !== 'number');
    case 'list':
      return !Array.isArray(v);
    case 'group':
      return typeof v !== 'object';
  }
}

describe('every built-in technique describes exactly the metrics it produces', () => {
  const inputs = files();
  it.each(TECHNIQUE_REGISTRY.ids.map((id) => [id]))('%s', (id) => {
    const technique = TECHNIQUE_REGISTRY.get(id);
    const r = analyzeFile(inputs[id].bytes, inputs[id].params);
    if (!r.ok) throw r.error;
    expect(r.value.technique).toBe(id);
    const specs = technique.metrics as Record<string, AnyMetricSpec>;
    const produced = Object.keys(r.value.metrics);
    // Every produced key is described (DSC's melt metrics appear only for melting runs).
    expect(produced.filter((k) => !(k in specs))).toEqual([]);
    expect(Object.keys(specs).filter((k) => !produced.includes(k) && !k.startsWith('melt') && k !== 'dhMeltJPerG')).toEqual([]);
    for (const [key, spec] of Object.entries(specs)) {
      expect({ key, label: spec.label.length > 0 }).toEqual({ key, label: true });
      expect({ key, mismatch: kindMismatch(spec, r.value.metrics[key] ?? null) }).toEqual({ key, mismatch: false });
      if (spec.kind === 'number' && spec.uncertainty) expect(specs[spec.uncertainty]).toMatchObject({ kind: 'number', unit: spec.unit });
    }
    // Stored as JSON and read back, every finite number and typed value survives.
    const stored = JSON.parse(JSON.stringify(r.value.metrics)) as Record<string, unknown>;
    const decoded = technique.decodeMetrics(stored) as Record<string, unknown>;
    for (const key of produced) expect({ key, value: decoded[key] }).toEqual({ key, value: stored[key] });
  });

  it('the report values of a piece come from those stored metrics', () => {
    const r = analyzeFile(inputs.MAGNETIC.bytes, inputs.MAGNETIC.params);
    if (!r.ok) throw r.error;
    const stored = JSON.parse(JSON.stringify(r.value.metrics));
    const values = TECHNIQUE_REGISTRY.get('MAGNETIC').reportValues({ main: stored, byMode: { ZFC: stored } });
    expect(values.chiAbs1p8KEmuPerGOe).toBe(Math.abs(r.value.metrics.chiMass1p8K as number));
    expect(values.fcZfcRatio).toBe(r.value.metrics.fcZfcRatio);
    expect(values.fcZfcRatio).toBeGreaterThan(0.2);
  });
});
