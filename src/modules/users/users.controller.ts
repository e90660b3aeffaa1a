import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { CreateUserDto } from './dto/create-user.dto';
import { UserResponse } from './dto/user.responses';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@MinRole('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
}
