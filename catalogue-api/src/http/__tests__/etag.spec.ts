import { matchesIfNoneMatch } from '../etag';

describe('matchesIfNoneMatch', () => {
  it('matches the tag itself, a weak form of it, any tag of a list, and *', () => {
    expect(matchesIfNoneMatch('"a-v2"', '"a-v2"')).toBe(true);
    expect(matchesIfNoneMatch('W/"a-v2"', '"a-v2"')).toBe(true);
    expect(matchesIfNoneMatch('"a-v1", W/"a-v2"', '"a-v2"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"a-v2"')).toBe(true);
  });

  it('does not match another version, an empty header or an unquoted tag', () => {
    expect(matchesIfNoneMatch('"a-v1"', '"a-v2"')).toBe(false);
    expect(matchesIfNoneMatch('', '"a-v2"')).toBe(false);
    expect(matchesIfNoneMatch('a-v2', '"a-v2"')).toBe(false);
  });
});
