import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { Env } from '../../config/env';
import { AuditModule } from '../audit/audit.module';
import { ProjectAccessModule } from '../projects/project-access.module';
import { UsersModule } from '../users/users.module';
import { AccountService } from './account.service';
import { AdminSetupService } from './admin-setup.service';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { SessionRevocations } from './session-revocations';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [
    UsersModule,
    AuditModule,
    ProjectAccessModule,
    JwtModule.registerAsync({
      inject: [Env],
      // One algorithm on both sides: a token naming HS384/HS512 or `none` is refused whatever its signature.
      useFactory: (env: Env) => ({
        secret: createSecretKey(Buffer.from(env.JWT_SECRET)),
        signOptions: { algorithm: 'HS256', expiresIn: env.JWT_TTL_S },
        verifyOptions: { algorithms: ['HS256'], maxAge: env.JWT_TTL_S },
      }),
    }),
  ],
  providers: [
    AuthService,
    AuthGuard,
    AdminSetupService,
    LoginLimiter,
    SessionRevocations,
    SessionsRepository,
    ApiTokensRepository,
    ApiTokensService,
    AccountService,
  ],
  exports: [AuthService, AuthGuard, AdminSetupService, ApiTokensService, AccountService],
})
export class AuthModule {}
