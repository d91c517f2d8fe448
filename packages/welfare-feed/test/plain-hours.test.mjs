/**
 * validate skips the opening_hours library for hours in a plain form (src/plain-hours.ts):
 * the library costs 1–3 ms a string, most of validate's time on a big feed. That is only
 * right if the library has nothing to say about any string the shortcut accepts. These
 * tests hold it to that, on strings written near the edges of the form (overlapping days,
 * touching or reversed times, midnight, PH), so that a change to the form or an upgrade of
 * the library that starts warning about one of them fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpeningHours from 'opening_hours';
import { isPlainHours } from '../dist/plain-hours.js';
import { checkHours } from '../dist/hours.js';
import { validateFeed } from '../dist/validate.js';
import { mulberry32 } from '../../../scripts/generate-feed.mjs';
import { hoursStrings } from './support/hours-strings.mjs';
import { TODAY } from './support/helpers.mjs';

// The same place and options as src/hours.ts.
const NOMINATIM = { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } };
const OPTIONS = { tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4, locale: 'en' };

/** What the library says of a string: its warnings, or its error. */
function library(value) {
  try {
    return new OpeningHours(value, NOMINATIM, OPTIONS).getWarnings();
  } catch (e) {
    return [`error: ${e instanceof Error ? e.message : e}`];
  }
}

const DAY_CHOICES = ['Mo', 'Tu', 'Sa', 'Su', 'Mo-Fr', 'Mo-We', 'Th-Sa', 'Sa,Su', 'Mo,We,Fr', 'Tu,Th', 'Mo-Su', 'We-Fr,Su', 'Mo,Tu', 'Sa-Mo', 'Fr-Mo', 'Mo-Mo', 'Fr,Mo', 'Mo-We,We', 'Mo–Fr', 'lun-ven', 'Sa-Su'];
const pad = (n) => String(n).padStart(2, '0');

/** Strings in and around the plain form, from a seeded generator. */
function generate(count, seed) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const time = () => {
    const edge = rnd();
    if (edge < 0.05) return '00:00';
    if (edge < 0.1) return '23:59';
    if (edge < 0.12) return '24:00';
    return `${pad(6 + Math.floor(rnd() * 14))}:${pad(pick([0, 0, 15, 30, 45, 5]))}`;
  };
  const times = () => {
    if (rnd() < 0.15) return 'off';
    const n = 1 + Math.floor(rnd() * 3);
    const ends = Array.from({ length: n * 2 }, time);
    // Mostly in order (as people write them), sometimes not.
    if (rnd() < 0.8) ends.sort();
    return Array.from({ length: n }, (_, i) => `${ends[2 * i]}-${ends[2 * i + 1]}`).join(',');
  };
  const out = new Set();
  while (out.size < count) {
    const rules = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => (rnd() < 0.1 ? times() : `${pick(DAY_CHOICES)} ${times()}`));
    const tail = pick(['', '', '; PH off', '; PH off', ',PH off', '; Su,PH off']);
    let value = rules.join('; ');
    if (tail === ',PH off') value = value.endsWith(' off') ? value.replace(/ off$/, ',PH off') : value;
    else value += tail;
    out.add(value);
  }
  return [...out];
}

test('the library has nothing to say about any string the shortcut accepts', () => {
  const strings = [...generate(2000, 14), ...hoursStrings];
  const plain = strings.filter(isPlainHours);
  const noted = plain.map((value) => [value, library(value)]).filter(([, notes]) => notes.length);
  assert.deepEqual(noted, []);
  // Not vacuous: both sides of the line are well represented.
  assert.ok(plain.length >= 400, `${plain.length} plain strings of ${strings.length}`);
  assert.ok(strings.length - plain.length >= 400, `${strings.length - plain.length} strings left to the library`);
  // Some of those left to the library do get notes: the generator reaches past the form.
  const left = strings.filter((v) => !isPlainHours(v)).slice(0, 300);
  assert.ok(left.some((v) => library(v).length), 'no string left to the library had a note');
});

test('the common forms are plain; loosely written ones are not', () => {
  for (const value of ['Mo-Fr 09:00-12:00', 'Mo-Fr 08:30-12:30,14:00-17:00; Sa 09:00-12:00; PH off', 'Tu,Th 14:30-18:00; Su,PH off', '09:00-18:00', 'Mo-Fr 09:00-13:00; Sa,Su off; PH off']) {
    assert.equal(isPlainHours(value), true, value);
  }
  for (const value of ['mo-fr 09:00-12:00', 'Mo–Fr 09:00-12:00', 'Mo-Fr 9:00-12:00', 'Mo-Fr 09:00-12:00;PH off', 'Mo-Fr 09:00-12:00, PH off', 'Mo-Fr 12:00-09:00', 'Mo-Fr 09:00-12:00; Mo 14:00-16:00', 'Mo-Fr 09:00-12:00,11:00-13:00', 'lun-ven 09:00-12:00', 'Mo-Fr 09:00-12:00 "su appuntamento"', 'Mo-Fr 22:00-02:00', 'Aug off', 'PH off']) {
    assert.equal(isPlainHours(value), false, value);
  }
});

test('hours outside the plain form are still checked by the library, in the chosen language', () => {
  const dash = checkHours('Mo–Fr 09:00-12:00', 'it');
  assert.equal(dash.error, undefined);
  assert.ok(dash.warnings.length > 0);
  assert.ok(checkHours('Mo-Fr 25:00-26:00', 'it').error);
  const result = validateFeed(
    {
      version: 1,
      services: [
        { id: 'a', name: 'Sportello', hours: 'Mo-Fr 09:00-12:00; PH off' },
        { id: 'b', name: 'Mensa', hours: 'lun-ven 09:00-12:00' },
        { id: 'c', name: 'Centro', hours: 'Mo-Fr 09:00-12:00; Sa sempre' },
      ],
    },
    { today: TODAY, lang: 'it' },
  );
  assert.deepEqual(
    result.issues.filter((i) => i.code.startsWith('hours_')).map((i) => [i.path, i.code]),
    [
      ['$.services[1].hours', 'hours_warning'],
      ['$.services[2].hours', 'hours_invalid'],
    ],
  );
});
