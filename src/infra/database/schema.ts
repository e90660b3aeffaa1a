/**
 * The database's tables and enums as TypeScript types, generated from prisma/schema.prisma by
 * prisma-kysely on `prisma generate` (postinstall). Prisma stays the schema and migration source
 * of truth; the rest of the code imports row types and enums from here, never from generated/.
 */
import type { Insertable, Selectable } from 'kysely';
import type { AnalysisRun, Campaign, DataFile, Measurement, ProcessStep, Sample, User } from './generated/tables';

export * from './generated/enums';
/**
 * A technique column holds a registered technique id (libs/analysis/src/techniques.ts) as text, not
 * a database enum: the API validates techniques against the registry before they are stored, and
 * repositories read the columns as this type.
 */
export type { TechniqueId as Technique } from '../../../libs/analysis/src/techniques';
export type { DB } from './generated/tables';

export type SampleRow = Selectable<Sample>;
export type ProcessStepRow = Selectable<ProcessStep>;
export type MeasurementRow = Selectable<Measurement>;
export type AnalysisRunRow = Selectable<AnalysisRun>;
export type CampaignRow = Selectable<Campaign>;
export type DataFileRow = Selectable<DataFile>;
export type UserRow = Selectable<User>;

export type NewSample = Insertable<Sample>;
export type NewMeasurement = Insertable<Measurement>;
export type NewAnalysisRun = Insertable<AnalysisRun>;
