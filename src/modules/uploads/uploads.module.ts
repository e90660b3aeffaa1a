import { Module } from '@nestjs/common';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

@Module({ providers: [UploadsRepository, UploadsService], exports: [UploadsService] })
export class UploadsModule {}
