import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { AnnealDto, CryoCycleDto, CrystallizeDto, TreatmentDto } from './dto/treatment.dto';
import { TreatmentResponse } from './dto/treatment.responses';
import { TreatmentBodyPipe } from './treatment-body.pipe';
import { TreatmentsService } from './treatments.service';

@ApiTags('samples')
@ApiBearerAuth()
@ApiExtraModels(AnnealDto, CryoCycleDto, CrystallizeDto)
@Controller('samples')
export class TreatmentsController {
  constructor(private readonly treatments: TreatmentsService) {}

  @Post(':id/treatments')
  @ApiBody({
    schema: {
      oneOf: [getSchemaPath(AnnealDto), getSchemaPath(CryoCycleDto), getSchemaPath(CrystallizeDto)].map(($ref) => ({ $ref })),
      // With the mapping, generated clients know `kind` is ANNEAL, not the schema's name.
      discriminator: {
        propertyName: 'kind',
        mapping: { ANNEAL: getSchemaPath(AnnealDto), CRYO_CYCLE: getSchemaPath(CryoCycleDto), CRYSTALLIZE: getSchemaPath(CrystallizeDto) },
      },
    },
  })
  @ApiCreatedResponse({ type: TreatmentResponse })
  apply(@IdParam() id: string, @Body(TreatmentBodyPipe) dto: TreatmentDto, @CurrentUser() user: AuthUser): Promise<TreatmentResponse> {
    return this.treatments.apply(id, dto, user);
  }
}
