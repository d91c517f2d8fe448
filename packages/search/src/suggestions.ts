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
  /** For a service: its topic and comune ("Cibo e beni essenziali · Codogno"). */
  readonly detail?: string;
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
 * Typed suggestions for a partial query, by the same rules as the results (word forms,
 * typos, thesaurus, comune in the query): the topics of the best results and the
 * categories whose name starts like the words; the comune the query names and those
 * whose name starts like it; keywords; the best services, each with its topic and
 * comune. Services are limited to the group's organisation and its other filters, so a
 * suggestion never leads to nothing. Before the search index is ready, names are matched
 * on word starts.
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
  const look = store.lookAhead(query, { limit: PER_KIND.service, keep: inScope });
  const categories = feed.categories.map((c) => entry(c.id, pick(c.name, lang)));
  const byId = new Map(categories.map((c) => [c.item, c]));
  const comuni = look?.comune ? p.comuni.filter((c) => c.item === look.comune) : [];
  const named = best(p.comuni, tokens, q, PER_KIND.comune);
  // Topics of the best results, unless the words name a comune (then its services are the topics' mix).
  const topics = comuni.length || named.length ? [] : (look?.topics ?? []).map((id) => byId.get(id)).filter((c) => c !== undefined);
  const services = look
    ? look.services.map((s) => entry(s, pick(s.name, lang)))
    : best(
        (function* () {
          for (const e of p.services) if (inScope(e.item)) yield e;
        })(),
        tokens,
        q,
        PER_KIND.service,
        200, // a large feed is scanned only until enough names are found to rank
      );
  const unique = <T>(list: Entry<T>[], limit: number) => [...new Set(list)].slice(0, limit);
  const detail = (s: Service) =>
    [s.categories.map((id) => byId.get(id)?.label).find(Boolean), s.locations.map((l) => l.comune).find(Boolean)].filter(Boolean).join(' · ');

  const out: Suggestion[] = [
    ...unique([...best(categories, tokens, q, PER_KIND.category), ...topics], PER_KIND.category).map((e) => ({ kind: 'category' as const, label: e.label, value: e.item })),
    ...unique([...comuni, ...named], PER_KIND.comune).map((e) => ({ kind: 'comune' as const, label: e.label, value: e.item })),
    ...best(p.keywords, tokens, q, PER_KIND.keyword).map((e) => ({ kind: 'keyword' as const, label: e.label, value: e.item })),
    ...services.map((e) => ({ kind: 'service' as const, label: e.label, value: e.item.id, detail: detail(e.item) })),
  ];
  // A keyword spelled like a category or a comune already offered adds nothing.
  const seen = new Set<string>();
  return out.filter((s) => s.kind === 'service' || (!seen.has(fold(s.label)) && seen.add(fold(s.label)))).slice(0, LIMIT);
}
