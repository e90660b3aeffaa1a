import { IsIn, validate } from 'class-validator';
import { TECHNIQUE_IDS } from '../../../libs/analysis/src/techniques';
import { TOY_REGISTRY } from '../../../test/toy-technique/toy-registry';
import { IsRegisteredTechnique, RegisteredTechniqueConstraint } from './is-registered-technique';

class Registered {
  @IsRegisteredTechnique() technique!: string;
  @IsRegisteredTechnique({ each: true }) planned!: string[];
}

class Fixed {
  @IsIn(TECHNIQUE_IDS) technique!: string;
  @IsIn(TECHNIQUE_IDS, { each: true }) planned!: string[];
}

const errorsOf = async <T extends object>(o: T) => (await validate(o)).map((e) => [e.property, e.constraints]);

describe('IsRegisteredTechnique', () => {
  it('without Nest (a DTO validated on its own) checks the built-in registry, with the errors IsIn gave', async () => {
    const values = { technique: 'TOY', planned: ['XRD', 'NMR'] };
    const registered = await errorsOf(Object.assign(new Registered(), values));
    expect(registered).toEqual(await errorsOf(Object.assign(new Fixed(), values)));
    expect(registered[0][1]).toEqual({ isIn: 'technique must be one of the following values: MAGNETIC, RESISTANCE, XRD, SAXS, DSC' });
    expect(await errorsOf(Object.assign(new Registered(), { technique: 'SAXS', planned: ['DSC'] }))).toEqual([]);
  });

  it('reads the registry it is given when it validates, so an extended registry accepts its technique', () => {
    const args = { property: 'technique', constraints: [] } as never;
    const withToy = new RegisteredTechniqueConstraint(TOY_REGISTRY);
    expect([withToy.validate('TOY'), withToy.validate('NMR'), withToy.validate(3)]).toEqual([true, false, false]);
    expect(withToy.defaultMessage(args)).toBe('technique must be one of the following values: MAGNETIC, RESISTANCE, XRD, SAXS, DSC, TOY');
    expect(new RegisteredTechniqueConstraint().validate('TOY')).toBe(false);
  });
});
