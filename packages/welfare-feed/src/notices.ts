/**
 * The notices of a feed for people who follow them elsewhere: an RSS 2.0 channel of the
 * current notices (for feed readers), and an iCalendar file (RFC 5545) of the deadlines
 * and events (for calendars). The feed is read with the elements' own tolerant reader and
 * notices logic (core), so a notice appears here exactly when the board shows it.
 */
import { createHash } from 'node:crypto';
import { readFeed } from '@welfare-elements/core/feed/reader.js';
import type { Feed, Notice } from '@welfare-elements/core/feed/types.js';
import { provideStrings } from '@welfare-elements/core/i18n/dictionary.js';
import { currentNotices, noticeStrings, noticeWhen } from '@welfare-elements/core/notices/lazy.js';
import * as noticeWordsEnglish from '@welfare-elements/core/notices/notice-words.en.js';
import type { Lang } from './messages.js';

// The browser fetches the English notice words when a page is in English; here they are
// needed at once, for an English channel or calendar.
provideStrings(noticeWordsEnglish);

export interface NoticesExportOptions {
  /** Language of titles and texts (the feed's text in that language, Italian otherwise). */
  readonly lang?: Lang;
  /** Today (YYYY-MM-DD, Europe/Rome): expired notices are left out. */
  readonly today: string;
  /** The moment written as the build date (RSS lastBuildDate, iCalendar DTSTAMP). */
  readonly now?: Date;
}

export interface RssOptions extends NoticesExportOptions {
  /** The web page of the notices (RSS requires a channel link). */
  readonly link: string;
}

const words = {
  it: { channel: 'Avvisi', description: 'Notizie, chiusure temporanee, scadenze ed eventi', concerns: 'Riguarda' },
  en: { channel: 'Notices', description: 'News, temporary closures, deadlines and events', concerns: 'Concerns' },
} satisfies Record<Lang, unknown>;

const pick = (text: Readonly<Record<string, string>> | undefined, lang: Lang) =>
  text ? (text[lang] ?? text['it'] ?? text['en'] ?? Object.values(text)[0] ?? '') : '';

/** Reads a parsed feed like the elements do; throws the reader's FeedError for a value that is not a v1 feed. */
export function readNotices(raw: unknown, today: string): Feed {
  return readFeed(raw, { today }).feed;
}

/** A stable id for a notice: its own, or a hash of what it says (RSS guid, iCalendar UID). */
function noticeId(n: Notice): string {
  return n.id ?? createHash('sha256').update(JSON.stringify([n.kind, n.title, n.text, n.date, n.validFrom, n.validThrough])).digest('hex').slice(0, 16);
}

/** "Sportello casa di Lodi, Punto di accesso": the names of what a notice concerns. */
function concerns(feed: Feed, n: Notice, lang: Lang): string {
  const services = new Map(feed.services.map((s) => [s.id, s]));
  const points = new Map(feed.accessPoints.map((a) => [a.id, a]));
  const names = [...n.services.map((id) => services.get(id)), ...n.accessPoints.map((id) => points.get(id))]
    .filter((e) => e !== undefined)
    .map((e) => pick(e.name, lang));
  return names.length ? `${words[lang].concerns}: ${names.join(', ')}.` : '';
}

function heading(n: Notice, lang: Lang): string {
  const kind = noticeStrings[lang].kinds[n.kind];
  const title = pick(n.title, lang);
  return title ? `${kind}: ${title}` : kind;
}

// ---------------------------------------------------------------- RSS 2.0

/** Characters XML 1.0 does not allow, even escaped; feed text may carry them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The current notices (expired ones left out) as an RSS 2.0 channel, newest first. */
export function noticesRss(feed: Feed, options: RssOptions): string {
  const lang = options.lang ?? 'it';
  const w = words[lang];
  const now = options.now ?? new Date();
  const title = pick(feed.title, lang);
  const el = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`;
  const items = currentNotices(feed.notices, options.today).map((n) => {
    const when = noticeWhen(n, lang, options.today);
    const description = [when ? `${when}.` : '', pick(n.text, lang), concerns(feed, n, lang)].filter(Boolean).join(' ');
    return [
      '    <item>',
      `      ${el('title', heading(n, lang))}`,
      `      ${el('description', description)}`,
      ...(n.link ? [`      ${el('link', n.link)}`] : []),
      `      <guid isPermaLink="false">${xmlEscape(noticeId(n))}</guid>`,
      ...(n.date ? [`      ${el('pubDate', new Date(`${n.date}T00:00:00Z`).toUTCString())}`] : []),
      `      ${el('category', noticeStrings[lang].kinds[n.kind])}`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    ${el('title', title ? `${title} - ${w.channel}` : w.channel)}`,
    `    ${el('link', options.link)}`,
    `    ${el('description', w.description)}`,
    `    ${el('language', lang)}`,
    `    ${el('lastBuildDate', now.toUTCString())}`,
    '    <generator>welfare-feed</generator>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- iCalendar (RFC 5545)

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function icsEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one
 * space, and a UTF-8 character is never split.
 */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const max = out.length === 0 ? 75 : 74; // the leading space counts
    if (octets + size > max) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basicDate = (date: string) => date.replaceAll('-', '');
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Deadlines (on their `validThrough`) and events (from `validFrom` to `validThrough`) that
 * are not over, as all-day events of an iCalendar file.
 */
export function noticesIcs(feed: Feed, options: NoticesExportOptions): string {
  const lang = options.lang ?? 'it';
  const dtstamp = stamp(options.now ?? new Date());
  const title = pick(feed.title, lang);
  // UIDs must be unique worldwide: the notice id, qualified by the feed it comes from.
  const scope = createHash('sha256').update(title || 'welfare-feed').digest('hex').slice(0, 12);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//welfare-elements//welfare-feed//${lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(title ? `${title} - ${words[lang].channel}` : words[lang].channel)}`,
  ];
  for (const n of currentNotices(feed.notices, options.today)) {
    const start = n.kind === 'deadline' ? n.validThrough : n.kind === 'event' ? (n.validFrom ?? n.validThrough) : undefined;
    if (!start) continue;
    const end = n.kind === 'event' ? (n.validThrough ?? start) : start;
    const description = [pick(n.text, lang), concerns(feed, n, lang)].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsEscape(`${noticeId(n)}-${scope}@welfare-feed`)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${basicDate(start)}`,
      // DTEND of an all-day event is the day after the last one (exclusive).
      `DTEND;VALUE=DATE:${basicDate(nextDay(end))}`,
      `SUMMARY:${icsEscape(heading(n, lang))}`,
      ...(description ? [`DESCRIPTION:${icsEscape(description)}`] : []),
      ...(n.link ? [`URL:${n.link}`] : []),
      `CATEGORIES:${icsEscape(noticeStrings[lang].kinds[n.kind])}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}
