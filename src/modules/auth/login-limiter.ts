import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../common/domain-error';
import { Env } from '../../config/env';
import { REDIS } from '../../infra/redis/redis.module';

/** A login refused for too many attempts; the filter answers 429 with Retry-After. */
export class TooManyAttempts extends DomainError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super('RATE_LIMITED', message, 'email');
  }
}

/**
 * Login attempts counted in Redis (under QUEUE_PREFIX), so every API replica sees the same
 * counts: at most LOGIN_MAX_PER_ADDRESS_PER_MIN attempts a minute from one client address, and
 * LOGIN_MAX_FAILURES_PER_ACCOUNT wrong passwords for one account within
 * LOGIN_FAILURE_WINDOW_S (a success clears the account's count). While Redis is down an
 * in-process count of the same limits stands in.
 */
@Injectable()
export class LoginLimiter {
  private readonly byAddress: RateLimiterRedis;
  private readonly failuresByAccount: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, env: Env) {
    const common = { storeClient: redis, rejectIfRedisNotReady: true };
    const perAddress = { points: env.LOGIN_MAX_PER_ADDRESS_PER_MIN, duration: 60 };
    const perAccount = { points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT, duration: env.LOGIN_FAILURE_WINDOW_S };
    this.byAddress = new RateLimiterRedis({
      ...common,
      ...perAddress,
      keyPrefix: `${env.QUEUE_PREFIX}:login:address`,
      insuranceLimiter: new RateLimiterMemory(perAddress),
    });
    this.failuresByAccount = new RateLimiterRedis({
      ...common,
      ...perAccount,
      keyPrefix: `${env.QUEUE_PREFIX}:login:account`,
      insuranceLimiter: new RateLimiterMemory(perAccount),
    });
  }

  /** Counts one attempt from `address` and refuses it when that address or `account` is over its limit. */
  async admit(address: string, account: string): Promise<void> {
    try {
      await this.byAddress.consume(address);
    } catch (e) {
      throw this.refusal(e, 'too many login attempts from this address');
    }
    const failures = await this.failuresByAccount.get(account);
    if (failures && failures.remainingPoints <= 0) throw this.refusal(failures, 'too many wrong passwords for this account');
  }

  async failed(account: string): Promise<void> {
    await this.failuresByAccount.penalty(account);
  }

  async succeeded(account: string): Promise<void> {
    await this.failuresByAccount.delete(account);
  }

  private refusal(e: unknown, what: string): Error {
    if (!(e instanceof RateLimiterRes)) return e as Error;
    const retryAfterS = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    return new TooManyAttempts(`${what}; try again in ${retryAfterS} s`, retryAfterS);
  }
}
