import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fieldError } from '../../common/validation';
import { Env } from '../../config/env';
import { AccountService } from './account.service';
import { AdminSetupService } from './admin-setup.service';
import { ApiTokensService } from './api-tokens.service';
import { AuthUser, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { AdminSetupDto, CreateApiTokenDto, LoginDto, RedeemPasswordResetDto } from './dto/auth.dto';
import { ApiTokenInfoResponse, ApiTokenResponse, LoginResponse, PasswordResetDoneResponse, MeResponse } from './dto/auth.responses';
import { sessionCookies } from './session-cookie';
import { UsersRepository } from '../users/users.repository';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly setup: AdminSetupService,
    private readonly tokens: ApiTokensService,
    private readonly account: AccountService,
    private readonly users: UsersRepository,
    private readonly env: Env,
  ) {}

  /** Signs in: the body carries a bearer JWT for scripts; the browser gets the httpOnly session cookie and the CSRF cookie. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const { sessionId: _, ...result } = await this.auth.login(dto.email, dto.password, req.ip);
    reply.header('set-cookie', sessionCookies(result.accessToken, result.csrfToken, this.env.JWT_TTL_S, this.env.NODE_ENV === 'production'));
    return result;
  }

  /** Ends the caller's session (its JWT and cookie stop working) and clears the cookies. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(user);
    reply.header('set-cookie', sessionCookies('', '', 0, this.env.NODE_ENV === 'production'));
  }

  /** Who the session or token belongs to (the web app asks after a reload). */
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    const row = await this.users.findById(user.id);
    return { id: user.id, email: user.email, name: row?.name ?? '', role: user.role, projects: [...user.projects] };
  }

  /** Sets the first administrator's password with the one-time token the API logged (production without ADMIN_PASSWORD). */
  @Public()
  @Post('setup')
  @HttpCode(201)
  completeSetup(@Body() dto: AdminSetupDto) {
    return this.setup.completeSetup(dto.token, dto.password);
  }

  /** Redeems a password reset an administrator issued (POST /api/users/:id/password-reset): once, before it expires. */
  @Public()
  @Post('password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetDoneResponse })
  redeemReset(@Body() dto: RedeemPasswordResetDto): Promise<PasswordResetDoneResponse> {
    return this.account.redeemReset(dto.token, dto.newPassword);
  }

  @ApiBearerAuth()
  @Post('tokens')
  @ApiCreatedResponse({ type: ApiTokenResponse })
  createToken(@Body() dto: CreateApiTokenDto, @CurrentUser() user: AuthUser): Promise<ApiTokenResponse> {
    return this.tokens.create(user, dto.name, dto.scope ?? 'READ', dto.expiresInDays);
  }

  /** The caller's own API tokens, without their secrets. */
  @ApiBearerAuth()
  @Get('tokens')
  @ApiOkResponse({ type: [ApiTokenInfoResponse] })
  listTokens(@CurrentUser() user: AuthUser): Promise<ApiTokenInfoResponse[]> {
    return this.tokens.list(user);
  }

  /** Revokes one of the caller's API tokens at once (404 for another user's). */
  @ApiBearerAuth()
  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  revokeToken(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') })) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.tokens.revoke(user, id);
  }
}
