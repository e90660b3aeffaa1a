import { Injectable } from '@nestjs/common';
import { AnalysisRun, DataFile, Measurement, Prisma } from '@prisma/client';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

export type MeasurementDetail = Measurement & {
  files: { fileName: string; createdAt: Date; file: Pick<DataFile, 'id' | 'sha256' | 'sizeBytes'> }[];
  runs: AnalysisRun[];
};

/** The only place that touches measurements, data_files and measurement_files. */
@Injectable()
export class MeasurementsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(db: Db, data: Prisma.MeasurementUncheckedCreateInput): Promise<Measurement> {
    return db.measurement.create({ data });
  }

  find(id: string, db: Db = this.prisma): Promise<Measurement | null> {
    return db.measurement.findUnique({ where: { id } });
  }

  detail(id: string): Promise<MeasurementDetail | null> {
    return this.prisma.measurement.findUnique({
      where: { id },
      include: { files: { select: { fileName: true, createdAt: true, file: { select: { id: true, sha256: true, sizeBytes: true } } }, orderBy: { createdAt: 'asc' } }, runs: { orderBy: { createdAt: 'desc' } } },
    });
  }

  /** Content-addressed store: the same bytes are kept once, whoever uploads them. */
  async storeFile(db: Db, sha256: string, content: Uint8Array): Promise<{ id: string; created: boolean }> {
    const existing = await db.dataFile.findUnique({ where: { sha256 }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    const created = await db.dataFile.create({ data: { sha256, sizeBytes: content.length, content: Buffer.from(content) }, select: { id: true } });
    return { id: created.id, created: true };
  }

  async link(db: Db, measurementId: string, fileId: string, fileName: string, uploadedById: string): Promise<boolean> {
    const existing = await db.measurementFile.findUnique({ where: { measurementId_fileId: { measurementId, fileId } } });
    if (existing) return false;
    await db.measurementFile.create({ data: { measurementId, fileId, fileName, uploadedById } });
    return true;
  }

  async raw(fileId: string): Promise<{ content: Uint8Array; fileName: string } | null> {
    const file = await this.prisma.dataFile.findUnique({ where: { id: fileId }, select: { content: true, measurements: { select: { fileName: true }, take: 1 } } });
    return file ? { content: file.content, fileName: file.measurements[0]?.fileName ?? `${fileId}.dat` } : null;
  }
}
