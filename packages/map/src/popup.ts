/**
 * Popup contents, built with lit templates into a detached element: every feed value is
 * bound as text (never as HTML), and links pass through webHref/telHref/mailtoHref and
 * directionsHref. Leaflet receives the element, not a string.
 */
import {
  type CommonStrings,
  directionsHref,
  distanceKm,
  type GeoPoint,
  type GroupStore,
  type Lang,
  onServiceLink,
  openServiceView,
  pick,
  serviceLink,
  renderContacts,
  renderHours,
} from '@welfare-elements/core';
import { html, nothing, render } from 'lit';
import type { Place } from './map-types.js';
import type { EngineStrings } from './engine.strings.js';

/** What the element hands the engine to describe places: its language, texts and group. */
export interface PopupContext {
  readonly lang: Lang;
  readonly strings: CommonStrings;
  readonly store: GroupStore;
  /** Directions URL template with {lat} and {lon}; OpenStreetMap when empty. */
  readonly directions?: string | undefined;
  readonly headingLevel: number;
}

/** Name, organisation, address, distance, hours, contacts and directions of one place. */
export function popupContent(place: Place, ctx: PopupContext, t: EngineStrings): HTMLElement {
  const { lang, strings, store } = ctx;
  const entry = place.entry;
  const name = pick(entry.name, lang);
  const isService = entry.type === 'service';
  const location = isService ? entry.locations[place.location] : undefined;
  const org = isService ? store.organizationOf(entry) : undefined;
  const address = (
    isService
      ? [location?.name ? pick(location.name, lang) : undefined, location?.address, location?.comune]
      : [entry.address, entry.comune]
  ).filter((part): part is string => !!part);
  const hours = isService ? (location?.hours ?? entry.hours) : entry.hours;
  const hoursNote = isService ? (location?.hoursNote ?? entry.hoursNote) : entry.hoursNote;
  const origin: GeoPoint | null = store.origin;
  const km = origin ? distanceKm(origin, { lat: place.lat, lon: place.lon }) : undefined;
  const directions = directionsHref(place.lat, place.lon, ctx.directions || undefined);

  const root = container(name);
  render(
    html`<div role="heading" aria-level=${level(ctx)} class="popup-name" part="popup-name">${name}</div>
      ${!isService ? html`<p class="popup-kind" part="popup-kind">${t.accessPoint}</p>` : nothing}
      ${org ? html`<p class="popup-org" part="organization">${pick(org.name, lang)}</p>` : nothing}
      ${address.length ? html`<p class="popup-address" part="address">${address.join(', ')}</p>` : nothing}
      ${km !== undefined ? html`<p class="popup-distance" part="distance">${strings.distance(km)}</p>` : nothing}
      ${renderHours(hours, lang, { closure: store.closureOf(entry.id), comune: isService ? location?.comune : entry.comune, note: pick(hoursNote, lang) })} ${renderContacts(entry, strings)}
      ${directions
        ? html`<p class="popup-directions">
            <a part="link directions" href=${directions} target="_blank" rel="noopener noreferrer"
              >${strings.directions}<span class="visually-hidden"> ${strings.opensInNewWindow}</span></a
            >
          </p>`
        : nothing}
      ${isService
        ? html`<p class="popup-actions">
            <a
              part="link open"
              href=${serviceLink(entry.id)}
              data-service-link=${entry.id}
              @click=${(e: MouseEvent) => onServiceLink(e, () => openServiceView(store, lang, entry.id, e.currentTarget as Element))}
              >${t.details}<span class="visually-hidden">: ${name}</span></a
            >
            ${store.selecting
              ? html`<label class="save" part="save"
                  ><input type="checkbox" .checked=${store.saved.includes(entry.id)} @change=${() => store.toggleSaved(entry.id)} />${t.saved}<span
                    class="visually-hidden"
                    >: ${name}</span
                  ></label
                >`
              : nothing}
          </p>`
        : nothing}`,
    root,
  );
  return root;
}

/** Several services at one address: a list of buttons, each opening one of them. */
export function stackContent(
  places: readonly Place[],
  choose: (place: Place) => void,
  ctx: PopupContext,
  t: EngineStrings,
): HTMLElement {
  const { lang } = ctx;
  const first = places[0];
  const where =
    first && first.entry.type === 'service'
      ? [first.entry.locations[first.location]?.address, first.entry.locations[first.location]?.comune]
      : [first?.entry.type === 'access-point' ? first.entry.address : undefined];
  const accessPoints = places.filter((p) => p.entry.type === 'access-point').length;
  const title = t.stack(places.length - accessPoints, accessPoints);
  const root = container(title);
  render(
    html`<div role="heading" aria-level=${level(ctx)} class="popup-name" part="popup-name">${title}</div>
      ${where.some(Boolean) ? html`<p class="popup-address" part="address">${where.filter(Boolean).join(', ')}</p>` : nothing}
      <ul class="stack" part="stack">
        ${places.map(
          (p) => html`<li>
            <button type="button" class="stack-item" part="stack-item" @click=${() => choose(p)}>
              ${p.entry.type === 'access-point' ? `${t.accessPoint}: ` : ''}${pick(p.entry.name, lang)}
            </button>
          </li>`,
        )}
      </ul>`,
    root,
  );
  return root;
}

function container(label: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'popup';
  root.setAttribute('part', 'popup');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', label);
  return root;
}

function level(ctx: PopupContext): number {
  return Math.min(6, Math.max(2, Math.round(ctx.headingLevel) || 3));
}

/** A marker's accessible name: name and where ("Emporio solidale, Via Roma 1, Lodi"). */
export function placeLabel(place: Place, lang: Lang, t: EngineStrings): string {
  const e = place.entry;
  const parts =
    e.type === 'service'
      ? [pick(e.name, lang), e.locations[place.location]?.address, e.locations[place.location]?.comune]
      : [`${t.accessPoint}: ${pick(e.name, lang)}`, e.address, e.comune];
  return parts.filter(Boolean).join(', ');
}
