import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  let t = 0;
  const now = () => t;
  const claims = (validUntilS: number) => ({ sub: 'u', sid: 's', validUntilS });
  beforeEach(() => (t = 1_000_000));

  it('answers for a verified token until the second it expires, then forgets it', () => {
    const tokens = new VerifiedTokens(10, now);
    tokens.set('a', claims(1_005));
    expect(tokens.get('a')).toEqual(claims(1_005));
    t = 1_004_999;
    expect(tokens.get('a')?.sid).toBe('s');
    // jsonwebtoken refuses a token once the current second reaches exp.
    t = 1_005_000;
    expect(tokens.get('a')).toBeUndefined();
    t = 1_000_000;
    expect(tokens.get('a')).toBeUndefined();
  });

  it('knows only the exact tokens it was given', () => {
    const tokens = new VerifiedTokens(10, now);
    tokens.set('a.b.c', claims(2_000));
    expect(tokens.get('a.b.C')).toBeUndefined();
    expect(tokens.get('a.b.c ')).toBeUndefined();
  });

  it('stays bounded under a flood of distinct tokens, dropping expired ones first', () => {
    const tokens = new VerifiedTokens(10, now);
    tokens.set('old', claims(1_001));
    for (let i = 0; i < 8; i++) tokens.set(`k${i}`, claims(2_000));
    t = 1_001_000;
    tokens.set('k8', claims(2_000));
    tokens.set('k9', claims(2_000));
    expect(tokens.get('k0')).toBeDefined();
    for (let i = 10; i < 100; i++) tokens.set(`k${i}`, claims(2_000));
    expect((tokens as unknown as { byToken: Map<string, unknown> }).byToken.size).toBeLessThanOrEqual(10);
  });
});
