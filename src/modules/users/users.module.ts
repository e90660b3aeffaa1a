import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProjectAccessModule } from '../projects/project-access.module';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule, ProjectAccessModule], providers: [UsersRepository, UsersService], exports: [UsersRepository, UsersService] })
export class UsersModule {}
