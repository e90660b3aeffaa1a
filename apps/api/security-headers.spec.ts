import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { SECURITY_HEADERS, securityHeaderList } from './security-headers';

describe('securityHeaderList', () => {
  it("is exactly what helmet's middleware sets on a response", () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.setHeader('X-Powered-By', 'something');
    let called = false;
    helmet(SECURITY_HEADERS)(res.req, res, () => (called = true));
    expect(called).toBe(true);
    const listed = Object.fromEntries(securityHeaderList().map(([name, value]) => [name.toLowerCase(), value]));
    expect(listed).toEqual(res.getHeaders());
    expect(Object.keys(listed)).toHaveLength(securityHeaderList().length);
  });

  it('forbids framing and sniffing and keeps scripts same-origin', () => {
    const listed = new Map(securityHeaderList().map(([name, value]) => [name.toLowerCase(), value]));
    expect(listed.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(listed.get('content-security-policy')).toContain("script-src 'self';");
    expect(listed.get('x-frame-options')).toBe('DENY');
    expect(listed.get('x-content-type-options')).toBe('nosniff');
    expect(listed.get('referrer-policy')).toBe('no-referrer');
  });
});
