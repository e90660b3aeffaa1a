import type { MultiVuInstrument } from './multivu.types';

const FORMATS: Record<MultiVuInstrument, string> = {
  MPMS3: 'multivu-mpms3',
  MPMS_XL: 'multivu-mpms-xl',
  PPMS_VSM: 'multivu-ppms-vsm',
  PPMS_ACMS: 'multivu-ppms-acms',
  PPMS_RESISTIVITY: 'multivu-ppms-resistivity',
  PPMS_ACT: 'multivu-ppms-act',
  UNKNOWN: 'multivu',
};

/** The format label of a MultiVu file written by `instrument`, e.g. 'multivu-mpms-xl'. */
export function multiVuFormat(instrument: MultiVuInstrument): string {
  return FORMATS[instrument];
}
