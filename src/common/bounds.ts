/**
 * Physical bounds on numeric request fields, in one decorator with plain-word messages:
 * "massG must be between 0.001 and 1000 (g)", "melts must be a whole number". A field without
 * bounds would store anything (an ingot of 1e308 g was stored, as NULL). The same bounds go into
 * the OpenAPI schema (minimum, maximum; integer for whole numbers), so the documented limits are
 * the enforced ones (test/openapi-bounds.spec.ts compares every bounded field).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

export interface NumberInOptions {
  /** Whole numbers only (counts, cycles). */
  integer?: boolean;
  /** Checks each element of an array field instead. */
  each?: boolean;
}

const isIn = (v: unknown, min: number, max: number, integer: boolean): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));

/** The one message for a value outside [min, max] (or not a number at all). */
export function boundsMessage(field: string, value: unknown, min: number, max: number, unit: string, integer = false): string {
  if (value === undefined || value === null) return `${field} is required`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${field} must be a number`;
  if (integer && !Number.isInteger(value)) return `${field} must be a whole number`;
  return `${field} must be between ${min} and ${max}${unit ? ` (${unit})` : ''}`;
}

/** A finite number in [min, max] (inclusive), in `unit`; whole with `integer`. */
export function NumberIn(min: number, max: number, unit: string, options: NumberInOptions = {}, validation: ValidationOptions = {}): PropertyDecorator {
  const integer = options.integer ?? false;
  const schema = { type: integer ? ('integer' as const) : ('number' as const), minimum: min, maximum: max };
  return applyDecorators(
    ApiProperty(options.each ? { type: [Number], items: schema } : schema),
    ValidateBy(
      {
        name: 'numberIn',
        constraints: [min, max, unit],
        validator: {
          validate: (v: unknown) => isIn(v, min, max, integer),
          defaultMessage: (args?: ValidationArguments) => {
            const field = args?.property ?? 'value';
            return options.each
              ? `each value in ${field}: ${boundsMessage('it', args?.value, min, max, unit, integer)}`
              : boundsMessage(field, args?.value, min, max, unit, integer);
          },
        },
      },
      { ...validation, each: options.each },
    ),
  );
}
