import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], providers: [UsersRepository, UsersService], exports: [UsersRepository, UsersService] })
export class UsersModule {}
