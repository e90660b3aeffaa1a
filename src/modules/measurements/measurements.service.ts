import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, notFound } from '../../common/domain-error';
import { packContent, unpackContent } from '../../infra/file-store/stored-content';
import { Database } from '../../infra/database/database';
import { AnalysesRepository } from '../analyses/analyses.repository';
import { toRunView } from '../analyses/analyses.service';
import { AnalysisProducer } from '../analyses/analysis.producer';
import { analyzerFor } from '../analyses/analyzer-registry';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { assertVisible, canSee, seesAllProjects, type Viewer, visibleProjectIds } from '../projects/project-access';
import { SamplesService } from '../samples/samples.service';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import { CreateMeasurementDto } from './dto/create-measurement.dto';
import { MeasurementDetail, MeasurementsRepository } from './measurements.repository';

export interface UploadResult {
  fileId: string;
  sha256: string;
  analysisRunIds: string[];
  /** True when this measurement already had these exact bytes: nothing new was stored or queued. */
  duplicate: boolean;
  /** Measurements of other samples holding the same bytes (same SHA-256): usually an upload to the wrong piece. */
  alsoLinkedTo: { measurementId: string; sampleCode: string }[];
}

@Injectable()
export class MeasurementsService {
  constructor(
    private readonly measurements: MeasurementsRepository,
    private readonly producer: AnalysisProducer,
    private readonly samples: SamplesService,
    private readonly runs: AnalysesRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
    @Inject(TECHNIQUES) private readonly techniques: Techniques,
  ) {}

  async create(dto: CreateMeasurementDto, user: AuthUser) {
    // Not before the step that created the sample, not more than five minutes ahead.
    const { performedAt, sample } = await this.samples.checkedPerformedAt(dto.sampleId, dto.performedAt, user, 'sampleId');
    return this.db.transaction(async (trx) => {
      const m = await this.measurements.create(trx, {
        sampleId: dto.sampleId,
        technique: dto.technique,
        instrument: dto.instrument,
        conditions: { ...dto.conditions },
        performedAt,
        createdById: user.id,
      });
      await this.audit.record(
        trx,
        user.id,
        'measurement.create',
        'Measurement',
        m.id,
        { sampleId: dto.sampleId, technique: dto.technique, conditions: dto.conditions, performedAt },
        sample.projectId,
      );
      return m;
    });
  }

  /**
   * One upload in one transaction: the bytes (packed by packContent, stored once per SHA-256),
   * the measurement link, the QUEUED analysis run (unique per measurement, hash, analyzer,
   * version; marked published, as it is published right after commit) and the audit row.
   * Publishing happens after commit, and a failed publish is left to the sweeper
   * (publishCommitted). The same bytes twice on one measurement queue nothing new; the same bytes
   * on another sample's measurement are named in `alsoLinkedTo`.
   */
  async upload(measurementId: string, fileName: string, content: Uint8Array, user: AuthUser): Promise<UploadResult> {
    // Brotli runs on libuv's thread pool while this thread hashes.
    const packing = packContent(content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const packed = await packing;
    const stored = await this.db.transaction(async (trx) => {
      const target = await this.measurements.techniqueForUpload(trx, measurementId);
      if (!target || !canSee(user, target.projectId)) return undefined;
      if (target.retracted) {
        throw new DomainError('RETRACTED', `measurement ${measurementId} was retracted; log a new measurement and upload to it`, 'id');
      }
      const technique = target.technique;
      const sizeBytes = content.length;
      const fileId = await this.measurements.storeFile(trx, { sha256, sizeBytes, stored: packed });
      const linked = await this.measurements.link(trx, { measurementId, fileId, fileName, uploadedById: user.id });
      const { name, version } = analyzerFor(this.techniques, technique);
      const run = await this.runs.createOrGet(trx, { measurementId, fileId, fileSha256: sha256, analyzer: name, analyzerVersion: version, published: true });
      const alsoLinkedTo = await this.measurements.otherSampleLinks(trx, fileId, measurementId, visibleProjectIds(user));
      if (linked) {
        await this.audit.record(
          trx,
          user.id,
          'file.upload',
          'Measurement',
          measurementId,
          { fileId, sha256, fileName, sizeBytes, runId: run.id, ...(alsoLinkedTo.length > 0 ? { alsoLinkedTo } : {}) },
          target.projectId,
        );
      }
      return { fileId, runId: run.id, linked, created: run.created, alsoLinkedTo };
    });
    if (!stored) throw notFound('measurement', measurementId);
    if (stored.created) await this.producer.publishCommitted([stored.runId]);
    return { fileId: stored.fileId, sha256, analysisRunIds: [stored.runId], duplicate: !stored.linked, alsoLinkedTo: stored.alsoLinkedTo };
  }

  async get(id: string, viewer: Viewer) {
    const m = await this.measurements.detail(id);
    assertVisible(viewer, m?.projectId, 'measurement', id);
    return toDetailView(m);
  }

  /**
   * Every measurement of a sample with its files and their latest analyses (no curves), in one
   * response and a constant number of statements: a sample page with 20 measurements makes one
   * request for them instead of 20, and the API one round of queries instead of 20.
   */
  async forSample(sampleId: string, viewer: Viewer) {
    const chain = await this.samples.chainOrThrow(sampleId, viewer);
    // A measurement belongs to its sample's project: the same view as GET /api/measurements/:id.
    const { projectId } = chain[chain.length - 1];
    return (await this.measurements.detailsOfSample(sampleId)).map((m) => toDetailView({ ...m, projectId }));
  }

  /**
   * A file's bytes for download: as stored when they are brotli and the client takes brotli (no
   * work here, a quarter of the bytes on the wire), otherwise the original bytes.
   */
  async raw(fileId: string, acceptsBrotli: boolean, viewer: Viewer): Promise<{ fileName: string; sha256: string; body: Buffer; contentEncoding?: 'br' }> {
    // Bytes are stored once for every project that uploaded them; the caller sees them through a link in one of theirs.
    const link = (await this.measurements.fileLinks(fileId)).find((l) => canSee(viewer, l.projectId));
    if (!link && !seesAllProjects(viewer)) throw notFound('file', fileId);
    const stored = await this.measurements.stored(fileId);
    if (!stored) throw notFound('file', fileId);
    const fileName = link?.fileName ?? stored.fileName ?? `${fileId}.dat`;
    if (stored.encoding === 'br' && acceptsBrotli) return { fileName, sha256: stored.sha256, body: stored.content, contentEncoding: 'br' };
    return { fileName, sha256: stored.sha256, body: await unpackContent(stored) };
  }
}

/** The API's view of a measurement: its files, each with its latest analysis and the list of its runs. */
function toDetailView(m: MeasurementDetail & { projectId?: string }) {
  const { files, runs, retraction, ...rest } = m;
  return {
    ...rest,
    retracted: retraction !== null,
    retraction,
    files: files.map((f) => {
      const fileRuns = runs.filter((r) => r.fileId === f.file.id);
      return {
        fileId: f.file.id,
        fileName: f.fileName,
        sha256: f.file.sha256,
        sizeBytes: f.file.sizeBytes,
        uploadedAt: f.createdAt,
        retracted: f.retraction !== null,
        retraction: f.retraction,
        latestAnalysis: fileRuns[0] ? toRunView(fileRuns[0]) : null,
        analyses: fileRuns.map((r) => ({ id: r.id, analyzerVersion: r.analyzerVersion, status: r.status, createdAt: r.createdAt })),
      };
    }),
  };
}
