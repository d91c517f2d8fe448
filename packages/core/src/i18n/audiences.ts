import type { Lang } from './lang.js';

/**
 * Names of the audiences feeds use today. The feed gives only ids; an id not listed
 * here is shown as written, with a capital letter. The search index holds these names
 * too, so "anziani" and "older people" find the services for `anziani`.
 */
export const AUDIENCE_NAMES = {
  it: {
    giovani: 'Giovani',
    donne: 'Donne',
    famiglie: 'Famiglie',
    anziani: 'Anziani',
    adulti: 'Adulti',
    stranieri: 'Cittadini stranieri',
    disabili: 'Persone con disabilità',
    minori: 'Minori',
    bambini: 'Bambini',
    studenti: 'Studenti',
    caregiver: 'Chi assiste un familiare',
  },
  en: {
    giovani: 'Young people',
    donne: 'Women',
    famiglie: 'Families',
    anziani: 'Older people',
    adulti: 'Adults',
    stranieri: 'Foreign citizens',
    disabili: 'People with disabilities',
    minori: 'Minors',
    bambini: 'Children',
    studenti: 'Students',
    caregiver: 'Family carers',
  },
} satisfies Record<Lang, Record<string, string>>;

export function audienceName(id: string, lang: Lang): string {
  const names: ReadonlyMap<string, string> = new Map(Object.entries(AUDIENCE_NAMES[lang]));
  const known = names.get(id);
  if (known) return known;
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
