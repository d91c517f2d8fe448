import type { Feed, Service } from '../feed/types.js';
import type { Found, Help, SearchEngine } from '../search/engine.js';

/**
 * The engine (minisearch, the stemmer and the thesaurus, ~15 KB gzip) is its own chunk,
 * fetched when a search is near (issue 14; GroupStore.prepareSearch): a page where nobody
 * searches never loads it. A failed fetch (offline for a moment) is tried again next time.
 */
let engineModule: Promise<typeof import('../search/engine.js')> | undefined;
export const loadEngine = () =>
  (engineModule ??= import('../search/engine.js').catch((error: unknown) => {
    engineModule = undefined;
    throw error;
  }));

export type { Help };

/**
 * Full-text search over services, for people (docs/search.md): every word a person
 * might name is indexed (names, keywords, categories in every language, organisation,
 * comune, address, audiences, access points); results are ranked, not all-or-nothing;
 * filler words do not block; Italian word forms, typos and a welfare thesaurus are
 * understood; a comune named in the query comes first. The index is built in slices so
 * loading a large feed never freezes the page.
 */
export class SearchIndex {
  private engine?: SearchEngine;
  /** Resolves when every service is in the index. */
  readonly ready: Promise<void>;
  private readonly cancel = { cancelled: false };
  private last?: { query: string; found: Found };

  constructor(
    private readonly services: readonly Service[],
    feed: Feed,
  ) {
    this.ready = loadEngine()
      .then(({ SearchEngine }) => SearchEngine.build(services, feed, this.cancel))
      .then((engine) => {
        this.engine = engine;
      });
  }

  get isReady(): boolean {
    return !!this.engine;
  }

  /** Stops building (the group got another feed). */
  dispose(): void {
    this.cancel.cancelled = true;
  }

  private found(query: string): Found {
    if (this.last?.query !== query) this.last = { query, found: this.engine!.find(query) };
    return this.last.found;
  }

  /** Services matching `query`, best first. Call only once `ready` has resolved. */
  find(query: string): Service[] {
    return this.found(query).ids.map((i) => this.services[i]!);
  }

  /** The same as `find`, as positions in the services array. */
  ids(query: string): readonly number[] {
    return this.found(query).ids;
  }

  /** Spelling suggestion, topics and comune for a query (the empty state, "Forse cercavi"). */
  help(query: string): Help {
    return this.engine!.help(query, this.found(query));
  }

  /** The comune a query names, if any ("sant angelo" → "Sant'Angelo Lodigiano"). */
  comuneIn(query: string): string | undefined {
    return this.found(query).analysis.comune;
  }

  /** Category ids the best results of a query belong to (combobox topics). */
  topics(query: string, limit?: number): string[] {
    return this.engine!.topicsOf(this.found(query).ids, limit);
  }
}
