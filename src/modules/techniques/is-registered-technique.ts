import { Inject, Injectable, Optional } from '@nestjs/common';
import { Validate, ValidatorConstraint, type ValidationArguments, type ValidationOptions, type ValidatorConstraintInterface } from 'class-validator';
import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';
import { TECHNIQUES, type Techniques } from './technique-registry';

/**
 * A technique id of the process's registry (TECHNIQUES), read when a request is validated, not
 * when the DTO class is defined: a registry extended with another technique accepts its id. The
 * API hands class-validator Nest's container (create-api-app.ts); validated elsewhere (a DTO
 * spec), the built-in registry applies.
 */
// Named like class-validator's IsIn, with its messages, so the error body is what IsIn gave (src/common/validation.ts words it).
@ValidatorConstraint({ name: 'isIn' })
@Injectable()
export class RegisteredTechniqueConstraint implements ValidatorConstraintInterface {
  constructor(@Optional() @Inject(TECHNIQUES) private readonly registry: Techniques = TECHNIQUE_REGISTRY) {}

  validate(value: unknown): boolean {
    return typeof value === 'string' && this.registry.has(value);
  }

  defaultMessage(args: ValidationArguments): string {
    const each = args.constraints?.[0] === 'each' ? 'each value in ' : '';
    return `${each}${args.property} must be one of the following values: ${this.registry.ids.join(', ')}`;
  }
}

/** The property (each element with `{ each: true }`) is a registered technique id. */
export const IsRegisteredTechnique = (options?: ValidationOptions): PropertyDecorator =>
  Validate(RegisteredTechniqueConstraint, options?.each ? ['each'] : [], options);
