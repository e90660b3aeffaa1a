import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { createHash } from 'node:crypto';
import { notFound } from '../../common/domain-error';
import { packContent, unpackContent } from '../../infra/file-store/stored-content';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { toRunView } from '../analyses/analyses.service';
import { AnalysisProducer } from '../analyses/analysis.producer';
import { ANALYZER_FOR } from '../analyses/analyzer-registry';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { SamplesService } from '../samples/samples.service';
import { CreateMeasurementDto } from './dto/create-measurement.dto';
import { MeasurementsRepository } from './measurements.repository';

export interface UploadResult {
  fileId: string;
  sha256: string;
  analysisRunIds: string[];
  /** True when this measurement already had these exact bytes: nothing new was stored or queued. */
  duplicate: boolean;
}

@Injectable()
export class MeasurementsService {
  constructor(
    private readonly measurements: MeasurementsRepository,
    private readonly producer: AnalysisProducer,
    private readonly samples: SamplesService,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateMeasurementDto, user: AuthUser) {
    await this.samples.chainOrThrow(dto.sampleId).catch(() => {
      throw notFound('sample', dto.sampleId, 'sampleId');
    });
    return this.prisma.$transaction(async (tx) => {
      const m = await this.measurements.create(tx, {
        sampleId: dto.sampleId,
        technique: dto.technique,
        instrument: dto.instrument,
        conditions: { ...dto.conditions } as Prisma.InputJsonObject,
        performedAt: dto.performedAt ?? new Date(),
        createdById: user.id,
      });
      await this.audit.record(tx, user.id, 'measurement.create', 'Measurement', m.id, {
        sampleId: dto.sampleId,
        technique: dto.technique,
        conditions: dto.conditions,
      });
      return m;
    });
  }

  /**
   * Stores the bytes (packed by packContent, deduplicated by SHA-256), links them to the
   * measurement and creates the QUEUED analysis run in one transaction
   * (MeasurementsRepository.storeUpload); publishing to the queue happens after commit, and a
   * failed publish is left to the sweeper (publishCommitted). The same bytes twice on one
   * measurement queue nothing new.
   */
  async upload(measurementId: string, fileName: string, content: Uint8Array, user: AuthUser): Promise<UploadResult> {
    // Brotli runs on libuv's thread pool while this thread hashes.
    const packing = packContent(content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const packed = await packing;
    const stored = await this.measurements.storeUpload({
      measurementId,
      fileName,
      sha256,
      sizeBytes: content.length,
      stored: packed,
      uploadedById: user.id,
      analyzerFor: (t) => ANALYZER_FOR[t],
    });
    if (!stored) throw notFound('measurement', measurementId);
    if (stored.created) await this.producer.publishCommitted([stored.runId]);
    return { fileId: stored.fileId, sha256, analysisRunIds: [stored.runId], duplicate: !stored.linked };
  }

  async get(id: string) {
    const m = await this.measurements.detail(id);
    if (!m) throw notFound('measurement', id);
    const { files, runs, ...rest } = m;
    return {
      ...rest,
      files: files.map((f) => {
        const fileRuns = runs.filter((r) => r.fileId === f.file.id);
        return {
          fileId: f.file.id,
          fileName: f.fileName,
          sha256: f.file.sha256,
          sizeBytes: f.file.sizeBytes,
          uploadedAt: f.createdAt,
          latestAnalysis: fileRuns[0] ? toRunView(fileRuns[0]) : null,
          analyses: fileRuns.map((r) => ({ id: r.id, analyzerVersion: r.analyzerVersion, status: r.status, createdAt: r.createdAt })),
        };
      }),
    };
  }

  /**
   * A file's bytes for download: as stored when they are brotli and the client takes brotli (no
   * work here, a quarter of the bytes on the wire), otherwise the original bytes.
   */
  async raw(fileId: string, acceptsBrotli: boolean): Promise<{ fileName: string; sha256: string; body: Buffer; contentEncoding?: 'br' }> {
    const stored = await this.measurements.stored(fileId);
    if (!stored) throw notFound('file', fileId);
    const fileName = stored.fileName ?? `${fileId}.dat`;
    if (stored.encoding === 'br' && acceptsBrotli) return { fileName, sha256: stored.sha256, body: stored.content, contentEncoding: 'br' };
    return { fileName, sha256: stored.sha256, body: await unpackContent(stored) };
  }
}
