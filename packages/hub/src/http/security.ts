import type { MiddlewareHandler } from 'hono';
import { HttpError } from './problem.js';

/**
 * The hub's own pages use only their own files: no inline script or style, never framed
 * by another site (clickjacking), no referrer leaving the hub (one-time links carry tokens).
 * Images also from the map tiles' server (`tileSource`, see tiles.ts) when there is one.
 */
export function contentSecurityPolicy(tileSource?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tileSource ? ` ${tileSource}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(secure: boolean, tileSource?: string): MiddlewareHandler {
  const policy = contentSecurityPolicy(tileSource);
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', policy);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (secure) h.set('Strict-Transport-Security', 'max-age=31536000');
    // Answers about accounts and offers are personal: never kept by a shared cache.
    if (c.req.path.startsWith('/api/')) h.set('Cache-Control', 'no-store');
  };
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Requests that change something must come from the hub's own pages: a browser sends
 * `Origin` with them, and it must be the hub's. (The session's CSRF token is checked too,
 * once the session is known; this also covers login and the one-time links.)
 */
export function sameOrigin(publicUrl?: string, aidOrigins: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set(aidOrigins.map(originOf));
  return async (c, next) => {
    if (CHANGES.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        const own = publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin;
        const listed = allowed.has(origin) && CROSS_ORIGIN_AID.test(c.req.path);
        if (origin !== own && !listed) throw new HttpError(403, 'Operazione non permessa', 'La richiesta viene da un altro sito.');
      } else if (origin === 'null') {
        throw new HttpError(403, 'Operazione non permessa', 'La richiesta viene da un altro sito.');
      }
    }
    await next();
  };
}

export const changesState = (method: string) => CHANGES.has(method);

/**
 * The only endpoints a comune's page may call from its own origin (`<welfare-mutual-aid-form>`):
 * the form (token, comuni), a new post, an answer to a post. None uses a session or cookie.
 */
export const CROSS_ORIGIN_AID = /^\/api\/public\/mutual-aid\/(?:form|posts|posts\/[^/]+\/messages)$/;

/** `https://www.comune.lodi.it/` → `https://www.comune.lodi.it`; refuses what is not an http(s) origin. */
export function originOf(value: string): string {
  const url = new URL(value.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Origine non valida (serve http:// o https://): ${value}`);
  return url.origin;
}

/**
 * CORS for the public mutual-aid endpoints, for the origins the office lists
 * (`--aid-origins`): the browser's preflight is answered (POST with a JSON body), and the
 * answers carry `Access-Control-Allow-Origin` for that origin only. No credentials: these
 * endpoints use no cookie, and every other endpoint keeps the same-origin and CSRF checks.
 * A preflight from an origin not listed is refused (403), so the browser never sends it.
 */
export function aidCors(aidOrigins: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set(aidOrigins.map(originOf));
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin || !CROSS_ORIGIN_AID.test(c.req.path)) return next();
    const listed = allowed.has(origin);
    if (c.req.method === 'OPTIONS') {
      if (!listed) throw new HttpError(403, 'Operazione non permessa', 'Questo sito non è tra quelli che possono inviare annunci al hub.');
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (listed) c.res.headers.set('Access-Control-Allow-Origin', origin);
  };
}
