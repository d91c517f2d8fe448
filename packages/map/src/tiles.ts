/** The background tiles and their credit, from the element's attributes. */
import { webHref } from '@welfare-elements/core';
import type { TileOptions } from './map-types.js';

/** OpenStreetMap's standard tiles: fine for a municipality's page (see its tile usage policy). */
export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION = { text: '© OpenStreetMap contributors', href: 'https://www.openstreetmap.org/copyright' } as const;

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[welfare-elements] <welfare-map> ${message}`);
}

/**
 * `tiles`: a URL template ({z} {x} {y} {s}), `none` for a plain background, or empty for
 * OpenStreetMap. Only http(s), protocol-relative and relative templates are used. The
 * credit is the page author's `attribution` (as text), else OpenStreetMap's for its tiles.
 */
export function resolveTiles(tiles: string | undefined, attribution?: string, attributionUrl?: string): TileOptions {
  const raw = (tiles ?? '').trim();
  const own = credit(attribution, attributionUrl);
  if (raw.toLowerCase() === 'none') return { url: null, attribution: own };
  const url = raw || OSM_TILES;
  if (!/^(https?:)?\/\//i.test(url) && !/^\.{0,2}\//.test(url)) {
    warnOnce(`tiles="${raw}" is not an http(s) or relative URL template: no tiles are shown.`);
    return { url: null, attribution: own };
  }
  if (!own && url !== OSM_TILES) warnOnce('has custom tiles but no attribution: add the credit the tile provider asks for.');
  return { url, attribution: own ?? (url === OSM_TILES ? OSM_ATTRIBUTION : null) };
}

/**
 * The credit as text and an optional link. Webmasters often paste Leaflet's HTML
 * (`&copy; <a href="...">OpenStreetMap</a>`): it is parsed in an inert document and
 * reduced to its text and first http(s) link, never inserted as markup.
 */
function credit(text: string | undefined, url: string | undefined): TileOptions['attribution'] {
  const raw = text?.trim();
  if (!raw) return null;
  let plain = raw;
  let href = webHref(url);
  if (/[<&]/.test(raw)) {
    const doc = new DOMParser().parseFromString(raw, 'text/html');
    plain = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
    href ??= webHref(doc.querySelector('a[href]')?.getAttribute('href'));
  }
  if (!plain) return null;
  return href ? { text: plain, href } : { text: plain };
}
