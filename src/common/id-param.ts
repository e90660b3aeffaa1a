import { Param, ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from './validation';

/** The `:id` route parameter, which must be a UUID (400 naming `id` otherwise, like any DTO field). */
export const IdParam = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') }));

/** Another UUID route parameter (`:stepId`, `:fileId`), 400 naming it when it is not a UUID. */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ exceptionFactory: () => fieldError(name, 'must be a UUID') }));
