/**
 * Two versions of an offer side by side, field by field, in words: for the office's
 * review (published → proposed) and for a save conflict (theirs → mine). Changed fields
 * are said in text ("cambiato"), not only by colour.
 */
import { html, css, nothing } from 'lit';
import { audienceName, hoursInWords, type Lang } from '@welfare-elements/core';
import { italian, type OfferData, type PlaceData } from './offer-data.js';

const labels = {
  it: {
    field: 'Campo',
    name: 'Nome',
    description: 'Descrizione',
    categories: 'Categorie',
    audiences: 'Per chi',
    keywords: 'Parole chiave',
    places: 'Luoghi e orari',
    phone: 'Telefono',
    email: 'Email',
    website: 'Sito',
    validFrom: 'Valida dal',
    validThrough: 'Valida fino al',
    changed: 'cambiato',
    same: 'uguale',
    empty: '—',
    onlyChanged: (n: number) => (n === 1 ? '1 campo cambiato' : `${n} campi cambiati`),
    noChanges: 'Nessuna differenza.',
  },
  en: {
    field: 'Field',
    name: 'Name',
    description: 'Description',
    categories: 'Categories',
    audiences: 'For whom',
    keywords: 'Keywords',
    places: 'Places and hours',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    validFrom: 'Valid from',
    validThrough: 'Valid until',
    changed: 'changed',
    same: 'same',
    empty: '—',
    onlyChanged: (n: number) => (n === 1 ? '1 field changed' : `${n} fields changed`),
    noChanges: 'No differences.',
  },
} as const;

function placeText(place: PlaceData, lang: Lang): string {
  const where = [italian(place.name), place.address, place.comune].filter(Boolean).join(', ');
  const point = typeof place.lat === 'number' ? ` (${place.lat}, ${place.lon})` : '';
  const hours = place.hours ? ` — ${hoursInWords(place.hours.replace(/ "[^"]*"/g, ''), lang) ?? place.hours}` : '';
  const note = italian(place.hoursNote);
  return `${where}${point}${hours}${note ? ` (${note})` : ''}`;
}

type FieldKey = Exclude<keyof (typeof labels)['it'], 'field' | 'changed' | 'same' | 'empty' | 'onlyChanged' | 'noChanges'>;

/** The fields people compare, each as a line of text. */
export function offerFields(data: OfferData | null | undefined, lang: Lang, categoryName: (id: string) => string = (id) => id): Map<FieldKey, string> {
  const d = data ?? {};
  return new Map<FieldKey, string>([
    ['name', italian(d.name)],
    ['description', italian(d.description)],
    ['categories', (d.categories ?? []).map(categoryName).join(', ')],
    ['audiences', (d.audiences ?? []).map((a) => audienceName(a, lang)).join(', ')],
    ['keywords', (d.keywords ?? []).join(', ')],
    ['places', (d.locations ?? []).map((p) => placeText(p, lang)).join('\n')],
    ['phone', d.phone ?? ''],
    ['email', d.email ?? ''],
    ['website', d.website ?? ''],
    ['validFrom', d.validFrom ?? ''],
    ['validThrough', d.validThrough ?? ''],
  ]);
}

export interface DiffOptions {
  readonly lang: Lang;
  readonly before: OfferData | null | undefined;
  readonly after: OfferData;
  readonly beforeLabel: string;
  readonly afterLabel: string;
  readonly caption: string;
  readonly categoryName?: (id: string) => string;
}

/** Number of fields that differ. */
export function changedCount(before: OfferData | null | undefined, after: OfferData, lang: Lang): number {
  const a = offerFields(before, lang);
  const b = offerFields(after, lang);
  return [...b].filter(([key, value]) => a.get(key) !== value).length;
}

export function renderDiff(o: DiffOptions) {
  const t = labels[o.lang];
  const a = offerFields(o.before, o.lang, o.categoryName);
  const b = offerFields(o.after, o.lang, o.categoryName);
  const changed = [...b].filter(([key, value]) => a.get(key) !== value).length;
  return html`<table class="diff">
    <caption>
      ${o.caption} · ${changed ? t.onlyChanged(changed) : t.noChanges}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.field}</th>
        <th scope="col">${o.beforeLabel}</th>
        <th scope="col">${o.afterLabel}</th>
      </tr>
    </thead>
    <tbody>
      ${[...b].map(([key, after]) => {
        const before = a.get(key) ?? '';
        const differs = before !== after;
        if (!differs && !after) return nothing;
        return html`<tr class=${differs ? 'changed' : ''}>
          <th scope="row">${t[key]} <span class="tag">${differs ? t.changed : t.same}</span></th>
          <td>${before || t.empty}</td>
          <td>${after || t.empty}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export const diffStyles = css`
  .diff {
    border-collapse: collapse;
    width: 100%;
    margin-block-end: 1rem;
  }
  .diff caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.25rem;
  }
  .diff th,
  .diff td {
    border: 1px solid var(--_border);
    padding: 0.375rem 0.5rem;
    vertical-align: top;
    text-align: start;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .diff tbody th {
    width: 9rem;
  }
  .diff .tag {
    display: block;
    font-weight: 400;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .diff tr.changed {
    background: #fff4d6;
  }
  .diff tr.changed .tag {
    color: var(--_hint);
    font-weight: 700;
  }
  @media (max-width: 36rem) {
    .diff tbody th {
      width: auto;
    }
  }
`;
