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
 * (`&copy; <a href="...">OpenStreetMap</a>`): it is reduced to its text and first http(s)
 * link, never inserted as markup. Reduced by hand, not parsed: DOMParser takes a string
 * of HTML, which a page that requires Trusted Types refuses.
 */
function credit(text: string | undefined, url: string | undefined): TileOptions['attribution'] {
  const raw = text?.trim();
  if (!raw) return null;
  let plain = raw;
  let href = webHref(url);
  if (/[<&]/.test(raw)) {
    const link = /<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(raw);
    if (link) href ??= webHref(decodeEntities(link[1] ?? link[2] ?? link[3] ?? ''));
    const withoutMarkup = raw
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[a-z/!?][^>]*>?/gi, '');
    plain = decodeEntities(withoutMarkup).replace(/\s+/g, ' ').trim();
  }
  if (!plain) return null;
  return href ? { text: plain, href } : { text: plain };
}

const ENTITIES = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', ' '],
  ['copy', '©'], ['reg', '®'], ['trade', '™'], ['middot', '·'], ['ndash', '–'], ['mdash', '—'],
]);

/** The character references a credit line uses; others are left as written. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return ENTITIES.get(name.toLowerCase()) ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
