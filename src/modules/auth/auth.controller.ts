import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Public } from './auth.decorators';
import { AdminSetupService } from './admin-setup.service';
import { AuthService } from './auth.service';
import { AdminSetupDto, CreateApiTokenDto, LoginDto } from './dto/auth.dto';
import { ApiTokenResponse, LoginResponse } from './dto/auth.responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly setup: AdminSetupService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, req.ip);
  }

  /** Sets the first administrator's password with the one-time token the API logged (production without ADMIN_PASSWORD). */
  @Public()
  @Post('setup')
  @HttpCode(201)
  completeSetup(@Body() dto: AdminSetupDto) {
    return this.setup.completeSetup(dto.token, dto.password);
  }

  @ApiBearerAuth()
  @Post('tokens')
  @ApiCreatedResponse({ type: ApiTokenResponse })
  createToken(@Body() dto: CreateApiTokenDto, @CurrentUser() user: AuthUser): Promise<ApiTokenResponse> {
    return this.auth.createApiToken(user, dto.name);
  }
}
