import { registerDecorator, ValidationOptions } from 'class-validator';

const ELEMENT = /^[A-Z][a-z]?$/;

/** Element symbols mapped to positive atomic percentages that add up to 100 (±0.5). */
export function IsComposition(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isComposition',
      target: object.constructor,
      propertyName,
      options: { message: 'composition must map element symbols to positive atomic % summing to 100', ...options },
      validator: {
        validate(value: unknown) {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          if (entries.length === 0) return false;
          if (!entries.every(([el, pct]) => ELEMENT.test(el) && typeof pct === 'number' && pct > 0)) return false;
          const total = entries.reduce((s, [, pct]) => s + (pct as number), 0);
          return Math.abs(total - 100) <= 0.5;
        },
      },
    });
}
