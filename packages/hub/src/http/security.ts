import type { MiddlewareHandler } from 'hono';
import { HttpError } from './problem.js';

/**
 * The hub's own pages use only their own files: no inline script or style, never framed
 * by another site (clickjacking), no referrer leaving the hub (one-time links carry tokens).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(secure: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
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
export function sameOrigin(publicUrl?: string): MiddlewareHandler {
  return async (c, next) => {
    if (CHANGES.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        const own = publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin;
        if (origin !== own) throw new HttpError(403, 'Operazione non permessa', 'La richiesta viene da un altro sito.');
      } else if (origin === 'null') {
        throw new HttpError(403, 'Operazione non permessa', 'La richiesta viene da un altro sito.');
      }
    }
    await next();
  };
}

export const changesState = (method: string) => CHANGES.has(method);
