import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { describeTechniques } from '../../../libs/analysis/src/technique/describe';
import { TechniqueInfoResponse } from './dto/technique.responses';
import { TECHNIQUES, type Techniques } from './technique-registry';

@ApiTags('techniques')
@ApiBearerAuth()
@Controller('techniques')
export class TechniquesController {
  /** The registry as readers see it; described once (it is fixed for the process's life). */
  private readonly described: TechniqueInfoResponse[];

  constructor(@Inject(TECHNIQUES) techniques: Techniques) {
    this.described = describeTechniques(techniques) as TechniqueInfoResponse[];
  }

  @Get()
  @ApiOkResponse({ type: [TechniqueInfoResponse], description: 'every registered technique in registry order, with its modes and metric labels and units' })
  list(): TechniqueInfoResponse[] {
    return this.described;
  }
}
