import type { Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { ApiModule } from '../apps/api/api.module';
import { openApiDocumentOffline } from '../apps/api/openapi';

type Schema = Record<string, unknown> & { items?: Schema; properties?: Record<string, Schema>; allOf?: Schema[]; $ref?: string };

/** The OpenAPI keyword each bounding constraint of class-validator (and src/common) is documented by. */
const KEYWORDS: Record<string, (constraints: unknown[]) => Record<string, unknown>> = {
  numberIn: ([min, max]) => ({ minimum: min, maximum: max }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  minLength: ([min]) => ({ minLength: min }),
  maxLength: ([max]) => ({ maxLength: max }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
};

/** Per property of a DTO class: what its validators bound, as OpenAPI keywords (`each` bounds apply to the items). */
function enforcedBounds(dto: Type<unknown>): Map<string, { own: Record<string, unknown>; items: Record<string, unknown> }> {
  const out = new Map<string, { own: Record<string, unknown>; items: Record<string, unknown> }>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const keyword = m.name ? KEYWORDS[m.name] : undefined;
    if (!keyword) continue;
    const entry = out.get(m.propertyName) ?? { own: {}, items: {} };
    Object.assign(m.each ? entry.items : entry.own, keyword(m.constraints as unknown[]));
    out.set(m.propertyName, entry);
  }
  return out;
}

const pick = (schema: Schema | undefined, keys: string[]) => Object.fromEntries(keys.map((k) => [k, schema?.[k]]));

/**
 * Issue 11: the schema the API documents is the one it enforces. For every DTO property with a
 * bound (a number range, a text length, a list size), in request bodies and in query strings,
 * the OpenAPI document carries the same minimum/maximum, minLength/maxLength, minItems/maxItems.
 */
describe('OpenAPI bounds follow the validators', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await openApiDocumentOffline();
  });

  const controllers = () => (ApiModule.forRoot().controllers ?? []) as Type<unknown>[];

  /** Body DTOs: the classes whose names are component schemas. */
  it('request bodies', () => {
    const schemas = doc.components?.schemas as Record<string, Schema>;
    const checked: string[] = [];
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const target of getMetadataStorage()['validationMetadatas'].keys() as Iterable<Type<unknown>>) {
      const schema = typeof target === 'function' ? schemas[target.name] : undefined;
      if (!schema) continue;
      for (const [property, bounds] of enforcedBounds(target)) {
        const documented = schema.properties?.[property];
        const key = `${target.name}.${property}`;
        checked.push(key);
        seen[key] = { ...pick(documented, Object.keys(bounds.own)), items: pick(documented?.items, Object.keys(bounds.items)) };
        expected[key] = { ...bounds.own, items: bounds.items };
      }
    }
    expect(seen).toEqual(expected);
    // The DTOs the issue named are among them.
    expect(checked).toEqual(
      expect.arrayContaining(['CreateIngotDto.massG', 'CreateUserDto.name', 'CreateApiTokenDto.expiresInDays', 'CreateShareLinkDto.expiresInDays']),
    );
  });

  /** Query DTOs: each route's `@Query()` class against its operation's parameters. */
  it('query strings', () => {
    const operations = new Map<string, { parameters?: { name: string; in: string; schema?: Schema }[] }>();
    for (const path of Object.values(doc.paths))
      for (const op of Object.values(path) as { operationId?: string; parameters?: { name: string; in: string; schema?: Schema }[] }[])
        if (op.operationId) operations.set(op.operationId, op);
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const controller of controllers()) {
      const proto = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(proto)) {
        if (method === 'constructor' || Reflect.getMetadata(METHOD_METADATA, proto[method] as object) === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', proto, method) ?? []) as Type<unknown>[];
        for (const [key, arg] of Object.entries(args)) {
          if (key.split(':')[0] !== String(RouteParamtypes.QUERY) || arg.data !== undefined) continue;
          const op = operations.get(`${controller.name}_${method}`);
          expect({ route: `${controller.name}_${method}`, documented: op !== undefined }).toEqual({ route: `${controller.name}_${method}`, documented: true });
          for (const [property, bounds] of enforcedBounds(types[arg.index])) {
            const documented = op?.parameters?.find((p) => p.in === 'query' && p.name === property)?.schema;
            const at = `${controller.name}_${method} ?${property}`;
            seen[at] = pick(documented, Object.keys(bounds.own));
            expected[at] = bounds.own;
          }
        }
      }
    }
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['SamplesController_list ?limit', 'AuditController_list ?limit']));
    expect(seen).toEqual(expected);
  });
});

/**
 * Issue 11: no request field is unbounded. Every text field has a maximum length (or is an id,
 * an enum value, an email address, a date), every number a range, every list a maximum size.
 */
describe('every request field is bounded', () => {
  /** Constraints that bound a value on their own (an id, an enum value, an email address is short by definition). */
  const BOUNDING = new Set(['maxLength', 'numberIn', 'max', 'isIn', 'isEnum', 'isUUID', 'isEmail', 'isDate', 'isBoolean', 'equals', 'isSingleLine']);
  const LIST_BOUND = 'arrayMaxSize';

  it('text, numbers and lists', async () => {
    await openApiDocumentOffline();
    const unbounded: string[] = [];
    for (const target of getMetadataStorage()['validationMetadatas'].keys() as Iterable<Type<unknown>>) {
      if (typeof target !== 'function' || !/Dto$/.test(target.name)) continue;
      const byProperty = new Map<string, { names: Set<string>; eachNames: Set<string> }>();
      for (const m of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
        const entry = byProperty.get(m.propertyName) ?? { names: new Set<string>(), eachNames: new Set<string>() };
        (m.each ? entry.eachNames : entry.names).add(m.name ?? m.type);
        byProperty.set(m.propertyName, entry);
      }
      for (const [property, { names, eachNames }] of byProperty) {
        const isList = names.has('isArray');
        if (isList && !names.has(LIST_BOUND)) unbounded.push(`${target.name}.${property}: a list without a maximum size`);
        const own = isList ? eachNames : names;
        const typed = ['isString', 'isNumber', 'isInt', 'numberIn'].some((n) => own.has(n) || names.has(n));
        const bounded = [...own, ...names].some((n) => BOUNDING.has(n) && n !== 'isSingleLine');
        if (typed && !bounded) unbounded.push(`${target.name}.${property}: ${isList ? 'items' : 'a value'} without a bound`);
        // An object is bounded by its own class (nested validation) or by a validator of its whole shape.
        if (names.has('isObject') && !['nestedValidation', 'isComposition', 'isPurities'].some((n) => names.has(n)))
          unbounded.push(`${target.name}.${property}: an object without a bound on its keys and values`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});
