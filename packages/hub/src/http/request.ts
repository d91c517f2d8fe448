import type { Context } from 'hono';
import { checkBody } from './openapi.js';
import { badRequest, HttpError } from './problem.js';

/** Reads a JSON body (415 when it is not JSON, 400 when it does not parse) and checks it. */
export async function jsonBody<T>(c: Context, schema: string): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'Formato non supportato', 'Il contenuto deve essere JSON (Content-Type: application/json).');
  }
  const text = await c.req.text();
  let body: unknown;
  let nul = false;
  try {
    // PostgreSQL keeps no NUL character in text or jsonb: refuse it here, as a bad request.
    // JSON can only carry one as the escape \u0000 (a raw control character does not parse),
    // so the reviver, which makes JSON.parse several times slower on every save, runs only
    // when that escape is in the text.
    body = text.includes('\\u0000')
      ? JSON.parse(text, (key, value) => {
          if (key.includes('\0') || (typeof value === 'string' && value.includes('\0'))) nul = true;
          return value;
        })
      : JSON.parse(text);
  } catch {
    throw badRequest('Il contenuto inviato non è JSON valido.');
  }
  if (nul) throw badRequest('Il contenuto contiene un carattere non ammesso (NUL).');
  return checkBody<T>(schema, body);
}

/** The address of the other end: the socket's, or X-Forwarded-For's first when behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'sconosciuto';
}

/** A path parameter that is a reasonable id (never reaches SQL otherwise than as a parameter, but 404 early). */
export function idParam(c: Context, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!id || id.length > 200) throw new HttpError(404, 'Non trovato', 'Non esiste, oppure non è visibile al tuo account.');
  return id;
}
