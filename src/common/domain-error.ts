/** Errors the services raise; mapped to HTTP in one place (AllExceptionsFilter). */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_LINEAGE'
  | 'ANNEAL_AT_OR_ABOVE_TG'
  | 'INVALID_CREDENTIALS'
  | 'APPEND_ONLY'
  | 'ASSIGNMENT_MISMATCH'
  | 'RATE_LIMITED'
  // Sample history (issue 11): physical order, guardrails, retractions.
  | 'ANNEAL_AT_OR_ABOVE_TX'
  | 'TREATMENT_ON_INGOT'
  | 'PERFORMED_AT_OUT_OF_RANGE'
  | 'NOT_RETRACTABLE'
  | 'OVERRIDE_NEEDS_PI'
  | 'NOT_YOURS'
  | 'ALREADY_RETRACTED'
  | 'RETRACTED'
  // Projects (issue 12.7): which project a new record goes to; records of one project stay together.
  | 'PROJECT_REQUIRED'
  | 'OTHER_PROJECT';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The request field at fault, named in the error body. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string, id: string, field = 'id'): DomainError => new DomainError('NOT_FOUND', `${entity} ${id} not found`, field);
