/**
 * Feed v1 as the elements use it, after the reader has checked and normalised it
 * (CONTRACT §4). The raw JSON is untrusted; nothing here is read from it unchecked.
 */
import type { PatronDay } from '../hours/holidays.js';

export type { MutualAidPost, MutualAidKind, MutualAidTopic } from '../mutual-aid/post.js';

/** Human-readable text: language code to string. Always has at least one entry. */
export type LocalizedText = Readonly<Record<string, string>>;

export type OrganizationKind = 'public' | 'third-sector' | 'other';

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

export interface Category {
  readonly id: string;
  readonly name: LocalizedText;
  /** Optional extension: a CSS colour for markers and tiles. */
  readonly color?: string;
}

export interface Organization {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: OrganizationKind;
  readonly website?: string;
}

export interface ServiceLocation {
  readonly name?: LocalizedText;
  readonly address?: string;
  readonly comune?: string;
  /** Absent when the feed gave no coordinates or wrong ones. */
  readonly position?: GeoPoint;
  readonly hours?: string;
  /** What the hours cannot say, in words ("Chiuso il 19 gennaio"): extension `hoursNote`. */
  readonly hoursNote?: LocalizedText;
}

/** One of several phone numbers (extension `phones`). */
export interface Phone {
  readonly number: string;
  readonly description?: LocalizedText;
}

export interface Contacts {
  readonly phone?: string;
  /** Every number when the feed gives several; `phone` is the first. */
  readonly phones?: readonly Phone[];
  readonly email?: string;
  /** Only http(s) URLs survive the reader. */
  readonly website?: string;
}

export interface Service extends Contacts {
  readonly type: 'service';
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly organization?: string;
  readonly categories: readonly string[];
  readonly audiences: readonly string[];
  readonly keywords: readonly string[];
  readonly locations: readonly ServiceLocation[];
  readonly hours?: string;
  readonly hoursNote?: LocalizedText;
  readonly validFrom?: string;
  readonly validThrough?: string;
  /** Extension: the day (YYYY-MM-DD) the publisher last checked this entry ("Informazioni verificate il …"). */
  readonly verified?: string;
}

export interface AccessPoint extends Contacts {
  readonly type: 'access-point';
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly address?: string;
  readonly comune?: string;
  readonly position?: GeoPoint;
  readonly hours?: string;
  readonly hoursNote?: LocalizedText;
}

/**
 * What a notice is about: `news`; `closure` (services or access points closed, or open
 * with other `hours`, during `validFrom`..`validThrough`); `deadline` (a call or
 * application that closes on `validThrough`); `event` (on `validFrom`, up to `validThrough`).
 */
export type NoticeKind = 'news' | 'closure' | 'deadline' | 'event';

/**
 * A notice of the board (`<welfare-notices>`). Only `text` is required (feeds written
 * before these fields existed stay valid); `kind` defaults to `news`. Dates are
 * YYYY-MM-DD in Europe/Rome, both ends included.
 */
export interface Notice {
  readonly id?: string;
  readonly kind: NoticeKind;
  readonly title?: LocalizedText;
  readonly text: LocalizedText;
  /** When it was published. */
  readonly date?: string;
  readonly validFrom?: string;
  readonly validThrough?: string;
  /** Ids of the services it concerns (only ids the feed has). */
  readonly services: readonly string[];
  /** Ids of the access points it concerns (only ids the feed has). */
  readonly accessPoints: readonly string[];
  readonly organization?: string;
  readonly comune?: string;
  readonly categories: readonly string[];
  /** Only http(s) URLs survive the reader. */
  readonly link?: string;
  /** For a closure: the hours that apply during the period (OSM syntax); absent means closed. */
  readonly hours?: string;
}

/**
 * Optional extension: words people say → words the services use, added to the search's
 * own thesaurus (docs/feed-format.md, `thesaurus`). Folded and stemmed when searched.
 */
export interface ThesaurusEntry {
  /** What people type: words or short phrases, in any language. */
  readonly words: readonly string[];
  /** Words the services use; a query with one of `words` also looks for these. */
  readonly means: readonly string[];
}

export interface Feed {
  readonly version: 1;
  readonly title?: LocalizedText;
  readonly updated?: string;
  readonly categories: readonly Category[];
  readonly organizations: readonly Organization[];
  /** Services inside their validity window, in feed order. */
  readonly services: readonly Service[];
  readonly accessPoints: readonly AccessPoint[];
  readonly notices: readonly Notice[];
  /**
   * Optional extension (issue 19): the feed's `mutualAid` section AS IT CAME, unchecked.
   * Read it only with `readMutualAid` (`@welfare-elements/core/mutual-aid/post.js`), which
   * drops every post that breaks the rules; the rules are a lazy part, so pages without a
   * `<welfare-mutual-aid>` do not download them. Absent when the feed has no such array.
   */
  readonly mutualAid?: readonly unknown[];
  /** Optional extension: the feed's own thesaurus entries (local words, other languages). */
  readonly thesaurus?: readonly ThesaurusEntry[];
  /**
   * Optional extension: opening hours compiled by the feed tool (`hoursCompiled`,
   * docs/feed-format.md), by the string they compile; checked and read by the small
   * evaluator (`CompiledHours` once checked).
   */
  readonly hoursCompiled?: ReadonlyMap<string, unknown>;
  /** Optional extension: each comune's patron saint day, a holiday there (`patronDays`). */
  readonly patronDays?: readonly PatronDay[];
  /** Derived: every comune named by a service location or access point, sorted. */
  readonly comuni: readonly string[];
  /** Derived: every audience id used by a service, sorted. */
  readonly audiences: readonly string[];
  /** Derived: true when any service, location or access point has `hours`. */
  readonly hasHours: boolean;
}

/** Something the reader noticed in one entry. */
export interface FeedIssue {
  /** JSON path of the entry, e.g. `$.services[3]`. */
  readonly path: string;
  /** Plain English, for developers reading the console. */
  readonly reason: string;
  /** True when the entry was dropped; false when only a field was. */
  readonly dropped: boolean;
}

export interface ReadResult {
  readonly feed: Feed;
  readonly issues: readonly FeedIssue[];
  /** Entries dropped as invalid (CONTRACT §4 `skipped`). */
  readonly skipped: number;
  /** Valid services hidden because today is outside their validity window. */
  readonly hidden: number;
}
