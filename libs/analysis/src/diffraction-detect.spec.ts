import { readFileSync } from 'fs';
import { join } from 'path';

import { laAlSaxsModel, virtualSaxs } from '../../instruments/src/saxs';
import { laAlXrdModel, virtualXrd } from '../../instruments/src/xrd';
import { detectDiffractionFormat } from './diffraction-detect';

const FIX = join(__dirname, '../../../test/fixtures/real');
const detect = (rel: string) => detectDiffractionFormat(readFileSync(join(FIX, rel), 'latin1'), rel.split('/').pop());

describe('detectDiffractionFormat', () => {
  it.each([
    ['xrd/glassure_Mg2SiO4_glass_pyFAI_q-space.xy', 'XRD', 'pyfai-xy'],
    ['xrd/glassure_Fe81S19_liquid_alloy_headerless.chi', 'XRD', 'chi'],
    ['xrd/nomadmeas_PANalytical_xrdml1.6_gonio_intensities_CRLF.xrdml', 'XRD', 'xrdml'],
    ['xrd/nomadmeas_PANalytical_xrdml2.1_2theta-omega_counts_CRLF.xrdml', 'XRD', 'xrdml'],
    ['saxs/sasdata_Alumina_USAXS_q_I_sigma.csv', 'SAXS', 'q-i-sigma'],
    ['saxs/sasdata_APS_DND-CAT_SAXS_4col_noheader.txt', 'SAXS', 'q-i-4col'],
    ['saxs/sasdata_ISIS_LOQ_83404_SANS_COLETTE.txt', 'SAXS', 'rkh-colette'],
  ])('%s → %s %s', (rel, technique, format) => {
    expect(detect(rel)).toEqual({ technique, format });
  });

  it('leaves other techniques alone (MultiVu, TA DSC, Setaram csv)', () => {
    expect(detect('mpms/magnetopy_zfcfc1_DC_100Oe_MPMS3.dat')).toBeUndefined();
    expect(detect('dsc/pkynetics_TA-2920-MDSC_UniversalAnalysis_eicosane_latin1.txt')).toBeUndefined();
    expect(detect('dsc/pkynetics_Setaram_semicolon_commadecimal_MANGLED.csv')).toBeUndefined();
    expect(detectDiffractionFormat('hello world')).toBeUndefined();
  });

  it('recognises every virtual-instrument format; the file name breaks a tie for 2-column small-angle data', () => {
    for (const format of ['xy-2theta', 'xy-q', 'chi', 'csv', 'xrdml'] as const) {
      const f = virtualXrd(laAlXrdModel(), { format, peakCounts: 1000 });
      expect(detectDiffractionFormat(f.text, f.fileName)?.technique).toBe('XRD');
    }
    for (const format of ['q-i-sigma', 'q-i-sigma-nm', 'rkh', '4col'] as const) {
      const f = virtualSaxs(laAlSaxsModel(), { format });
      expect(detectDiffractionFormat(f.text, f.fileName)?.technique).toBe('SAXS');
    }
    const headerless = virtualSaxs(laAlSaxsModel(), { format: 'q-i' }).text.replace(/^#.*\n/gm, '');
    expect(detectDiffractionFormat(headerless, 'glass_saxs.dat')?.technique).toBe('SAXS');
    expect(detectDiffractionFormat(headerless, 'pattern.xy')?.technique).toBe('XRD');
  });
});
