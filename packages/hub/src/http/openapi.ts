import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { badRequest, type FieldError } from './problem.js';

/** The OpenAPI 3.1 document: the contract with the pages, and the source of body schemas. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

let document: { components: { schemas: Record<string, unknown> } } | undefined;
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

export function openapi(): { components: { schemas: Record<string, unknown> }; paths: Record<string, unknown> } {
  document ??= parse(readFileSync(OPENAPI_FILE, 'utf8'));
  return document as never;
}

/**
 * A validator for `#/components/schemas/<name>`. Request bodies are checked against the
 * same document the tests check responses against, so the two cannot drift apart.
 */
export function schemaValidator(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: false });
      ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
      ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
      ajv.addFormat('uri', /^https?:\/\/\S+$/i);
      ajv.addSchema({ ...openapi(), $id: 'openapi' } as never);
    }
    validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
    if (!validate) throw new Error(`No schema ${name} in openapi.yaml`);
    validators.set(name, validate);
  }
  return validate;
}

const KIND: Record<string, string> = {
  string: 'un testo',
  integer: 'un numero intero',
  number: 'un numero',
  boolean: 'vero o falso',
  object: 'un oggetto',
  array: 'un elenco',
  null: 'vuoto (null)',
};

/** Ajv's findings in plain Italian, one per field. */
export function fieldErrors(errors: ErrorObject[] | null | undefined, root = ''): FieldError[] {
  const out = new Map<string, string>();
  for (const e of errors ?? []) {
    let path = [root, ...e.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
    const p = e.params as Record<string, unknown>;
    let message: string;
    switch (e.keyword) {
      case 'required':
        path = [path, p['missingProperty']].filter(Boolean).join('.');
        message = 'campo obbligatorio mancante';
        break;
      case 'additionalProperties':
        path = [path, p['additionalProperty']].filter(Boolean).join('.');
        message = 'campo sconosciuto: toglierlo';
        break;
      case 'type':
        message = `deve essere ${[p['type']].flat().map((t) => KIND[String(t)] ?? t).join(' o ')}`;
        break;
      case 'maxLength':
        message = `troppo lungo: al massimo ${p['limit']} caratteri`;
        break;
      case 'minLength':
        message = p['limit'] === 1 ? 'non può essere vuoto' : `troppo corto: almeno ${p['limit']} caratteri`;
        break;
      case 'maxItems':
        message = `troppi elementi: al massimo ${p['limit']}`;
        break;
      case 'minItems':
        message = `servono almeno ${p['limit']} elementi`;
        break;
      case 'maxProperties':
        message = `troppi campi: al massimo ${p['limit']}`;
        break;
      case 'enum':
      case 'const':
        message = `valore non ammesso${Array.isArray(p['allowedValues']) ? ` (ammessi: ${(p['allowedValues'] as unknown[]).join(', ')})` : ''}`;
        break;
      case 'format':
        message = p['format'] === 'email' ? 'indirizzo email non valido' : 'formato non valido';
        break;
      case 'minimum':
      case 'maximum':
        message = `fuori dall'intervallo ammesso (${e.keyword === 'minimum' ? 'minimo' : 'massimo'} ${p['limit']})`;
        break;
      default:
        message = 'valore non valido';
    }
    path ||= '(corpo)';
    if (!out.has(path)) out.set(path, message);
  }
  return [...out].map(([path, message]) => ({ path, message }));
}

/** Checks a parsed body against a schema; throws a 400 problem listing every bad field. */
export function checkBody<T>(name: string, body: unknown): T {
  const validate = schemaValidator(name);
  if (!validate(body)) throw badRequest('Alcuni campi della richiesta non vanno bene.', fieldErrors(validate.errors));
  return body as T;
}
