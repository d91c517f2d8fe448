/**
 * Mutual aid (issue 19): citizens offer and ask for help, mediated by a local organisation.
 * This module is the one source of truth for what a published post may hold. The feed
 * reader (browsers), the feed CLI and the hub (before it publishes) all use it, so a post
 * the hub accepts is one the elements show, and no copy of these rules drifts.
 *
 * A published post holds NO personal data: no name, no contact, no address. The contact
 * stays in the hub, seen only by the mediating organisation.
 */

/** `offro`: someone offers help; `cerco`: someone asks for it. */
export type MutualAidKind = 'offro' | 'cerco';
export const MUTUAL_AID_KINDS: readonly MutualAidKind[] = ['offro', 'cerco'];

/**
 * What the help is about. A fixed list, so the board can filter and name topics in every
 * language, and a post cannot smuggle free text (a name, an address) through its topic.
 */
export const MUTUAL_AID_TOPICS = [
  'compagnia',
  'spesa',
  'accompagnamento',
  'pratiche',
  'casa',
  'studio',
  'bambini',
  'altro',
] as const;
export type MutualAidTopic = (typeof MUTUAL_AID_TOPICS)[number];

/** Longest texts: a post is a short message on a board, not a letter. */
export const MUTUAL_AID_LIMITS = { text: 500, availability: 200, comune: 100, id: 100 } as const;

/** How long a post stays up, unless the poster renews it by their link. */
export const MUTUAL_AID_DAYS = 30;

