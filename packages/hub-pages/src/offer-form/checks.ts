/**
 * The checks the form runs as people type. Errors stop a save for review (the hub would
 * refuse the entry, or citizens would be misled); hints are advice and never block.
 * Each names the field it belongs to (a dotted path, `locations.0.comune`), so the form
 * shows it next to that field. The hub runs the feed's own validation again on save.
 */
import { distanceKm, TEXT_LIMITS, type Lang } from '@welfare-elements/core';
import { italian, type OfferData, type Territory } from '../shared/offer-data.js';
import { readability } from '../shared/readability.js';
import { checkStrings } from './checks.strings.js';

export interface Check {
  readonly path: string;
  readonly level: 'error' | 'hint';
  readonly message: string;
}

/** Descriptions longer than this are hard to read on a phone (the feed allows 4000). */
export const DESCRIPTION_ADVICE = 1200;
/** A point farther than this from its comune's centre is probably misplaced. */
export const FAR_KM = 6;

const PHONE = /^\+?[\d\s./()-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Italian numbers have 6 to 11 digits; with a country prefix up to 15. */
function phoneProblem(phone: string): boolean {
  const digits = phone.replace(/\D/g, '').length;
  return !PHONE.test(phone) || digits < 6 || digits > 15;
}

/** `hoursValid` says whether an hours string can be read (the evaluator, when loaded). */
export function checkOffer(
  data: OfferData,
  territory: Territory | undefined,
  lang: Lang,
  hoursValid: (hours: string) => boolean = () => true,
): Check[] {
  const t = checkStrings[lang];
  const out: Check[] = [];
  const error = (path: string, message: string) => out.push({ path, level: 'error', message });
  const hint = (path: string, message: string) => out.push({ path, level: 'hint', message });

  const name = italian(data.name).trim();
  if (!name) error('name', t.nameMissing);
  else if (name.length > TEXT_LIMITS.name) error('name', t.tooLong(name.length, TEXT_LIMITS.name));
  else if (name.length > 80) hint('name', t.nameLong);

  const description = italian(data.description).trim();
  if (!description) hint('description', t.descriptionMissing);
  else if (description.length > TEXT_LIMITS.description) error('description', t.tooLong(description.length, TEXT_LIMITS.description));
  else if (description.length > DESCRIPTION_ADVICE) hint('description', t.descriptionLong(description.length, DESCRIPTION_ADVICE));
  if (description) {
    const r = readability(description);
    if (r.gulpease !== undefined && r.gulpease < 60) hint('description', t.readability(r.gulpease));
    if (r.longSentences) hint('description', t.longSentences(r.longSentences));
  }

  if (!data.categories?.length) error('categories', t.categoryMissing);

  const places = data.locations ?? [];
  if (!places.length) hint('locations', t.noPlace);
  places.forEach((place, i) => {
    const at = `locations.${i}`;
    if (!place.address?.trim()) hint(`${at}.address`, t.addressMissing);
    const comune = territory?.comuni.find((c) => c.name === place.comune);
    if (!place.comune) error(`${at}.comune`, t.comuneMissing);
    else if (territory && !comune) error(`${at}.comune`, t.comuneUnknown(place.comune));
    const hasLat = typeof place.lat === 'number';
    const hasLon = typeof place.lon === 'number';
    if (hasLat !== hasLon) error(`${at}.position`, t.positionHalf);
    else if (!hasLat) hint(`${at}.position`, t.positionMissing);
    else if (place.lat! < -90 || place.lat! > 90 || place.lon! < -180 || place.lon! > 180) error(`${at}.position`, t.positionRange);
    else if (comune) {
      const km = distanceKm({ lat: place.lat!, lon: place.lon! }, comune);
      if (km > FAR_KM) hint(`${at}.position`, t.positionFar(Math.round(km), comune.name));
    }
    if (place.hours && !hoursValid(place.hours)) error(`${at}.hours`, t.hoursInvalid);
  });

  const phone = data.phone?.trim();
  const email = data.email?.trim();
  const website = data.website?.trim();
  if (!phone && !email && !website) hint('contacts', t.contactMissing);
  if (phone && phoneProblem(phone)) error('phone', t.phoneFormat);
  if (email && !EMAIL.test(email)) error('email', t.emailFormat);
  if (website && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website)) error('website', t.websiteFormat);

  if (data.validFrom && !DATE.test(data.validFrom)) error('validFrom', t.dateFormat);
  if (data.validThrough && !DATE.test(data.validThrough)) error('validThrough', t.dateFormat);
  if (data.validFrom && data.validThrough && data.validThrough < data.validFrom) error('validThrough', t.dateOrder);
  return out;
}

/** "3,5" or "3.5" → 3.5; anything else → NaN (people in Italy type a decimal comma). */
export function parseCoordinate(text: string): number {
  const clean = text.trim().replace(/\s+/g, '').replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(clean) ? Number(clean) : NaN;
}

/** 45.31381 → "45,31381" (it) or "45.31381" (en), six decimals at most. */
export function formatCoordinate(value: number | undefined, lang: Lang): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return '';
  const text = String(Math.round(value * 1e6) / 1e6);
  return lang === 'it' ? text.replace('.', ',') : text;
}
