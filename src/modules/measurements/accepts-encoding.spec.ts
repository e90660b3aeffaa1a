import { acceptsEncoding } from './measurements.controller';

describe('acceptsEncoding', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip, deflate', false],
    ['gzip, deflate, br', true],
    ['BR', true],
    ['br;q=0', false],
    ['br; q=0.5, gzip', true],
    ['*', true],
    ['*, br;q=0', false],
    ['gzip;q=1, *;q=0', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsEncoding(header, 'br')).toBe(expected);
  });
});
