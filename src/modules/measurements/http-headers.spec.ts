import { acceptsEncoding, matchesEtag } from './http-headers';

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

describe('matchesEtag', () => {
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"other", "abc"', true],
    ['"other"', false],
    ['*', true],
  ])('%j → %s', (header, expected) => {
    expect(matchesEtag(header, '"abc"')).toBe(expected);
  });
});
