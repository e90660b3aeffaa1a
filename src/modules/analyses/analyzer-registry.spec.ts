import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { TOY } from '../../../test/toy-technique/toy.technique';
import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';
import { ConditionsDto } from '../measurements/dto/create-measurement.dto';
import { analyzerFor, compareVersions, currentVersionOf } from './analyzer-registry';

describe('the technique registry', () => {
  it('maps each technique to its analyzer and knows the current versions', () => {
    const r = TECHNIQUE_REGISTRY;
    expect(analyzerFor(r, 'MAGNETIC')).toEqual({ name: 'magnetic', version: '1.3.0' });
    expect(r.ids.map((t) => currentVersionOf(r, analyzerFor(r, t).name))).toEqual(r.ids.map((t) => r.get(t).analyzer.version));
    expect(analyzerFor(r, 'RESISTANCE')).toEqual({ name: 'resistance', version: '1.1.0' });
    expect(currentVersionOf(r, 'toy')).toBeUndefined();
    expect(() => analyzerFor(r, 'TOY')).toThrow('technique TOY is not in this process');
    // The same reader over a registry with one more technique knows it: nothing else lists techniques.
    const withToy = r.with(TOY);
    expect([analyzerFor(withToy, 'TOY'), currentVersionOf(withToy, 'toy')]).toEqual([{ name: 'toy', version: '0.1.0' }, '0.1.0']);
    expect([compareVersions('1.0.0', '1.0.1'), compareVersions('1.10', '1.9'), compareVersions('2', '2.0.0')]).toEqual([-1, 1, 0]);
  });
});

describe('the measurement conditions the techniques read', () => {
  it('are all accepted by ConditionsDto (whitelisted, forbid unknown), so a new condition needs the DTO too', async () => {
    const conditions: Record<string, unknown> = { mode: 'ZFC' };
    for (const { spec } of TECHNIQUE_REGISTRY.parameters) {
      if (spec.kind === 'number' && spec.condition) conditions[spec.condition.key] = spec.condition.key === 'channel' ? 2 : 0.5;
      if (spec.kind === 'choice' && spec.condition) conditions[spec.condition.key] = spec.values[0];
    }
    const keys = Object.keys(conditions).sort();
    expect(keys).toEqual(['channel', 'demagN', 'densityGCm3', 'exo', 'fieldOe', 'heatingRateKPerMin', 'massMg', 'mode', 'wavelengthA']);
    // densityGCm3 is honoured when a row has it, but the API takes the density from the alloy, not the measurement.
    const viaApi = keys.filter((k) => k !== 'densityGCm3');
    const errors = await validate(plainToInstance(ConditionsDto, Object.fromEntries(viaApi.map((k) => [k, conditions[k]]))), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors.map((e) => e.property)).toEqual([]);
  });
});
