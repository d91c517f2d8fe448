import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { fold } from '../feed/text.js';
import type { Feed, Service } from '../feed/types.js';
import { AUDIENCE_NAMES } from '../i18n/audiences.js';
import { type Analysis, QueryAnalyser } from './query.js';
import { ConceptScorer } from './scorer.js';
import { lightStem, snowballStem } from './stem.js';
import { THESAURUS, type ThesaurusEntry } from './thesaurus.js';

/**
 * The search engine: the lazy chunk behind store/search-index.ts, with minisearch, the
 * stemmer and the thesaurus, so none of them weighs on the first load.
 */

interface Doc {
  id: number;
  name: string;
  keywords: string;
  categories: string;
  organization: string;
  places: string;
  audiences: string;
  description: string;
}

/** How much prefix and fuzzy matches count against the word as typed. */
const WEIGHTS = { fuzzy: 0.5, prefix: 0.4 };

/** Name and keywords first; where and for whom after; the description last. */
const BOOST = { name: 3, keywords: 3, categories: 2, organization: 1.5, places: 1.2, audiences: 1, description: 0.8 };
const FIELDS = Object.keys(BOOST) as (keyof typeof BOOST)[];

/** Words too common to be worth indexing (they are filler in queries too). */
const STOP = new Set('a ad al allo alla ai agli alle all da dal dalla dai dagli dalle di del dello della dei degli delle dell d e ed o il lo la i gli le l un uno una in nel nella nei negli nelle con su sul sulla per tra fra che the of and to for'.split(' '));

const SPLIT = /[^\p{L}\p{N}]+/u;
const SPLIT_ASCII = /[^a-z0-9]+/;
const ASCII = /^[\x00-\x7f]*$/;

/** How much more a service in the comune the query names counts. */
const COMUNE_BOOST = 4;

/** Main-thread time the index build may take before it lets the page run. */
const SLICE_MS = 8;

export interface Found {
  /** Indexes into the services array, best first. */
  readonly ids: readonly number[];
  readonly analysis: Analysis;
}

export interface Help {
  /** The query with its unknown words corrected ("Forse cercavi"), when one is close. */
  readonly correction?: string;
  /** Category ids the results (or the nearest words) belong to, best first. */
  readonly topics: readonly string[];
  readonly comune?: string;
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

export class SearchEngine {
  private readonly ms: MiniSearch<Doc>;
  /** Index term → the words that give it, as written (for "Forse cercavi"). */
  private readonly spelled = new Map<string, string[]>();
  /** Every word of the feed, folded: a typed word not here may be a typo. */
  private readonly vocabulary = new Set<string>();
  private analyser!: QueryAnalyser;
  /** The fast path of `find` (undefined: minisearch's own search). */
  private scorer?: ConceptScorer;
  /** Per service, reused by every `find`: summed score and concepts matched. */
  private total?: Float64Array;
  private matched?: Uint16Array;
  /** Per comune named in queries: which services are in it. */
  private readonly inComune = new Map<string, Uint8Array>();
  private readonly categoriesOf: (id: number) => readonly string[];

  private constructor(private readonly services: readonly Service[]) {
    this.ms = new MiniSearch<Doc>({
      fields: FIELDS,
      tokenize: (text) => this.tokenize(text),
      processTerm: (term) => (STOP.has(term) ? null : lightStem(term)),
      searchOptions: { boost: BOOST, tokenize: (t) => [t], processTerm: (t) => t, weights: WEIGHTS },
    });
    this.categoriesOf = (id) => services[id]!.categories;
  }

  /**
   * Builds the index a slice at a time (about 8 ms of main thread each, then a yield),
   * so a 50,000-service feed never blocks the page for long.
   */
  static async build(services: readonly Service[], feed: Feed, signal?: { cancelled: boolean }): Promise<SearchEngine> {
    const engine = new SearchEngine(services);
    const docs = engine.documents(feed);
    let start = performance.now();
    for (let i = 0; i < services.length; i++) {
      engine.ms.add(docs(i));
      if ((i & 31) === 31 && performance.now() - start > SLICE_MS) {
        await yieldToPage();
        if (signal?.cancelled) return engine;
        start = performance.now();
      }
    }
    // The scorer reads the whole index at once (10–20 ms at 50,000 services): a task of
    // its own, not tacked onto the last slice (that sum made the one 52 ms task measured).
    await yieldToPage();
    if (signal?.cancelled) return engine;
    engine.scorer = ConceptScorer.create(engine.ms, BOOST, WEIGHTS);
    await yieldToPage();
    const thesaurus: ThesaurusEntry[] = [...(feed.thesaurus ?? []), ...THESAURUS];
    engine.analyser = new QueryAnalyser(feed.comuni, thesaurus, (t) => engine.known(t));
    return engine;
  }

