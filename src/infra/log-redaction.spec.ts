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
});
