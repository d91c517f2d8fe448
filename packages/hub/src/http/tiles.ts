/**
 * The background tiles of the maps on the hub's pages (the place picker, the preview's
 * `<welfare-map>`): a URL template the hub passes to its pages, whose origin it adds to
 * the Content-Security-Policy's `img-src`, and the credit the tile provider asks for.
 */

/** The citizens' elements' default (packages/map/src/tiles.ts): OpenStreetMap's standard tiles. */
export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export interface TileSetting {
  /** The URL template the pages get, or `none` for a plain background. */
  readonly template: string;
  /** The CSP source for `img-src` (`https://tile.example.org`, `https://*.tile.example.org`); undefined for none or the hub's own origin. */
  readonly source?: string;
  /** The credit shown under every map; undefined lets the elements credit OpenStreetMap for its tiles. */
  readonly credit?: string;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * Reads `--tiles` / `HUB_TILES`: `none`, a path on the hub (`/tiles/{z}/{x}/{y}.png`), or an
 * `https:` template (`http:` only on this machine: a browser refuses http images on an https
 * hub). Only the template's origin goes into the CSP, never a path or a wildcard beyond
 * `{s}` (Leaflet's subdomains) as the first label. Anything else is refused at start-up,
 * with the reason, instead of a map that silently stays blank.
 */
export function tileSetting(template: string | undefined, credit?: string): TileSetting {
  const raw = (template ?? OSM_TILES).trim() || OSM_TILES;
  const text = credit?.trim() || undefined;
  if (raw.toLowerCase() === 'none') return { template: 'none', credit: text };
  if (/^\/(?!\/)/.test(raw)) return { template: raw, credit: text };
  const match = /^(https?):\/\/([^/?#]+)\/[^\s"'<>]*$/i.exec(raw);
  if (!match) throw new Error(`--tiles "${raw}": serve un indirizzo https://…/{z}/{x}/{y}.png, un percorso /… del hub oppure none.`);
  const [, scheme, host] = match as unknown as [string, string, string];
  if (scheme.toLowerCase() === 'http' && !LOOPBACK.test(host)) {
    throw new Error(`--tiles "${raw}": le mattonelle devono venire da https:// (http:// solo da questo computer).`);
  }
  const hostSource = host.replace(/^\{s\}\./, '*.');
  if (!/^(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?$|^\[::1\](?::\d{1,5})?$/i.test(hostSource)) {
    throw new Error(`--tiles "${raw}": il nome del server delle mattonelle non è valido ({s} solo all'inizio).`);
  }
  return { template: raw, source: `${scheme.toLowerCase()}://${hostSource.toLowerCase()}`, credit: text };
}
