import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocumentOffline } from '../apps/api/openapi';
import { TECHNIQUE_REGISTRY } from '../libs/analysis/src/techniques';
import { TOY_REGISTRY, TOY_REGISTRY_SOURCE } from './toy-technique/toy-registry';

/** Every `enum` list in the document that holds a technique id, with where it stands. */
function techniqueEnums(node: unknown, path: string, out: { path: string; values: unknown[] }[] = []): { path: string; values: unknown[] }[] {
  if (Array.isArray(node)) node.forEach((v, i) => techniqueEnums(v, `${path}[${i}]`, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' && Array.isArray(v) && v.includes('MAGNETIC')) out.push({ path, values: v });
      else techniqueEnums(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** The OpenAPI document's Technique enum is the registry's list, whichever registry the API loads. */
describe('OpenAPI Technique enum', () => {
  let builtIn: OpenAPIObject;
  let withToy: OpenAPIObject;

  beforeAll(async () => {
    builtIn = await openApiDocumentOffline();
    withToy = await openApiDocumentOffline(TOY_REGISTRY_SOURCE);
  });

  it('lists the built-in registry in registry order, in one shared schema', () => {
    expect(techniqueEnums(builtIn, '$')).toEqual([{ path: '$.components.schemas.Technique', values: [...TECHNIQUE_REGISTRY.ids] }]);
  });

  it('shows a technique added through the registry alone (the toy technique)', () => {
    expect(TOY_REGISTRY.ids).toContain('TOY');
    expect(techniqueEnums(withToy, '$')).toEqual([{ path: '$.components.schemas.Technique', values: [...TOY_REGISTRY.ids] }]);
  });
});
