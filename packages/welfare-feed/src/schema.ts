import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { Reporter } from './issues.js';
import { isWord, word, type Lang } from './messages.js';
import { child, fromPointer } from './paths.js';

/** Where the feed v1 JSON Schema lives, both in the repository and in the npm package. */
export const SCHEMA_URL = new URL('../schema/feed-v1.schema.json', import.meta.url);

// ajv-formats is CommonJS: under NodeNext its default import is module.exports.
const addFormats = formatsModule.default;

let compiled: ValidateFunction | undefined;

export function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
}

/**
 * The validator compiled at build time (scripts/schema-code.mjs writes dist/schema-code.cjs):
 * generating it costs about 0.3 s, on every run of the command. Used only when it was made
 * from the schema as it is now; otherwise (no build yet, schema edited since) undefined.
 */
function prebuilt(schemaText: string): ValidateFunction | undefined {
  try {
    const code = createRequire(import.meta.url)('./schema-code.cjs') as ValidateFunction & { schemaSha256?: string };
    return code.schemaSha256 === createHash('sha256').update(schemaText).digest('hex') ? code : undefined;
  } catch {
    return undefined;
  }
}

function validator(): ValidateFunction {
  if (!compiled) {
    const text = readFileSync(SCHEMA_URL, 'utf8');
    compiled = prebuilt(text);
    if (!compiled) {
      // Keep these options the same as scripts/schema-code.mjs.
      const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
      addFormats(ajv);
      compiled = ajv.compile(JSON.parse(text) as Record<string, unknown>);
    }
  }
  return compiled;
}

/** Whether validate uses the validator compiled at build time (for tests and the benchmark). */
export function usesPrebuiltSchema(): boolean {
  return prebuilt(readFileSync(SCHEMA_URL, 'utf8')) !== undefined;
}

/** Formats whose failure does not hide anything in the elements: reported as warnings. */
const SOFT_FORMATS = new Set(['uri', 'email']);

const quote = (v: unknown) => JSON.stringify(v);

/** Runs the JSON Schema and reports each failure in plain words. */
export function checkSchema(feed: unknown, r: Reporter): void {
  const validate = validator();
  if (validate(feed)) return;
  for (const e of validate.errors ?? []) report(e, r);
}

function typeNames(type: unknown, lang: Lang): string {
  const list = (Array.isArray(type) ? type : [type]).map(String);
  return list
    .map((t) => (t === 'string' || t === 'number' || t === 'integer' || t === 'array' || t === 'object' || t === 'boolean' ? word(lang, t) : t))
    .join(` ${word(lang, 'or')} `);
}

function report(e: ErrorObject, r: Reporter): void {
  const path = fromPointer(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      r.error('schema_required', { field: String(p['missingProperty']) }, { path: child(path, String(p['missingProperty'])) });
      return;
    case 'type':
      r.error('schema_type', { expected: typeNames(p['type'], r.lang) }, { path });
      return;
    case 'enum':
      r.error('schema_enum', { value: quote(e.data), allowed: (p['allowedValues'] as unknown[]).map(quote).join(', ') }, { path });
      return;
    case 'const':
      r.error('schema_const', { expected: quote(p['allowedValue']) }, { path });
      return;
    case 'format': {
      const format = String(p['format']);
      const key = `format:${format}`;
      const label = isWord(key) ? word(r.lang, key) : format;
      r.add(SOFT_FORMATS.has(format) ? 'warning' : 'error', 'schema_format', { format: label, value: quote(e.data) }, { path });
      return;
    }
    case 'minLength':
      r.error('schema_empty', {}, { path });
      return;
    default:
      r.error('schema_other', { detail: e.message ?? e.keyword }, { path });
  }
}
