import { OSM_TILES } from './http/tiles.js';

/** What the hub is started with (command-line flags and environment, see cli.ts). */
export interface HubConfig {
  /** PostgreSQL server; when missing the embedded PGlite in `dataDir` is used. */
  databaseUrl?: string;
  /** PGlite data folder; undefined = in memory (tests only). */
  dataDir?: string;
  /** Also write each new feed here, atomically, for static hosting or a CDN. */
  publishDir?: string;
  /** Offers not verified for this many months are listed as stale (default 6). */
  staleMonths: number;
  /** Cookies get `Secure` and the `__Host-` prefix (set when served over HTTPS). */
  secureCookies: boolean;
  /** Public address of the hub, used to write one-time links (default: from the request). */
  publicUrl?: string;
  /** Session lifetimes in minutes: idle (since last request) and absolute (since login). */
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  /** One-time links (invitations, resets) live this many hours. */
  linkHours: number;
  /** SMTP server for invitations, resets and relayed messages (`smtp://user:pass@host:587`); none = no mail. */
  smtpUrl?: string;
  /** Sender of those mails; default the SMTP user when it is an address. */
  mailFrom?: string;
  /**
   * Origins (`https://www.comune.lodi.it`) whose pages may send mutual-aid posts and answers
   * to the hub with `<welfare-mutual-aid-form>` (CORS on the three public endpoints only;
   * everything else stays same-origin). None: only the hub's own page posts.
   */
  aidOrigins?: readonly string[];
  /** Cache lifetime of /feed.json in seconds: short, so a change reaches citizens soon. */
  feedMaxAge: number;
  /**
   * Background tiles of the maps on the hub's pages: a URL template (`https://…/{z}/{x}/{y}.png`,
   * or a path on the hub), or `none` for a plain background. Default: OpenStreetMap's, as the
   * citizens' `<welfare-map>`. Its origin goes into the pages' Content-Security-Policy.
   */
  tiles: string;
  /** The credit the tile provider asks for (text, or Leaflet's `&copy; <a href>` form, shown as text and one link). */
  tilesCredit?: string;
  /** The clock: tests move it to check expiry. */
  now: () => Date;
}

export const DEFAULT_CONFIG: HubConfig = {
  staleMonths: 6,
  secureCookies: false,
  sessionIdleMinutes: 60,
  sessionAbsoluteMinutes: 12 * 60,
  linkHours: 72,
  feedMaxAge: 60,
  tiles: OSM_TILES,
  now: () => new Date(),
};

export function configure(partial: Partial<HubConfig> = {}): HubConfig {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_CONFIG, ...defined };
}
