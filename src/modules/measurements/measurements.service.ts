import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { createHash } from 'node:crypto';
import { notFound } from '../../common/domain-error';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { AnalysesRepository } from '../analyses/analyses.repository';
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
    private readonly runs: AnalysesRepository,
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
      await this.audit.record(tx, user.id, 'measurement.create', 'Measurement', m.id, { sampleId: dto.sampleId, technique: dto.technique, conditions: dto.conditions });
      return m;
    });
  }

  /**
   * Stores the bytes (deduplicated by SHA-256), links them to the measurement and creates the
   * QUEUED analysis run in one transaction; publishing to the queue happens after commit, and a
   * failed publish is left to the sweeper. The same bytes twice on one measurement queue nothing new.
   */
  async upload(measurementId: string, fileName: string, content: Uint8Array, user: AuthUser): Promise<UploadResult> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const analyzer = await this.prisma.$transaction(async (tx) => {
      const m = await this.measurements.find(measurementId, tx);
      if (!m) throw notFound('measurement', measurementId);
      const file = await this.measurements.storeFile(tx, sha256, content);
      const linked = await this.measurements.link(tx, measurementId, file.id, fileName, user.id);
      const { name, version } = ANALYZER_FOR[m.technique];
      const { run, created } = await this.runs.createOrGet(tx, { measurementId, fileId: file.id, fileSha256: sha256, analyzer: name, analyzerVersion: version });
      if (linked) await this.audit.record(tx, user.id, 'file.upload', 'Measurement', measurementId, { fileId: file.id, sha256, fileName, sizeBytes: content.length, runId: run.id });
      return { fileId: file.id, runId: run.id, created, linked };
    });
    if (analyzer.created) await this.producer.publish([analyzer.runId]);
    return { fileId: analyzer.fileId, sha256, analysisRunIds: [analyzer.runId], duplicate: !analyzer.linked };
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

  async raw(fileId: string) {
    const file = await this.measurements.raw(fileId);
    if (!file) throw notFound('file', fileId);
    return file;
  }
}
