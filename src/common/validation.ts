import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { count } from './words';

export interface FieldError {
  field: string;
  messages: string[];
}

const TYPE_CONSTRAINTS = new Set(['isString', 'isNumber', 'isInt', 'isArray', 'isObject', 'isDate', 'isBoolean', 'nestedValidation']);

const lastNumber = (message: string): string => /(-?[\d.]+(?:e[+-]?\d+)?)\D*$/i.exec(message)?.[1] ?? '';

/**
 * class-validator's stock messages in plain words ("must be a number conforming to the specified
 * constraints" → "must be a number", "must be a Date instance" → "must be a date and time …"),
 * keyed by constraint; a message a DTO wrote itself is kept. `each` constraints keep their own.
 */
function plainMessage(constraint: string, message: string, field: string): string {
  if (message.startsWith('each value in')) return message;
  const n = lastNumber(message);
  switch (constraint) {
    case 'isNumber':
    case 'isNumberString':
      return /conforming to the specified constraints/.test(message) ? `${field} must be a number` : message;
    case 'isInt':
      return /must be an integer number/.test(message) ? `${field} must be a whole number` : message;
    case 'isPositive':
      return /must be a positive number/.test(message) ? `${field} must be greater than 0` : message;
    case 'min':
      return /must not be less than/.test(message) ? `${field} must be at least ${n}` : message;
    case 'max':
      return /must not be greater than/.test(message) ? `${field} must be at most ${n}` : message;
    case 'isDate':
      return /must be a Date instance/.test(message) ? `${field} must be a date and time, e.g. 2026-11-27T10:00:00Z` : message;
    case 'isString':
      return /must be a string/.test(message) ? `${field} must be text` : message;
    case 'minLength':
      return /must be longer than or equal to/.test(message) ? `${field} must be at least ${count(Number(n), 'character')} long` : message;
    case 'maxLength':
      return /must be shorter than or equal to/.test(message) ? `${field} must be at most ${count(Number(n), 'character')} long` : message;
    case 'arrayMinSize':
      return /must contain at least/.test(message) ? `${field} must hold at least ${count(Number(n), 'value')}` : message;
    case 'arrayMaxSize':
      return /must contain no more than/.test(message) ? `${field} must hold at most ${count(Number(n), 'value')}` : message;
    case 'arrayUnique':
      return /must not contain duplicate|all .* elements must be unique/i.test(message) ? `${field} must not repeat a value` : message;
    case 'isArray':
      return /must be an array/.test(message) ? `${field} must be a list` : message;
    case 'isObject':
      return /must be an object/.test(message) ? `${field} must be an object` : message;
    case 'isIn':
    case 'isEnum':
      return message.replace(/must be one of the following values: /, 'must be one of ');
    case 'nestedValidation':
      return `${field} must be an object`;
    case 'whitelistValidation':
      return `${field} is not a field of this request`;
    case 'unknownValue':
      return 'the body must be a JSON object';
    default:
      return message;
  }
}

/**
 * Flattens nested class-validator errors to dotted paths (`override.reason`, `levels.2`), in
 * plain words: a field left out is "<field> is required", once, not every rule it then breaks.
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property || 'body';
    const name = e.property || 'body';
    const constraints = Object.entries(e.constraints ?? {});
    const missing = (e.value === undefined || e.value === null) && constraints.length > 0 && !e.constraints?.whitelistValidation;
    // A value of the wrong type breaks every rule after it too: say only what type it must be.
    const typed = constraints.filter(([c]) => TYPE_CONSTRAINTS.has(c));
    const shown = typed.length > 0 ? typed : constraints;
    const messages = missing ? [`${name} is required`] : [...new Set(shown.map(([c, m]) => plainMessage(c, m, name)))];
    const own = constraints.length > 0 ? [{ field, messages }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): BadRequestException {
  const fields = flattenValidationErrors(errors);
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | '),
    field: fields[0]?.field,
    fields,
  });
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  exceptionFactory: validationException,
} as const;

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(VALIDATION_OPTIONS);
}

/** A 400 for a rule that spans fields (e.g. lowK < highK), in the same shape as DTO errors. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${message}`, field, fields: [{ field, messages: [message] }] });
}
