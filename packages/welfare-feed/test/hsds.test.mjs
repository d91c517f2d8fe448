import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHsds } from '../dist/hsds.js';
import { toOpeningHours } from '../dist/schedule.js';
import { validateFeed } from '../dist/validate.js';
import { readJsonFixture, TODAY } from './support/helpers.mjs';

const convert = (lang = 'it') => fromHsds(readJsonFixture('hsds-sample.json'), { today: TODAY, lang, updated: '2026-06-01T00:00:00Z' });

test('converts the HSDS sample with the expected counts', () => {
  const { counts } = convert();
  assert.deepEqual(counts.input, { services: 4, organizations: 2, locations: 5, serviceAtLocations: 6, schedules: 7 });
  assert.deepEqual(counts.output, { services: 3, organizations: 2, locations: 3, categories: 2, hours: 4 });
  assert.deepEqual(counts.dropped, { services: 1, organizations: 0, locations: 2, serviceAtLocations: 3, schedules: 3 });
});

test('the result is a valid feed v1', () => {
  const { feed, errors } = convert();
  assert.equal(errors, 0);
  assert.equal(validateFeed(feed, { today: TODAY }).errors, 0);
  assert.deepEqual(feed.services.map((s) => s.id), ['svc-1', 'svc-2', 'svc-4']);
  assert.deepEqual(feed.categories, [{ id: 'cibo', name: 'Cibo' }, { id: 'casa', name: 'Casa' }]);
  assert.deepEqual(feed.organizations[1], { id: 'org-2', name: 'Comune di Codogno', website: 'https://www.example.it/codogno' });
});

test('maps services, locations, addresses, phones and schedules', () => {
  const [emporio, casa, ascolto] = convert().feed.services;
  assert.equal(emporio.organization, 'org-1');
  assert.equal(emporio.website, 'https://www.example.it/emporio');
  assert.deepEqual(emporio.locations[0], {
    name: 'Sede di Lodi', address: 'Via Esempio 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018,
    hours: 'Mo 09:00-12:00,14:00-17:00; We,Fr 09:00-12:00',
  });
  assert.equal(emporio.locations[1].lat, 45.1601, 'string coordinates are read as numbers');
  assert.equal(emporio.locations[1].hours, 'Tu 14:30-17:30', 'the location\'s own schedule replaces the unusable monthly one');
  assert.equal(casa.hours, 'Mo-Fr 08:30-12:30');
  assert.equal(casa.phone, '0377 000000');
  assert.equal(casa.locations, undefined, 'virtual and missing locations are dropped');
  assert.equal(ascolto.organization, undefined, 'a reference to a missing organisation is dropped');
  assert.deepEqual(ascolto.locations, [{ name: 'Oratorio' }], 'impossible coordinates are dropped, the place stays');
});

test('says what was dropped and why', () => {
  const { issues } = convert();
  const dropped = issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.path]);
  assert.deepEqual(dropped.sort(), [
    ['hsds_coordinates', '$.locations[4]'],
    ['hsds_location_kind', '$.locations[2]'],
    ['hsds_location_unused', '$.locations[3]'],
    ['hsds_schedule_expired', '$.schedules[4]'],
    ['hsds_schedule_unsupported', '$.schedules[3]'],
    ['hsds_schedule_unsupported', '$.schedules[6]'],
    ['hsds_service_status', '$.services[2]'],
    ['hsds_unknown_reference', '$.service_at_locations[3]'],
    ['hsds_unknown_reference', '$.services[3].organization_id'],
  ]);
  const monthly = issues.find((i) => i.path === '$.schedules[3]');
  assert.match(monthly.message, /frequenza «MONTHLY» non supportata/);
  const ignored = issues.filter((i) => i.code === 'hsds_field_ignored').map((i) => i.path);
  assert.ok(ignored.includes('$.services[0].fees_description'));
  assert.ok(ignored.includes('$.locations[0].transportation'));
  assert.match(convert('en').issues.find((i) => i.code === 'hsds_service_status').message, /^Service with status "inactive": dropped/);
});

test('nested HSDS (a list of services, as the API returns them)', () => {
  const nested = [{
    id: 's1', name: 'Mensa', status: 'active',
    organization: { id: 'o1', name: 'Caritas' },
    phones: [{ id: 'p1', number: '0371 1' }],
    attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: 'Cibo e spesa' } }],
    service_at_locations: [{
      id: 'sl1',
      location: { id: 'l1', location_type: 'physical', latitude: 45.31, longitude: 9.5, addresses: [{ id: 'ad1', address_1: 'Via Roma 1', city: 'Lodi', address_type: 'physical' }] },
      schedules: [{ id: 'sc1', freq: 'WEEKLY', byday: 'SA,SU', opens_at: '12:00+01:00', closes_at: '14:00+01:00' }],
    }],
  }];
  const { feed, counts, issues } = fromHsds(nested, { today: TODAY });
  assert.deepEqual(counts.input, { services: 1, organizations: 1, locations: 1, serviceAtLocations: 1, schedules: 1 });
  assert.deepEqual(feed.services[0], {
    id: 's1', name: 'Mensa', organization: 'o1', categories: ['cibo-e-spesa'], phone: '0371 1',
    locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.31, lon: 9.5, hours: 'Sa,Su 12:00-14:00' }],
  });
  assert.deepEqual(issues, []);
});

test('input that is not HSDS', () => {
  const { issues, errors } = fromHsds({ foo: 1 }, { today: TODAY });
  assert.deepEqual(issues.map((i) => i.code), ['hsds_shape']);
  assert.equal(errors, 1);
});

test('opening hours from weekly intervals', () => {
  const day = (d, open, close) => ({ day: d, open, close });
  assert.equal(toOpeningHours([0, 1, 2, 3, 4].map((d) => day(d, '09:00', '12:00'))), 'Mo-Fr 09:00-12:00');
  assert.equal(toOpeningHours([day(0, '09:00', '12:00'), day(2, '09:00', '12:00'), day(5, '10:00', '11:00')]), 'Mo,We 09:00-12:00; Sa 10:00-11:00');
  assert.equal(toOpeningHours([]), undefined);
});
