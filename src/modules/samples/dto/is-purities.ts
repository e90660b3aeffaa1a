import { registerDecorator, ValidationOptions } from 'class-validator';
import { controlCharacterIn } from '../../../common/text';

const ELEMENT = /^[A-Z][a-z]?$/;
export const PURITIES_MAX_ELEMENTS = 20;
export const PURITY_MAX_LENGTH = 40;

/**
 * Element symbols mapped to a short purity text ("99.9 %"): at most 20 elements, each text one
 * line of at most 40 characters. Without a bound, any object up to the body limit was stored in
 * the ingot's arc-melt step, which can never be deleted.
 */
export function IsPurities(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPurities',
      target: object.constructor,
      propertyName,
      options: {
        message: `purities must map at most ${PURITIES_MAX_ELEMENTS} element symbols (e.g. La) to a purity of 1 to ${PURITY_MAX_LENGTH} characters on one line (e.g. "99.9 %")`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length <= PURITIES_MAX_ELEMENTS &&
            entries.every(
              ([el, purity]) =>
                ELEMENT.test(el) &&
                typeof purity === 'string' &&
                purity.trim() !== '' &&
                purity.length <= PURITY_MAX_LENGTH &&
                controlCharacterIn(purity) === undefined,
            )
          );
        },
      },
    });
}