/** One approved post, as published in the feed's `mutualAid` section (docs/feed-format.md). */
export interface MutualAidPost {
  readonly id: string;
  readonly kind: MutualAidKind;
  readonly topic: MutualAidTopic;
  /** Plain text, at most 500 characters, no contact in it. */
  readonly text: string;
  /** The comune; never an address. */
  readonly comune: string;
  /** When the person is available, in their words ("il martedì mattina"). */
  readonly availability?: string;
  /** YYYY-MM-DD: the day a mediator approved it. */
  readonly published: string;
  /** YYYY-MM-DD: the last day it is shown. */
  readonly expires: string;
  /** Id of the organisation that mediates it (an entry of `organizations`). */
  readonly mediator: string;
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// Nine or more digits, with the spaces, dots, dashes, slashes and brackets people type
// between them ("333 123 4567", "0371/123456", "+39 (0371) 12.34.56"); a date
// (2026-12-01, eight digits) is not one.
const PHONE = /(?:\+|00)?\d(?:[\s./()-]*\d){8,}/;

/**
 * True when a text looks like it holds an email address or a phone number. The hub
 * refuses to publish such a post and the reader drops it: a contact must never reach
 * the public board, even when a mediator misses it while editing.
 */
export function looksLikeContact(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function short(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/\s+/g, ' ').trim();
  return s && s.length <= max ? s : undefined;
}

/** A YYYY-MM-DD that names a real day. */
export function isDay(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** A post, or why it cannot be published (plain English, for the console and the CLI). */
export type MutualAidCheck =
  | { readonly post: MutualAidPost }
  /** `contact`: the text looks like it holds an email or phone number; `invalid`: anything else. */
  | { readonly reason: string; readonly code: 'invalid' | 'contact' };

/**
 * Checks one untrusted `mutualAid` entry. Strict, unlike the rest of the reader: a post
 * with anything wrong is dropped whole rather than shown half, since what is wrong could
 * be a person's data in the wrong field. Unknown fields are not copied.
 */
export function checkMutualAidPost(raw: unknown): MutualAidCheck {
  if (!isObject(raw)) return { code: 'invalid', reason: 'post is not an object' };
  const id = short(raw['id'], MUTUAL_AID_LIMITS.id);
  if (!id) return { code: 'invalid', reason: 'missing "id"' };
  const kind = raw['kind'];
  if (!MUTUAL_AID_KINDS.includes(kind as MutualAidKind)) return { code: 'invalid', reason: `"kind" must be "offro" or "cerco" (id "${id}")` };
  const topic = raw['topic'];
  if (!MUTUAL_AID_TOPICS.includes(topic as MutualAidTopic)) {
    return { code: 'invalid', reason: `unknown "topic" ${JSON.stringify(topic)} (id "${id}"; one of ${MUTUAL_AID_TOPICS.join(', ')})` };
  }
  const text = short(raw['text'], MUTUAL_AID_LIMITS.text);
  if (!text) return { code: 'invalid', reason: `"text" missing or longer than ${MUTUAL_AID_LIMITS.text} characters (id "${id}")` };
  const comune = short(raw['comune'], MUTUAL_AID_LIMITS.comune);
  if (!comune) return { code: 'invalid', reason: `missing "comune" (id "${id}")` };
  const availability = raw['availability'] === undefined ? undefined : short(raw['availability'], MUTUAL_AID_LIMITS.availability);
  if (raw['availability'] !== undefined && !availability) {
    return { code: 'invalid', reason: `"availability" is not a text of at most ${MUTUAL_AID_LIMITS.availability} characters (id "${id}")` };
  }
  const mediator = short(raw['mediator'], MUTUAL_AID_LIMITS.id);
  if (!mediator) return { code: 'invalid', reason: `missing "mediator" (id "${id}")` };
  const { published, expires } = raw;
  if (!isDay(published) || !isDay(expires)) return { code: 'invalid', reason: `"published" and "expires" must be dates (YYYY-MM-DD) (id "${id}")` };
  if (expires < published) return { code: 'invalid', reason: `"expires" is before "published" (id "${id}")` };
  for (const value of [text, comune, availability ?? '']) {
    if (looksLikeContact(value)) return { code: 'contact', reason: `text looks like it holds an email address or phone number (id "${id}")` };
  }
  const post: MutualAidPost = { id, kind: kind as MutualAidKind, topic: topic as MutualAidTopic, text, comune, published, expires, mediator };
  return { post: availability ? { ...post, availability } : post };
}

/** Something wrong with one post, for the console (`path` like `$.mutualAid[3]`). */
export interface MutualAidIssue {
  readonly path: string;
  readonly reason: string;
}

/**
 * Reads the feed's `mutualAid` section (kept unchecked by the feed reader, so that pages
 * without a board do not download these rules): each post checked by checkMutualAidPost;
 * a post that fails, repeats an id or names a mediator the feed does not list is dropped
 * whole with a reason. Posts past `expires` (`today` is YYYY-MM-DD in Europe/Rome) are
 * left out. Newest first.
 */
export function readMutualAid(
  raw: readonly unknown[],
  mediators: ReadonlySet<string>,
  today: string,
): { readonly posts: MutualAidPost[]; readonly issues: MutualAidIssue[]; readonly expired: number } {
  const posts: MutualAidPost[] = [];
  const issues: MutualAidIssue[] = [];
  const seen = new Set<string>();
  let expired = 0;
  raw.forEach((e, i) => {
    const checked = checkMutualAidPost(e);
    let reason = 'reason' in checked ? checked.reason : undefined;
    if ('post' in checked) {
      if (seen.has(checked.post.id)) reason = `repeated id "${checked.post.id}"`;
      else if (!mediators.has(checked.post.mediator)) reason = `mediator "${checked.post.mediator}" is not in "organizations"`;
    }
    if (reason !== undefined || !('post' in checked)) return void issues.push({ path: `$.mutualAid[${i}]`, reason: reason ?? 'invalid post' });
    seen.add(checked.post.id);
    if (checked.post.expires >= today) posts.push(checked.post);
    else expired++;
  });
  return { posts: posts.sort(byNewest), issues, expired };
}

/** Newest first; for the same day, by id so the order is stable. */
export function byNewest(a: MutualAidPost, b: MutualAidPost): number {
  return a.published === b.published ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.published < b.published ? 1 : -1;
}
