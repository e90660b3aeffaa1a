/**
 * Request-header parsing for the raw-file download, kept out of the controller so its spec loads
 * this file alone instead of NestJS, Fastify and the whole measurements module.
 */

/** Whether an Accept-Encoding header admits `coding` (listed, or `*`, without q=0). */
export function acceptsEncoding(header: string | undefined, coding: string): boolean {
  const q = new Map(
    (header ?? '').split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [name.trim(), qParam ? Number(qParam.slice(2)) : 1] as const;
    }),
  );
  const weight = q.get(coding) ?? q.get('*');
  return weight !== undefined && weight > 0;
}

/** If-None-Match holds this ETag (weak or strong) or `*`. */
export const matchesEtag = (header: string | undefined, etag: string): boolean =>
  (header ?? '').split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
