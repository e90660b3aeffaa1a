import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeFile } from './analyze-file';

const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'real');
const run = (rel: string) => analyzeFile(readFileSync(join(dir, rel)), { fileName: basename(rel) });

/**
 * Every real fixture through the whole analysis: none is a superconductor or a metallic glass, so
 * the analyzers must either give physically sensible output or refuse with a clear reason.
 * The magnetometry files are in real-fixtures-magnetic.spec.ts.
 */
describe('analysis of the real fixtures', () => {
  it.each([
    ['ppms/nomadmeas_Resistivity_TMR_Hall_fieldsweep_2K.dat', 'NOT_ENOUGH_DATA', /./],
    ['ppms/nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat', 'NOT_ENOUGH_DATA', /./],
    ['xrd/glassure_Fe81S19_liquid_alloy_headerless.chi', 'MISSING_PARAMETER', /wavelength/],
    ['dsc/pkynetics_Setaram_semicolon_commadecimal_MANGLED.csv', 'BAD_NUMBER', /thousands-separator/],
  ])('%s is refused: %s', (file, code, reason) => {
    const r = run(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect((r.error as { code: string }).code).toBe(code);
    expect(r.error.message).toMatch(reason);
  });

  it('the Mg2SiO4 glass pattern gives its amorphous halo near 2.26 Å⁻¹', () => {
    const r = run('xrd/glassure_Mg2SiO4_glass_pyFAI_q-space.xy');
    if (!r.ok) throw r.error;
    expect(r.value.metrics.q1InvA).toBeCloseTo(2.24, 1);
    expect(r.value.metrics.crystalline).toBe(false);
  });

  it.each(['xrd/nomadmeas_PANalytical_xrdml1.6_gonio_intensities_CRLF.xrdml', 'xrd/nomadmeas_PANalytical_xrdml2.1_2theta-omega_counts_CRLF.xrdml'])(
    '%s is flagged crystalline',
    (file) => {
      const r = run(file);
      if (!r.ok) throw r.error;
      expect(r.value.metrics.crystalline).toBe(true);
      expect((r.value.metrics.braggPeaksInvA as number[]).length).toBeGreaterThan(0);
    },
  );

  it.each(['saxs/sasdata_Alumina_USAXS_q_I_sigma.csv', 'saxs/sasdata_APS_DND-CAT_SAXS_4col_noheader.txt', 'saxs/sasdata_ISIS_LOQ_83404_SANS_COLETTE.txt'])(
    '%s gives a decaying power law, not homogeneous, with a warning',
    (file) => {
      const r = run(file);
      if (!r.ok) throw r.error;
      expect(r.value.metrics.slope as number).toBeLessThan(0);
      expect(r.value.metrics.homogeneous).toBe(false);
      expect(r.value.warnings.length).toBeGreaterThan(0);
    },
  );

  it('the TA eicosane run is recognised as melting, not a glass', () => {
    const r = run('dsc/pkynetics_TA-2920-MDSC_UniversalAnalysis_eicosane_latin1.txt');
    if (!r.ok) throw r.error;
    expect(r.value.metrics.tgOnsetK).toBeNull();
    expect(r.value.metrics.meltOnsetK as number).toBeCloseTo(308.5, 0);
    expect(r.value.warnings.join('\n')).toMatch(/does not look like a metallic-glass heating scan/);
  });
});
