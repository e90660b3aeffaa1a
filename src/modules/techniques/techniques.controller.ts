import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { describeTechniques } from '../../../libs/analysis/src/technique/describe';
import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';
import { TechniqueInfoResponse } from './dto/technique.responses';

/** The registry as readers see it; computed once (it changes only with a new build). */
const DESCRIBED = describeTechniques(TECHNIQUE_REGISTRY) as TechniqueInfoResponse[];

@ApiTags('techniques')
@ApiBearerAuth()
@Controller('techniques')
export class TechniquesController {
  @Get()
  @ApiOkResponse({ type: [TechniqueInfoResponse], description: 'every registered technique in registry order, with its modes and metric labels and units' })
  list(): TechniqueInfoResponse[] {
    return DESCRIBED;
  }
}
