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
    // Valid as sent on an La75Al25 piece (Tg 474 K, Tx 493 K), and never with an override: that is a PI's decision.
    examples: {
      anneal: {
        summary: 'anneal 5 min at 453 K (below Tg)',
        value: { kind: 'ANNEAL', targetK: 453, heatingRateKPerMin: 20, holdMin: 5, atmosphere: 'Ar', cooling: 'water quench' },
      },
      cryo: {
        summary: '27 cycles between 77 and 293 K',
        value: { kind: 'CRYO_CYCLE', lowK: 77, highK: 293, cycles: 27, dwellLowS: 60, dwellHighS: 60, media: 'liquid nitrogen / air' },
      },
      crystallize: { summary: 'crystallize 30 min at 513 K (above Tx)', value: { kind: 'CRYSTALLIZE', targetK: 513, holdMin: 30 } },
    },
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
