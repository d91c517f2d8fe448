import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { IncomingMessage } from 'node:http';
import { HttpError } from './problem.js';

/**
 * Refuses a request body larger than `maxSize` bytes (413) before it is read.
 *
 * Hono's bodyLimit looks at `c.req.raw.body` first, which makes @hono/node-server build a
 * full web Request (headers, AbortSignal, a stream over the socket) for every API request,
 * GETs included: about 6 % of the hub's CPU while 50 editors save (profile in
 * docs/performance.md). A request from Node's HTTP server that declares its length (the
 * parser then reads exactly that many bytes) or that has neither Content-Length nor
 * Transfer-Encoding (no body, RFC 9112 §6.3) is decided from its headers alone; anything
 * else (a chunked body, or a web Request as in `app.request()`) is counted by Hono's
 * bodyLimit as it is read, as before.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new HttpError(413, 'Richiesta troppo grande', `Il contenuto inviato supera ${maxSize / 1024} KB.`);
  };
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const fromNode = (c.env as { incoming?: unknown } | undefined)?.incoming instanceof IncomingMessage;
    const length = c.req.header('content-length');
    if (fromNode && c.req.header('transfer-encoding') === undefined) {
      if (length === undefined) return next();
      if (/^\d+$/.test(length)) return Number(length) > maxSize ? tooLarge() : next();
    }
    return counted(c, next);
  };
}
