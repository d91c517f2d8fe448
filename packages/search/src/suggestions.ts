import {
  type Feed,
  fold,
  forAnyAudience,
  type GroupStore,
  inAnyCategory,
  inComune,
  type Lang,
  pick,
  type Service,
} from '@welfare-elements/core';

/** What a suggestion stands for, and so what choosing it does. */
export type SuggestionKind = 'category' | 'comune' | 'keyword' | 'service';

export interface Suggestion {
  readonly kind: SuggestionKind;
  /** The text shown (feed text: render as text only). */
  readonly label: string;
  /** Category id, comune name, keyword or service id. */
  readonly value: string;
}

/** At most this many of each kind, in this order, and no more than `LIMIT` in all. */
const PER_KIND: Record<SuggestionKind, number> = { category: 3, comune: 3, keyword: 3, service: 5 };
const LIMIT = 10;

const WORD = /[\s'’`.,;:()/-]+/u;
const words = (text: string) => fold(text).split(WORD).filter(Boolean);

interface Entry<T> {
  readonly item: T;
  readonly label: string;
  readonly folded: string;
  readonly words: readonly string[];
}

const entry = <T>(item: T, label: string): Entry<T> => ({ item, label, folded: fold(label), words: words(label) });

interface Prepared {
  readonly services: readonly Entry<Service>[];
  readonly keywords: readonly Entry<string>[];
  readonly comuni: readonly Entry<string>[];
}

/** Folded words are computed once per feed and language, so a keystroke only compares. */
const prepared = new WeakMap<Feed, Map<Lang, Prepared>>();

function prepare(feed: Feed, lang: Lang): Prepared {
  let byLang = prepared.get(feed);
  if (!byLang) prepared.set(feed, (byLang = new Map()));
  let p = byLang.get(lang);
  if (!p) {
    const keywords = new Map<string, string>();
    for (const s of feed.services) for (const k of s.keywords) if (!keywords.has(fold(k))) keywords.set(fold(k), k);
    p = {
      services: feed.services.map((s) => entry(s, pick(s.name, lang))),
      keywords: [...keywords.values()].map((k) => entry(k, k)),
      comuni: feed.comuni.map((c) => entry(c, c)),
    };
    byLang.set(lang, p);
  }
  return p;
}

/** Every typed word starts a word of the label ("cas pop" matches "Casa popolare"). */
const matches = (tokens: readonly string[], e: Entry<unknown>) => tokens.every((t) => e.words.some((w) => w.startsWith(t)));

/** Labels that start with the query first, then shorter ones, then alphabetically. */
function best<T>(list: Iterable<Entry<T>>, tokens: readonly string[], query: string, limit: number, scan = Infinity): Entry<T>[] {
  const found: Entry<T>[] = [];
  for (const e of list) {
    if (matches(tokens, e)) found.push(e);
    if (found.length >= scan) break;
  }
  const rank = (e: Entry<T>) => (e.folded.startsWith(query) ? 0 : 1);
  return found
    .sort((a, b) => rank(a) - rank(b) || a.label.length - b.label.length || a.folded.localeCompare(b.folded))
    .slice(0, limit);
}

/**
 * Typed suggestions for a partial query: categories, comuni, keywords and service names,
 * matched accent- and case-insensitively on word starts. Services are limited to the
 * group's organisation and its other filters, so a suggestion never leads to nothing.
 */
export function suggestions(store: GroupStore, query: string, lang: Lang): Suggestion[] {
  const feed = store.feed;
  const q = fold(query.trim());
  const tokens = words(query);
  if (!feed || !tokens.length) return [];
  const p = prepare(feed, lang);
  const f = store.filters;
  const org = store.organization;
  const inScope = (s: Service) =>
    (!org || s.organization === org) &&
    (!f.categories.length || inAnyCategory(s, f.categories)) &&
    (!f.audiences.length || forAnyAudience(s, f.audiences)) &&
    (!f.comune || inComune(s, f.comune));
  const categories = feed.categories.map((c) => entry(c.id, pick(c.name, lang)));
  const services = (function* () {
    for (const e of p.services) if (inScope(e.item)) yield e;
  })();

  const out: Suggestion[] = [
    ...best(categories, tokens, q, PER_KIND.category).map((e) => ({ kind: 'category' as const, label: e.label, value: e.item })),
    ...best(p.comuni, tokens, q, PER_KIND.comune).map((e) => ({ kind: 'comune' as const, label: e.label, value: e.item })),
    ...best(p.keywords, tokens, q, PER_KIND.keyword).map((e) => ({ kind: 'keyword' as const, label: e.label, value: e.item })),
    // A large feed is scanned only until enough names are found to rank.
    ...best(services, tokens, q, PER_KIND.service, 200).map((e) => ({ kind: 'service' as const, label: e.label, value: e.item.id })),
  ];
  // A keyword spelled like a category or a comune already offered adds nothing.
  const seen = new Set<string>();
  return out.filter((s) => s.kind === 'service' || (!seen.has(fold(s.label)) && seen.add(fold(s.label)))).slice(0, LIMIT);
}
