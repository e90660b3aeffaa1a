import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { ProjectAccessModule } from './project-access.module';
import { ProjectsService } from './projects.service';

@Module({ imports: [ProjectAccessModule, AuditModule, UsersModule], providers: [ProjectsService], exports: [ProjectsService] })
export class ProjectsModule {}
