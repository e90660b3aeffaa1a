import { simulatePpmsChannels, type PpmsChannelsOptions } from '../../../instruments/src/ppms-channels';
import { analyzeFile } from '../analyze-file';
import { parametersFromConditions } from '../technique/parameters';
import type { ChannelSummary } from './analyze-resistance';
import { RESISTANCE } from './resistance.technique';

/**
 * Multi-channel PPMS files through the production path (bytes → detection → MultiVu parser →
 * analyzer): a coarse 2–300 K run with no points between 12 and 166 K, four channels — the glass
 * ribbon (Tc 3.6 K), a crystalline-like film (Tc 9 K, 0.6 K wide, positive and curved R_n(T), whose
 * only normal points below the gap are at 10 and 12 K), a piece superconducting over the whole
 * scan, and an unwired channel.
 */
const STUDY: PpmsChannelsOptions = {
  seed: 3,
  gapK: [12, 166],
  coarseStepK: 2,
  fineSpanK: 0.6,
  fineStepK: 0.01,
  channels: [
    {},
    { model: { tc0K: 9, width0K: 0.6, tcrPerK: 3e-3, tcr2PerK2: 3e-5, normalOhm4K: 2 } },
    { model: { tc0K: 400, hc2ZeroT: 1000 } },
    { empty: true },
  ],
};

function run(opts: PpmsChannelsOptions, params: { channel?: number } = {}) {
  const file = simulatePpmsChannels(opts);
  return { file, res: analyzeFile(new TextEncoder().encode(file.text), { fileName: file.fileName, ...params }) };
}

const channelsOf = (metrics: Record<string, unknown>): ChannelSummary[] => metrics.channels as ChannelSummary[];

describe('resistance: every channel of a PPMS file, on a coarse run with a gap', () => {
  it('analyses channels 1–3, reports each, and takes the headline from the first channel with data', () => {
    const { file, res } = run(STUDY);
    if (!res.ok) throw res.error;
    const { metrics, warnings, analyzerVersion } = res.value;
    expect(analyzerVersion).toBe('1.1.0');
    expect(metrics.channel).toBe(1);
    expect(metrics.channelName).toBe('Bridge 1 Resistance');
    expect(Math.abs((metrics.tcK as number) - 3.6)).toBeLessThan(0.005);
    const [ch1, ch2, ch3, ...rest] = channelsOf(metrics);
    expect(rest).toEqual([]);
    expect(ch1).toMatchObject({ channel: 1, name: 'Bridge 1 Resistance', unit: 'Ohms', tcrSign: -1 });
    expect(Math.abs(ch1.tcK! - file.truth[0].tcK!)).toBeLessThan(0.005);
    // The gap case: the normal state is the 10 and 12 K points, not a line from 166–170 K.
    expect(Math.abs(ch2.tcK! - file.truth[1].tcK!)).toBeLessThan(0.005);
    expect(Math.abs(ch2.width1090K! / file.truth[1].width1090K! - 1)).toBeLessThan(0.05);
    expect(ch2.tcrSign).toBe(1);
    expect(ch2.error).toBeNull();
    expect(ch3).toMatchObject({ channel: 3, tcK: null, width1090K: null });
    expect(ch3.error).toMatch(/^no normal state in this scan/);
    expect(file.truth[2].tcK).toBeNull();
    expect(warnings[0]).toMatch(/^headline metrics from channel 1 \(Bridge 1 Resistance\), the first channel with data; channels with data: 1, 2, 3/);
    expect(warnings.join('\n')).toMatch(/channel 3 \(Bridge 3 Resistance\): no normal state in this scan/);
  });

  it('the channel parameter (condition `channel`, CLI --channel N) chooses the headline', () => {
    expect(parametersFromConditions(RESISTANCE.parameters, { channel: 2 })).toEqual({ channel: 2 });
    const { file, res } = run(STUDY, { channel: 2 });
    if (!res.ok) throw res.error;
    expect(res.value.metrics.channel).toBe(2);
    expect(Math.abs((res.value.metrics.tcK as number) - file.truth[1].tcK!)).toBeLessThan(0.005);
    expect(res.value.warnings[0]).toMatch(/channel 2 \(Bridge 2 Resistance\), as asked/);
    expect(res.value.curves?.['R(T) 0 T'].yLabel).toBe('Bridge 2 Resistance');
    expect(res.value.curves?.['R(T) 0 T, channel 1'].yLabel).toBe('Bridge 1 Resistance');
  });

  it('a chosen channel that is superconducting over the whole scan fails with "no normal state in this scan"', () => {
    const { res } = run(STUDY, { channel: 3 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('NO_TRANSITION');
    expect(res.error.message).toMatch(/^channel 3 \(Bridge 3 Resistance\): no normal state in this scan/);
  });

  it('a chosen channel without data is a missing parameter naming the channels that have data', () => {
    const { res } = run(STUDY, { channel: 4 });
    expect(res.ok ? 'ok' : `${res.error.code}: ${res.error.message}`).toBe(
      'MISSING_PARAMETER: channel 4 has no data in this file (channels with data: 1, 2, 3)',
    );
  });

  it('a file whose only channel is superconducting throughout fails with the same reason', () => {
    const { res } = run({ ...STUDY, channels: [{ model: { tc0K: 400, hc2ZeroT: 1000 } }] });
    expect(res.ok ? 'ok' : res.error.message).toMatch(/^no normal state in this scan/);
  });

  it('reads the Electrical Transport Option layout (`Resistance ChN (Ohms)`) at several fields', () => {
    const { file, res } = run({ ...STUDY, layout: 'eto', fieldsT: [0, 0.5, 1], channels: [{ empty: true }, {}, STUDY.channels[1]] });
    if (!res.ok) throw res.error;
    const { metrics } = res.value;
    expect(metrics.channel).toBe(2);
    expect(metrics.channelName).toBe('Resistance Ch2');
    const [ch2, ch3] = channelsOf(metrics);
    expect([ch2.channel, ch3.channel]).toEqual([2, 3]);
    expect(Math.abs(ch2.tcK! - file.truth[1].tcK!)).toBeLessThan(0.005);
    expect(Math.abs(ch3.tcK! - file.truth[2].tcK!)).toBeLessThan(0.005);
    expect((metrics.hc2Points as unknown[]).length).toBe(3);
  });
});
