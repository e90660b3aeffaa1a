/** The injection token of the process's plain ioredis connection (RedisModule). */
export const REDIS = Symbol('REDIS');
