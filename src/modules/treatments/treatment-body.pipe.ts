import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldError, VALIDATION_OPTIONS, validationException } from '../../common/validation';
import { TREATMENT_CLASSES, TREATMENT_KINDS, TreatmentDto } from './dto/treatment.dto';

/** Validates a treatment body against the DTO its `kind` names, so each kind accepts only its own fields. */
@Injectable()
export class TreatmentBodyPipe implements PipeTransform<unknown, Promise<TreatmentDto>> {
  async transform(body: unknown): Promise<TreatmentDto> {
    const kind = (body as { kind?: unknown } | null)?.kind;
    // Own keys only: "toString" or "__proto__" are `in` every object.
    if (typeof kind !== 'string' || !Object.hasOwn(TREATMENT_CLASSES, kind)) {
      throw fieldError('kind', `kind must be one of ${TREATMENT_KINDS.join(', ')}`);
    }
    const cls = TREATMENT_CLASSES[kind as keyof typeof TREATMENT_CLASSES] as new () => TreatmentDto;
    const dto = plainToInstance(cls, body as object);
    const errors = await validate(dto, VALIDATION_OPTIONS);
    if (errors.length > 0) throw validationException(errors);
    return dto;
  }
}
