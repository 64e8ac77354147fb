/**
 * True when an If-None-Match header matches `etag` (RFC 9110 §13.1.2): `*`, or any tag of the comma-separated
 * list, compared weakly — `W/"x"` matches `"x"`.
 */
export function matchesIfNoneMatch(header: string, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
