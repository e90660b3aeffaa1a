/**
 * The suite hashes passwords at a test cost (jest.config.js sets TEST_SCRYPT_LOG2_N), which a
 * production process refuses to boot with: an API started with NODE_ENV=production gets
 * production's cost instead, unless the spec names TEST_SCRYPT_LOG2_N itself (to see the refusal).
 */
export function productionHashCost(env: Record<string, string | undefined>): { TEST_SCRYPT_LOG2_N?: string } {
  return env.NODE_ENV === 'production' && !('TEST_SCRYPT_LOG2_N' in env) ? { TEST_SCRYPT_LOG2_N: '' } : {};
}
