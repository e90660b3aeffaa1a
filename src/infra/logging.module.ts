import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Env } from '../config/env';

/** pino for both processes: JSON lines, request ids, authorization headers redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          redact: ['req.headers.authorization'],
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
          // Report links and EventSource carry a token in the query string; never log it.
          serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url?.replace(/((?:access_)?token=)[^&]+/g, '$1[Redacted]') }) },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