  private known(term: string): boolean {
    return this.spelled.has(term);
  }

  /** Lower-cased words; accents folded, remembering how accented words were written. */
  private tokenize(text: string): string[] {
    const lower = text.toLowerCase();
    const ascii = ASCII.test(lower);
    const out = lower.split(ascii ? SPLIT_ASCII : SPLIT);
    for (let i = 0; i < out.length; i++) {
      const word = out[i]!;
      if (word.length < 2) continue;
      const folded = ascii ? word : fold(word);
      out[i] = folded;
      if (this.vocabulary.has(folded)) continue;
      this.vocabulary.add(folded);
      const term = lightStem(folded);
      const list = this.spelled.get(term);
      if (!list) this.spelled.set(term, [word]);
      else if (list.length < 8) list.push(word);
    }
    return out;
  }

  /** What each service is indexed under: everything a person might name. */
  private documents(feed: Feed): (id: number) => Doc {
    const all = (t: Readonly<Record<string, string>> | undefined) => (t ? Object.values(t).join(' ') : '');
    const categories = new Map(feed.categories.map((c) => [c.id, `${c.id} ${all(c.name)}`]));
    const organizations = new Map(feed.organizations.map((o) => [o.id, all(o.name)]));
    const audiences = (id: string) => `${id} ${(AUDIENCE_NAMES.it as Record<string, string>)[id] ?? ''} ${(AUDIENCE_NAMES.en as Record<string, string>)[id] ?? ''}`;
    // Access points at the same address: people name the office they know.
    const place = (comune?: string, address?: string) => `${fold(comune ?? '')}|${fold(address ?? '')}`;
    const access = new Map<string, string>();
    for (const a of feed.accessPoints) if (a.address) access.set(place(a.comune, a.address), `${access.get(place(a.comune, a.address)) ?? ''} ${all(a.name)}`);
    return (id) => {
      const s = this.services[id]!;
      return {
        id,
        name: all(s.name),
        keywords: s.keywords.join(' '),
        categories: s.categories.map((c) => categories.get(c) ?? '').join(' '),
        organization: (s.organization && organizations.get(s.organization)) || '',
        // Places, and the access point at the same address: people name the office they know.
        places: s.locations.map((l) => `${l.comune ?? ''} ${l.address ?? ''} ${all(l.name)} ${(access.size && l.address && access.get(place(l.comune, l.address))) || ''}`).join(' '),
        audiences: s.audiences.map(audiences).join(' '),
        description: all(s.description),
      };
    };
  }

  analyse(query: string): Analysis {
    return this.analyser.analyse(query);
  }

  /**
   * Services for a query, best first: those matching more of the concepts first, each
   * concept scored by BM25 (rarer words count more); services in a comune named in the
   * query before the others. Any concept is enough to be found.
   */
  find(query: string, options: { viaMiniSearch?: boolean } = {}): Found {
    const analysis = this.analyser.analyse(query);
    const { concepts, comune } = analysis;
    const here = comune ? this.servicesIn(comune) : undefined;
    if (!concepts.length) {
      const ids = here ? this.services.map((_, i) => i).filter((i) => here[i]) : [];
      return { ids, analysis };
    }
    const n = concepts.length;
    const total = (this.total ??= new Float64Array(this.services.length));
    const matched = (this.matched ??= new Uint16Array(this.services.length));
    const ids: number[] = [];
    const add = (id: number, score: number) => {
      if (matched[id] === 0) ids.push(id);
      matched[id]!++;
      total[id]! += score;
    };
    for (const concept of concepts) {
      if (this.scorer && !options.viaMiniSearch) this.scorer.concept(concept.terms, add);
      else for (const hit of this.ms.search(this.tree(concept.terms))) add(hit.id as number, hit.score);
    }
    // A comune named in the query multiplies its services' score: they come first unless
    // they match far worse ("psicologo lodi": a psychologist elsewhere before a Lodi
    // service that only shares a thesaurus word).
    const rank = total; // reused in place: each id's rank replaces its sum
    for (const id of ids) rank[id] = total[id]! * (matched[id]! / n) ** 2 * (here?.[id] ? COMUNE_BOOST : 1);
    // Equal ranks keep the feed's order, so results never shuffle between keystrokes.
    ids.sort((a, b) => rank[b]! - rank[a]! || a - b);
    for (const id of ids) total[id] = matched[id] = 0;
    return { ids, analysis };
  }

