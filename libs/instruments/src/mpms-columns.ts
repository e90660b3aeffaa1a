/**
 * Column layouts of the MultiVu `.dat` files the virtual magnetometers write, as the real files show
 * them (test/fixtures/real/mpms and PROVENANCE.md): the 89-column MPMS3 layout with the AC option,
 * the 30-column MPMS-XL DC layout (the file adds a trailing comma, i.e. an empty 31st field) and the
 * PPMS VSM option layout (with its bare `"` in `Coil Signal" (mV)`).
 */

/** MPMS3 w/ AC option, MultiVu 2.3.4.19: 89 columns. */
export const MPMS3_COLUMNS: readonly string[] = [
  'Comment', 'Time Stamp (sec)', 'Temperature (K)', 'Magnetic Field (Oe)', 'Moment (emu)', 'M. Std. Err. (emu)', 'Transport Action',
  'Averaging Time (sec)', 'Frequency (Hz)', 'Peak Amplitude (mm)', 'Center Position (mm)', 'Lockin Signal\' (V)', 'Lockin Signal (V)',
  'Range', 'M. Quad. Signal (emu)', 'AC Moment (emu)', 'AC M. Std Err. (emu)', 'AC Phase (deg)', 'AC Phase Std. Err. (deg)',
  'AC Susceptibility (emu/Oe)', 'AC Suscept. Std Err. (emu/Oe)', 'AC X\' (emu/Oe)', 'AC X\' Std Err. (emu/Oe)', 'AC X\'\' (emu/Oe)',
  'AC X\'\' Std Err. (emu/Oe)', 'AC Drive (Oe)', 'AC Frequency (Hz)', 'AC Averaging Time (sec)', 'AC Cycles', 'AC Range',
  'AC Measure Type', 'AC Signal\' (V)', 'AC Signal\'\' (V)', 'AC Trim Coil Ratio', 'AC Trim Coil Phase', 'Min. Temperature (K)',
  'Max. Temperature (K)', 'Min. Field (Oe)', 'Max. Field (Oe)', 'Mass (grams)', 'Motor Lag (deg)', 'Pressure (Torr)',
  'Measure Count', 'Measurement Number', 'SQUID Status (code)', 'Motor Status (code)', 'Measure Status (code)', 'Motor Current (amps)',
  'Motor Temp. (C)', 'Temp. Status (code)', 'Field Status (code)', 'Chamber Status (code)', 'Chamber Temp (K)', 'Redirection State',
  'Evercool Status', 'Average Temp (K)', 'Rotation Angle (deg)', 'Rotator state', 'DC Moment Fixed Ctr (emu)', 'DC Moment Err Fixed Ctr (emu)',
  'DC Moment Free Ctr (emu)', 'DC Moment Err Free Ctr (emu)', 'DC Fixed Fit', 'DC Free Fit', 'DC Calculated Center (mm)',
  'DC Calculated Center Err (mm)', 'DC Scan Length (mm)', 'DC Scan Time (s)', 'DC Number of Points', 'DC Squid Drift',
  'DC Min V (V)', 'DC Max V (V)', 'DC Scans per Measure', 'Map 01', 'Map 02', 'Map 03', 'Map 04', 'Map 05', 'Map 06',
  'Map 07', 'Map 08', 'Map 09', 'Map 10', 'Map 11', 'Map 12', 'Map 13', 'Map 14', 'Map 15', 'Map 16',
];

/** MPMS-XL (MultiVu 1.60) DC measurement: 30 named columns. */
export const MPMS_XL_COLUMNS: readonly string[] = [
  'Time', 'Comment', 'Field (Oe)', 'Temperature (K)', 'Long Moment (emu)', 'Long Scan Std Dev', 'Long Algorithm', 'Long Reg Fit',
  'Long Percent Error (%)', 'Trans Moment (emu)', 'Trans Scan Std Dev', 'Trans Algorithm', 'Trans Reg Fit', 'Trans Percent Error (%)',
  'Long Moment [w/o ABS] (emu)', 'Long Scan Std Dev [w/o ABS]', 'Long Reg Fit [w/o ABS]', 'Long Percent Error [w/o ABS] (%)',
  'Trans Moment [w/o ABS] (emu)', 'Trans Scan Std Dev [w/o ABS]', 'Trans Reg Fit [w/o ABS]', 'Trans Percent Error [w/o ABS] (%)',
  'Points per Scan', 'Scans per Measurement', 'Scan Length (cm)', 'Delta Temp (K)', 'Rot Position (deg)', 'Error',
  'EC Comp. Running', 'Using ABS',
];

/** PPMS VSM option. */
export const PPMS_VSM_COLUMNS: readonly string[] = [
  'Comment', 'Time Stamp (sec)', 'Temperature (K)', 'Magnetic Field (Oe)', 'Moment (emu)', 'M. Std. Err. (emu)', 'Transport Action',
  'Averaging Time (sec)', 'Frequency (Hz)', 'Peak Amplitude (mm)', 'Center Position (mm)', 'Coil Signal\' (mV)', 'Coil Signal" (mV)',
  'Range (mV)', 'M. Quad. Signal (emu)', 'Min. Temperature (K)', 'Max. Temperature (K)', 'Min. Field (Oe)', 'Max. Field (Oe)',
  'Mass (grams)', 'Motor Lag (deg)', 'Pressure (Torr)', 'Measure Count', 'Measurement Number', 'Motor Status (code)',
  'Measure Status (code)', 'Motor Current (amps)', 'Motor Temp. (C)', 'Temp. Status (code)', 'Field Status (code)',
  'Chamber Status (code)', 'Chamber Temp (K)', 'Redirection State', 'Average Temp (K)', 'Rotation Angle (deg)', 'Rotator state',
];
