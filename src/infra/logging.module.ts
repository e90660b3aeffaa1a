import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Env } from '../config/env';
import { redactText, serializeRequest, serializeResponse } from './log-redaction';

/** pino for both processes: JSON lines, request ids, no credentials (see log-redaction.ts). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
          // Report links and EventSource carry a token in the query string: log the URL redacted, and no parsed query.
          serializers: { req: serializeRequest, res: serializeResponse },
          hooks: {
            logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
              method.apply(
                this,
                args.map((a) => (typeof a === 'string' ? redactText(a) : a)),
              );
            },
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