  /** Which services are in `comune` (one flag per service), computed once per comune. */
  private servicesIn(comune: string): Uint8Array {
    let flags = this.inComune.get(comune);
    if (!flags) {
      flags = new Uint8Array(this.services.length);
      this.services.forEach((s, i) => (flags![i] = s.locations.some((l) => l.comune === comune) ? 1 : 0));
      this.inComune.set(comune, flags);
    }
    return flags;
  }

  private tree(terms: Analysis['concepts'][number]['terms']): Query {
    return {
      combineWith: 'OR',
      queries: terms.map((t) => ({ queries: [t.term], prefix: t.prefix, fuzzy: t.fuzzy || false, boostTerm: () => t.weight })),
    };
  }

  /**
   * What to offer besides the results: a spelling for words the feed does not have
   * ("consultoro" → "consultorio"), and the topics the results belong to (or, with no
   * results, the topics of the nearest words).
   */
  help(query: string, found: Found = this.find(query)): Help {
    const { concepts, comune } = found.analysis;
    const replace = new Map<string, string>();
    for (const c of concepts) {
      if (c.understood) continue;
      for (const word of c.words) {
        if (word.length < 4 || this.vocabulary.has(word) || this.isFormOfKnown(word)) continue;
        const spelled = this.nearest(word);
        // Another ending of the same word ("pannolino" for "pannolini") is not a typo.
        if (spelled && fold(spelled).slice(0, -1) !== word.slice(0, -1)) replace.set(word, spelled);
      }
    }
    let correction: string | undefined;
    if (replace.size) {
      correction = query
        .trim()
        .split(/([^\p{L}\p{N}]+)/u)
        .map((part) => replace.get(fold(part)) ?? part)
        .join('');
    }
    let ids = found.ids;
    if (!ids.length && concepts.length) {
      // Nothing matched: look again with generous spelling, only to point at a topic.
      // Generous spelling, and the words that start like it ("psichiatra" → "psicologo").
      const loose = concepts.flatMap((c) =>
        c.words.flatMap((w) => [
          { term: lightStem(w), weight: 1, prefix: true, fuzzy: w.length >= 5 ? 2 : 1 },
          ...(w.length >= 6 ? [{ term: w.slice(0, 4), weight: 0.5, prefix: true, fuzzy: 0 }] : []),
        ]),
      );
      ids = this.ms.search(this.tree(loose)).map((h: SearchResult) => h.id as number);
    }
    return { ...(correction ? { correction } : {}), topics: this.topicsOf(ids), ...(comune ? { comune } : {}) };
  }

  /** A word the feed has in another form of its family ("sfrattato" for "sfratto"). */
  private isFormOfKnown(word: string): boolean {
    if (this.known(lightStem(word))) return false; // same stem, unknown word: maybe a typo ("emporo")
    const family = snowballStem(word);
    return family.length >= 5 && this.ms.search(family, { prefix: true }).length > 0;
  }

  /**
   * The feed's word nearest to a typed word that the feed does not have: among the words
   * sharing one of its stems, or one or two letters away from them, the one with the
   * fewest edits (at most 2, 1 for short words).
   */
  private nearest(word: string): string | undefined {
    const candidates = new Set<string>();
    const term = lightStem(word);
    const fuzzy = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    const family = snowballStem(word);
    const query: Query = { combineWith: 'OR', queries: [{ queries: [term], fuzzy }, ...(family.length >= 5 ? [{ queries: [family], prefix: true }] : [])] };
    for (const hit of this.ms.search(query)) {
      for (const t of hit.terms) for (const w of this.spelled.get(t) ?? []) candidates.add(w);
    }
    const limit = word.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let least = limit + 1;
    for (const w of candidates) {
      const d = editDistance(word, fold(w), least);
      if (d < least) [best, least] = [w, d];
    }
    return best;
  }

  /** Categories of the first results, weighted by rank; those with a fair share. */
  topicsOf(ids: readonly number[], limit = 2): string[] {
    const weight = new Map<string, number>();
    let total = 0;
    ids.slice(0, 20).forEach((id, rank) => {
      const w = 1 / (rank + 2);
      total += w;
      for (const c of this.categoriesOf(id)) weight.set(c, (weight.get(c) ?? 0) + w);
    });
    return [...weight]
      .filter(([, w]) => w >= total * 0.3)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([c]) => c);
  }
}

/** Optimal string alignment distance (adjacent swaps count one), given up past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}
