import { Injectable } from '@nestjs/common';
import { crossTechniqueOfRuns, type CrossTechnique, type StoredRun } from '../../../libs/analysis/src/cross-technique/index';
import type { Viewer } from '../projects/project-access';
import { SamplesService } from '../samples/samples.service';
import { MeasurementsRepository } from './measurements.repository';

const modeOf = (conditions: unknown): StoredRun['mode'] => {
  const mode = conditions && typeof conditions === 'object' ? (conditions as { mode?: unknown }).mode : undefined;
  return mode === 'ZFC' || mode === 'FC' ? mode : null;
};

/**
 * A sample's resistance against its χ (libs/analysis/src/cross-technique): the newest successful
 * ZFC magnetic and resistance runs of its measurements, retracted measurements and file links left
 * out, as the campaign report reads them.
 */
@Injectable()
export class CrossTechniqueService {
  constructor(
    private readonly samples: SamplesService,
    private readonly measurements: MeasurementsRepository,
  ) {}

  /** 404 for a sample of a project `viewer` is not in. */
  async forSample(sampleId: string, viewer: Viewer): Promise<CrossTechnique> {
    await this.samples.chainOrThrow(sampleId, viewer);
    // Four statements whatever the number of measurements (not four per measurement).
    const details = await this.measurements.detailsOfSample(sampleId);
    const runs: StoredRun[] = [];
    for (const m of details) {
      if (m.retraction !== null) continue;
      const live = new Set(m.files.filter((f) => f.retraction === null).map((f) => f.file.id));
      for (const r of m.runs) {
        if (r.status !== 'SUCCEEDED' || !live.has(r.fileId)) continue;
        runs.push({
          technique: m.technique,
          mode: modeOf(m.conditions),
          runId: r.id,
          analyzer: r.analyzer,
          analyzerVersion: r.analyzerVersion,
          metrics: r.metrics,
          createdAt: r.queuedAt,
        });
      }
    }
    return crossTechniqueOfRuns(runs);
  }
}
