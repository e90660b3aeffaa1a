/**
 * Shorthands for documenting response bodies in the OpenAPI document. The web app's client is
 * generated from that document, so these schemas are its contract: a controller declares its
 * return type as one of the response classes, the compiler checks the service's value against it,
 * and a change the schema does not follow breaks the build rather than the browser.
 */
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/** A JSON object of any shape (parameters, metrics, conditions); typed `unknown` on the server side. */
export const JsonObject = (options: ApiPropertyOptions = {}) => ApiProperty({ type: 'object', additionalProperties: true, ...options } as ApiPropertyOptions);

/** An ISO-8601 timestamp (a Date on the server, a string on the wire). */
export const DateTime = (options: ApiPropertyOptions = {}) => ApiProperty({ type: String, format: 'date-time', ...options });

/** A number that may be null (a metric not measured, a mass not given). */
export const NullableNumber = (options: ApiPropertyOptions = {}) => ApiProperty({ type: Number, nullable: true, ...options });

/** A string that may be null. */
export const NullableString = (options: ApiPropertyOptions = {}) => ApiProperty({ type: String, nullable: true, ...options });

/** A map from string keys to numbers (minutes per anneal temperature, metric values). */
export const NumberMap = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, ...options } as ApiPropertyOptions);

/** Who retracted a record, when and why (retracted records stay in history, marked). */
export class RetractionResponse {
  @ApiProperty({ description: 'id of the user who retracted it' }) by!: string;
  @ApiProperty({ description: "the retractor's name, shown to whoever can see the record" }) byName!: string;
  @DateTime() at!: Date;
  @ApiProperty() reason!: string;
}

/** `retraction` of a record: null while it stands. */
export const RetractionField = () =>
  ApiProperty({ type: RetractionResponse, nullable: true, description: 'who retracted it, when and why; null while it stands' });
