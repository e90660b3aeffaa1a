import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { fieldError } from '../../common/validation';
import { AccountService } from '../auth/account.service';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { ChangePasswordDto, CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { PasswordResetResponse, UserResponse } from './dto/user.responses';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@MinRole('ADMIN')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly account: AccountService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() dto: CreateUserDto, @CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.users.create(dto, user);
  }

  @Get()
  @ApiOkResponse({ type: [UserResponse] })
  list(): Promise<UserResponse[]> {
    return this.users.list();
  }

  /** Any signed-in user changes their own password; their other sessions end. */
  @MinRole('MEMBER')
  @Post('me/password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.account.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  update(@IdParam() id: string, @Body() dto: UpdateUserDto, @CurrentUser() user: AuthUser): Promise<UserResponse> {
    if (dto.role === undefined && dto.disabled === undefined && dto.name === undefined) throw fieldError('role', 'send at least one of role, disabled, name');
    return this.account.updateUser(user, id, dto);
  }

  /** A one-time reset secret for a user who forgot their password (shown once, valid 24 h). */
  @Post(':id/password-reset')
  @ApiCreatedResponse({ type: PasswordResetResponse })
  passwordReset(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<PasswordResetResponse> {
    return this.account.issueReset(user, id);
  }
}
