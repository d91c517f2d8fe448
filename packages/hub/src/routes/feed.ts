import type { HubApp, HubServices } from '../env.js';
import { HttpError } from '../http/problem.js';

/** Which encoding to send: brotli, then gzip, when the client accepts them (q > 0). */
export function pickEncoding(accept: string | undefined, brotli = true): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0;
  if (brotli && ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * The public feed. Citizens' traffic stops here: the feed is kept ready in memory in each
 * encoding, and the database is never read on this path.
 */
export function feedRoutes(app: HubApp, s: HubServices): void {
  app.get('/feed.json', async (c) => {
    const feed = s.publisher.current;
    if (!feed) throw new HttpError(503, 'Feed non ancora pubblicato', 'Il feed non è ancora stato pubblicato: riprova tra poco.', {}, { 'Retry-After': '5', 'Access-Control-Allow-Origin': '*' });
    const headers = new Headers({
      'Content-Type': 'application/json; charset=utf-8',
      ETag: feed.etag,
      'Last-Modified': feed.lastModified.toUTCString(),
      'Cache-Control': `public, max-age=${s.config.feedMaxAge}`,
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Encoding',
    });
    const inm = c.req.header('if-none-match');
    const ims = c.req.header('if-modified-since');
    const fresh = inm
      ? inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === feed.etag)
      : ims !== undefined && !Number.isNaN(Date.parse(ims)) && Math.floor(feed.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ims) / 1000);
    if (fresh) return new Response(null, { status: 304, headers });
    let encoding = pickEncoding(c.req.header('accept-encoding'));
    const br = encoding === 'br' ? await feed.br : undefined;
    if (encoding === 'br' && !br) encoding = pickEncoding(c.req.header('accept-encoding'), false);
    const body = encoding === 'br' ? br! : encoding === 'gzip' ? feed.gzip : feed.body;
    if (encoding) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.length));
    return new Response(body, { status: 200, headers });
  });
}
