import { magneticCampaign } from '../../../libs/instruments/src/campaign';
import { RUNAWAY_REGISTRY_SOURCE } from '../../../test/toy-technique/runaway-registry';
import { greedyFile, stuckFile } from '../../../test/toy-technique/runaway.techniques';
import { TOY_REGISTRY_SOURCE } from '../../../test/toy-technique/toy-registry';
import { writeToyFile } from '../../../test/toy-technique/toy.technique';
import { loadEnv } from '../../config/env';
import { BUILT_IN_TECHNIQUES, type TechniqueRegistrySource } from '../techniques/technique-registry';
import { AnalysisLimitError, AnalysisPool } from './analysis-pool';

/** The analysis threads: limits end a run with a readable reason, and a fresh thread takes the next one. */
describe('AnalysisPool', () => {
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];
  const small = new Uint8Array(Buffer.from(item.zfc.text));
  const smallParams = { technique: 'MAGNETIC' as const, massG: item.massMg / 1000, densityGCm3: 5.9 };
  // STUCK's analysis never ends (test/toy-technique/runaway.techniques.ts), so only the limit can stop it.
  const stuck = stuckFile();
  // The time limit of the specs that stop `stuck`: the small file's analysis must fit in it on a machine
  // whose cores are busy with other work (a 0.3 s limit did not: the small file was stopped too).
  const LIMIT_S = '3';
  const pools: AnalysisPool[] = [];
  const pool = (vars: Record<string, string>, techniques: TechniqueRegistrySource = RUNAWAY_REGISTRY_SOURCE) => {
    const p = new AnalysisPool(loadEnv({ WORKER_CONCURRENCY: '1', ...vars }), techniques);
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.onApplicationShutdown())));

  it('returns the library result as plain data, error codes included', async () => {
    const p = pool({});
    const good = await p.analyze(small, smallParams);
    expect(good.ok).toBe(true);
    expect(await p.analyze(new Uint8Array(0), {})).toEqual({ ok: false, error: { code: 'EMPTY_FILE', message: 'the file is empty' } });
  });

  it('analyses with the registry it was given: the built-in one does not know the toy technique, a registry with it does', async () => {
    const toyFile = writeToyFile({ peakNm: 532, areaCountsNm: 100 });
    expect(await pool({}, BUILT_IN_TECHNIQUES).analyze(toyFile, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FORMAT' } });
    const found = await pool({}, TOY_REGISTRY_SOURCE).analyze(toyFile, {});
    expect(found).toMatchObject({ ok: true, value: { technique: 'TOY', analyzer: 'toy', analyzerVersion: '0.1.0', metrics: { peakNm: 532, resolved: true } } });
  });

  it('stops an analysis past ANALYSIS_TIMEOUT_S, then analyses the next file in a fresh thread', async () => {
    const p = pool({ ANALYSIS_TIMEOUT_S: LIMIT_S });
    const err = await p.analyze(stuck, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnalysisLimitError);
    expect(err).toMatchObject({ code: 'ANALYSIS_TIMEOUT', message: `the analysis took longer than ${LIMIT_S} s and was stopped` });
    expect((await p.analyze(small, smallParams)).ok).toBe(true);
  });

  it('stops an analysis past ANALYSIS_MAX_MEMORY_MB, then analyses the next file in a fresh thread', async () => {
    // GREEDY allocates until stopped; the time limit only stops a regression early (the bound, not the clock, must stop it).
    const p = pool({ ANALYSIS_MAX_MEMORY_MB: '64', ANALYSIS_TIMEOUT_S: '20' });
    const err = await p.analyze(greedyFile(), {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ANALYSIS_OUT_OF_MEMORY', message: 'the analysis needed more than 64 MB and was stopped' });
    expect((await p.analyze(small, smallParams)).ok).toBe(true);
  });

  it('runs analyses side by side up to WORKER_CONCURRENCY, a stopped one leaving the other untouched', async () => {
    const p = pool({ WORKER_CONCURRENCY: '2', ANALYSIS_TIMEOUT_S: LIMIT_S });
    const [stopped, fine] = await Promise.allSettled([p.analyze(stuck, {}), p.analyze(small, smallParams)]);
    expect(stopped).toMatchObject({ status: 'rejected', reason: { code: 'ANALYSIS_TIMEOUT' } });
    expect(fine).toMatchObject({ status: 'fulfilled', value: { ok: true } });
  });
});
