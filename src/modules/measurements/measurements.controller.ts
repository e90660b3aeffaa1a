import { Body, Controller, Get, HttpCode, PayloadTooLargeException, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParam } from '../../common/id-param';
import { Semaphore } from '../../common/semaphore';
import { fieldError } from '../../common/validation';
import { Env } from '../../config/env';
import { AuthUser, CurrentUser, UploadScope } from '../auth/auth.decorators';
import { CrossTechniqueResponse } from '../reports/dto/cross-technique.response';
import { CrossTechniqueService } from './cross-technique.service';
import { CreateMeasurementDto } from './dto/create-measurement.dto';
import { MeasurementDetailResponse, MeasurementResponse, UploadResponse } from './dto/measurement.responses';
import { contentDisposition, storableFileName } from './file-name';
import { MeasurementsService } from './measurements.service';
import { acceptsEncoding, matchesEtag } from './http-headers';

/** What a multipart upload may carry besides the file: a few short text fields, their headers, the boundaries. */
const MULTIPART_LIMITS = { fields: 8, fieldSize: 4096, parts: 9, headerPairs: 64 };
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads the multipart field `file` as a stream, refusing the request (413) past the configured
 * size over all of it: a declared Content-Length at once, text fields by count and size (busboy
 * buffers fields, which let a 200 MB request through before), the file part as it streams.
 */
async function readUpload(req: FastifyRequest, limitBytes: number): Promise<{ fileName: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw fieldError('file', 'send the file as multipart/form-data in the field "file"');
  const declared = Number(req.headers['content-length']);
  if (declared > limitBytes + MULTIPART_OVERHEAD_BYTES) {
    throw new PayloadTooLargeException({ message: `the request exceeds the upload limit of ${limitBytes} bytes`, field: 'file' });
  }
  const part = await req.file({ limits: { ...MULTIPART_LIMITS, fileSize: limitBytes, files: 1 } });
  // The multipart parser drops a part whose file name holds a line break (RFC 5987 `filename*=…%0A`) before we see it.
  if (!part || part.fieldname !== 'file')
    throw fieldError('file', 'the multipart field "file" is missing (a file whose name holds a line break is dropped as unreadable: rename it)');
  let fileName: string;
  try {
    fileName = storableFileName(part.filename);
  } catch (e) {
    // The request must be read to its end before the answer goes out; the bytes are dropped as they come.
    for await (const _chunk of part.file) void _chunk;
    throw e;
  }
  // One buffer of the declared size, filled as the bytes come: Buffer.concat of the chunks held the file twice at its end.
  let bytes = Buffer.allocUnsafe(Math.min(Number.isFinite(declared) && declared > 0 ? declared : 1 << 20, limitBytes + 1));
  let length = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    if (length + chunk.length > bytes.length) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(bytes.length * 2, length + chunk.length), limitBytes + MULTIPART_OVERHEAD_BYTES));
      bytes.copy(grown, 0, 0, length);
      bytes = grown;
    }
    chunk.copy(bytes, length);
    length += chunk.length;
  }
  if (part.file.truncated) throw new PayloadTooLargeException({ message: `the file exceeds the upload limit of ${limitBytes} bytes`, field: 'file' });
  bytes = bytes.subarray(0, length);
  if (bytes.length === 0) throw fieldError('file', 'the file is empty');
  return { fileName, bytes };
}

@ApiTags('measurements')
@ApiBearerAuth()
@Controller()
export class MeasurementsController {
  constructor(
    private readonly measurements: MeasurementsService,
    private readonly crossTechniques: CrossTechniqueService,
    private readonly env: Env,
  ) {
    this.uploadGate = new Semaphore(env.UPLOAD_CONCURRENCY);
  }

  private readonly uploadGate: Semaphore;

  @UploadScope()
  @Post('measurements')
  @ApiCreatedResponse({ type: MeasurementResponse })
  create(@Body() dto: CreateMeasurementDto, @CurrentUser() user: AuthUser): Promise<MeasurementResponse> {
    return this.measurements.create(dto, user);
  }

  @UploadScope()
  @Post('measurements/:id/files')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: UploadResponse })
  async upload(@IdParam() id: string, @Req() req: FastifyRequest, @CurrentUser() user: AuthUser): Promise<UploadResponse> {
    // Read and stored UPLOAD_CONCURRENCY at a time: the bytes of the others wait on the network, not in memory.
    return this.uploadGate.run(async () => {
      const { fileName, bytes } = await readUpload(req, this.env.UPLOAD_LIMIT_BYTES);
      return this.measurements.upload(id, fileName, bytes, user);
    });
  }

  @UploadScope()
  @Get('samples/:id/measurements')
  @ApiOkResponse({ type: [MeasurementDetailResponse], description: 'the sample’s measurements, oldest first, each with its files and their latest analyses' })
  forSample(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<MeasurementDetailResponse[]> {
    return this.measurements.forSample(id, user);
  }

  @Get('samples/:id/cross-technique')
  @ApiOkResponse({
    type: CrossTechniqueResponse,
    description: 'where the resistive Tc sits in the ZFC χ distribution: the runs combined, the numbers, and what is missing when a side is absent',
  })
  crossTechnique(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<CrossTechniqueResponse> {
    return this.crossTechniques.forSample(id, user);
  }

  @UploadScope()
  @Get('measurements/:id')
  @ApiOkResponse({ type: MeasurementDetailResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<MeasurementDetailResponse> {
    return this.measurements.get(id, user);
  }

  /**
   * The original bytes, brotli-encoded on the wire when the client takes it. Files never change
   * (content-addressed), so the ETag is the SHA-256 (per encoding) and caches may keep them.
   */
  @Get('files/:id/raw')
  async raw(@IdParam() id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() user: AuthUser) {
    const file = await this.measurements.raw(id, acceptsEncoding(req.headers['accept-encoding'], 'br'), user);
    const etag = `"${file.sha256}${file.contentEncoding ? `.${file.contentEncoding}` : ''}"`;
    reply.header('etag', etag).header('cache-control', 'private, max-age=31536000, immutable').header('vary', 'accept-encoding');
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      reply.status(304);
      return Buffer.alloc(0);
    }
    reply.header('content-type', 'application/octet-stream');
    reply.header('content-disposition', contentDisposition(file.fileName));
    if (file.contentEncoding) reply.header('content-encoding', file.contentEncoding);
    return file.body;
  }
}
