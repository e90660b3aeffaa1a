import { Param, ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from './validation';

/** The `:id` route parameter, which must be a UUID (400 naming `id` otherwise, like any DTO field). */
export const IdParam = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') }));
