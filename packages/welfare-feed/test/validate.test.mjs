import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFeed } from '../dist/validate.js';
import { checkHours } from '../dist/hours.js';
import { loadSchema } from '../dist/schema.js';
import { readJsonFixture, TODAY } from './support/helpers.mjs';

const check = (name, lang = 'it') => validateFeed(readJsonFixture(name), { today: TODAY, lang });
const find = (result, code) => result.issues.filter((i) => i.code === code);
const paths = (result, code) => find(result, code).map((i) => [i.path, i.severity]);

test('a correct feed, with a field of the publisher\'s own, passes', () => {
  const result = check('feed-valid.json');
  assert.deepEqual(result.issues, []);
  assert.equal(result.ok, true);
});

test('the schema is draft 2020-12 and requires only id and name', () => {
  const schema = loadSchema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.$defs.service.required, ['id', 'name']);
  assert.deepEqual(schema.$defs.accessPoint.required, ['id', 'name']);
  const minimal = { version: 1, services: [{ id: 's', name: { it: 'Mensa', en: 'Canteen' } }], accessPoints: [{ id: 'a', name: 'Punto' }] };
  assert.deepEqual(validateFeed(minimal, { today: TODAY }).issues, []);
});

test('schema errors: missing name, wrong kind, entry that is not an object', () => {
  const result = check('feed-bad.json');
  assert.deepEqual(paths(result, 'schema_required'), [['$.services[2].name', 'error']]);
  assert.deepEqual(paths(result, 'schema_enum'), [['$.organizations[0].kind', 'error']]);
  assert.deepEqual(paths(result, 'schema_type'), [['$.services[9]', 'error']]);
  assert.match(find(result, 'schema_required')[0].message, /Manca il campo obbligatorio «name»/);
});

test('repeated ids are errors', () => {
  const result = check('feed-bad.json');
  assert.deepEqual(paths(result, 'duplicate_id'), [['$.categories[1].id', 'error'], ['$.services[1].id', 'error']]);
  assert.match(find(result, 'duplicate_id')[1].message, /«svc-1».*\$\.services\[0\]/);
});

test('unknown category and organisation ids are errors', () => {
  const result = check('feed-bad.json');
  assert.deepEqual(paths(result, 'unknown_category'), [['$.services[0].categories[1]', 'error']]);
  assert.deepEqual(paths(result, 'unknown_organization'), [['$.services[0].organization', 'error']]);
  assert.match(find(result, 'unknown_category')[0].message, /«salute»/);
});

test('coordinates: out of range or not numbers are errors, reported once', () => {
  const result = check('feed-bad.json');
  assert.deepEqual(paths(result, 'coord_range'), [['$.services[3].locations[0].lat', 'error'], ['$.accessPoints[0].lon', 'error']]);
  assert.deepEqual(paths(result, 'coord_not_number'), [['$.services[4].locations[0].lat', 'error']]);
  const atLat = result.issues.filter((i) => i.path === '$.services[4].locations[0].lat');
  assert.equal(atLat.length, 1, 'the schema\'s "must be number" is replaced by the plainer message');
  assert.match(find(result, 'coord_range')[0].message, /latitudine 145\.3 \(deve stare fra -90 e 90\)/);
});

test('coordinates outside Italy are a warning', () => {
  const result = check('feed-bad.json');
  assert.deepEqual(paths(result, 'coord_outside_italy'), [['$.services[7].locations[0]', 'warning']]);
});

test('opening hours that cannot be read are errors with the library\'s explanation, in the chosen language', () => {
  const result = check('feed-bad.json');
  const [hours] = find(result, 'hours_invalid');
  assert.equal(hours.path, '$.services[5].hours');
  assert.equal(hours.severity, 'error');
  assert.match(hours.detail, /«tu» ← qui «t» non è previsto/);
  assert.doesNotMatch(hours.detail, /Unexpected|token/, 'no English in an Italian report');
  const [english] = find(validateFeed(readJsonFixture('feed-bad.json'), { today: TODAY, lang: 'en' }), 'hours_invalid');
  assert.match(english.detail, /Unexpected token/);
});

test('expired services are warnings; reversed validity windows are errors', () => {
  const result = check('feed-bad.json');
  assert.deepEqual(paths(result, 'service_expired'), [['$.services[6].validThrough', 'warning']]);
  assert.deepEqual(paths(result, 'validity_reversed'), [['$.services[8].validFrom', 'error']]);
});

test('the bad feed has exactly the expected problems', () => {
  const result = check('feed-bad.json');
  assert.equal(result.errors, 12);
  assert.equal(result.warnings, 2);
  assert.equal(result.ok, false);
  for (const issue of result.issues) assert.match(issue.path, /^\$/, 'every message has a JSON path');
});

test('warnings only: expired, outside Italy, loosely written hours', () => {
  const result = check('feed-warnings.json');
  assert.equal(result.ok, true);
  assert.equal(result.errors, 0);
  assert.deepEqual(result.issues.map((i) => i.code).sort(), ['coord_outside_italy', 'hours_warning', 'service_expired']);
});

test('messages in English', () => {
  const result = check('feed-bad.json', 'en');
  assert.match(find(result, 'unknown_organization')[0].message, /^Organisation "ente-sconosciuto" is not in the feed's list/);
});

test('a feed that is not an object, or of another version', () => {
  assert.deepEqual(validateFeed([], { today: TODAY }).issues.map((i) => [i.code, i.path]), [['schema_type', '$']]);
  assert.deepEqual(validateFeed({ version: 2 }, { today: TODAY }).issues.map((i) => [i.code, i.path]), [['schema_const', '$.version']]);
});

test('opening hours know Italian public holidays', () => {
  assert.deepEqual(checkHours('Mo-Fr 09:00-12:30; PH off'), { warnings: [] });
  assert.ok(checkHours('Lu-Ve 9-12').error || checkHours('Lu-Ve 9-12').warnings.length);
});

test('the JSON Schema validator compiled at build time is current, and validate uses it (issue 14: 0.3 s a run)', async () => {
  const { usesPrebuiltSchema } = await import('../dist/schema.js');
  assert.equal(usesPrebuiltSchema(), true, 'run "npm run build": dist/schema-code.cjs is missing or older than schema/feed-v1.schema.json');
});
