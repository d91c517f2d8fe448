/**
 * Checks the hub's answers against packages/hub/openapi.yaml: the operation must be
 * documented, its status listed, and the body valid against the documented schema. Every
 * request made through the test client (support/hub.mjs) goes through here.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';

export const doc = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
ajv.addFormat('date-time', { validate: (s) => !Number.isNaN(Date.parse(s)) && /T/.test(s) });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('uri', /^https?:\/\/\S+$/i);
ajv.addSchema({ ...doc, $id: 'openapi' });

const escape = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const templates = Object.keys(doc.paths).map((template) => ({
  template,
  re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** Which documented operations and statuses the tests have seen. */
export const seen = new Set();

/** The documented path a concrete path belongs to. */
export function templateOf(path) {
  const bare = path.split('?')[0];
  return templates.find((t) => t.re.test(bare))?.template;
}

/** Throws when the answer is not what openapi.yaml says. */
export function checkAnswer(method, path, status, contentType, body) {
  const template = templateOf(path);
  if (!template) throw new Error(`${method} ${path}: path not in openapi.yaml`);
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const op = doc.paths[template][m];
  if (!op) throw new Error(`${method} ${template}: method not in openapi.yaml`);
  let pointer = `/paths/${escape(template)}/${m}/responses/${status}`;
  let response = op.responses[String(status)];
  if (!response) throw new Error(`${method} ${template}: status ${status} not in openapi.yaml (${JSON.stringify(body)?.slice(0, 300)})`);
  if (response.$ref) {
    pointer = response.$ref.slice(1);
    response = response.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
  }
  seen.add(`${m.toUpperCase()} ${template} ${status}`);
  if (!response.content || status === 304 || m === 'head') return;
  const type = (contentType ?? '').split(';')[0].trim();
  if (!response.content[type]) throw new Error(`${method} ${template} ${status}: content type ${type} not documented`);
  const validate = ajv.getSchema(`openapi#${pointer}/content/${escape(type)}/schema`);
  if (!validate(body)) {
    throw new Error(`${method} ${template} ${status}: body does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}
