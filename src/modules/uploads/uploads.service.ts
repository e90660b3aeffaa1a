import { Inject, Injectable } from '@nestjs/common';
import { candidateCodes, proposeUpload, readUploadClues } from '../../../libs/analysis/src/upload-match';
import type { TechniqueId } from '../../../libs/analysis/src/techniques';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import { AuthUser } from '../auth/auth.decorators';
import { visibleProjectIds } from '../projects/project-access';
import { MatchUploadsDto } from './dto/match-uploads.dto';
import { UploadProposalResponse } from './dto/match-uploads.responses';
import { UploadsRepository } from './uploads.repository';

/**
 * Bulk upload, step one: propose where each file belongs. The client (the web app's bulk page,
 * vitrack-push, a script) then creates one measurement per file with POST /api/measurements and
 * uploads it with POST /api/measurements/:id/files, so every rule of those routes still applies.
 */
@Injectable()
export class UploadsService {
  constructor(
    private readonly repo: UploadsRepository,
    @Inject(TECHNIQUES) private readonly techniques: Techniques,
  ) {}

  /** Only samples of the caller's projects are proposed: another group's code reads as unknown. */
  async match(dto: MatchUploadsDto, user: AuthUser): Promise<UploadProposalResponse[]> {
    const clues = dto.files.map((f) => readUploadClues(this.techniques, f.fileName, new Uint8Array(Buffer.from(f.headBase64, 'base64'))));
    const ids = await this.repo.samplesByCode(candidateCodes(clues), visibleProjectIds(user));
    const existing = new Set(ids.keys());
    return clues.map((c) => {
      const p = proposeUpload(c, existing);
      return { ...p, technique: p.technique as TechniqueId | null, sampleId: p.sampleCode ? (ids.get(p.sampleCode) ?? null) : null };
    });
  }
}
