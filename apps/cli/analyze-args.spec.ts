import { TOY } from '../../test/toy-technique/toy.technique';
import { TECHNIQUE_REGISTRY } from '../../libs/analysis/src/techniques';
import { help, parseCli, usage, UsageError } from './analyze-args';

const files: Record<string, Uint8Array> = { 'FC.dat': new Uint8Array([1]), 'ref.xy': new Uint8Array([2]) };
const read = (path: string): Uint8Array => {
  if (!(path in files)) throw new Error(`ENOENT: ${path}`);
  return files[path];
};

describe('analyze CLI arguments come from the technique registry', () => {
  it('usage lists every technique and every parameter flag', () => {
    expect(usage()).toBe(
      'usage: analyze FILE [--technique MAGNETIC|RESISTANCE|XRD|SAXS|DSC] [--mass-g X] [--field-oe X] [--density-g-cm3 X] [--demag X] [--mode ZFC|FC] [--fc FILE] [--channel X] [--wavelength-a X] [--reference FILE] [--exo up|down] [--heating-rate-k-per-min X]',
    );
    expect(help()).toContain('  --mass-g X  sample mass (g); MAGNETIC, DSC');
    expect(help()).toContain('  XRD: X-ray diffraction — ');
    expect(help()).toContain('  --channel X  transport channel (1–4) for the headline metrics; RESISTANCE');
  });

  it('--channel N chooses the resistance channel', () => {
    expect(parseCli(['R.dat', '--channel', '2'], read)).toEqual({ file: 'R.dat', params: { fileName: 'R.dat', channel: 2 } });
    expect(() => parseCli(['R.dat', '--channel', 'two'], read)).toThrow(/--channel must be a number/);
  });

  it('reads numbers, choices and files into typed parameters', () => {
    const argv = ['dir/ZFC.dat', '--fc', 'FC.dat', '--mass-g', '0.0012', '--density-g-cm3', '5.9', '--demag', '0', '--exo', 'down', '--technique', 'magnetic'];
    expect(parseCli(argv, read)).toEqual({
      file: 'dir/ZFC.dat',
      params: { fileName: 'ZFC.dat', technique: 'MAGNETIC', massG: 0.0012, densityGCm3: 5.9, demagN: 0, exo: 'down', fc: files['FC.dat'] },
    });
    expect(parseCli(['a.xy', '--reference', 'ref.xy', '--wavelength-a', '1.5406'], read)).toEqual({
      file: 'a.xy',
      params: { fileName: 'a.xy', reference: files['ref.xy'], wavelengthA: 1.5406 },
    });
    expect(parseCli(['--help'], read)).toBe('help');
  });

  it('refuses what the registry does not accept, saying what would be', () => {
    const err = (argv: string[]): string => {
      try {
        parseCli(argv, read);
        return 'accepted';
      } catch (e) {
        return `${e instanceof UsageError ? 'usage' : 'other'}: ${(e as Error).message.split('\n')[0]}`;
      }
    };
    expect(err(['f', '--technique', 'toy'])).toBe('usage: --technique must be one of MAGNETIC, RESISTANCE, XRD, SAXS, DSC');
    expect(err(['f', '--mass-g', '1,2'])).toBe('usage: --mass-g must be a number, got "1,2"');
    expect(err(['f', '--exo', 'left'])).toBe('usage: --exo must be up or down');
    expect(err(['f', '--colour', 'red'])).toMatch(/^usage: Unknown option '--colour'/);
    expect(err([])).toMatch(/^usage: usage: analyze FILE/);
    expect(err(['f', '--fc', 'missing.dat'])).toBe('other: ENOENT: missing.dat');
  });

  it('a technique added to the registry brings its flag and --technique choice', () => {
    const registry = TECHNIQUE_REGISTRY.with(TOY);
    expect(usage(registry)).toContain('[--technique MAGNETIC|RESISTANCE|XRD|SAXS|DSC|TOY]');
    expect(usage(registry)).toMatch(/\[--offset-nm X\]$/);
    expect(parseCli(['s.txt', '--technique', 'toy', '--offset-nm=-2'], read, registry)).toEqual({
      file: 's.txt',
      params: { fileName: 's.txt', technique: 'TOY', offsetNm: -2 },
    });
  });
});
