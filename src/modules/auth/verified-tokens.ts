/** What a login JWT's signature proves: its subject, its session, and the second it stops being valid. */
export interface SessionClaims {
  sub: string;
  sid: string;
  /** Unix seconds; the token is valid while the current second is below it (jsonwebtoken's rule). */
  validUntilS: number;
}

/**
 * Login JWTs whose signature and claims were already checked, so a token used again skips the
 * HMAC and the JSON decoding (~30 µs of a list request's API CPU). Safe to keep until the token
 * expires: what a signed token says never changes, and whether its session and user still hold
 * is asked again on every request (the session cache, which a logout, a disabled user or a new
 * role empties at once, on every replica). Only tokens that passed are kept, so forged ones
 * cannot fill it; a flood of distinct valid ones empties it rather than growing without bound.
 */
export class VerifiedTokens {
  private readonly byToken = new Map<string, SessionClaims>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token's claims if it was verified here and has not expired since. */
  get(token: string): SessionClaims | undefined {
    const claims = this.byToken.get(token);
    if (!claims) return undefined;
    if (this.nowS() < claims.validUntilS) return claims;
    this.byToken.delete(token);
    return undefined;
  }

  /** Remembers a token that just passed verification. */
  set(token: string, claims: SessionClaims): void {
    if (this.byToken.size >= this.maxEntries) {
      const t = this.nowS();
      for (const [k, c] of this.byToken) if (t >= c.validUntilS) this.byToken.delete(k);
      if (this.byToken.size >= this.maxEntries) this.byToken.clear();
    }
    this.byToken.set(token, claims);
  }

  private nowS(): number {
    return Math.floor(this.now() / 1000);
  }
}
