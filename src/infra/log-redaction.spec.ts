import { redactHeaders, redactText, redactUrl, serializeRequest } from './log-redaction';

describe('log redaction', () => {
  it('replaces credential-like query values and keeps the rest of the URL', () => {
    expect(redactUrl('/api/events?measurementId=1&access_token=eyJabc.def.ghi')).toBe('/api/events?measurementId=1&access_token=[Redacted]');
    expect(redactUrl('/admin/queues?token=vt_x&page=2')).toBe('/admin/queues?token=[Redacted]&page=2');
    expect(redactUrl('/x?%61ccess_token=s&API_KEY=k&password=p&flag')).toBe('/x?%61ccess_token=[Redacted]&API_KEY=[Redacted]&password=[Redacted]&flag');
    expect(redactUrl('/api/samples?kind=PIECE')).toBe('/api/samples?kind=PIECE');
    expect(redactUrl('/health')).toBe('/health');
  });

  it('replaces authorization, cookies and API-key headers in any case', () => {
    expect(redactHeaders({ Authorization: 'Bearer x', cookie: 's=1', 'X-Api-Key': 'k', accept: '*/*' })).toEqual({
      Authorization: '[Redacted]',
      cookie: '[Redacted]',
      'X-Api-Key': '[Redacted]',
      accept: '*/*',
    });
  });

  it('replaces API tokens and bearer values quoted in a message', () => {
    expect(redactText('token vt_AbC123_-xyz9 rejected; header was Bearer eyJa.b.c')).toBe('token vt_[Redacted] rejected; header was Bearer [Redacted]');
  });

  it('logs no parsed query or params beside the redacted URL', () => {
    const logged = serializeRequest({
      id: 1,
      method: 'GET',
      url: '/r?access_token=s',
      headers: {},
      ...{ query: { access_token: 's' }, params: { x: 's' } },
    });
    expect(JSON.stringify(logged)).not.toContain('"s"');
    expect(logged.url).toBe('/r?access_token=[Redacted]');
  });

  it('replaces a share link however it is spelled, wherever it appears', () => {
    const token = `0c6e5a3e-8f1b-4d2a-9c7e-1a2b3c4d5e6f.${'A1b2_C3d-'.repeat(4)}x7Z9Q0k`;
    const spellings = [
      `/api/shared/${token}/report`,
      `//API//Shared/${token}/report.html`,
      `/%61pi/%73hared/${encodeURIComponent(token).replace('A', '%41')}/report`,
      `/x/../api/./shared;v=1/${token}/report`,
      `/api/shared/${token.replace('.', '%2E')}/report`,
    ];
    for (const url of spellings) expect(redactUrl(url)).not.toContain(token.split('.')[1].slice(1, 20));
    expect(redactUrl(`/admin/queues?next=/api/shared/${token}/report&page=2`)).toBe('/admin/queues?next=[Redacted]&page=2');
    expect(redactUrl(`/x?from=${encodeURIComponent(`https://lab/api/shared/${token}/report.html`)}`)).toBe('/x?from=[Redacted]');
    expect(redactHeaders({ referer: `https://lab/api/shared/${token}/report.html`, accept: 'text/html;q=0.9' })).toEqual({
      referer: 'https://lab/api/shared/[Redacted]/report.html',
      accept: 'text/html;q=0.9',
    });
    expect(redactText(`opened ${token} and /api/shared/abc/report`)).toBe('opened [Redacted] and /api/shared/[Redacted]/report');
    expect(redactUrl('/api/campaigns/1/share?expires=7')).toBe('/api/campaigns/1/share?expires=7');
  });

  it('still redacts what the quick checks let through to the full one (a bare token, non-ASCII, a header value)', () => {
    const token = `0c6e5a3e-8f1b-4d2a-9c7e-1a2b3c4d5e6f.${'A1b2_C3d-'.repeat(4)}x7Z9Q0k`;
    // No "shared" and no escape: only the token's own shape gives it away.
    expect(redactUrl(`/files/${token}/x`)).toBe('/files/[Redacted]/x');
    expect(redactUrl(`/é/SHARED/${token}`)).toBe('/é/SHARED/[Redacted]');
    expect(redactHeaders({ 'x-forwarded-uri': `/files/${token}` })).toEqual({ 'x-forwarded-uri': '/files/[Redacted]' });
    expect(redactText(`see vt_abcdefgh12 and basic dXNlcjpwYXNz`)).toBe('see vt_[Redacted] and basic [Redacted]');
    // Plain values pass unchanged.
    expect(redactHeaders({ host: '127.0.0.1:3000', connection: 'keep-alive' })).toEqual({ host: '127.0.0.1:3000', connection: 'keep-alive' });
  });
});
