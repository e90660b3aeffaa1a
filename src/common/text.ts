/**
 * Bounds on text request fields in one decorator, documented as enforced: `@TextIn(1, 200)` is
 * a string of 1–200 characters, and the OpenAPI schema says minLength 1, maxLength 200 (the
 * validator's limits are the documented ones; test/openapi-bounds.spec.ts compares them).
 * `singleLine` is for names (alloys, campaigns, users, tokens, instruments, file names): one line
 * of visible text, so a tab, a line break, NUL or any other control character is refused in
 * plain words rather than stored or silently stripped. Free text (notes, hypotheses, reasons) may
 * span lines; the JSON body parser refuses the other control characters there.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength, ValidateBy, ValidationOptions } from 'class-validator';

/** C0 controls (tab, line feed and carriage return included), DEL, C1 controls, and Unicode's line and paragraph separators. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const WHAT: Record<string, string> = {
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a line break',
  '\u2028': 'a line break',
  '\u2029': 'a line break',
  '\u0000': 'a NUL',
};

/** What keeps `value` from being one line of visible text, e.g. "a tab (U+0009) at character 5"; undefined when nothing does. */
export function controlCharacterIn(value: string): string | undefined {
  const m = NOT_ONE_LINE.exec(value);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `${WHAT[m[0]] ?? 'a control character'} (U+${code}) at character ${m.index + 1}`;
}

/** A string that is one line of visible text (see controlCharacterIn). */
export function IsSingleLine(validation: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && controlCharacterIn(v) === undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'the value'} must be one line of visible text; it holds ${typeof args?.value === 'string' ? controlCharacterIn(args.value) : 'something else'}`,
      },
    },
    validation,
  );
}

export interface TextInOptions {
  /** A name: one line of visible text (no tab, line break or other control character). */
  singleLine?: boolean;
}

/** Text of `min` to `max` characters, validated and documented (OpenAPI minLength/maxLength) alike; `min` 0 sets no lower bound. */
export function TextIn(min: number, max: number, options: TextInOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty(min > 0 ? { minLength: min, maxLength: max } : { maxLength: max }),
    IsString(),
    ...(min > 0 ? [MinLength(min)] : []),
    MaxLength(max),
    ...(options.singleLine ? [IsSingleLine()] : []),
  );
}
