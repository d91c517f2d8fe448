import { checkContent } from './checks.js';
import { countBySeverity, Reporter, type Issue } from './issues.js';
import type { Lang } from './messages.js';
import { child } from './paths.js';
import { checkSchema } from './schema.js';
import { MAX_DEPTH, scanJson, type JsonScan } from './text.js';

export interface ValidateOptions {
  lang?: Lang;
  /** YYYY-MM-DD used for expiry; defaults to today in Europe/Rome. */
  today?: string;
  /** `scanJson(feed)` when the caller already made it (the CLI does, to stop early on a file nested too deep): saves walking a big feed twice. */
  scan?: JsonScan;
}

export interface ValidateResult {
  ok: boolean;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** Made once: building an Intl.DateTimeFormat costs more than formatting with it (the hub asks for today on every request). */
let romeDates: Intl.DateTimeFormat | undefined;

/**
 * The last answer, by minute: Rome's date changes only on a whole minute (its offsets are
 * whole hours), and formatToParts costs a few tenths of a millisecond, which the hub paid
 * several times per save.
 */
let lastMinute = Number.NaN;
let lastDay = '';

/** Today's date (YYYY-MM-DD) in Europe/Rome, where the feed's dates live. */
export function romeToday(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastMinute) return lastDay;
  romeDates ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
  // From the parts: the 'en-CA' pattern is YYYY-MM-DD only with recent ICU data.
  const parts = romeDates.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  if (Number.isFinite(minute)) {
    lastMinute = minute;
    lastDay = day;
  }
  return day;
}

/**
 * Validates a parsed feed: the JSON Schema, then the content checks. When both
 * complain about the same value, only the plainer content message is kept.
 */
export function validateFeed(feed: unknown, options: ValidateOptions = {}): ValidateResult {
  const lang = options.lang ?? 'it';
  const schema = new Reporter(lang);
  const content = new Reporter(lang);
  const scan = options.scan ?? scanJson(feed, child);
  if (scan.tooDeep) {
    // The schema and content checks walk the feed recursively: stop before they overflow.
    content.error('json_too_deep', { max: MAX_DEPTH }, { path: '$' });
    return summarize(content.issues);
  }
  for (const { path, value } of scan.replacement) content.error('text_replacement_char', { value: excerpt(value) }, { path });
  checkSchema(feed, schema);
  checkContent(feed, content, options.today ?? romeToday());
  const covered = new Set(content.issues.filter((i) => i.severity === 'error').map((i) => i.path));
  const issues = [...schema.issues.filter((i) => !covered.has(i.path)), ...content.issues];
  return summarize(issues);
}

/** The damaged part of a long text, so the message shows what to look for. */
function excerpt(value: string): string {
  const at = value.indexOf('\uFFFD');
  const from = Math.max(0, at - 30);
  return `${from > 0 ? '…' : ''}${value.slice(from, at + 30)}${at + 30 < value.length ? '…' : ''}`;
}

export function summarize(issues: Issue[]): ValidateResult {
  const { errors, warnings } = countBySeverity(issues);
  return { ok: errors === 0, errors, warnings, issues };
}
