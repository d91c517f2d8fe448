import type { Context } from 'hono';

/** One problem with one field of a request body: `path` is a JSON pointer-like dotted path. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error meant for the person at the other end: turned into
 * `application/problem+json` (RFC 9457) with an Italian title and detail.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

const TYPES: Record<number, string> = {
  400: 'richiesta-non-valida',
  401: 'accesso-richiesto',
  403: 'non-permesso',
  404: 'non-trovato',
  405: 'metodo-non-ammesso',
  409: 'conflitto',
  413: 'richiesta-troppo-grande',
  415: 'formato-non-supportato',
  422: 'dati-non-validi',
  428: 'versione-richiesta',
  429: 'troppi-tentativi',
  500: 'errore-interno',
};

/** The problem+json response for an error. */
export function problemResponse(error: HttpError): Response {
  const body = {
    type: `about:blank#${TYPES[error.status] ?? 'errore'}`,
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...error.extra,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...error.headers },
  });
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpError(400, 'Richiesta non valida', detail, errors ? { errors } : {});
export const invalidData = (detail: string, errors: FieldError[], extra: Record<string, unknown> = {}) =>
  new HttpError(422, 'Dati non validi', detail, { errors, ...extra });
export const unauthorized = (detail = 'Per continuare bisogna accedere.') => new HttpError(401, 'Accesso richiesto', detail);
export const forbidden = (detail = 'Il tuo account non può fare questa operazione.') => new HttpError(403, 'Operazione non permessa', detail);
export const notFound = (detail = 'Non esiste, oppure non è visibile al tuo account.') => new HttpError(404, 'Non trovato', detail);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new HttpError(409, 'Conflitto', detail, extra);

/** Hono's error hook: known errors as problems, anything else as a plain 500 (logged). */
export function onError(error: Error, c: Context): Response {
  if (error instanceof HttpError) return problemResponse(error);
  // Hono's own HTTP errors (e.g. a body over the limit) carry a status.
  const status = (error as { status?: number }).status;
  if (status === 413) return problemResponse(new HttpError(413, 'Richiesta troppo grande', 'Il contenuto inviato supera la dimensione massima.'));
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problemResponse(new HttpError(status, 'Richiesta non valida', 'La richiesta non è stata capita.'));
  }
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return problemResponse(new HttpError(500, 'Errore interno', 'Qualcosa non ha funzionato nel server. Riprova più tardi.'));
}
