import { readFileSync } from 'fs';
import { join } from 'path';

import { detectFormat } from './analyze-file';

const REAL = join(__dirname, '../../../test/fixtures/real');
const bytesOf = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(REAL, rel)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat: MultiVu files', () => {
  it.each([
    ['mpms/magnetopy_zfcfc1_DC_100Oe_MPMS3.dat', 'MAGNETIC', 'multivu-mpms3'],
    ['mpms/magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat', 'MAGNETIC', 'multivu-mpms3'],
    ['mpms/magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat', 'MAGNETIC', 'multivu-mpms3'],
    ['mpms/magnetopy_zfc5_DC_200Oe_settle_CRLF_MPMS3.dat', 'MAGNETIC', 'multivu-mpms3'],
    ['mpms/magnetopy_fc5_DC_200Oe_settle_CRLF_MPMS3.dat', 'MAGNETIC', 'multivu-mpms3'],
    ['mpms/nomadmeas_MPMS3_VSM-oven_MvsH_2K_3K_noAC.dat', 'MAGNETIC', 'multivu-mpms3'],
    ['mpms/qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat', 'MAGNETIC', 'multivu-mpms-xl'],
    ['mpms/qdsquid_MPMSXL_MultiVu1.60_AC_vs_freq_4K.ac.dat', 'MAGNETIC', 'multivu-mpms-xl-ac'],
    ['ppms/nomadmeas_Resistivity_TMR_Hall_fieldsweep_2K.dat', 'RESISTANCE', 'multivu-ppms-resistivity'],
    ['ppms/nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat', 'RESISTANCE', 'multivu-ppms-act'],
  ])('%s → %s %s', (rel, technique, format) => {
    expect(detectFormat(bytesOf(rel))).toMatchObject({ technique, format });
  });

  it('decides by content, not by the file name', () => {
    expect(detectFormat(bytesOf('ppms/nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat'), 'zfc_mpms.xrdml')).toMatchObject({
      technique: 'RESISTANCE',
      format: 'multivu-ppms-act',
    });
  });

  it('a VSM file with both a moment and (empty) bridge columns is MAGNETIC; a bridge-only unknown app is RESISTANCE', () => {
    const vsm = '[Header]\nBYAPP,VSM,1.0,1.0\n[Data]\nTemperature (K),Moment (emu),Bridge 1 Resistance (ohms)\n4,1e-5,\n';
    expect(detectFormat(utf8(vsm))).toMatchObject({ technique: 'MAGNETIC', format: 'multivu-ppms-vsm' });
    const logData = '[Header]\nBYAPP, LogData, 1.1, 2.0\n[Data]\nTemperature (K),Bridge 1 Resistance (ohms)\n4,12\n';
    expect(detectFormat(utf8(logData))).toMatchObject({ technique: 'RESISTANCE', format: 'multivu' });
  });

  it('undefined for empty, binary, a MultiVu file without [Data], and a MultiVu file with neither moment nor channels', () => {
    expect(detectFormat(new Uint8Array())).toBeUndefined();
    expect(detectFormat(new Uint8Array([0, 0, 1, 2]))).toBeUndefined();
    expect(detectFormat(utf8('[Header]\nBYAPP,MPMS3,1.0,1.1\n'))).toBeUndefined();
    expect(detectFormat(utf8('[Header]\nBYAPP, LogData, 1.1, 2.0\n[Data]\nTemperature (K),Pressure (Torr)\n4,1\n'))).toBeUndefined();
  });
});

describe('detectFormat: delegates to the DSC and diffraction detectors', () => {
  it.each([
    ['dsc/pkynetics_TA-2920-MDSC_UniversalAnalysis_eicosane_latin1.txt', 'DSC', 'ta-universal-analysis'],
    ['dsc/pkynetics_Setaram_semicolon_commadecimal_MANGLED.csv', 'DSC', 'csv-units'],
    ['xrd/nomadmeas_PANalytical_xrdml1.6_gonio_intensities_CRLF.xrdml', 'XRD', 'xrdml'],
    ['xrd/glassure_Mg2SiO4_glass_pyFAI_q-space.xy', 'XRD', 'pyfai-xy'],
    ['xrd/glassure_Fe81S19_liquid_alloy_headerless.chi', 'XRD', 'chi'],
    ['saxs/sasdata_Alumina_USAXS_q_I_sigma.csv', 'SAXS', 'q-i-sigma'],
    ['saxs/sasdata_ISIS_LOQ_83404_SANS_COLETTE.txt', 'SAXS', 'rkh-colette'],
  ])('%s → %s %s', (rel, technique, format) => {
    expect(detectFormat(bytesOf(rel), rel.split('/')[1])).toMatchObject({ technique, format });
  });
});
