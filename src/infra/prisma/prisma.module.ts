import { Global, Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { PgPool } from './pg-pool';
import { PrismaService } from './prisma.service';

@Global()
@Module({ imports: [DatabaseModule], providers: [PrismaService, PgPool], exports: [PrismaService, PgPool] })
export class PrismaModule {}
