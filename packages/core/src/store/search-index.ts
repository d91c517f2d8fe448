import type MiniSearch from 'minisearch';
import { fold, pick } from '../feed/text.js';
import type { Feed, Service } from '../feed/types.js';

/** Feeds up to this size are indexed at once, so a keystroke answers within a frame. */
const SYNC_LIMIT = 5_000;

/** minisearch (~7 KB gzip) is its own chunk: a page without a query never loads it. */
let engine: Promise<typeof MiniSearch> | undefined;
const loadMiniSearch = () => (engine ??= import('minisearch').then((m) => m.default));

interface Doc {
  id: number;
  name: string;
  description: string;
  keywords: string;
  places: string;
  organization: string;
}

/**
 * Full-text search over services with minisearch: accent- and case-insensitive,
 * prefix and light fuzzy matching, names weighted above keywords and descriptions.
 * Large feeds are indexed in chunks so loading does not freeze the page.
 */
export class SearchIndex {
  private search!: MiniSearch<Doc>;
  /** Resolves when every service is in the index. */
  readonly ready: Promise<void>;
  private done = false;

  constructor(private readonly services: readonly Service[], feed: Feed) {
    const orgNames = new Map(feed.organizations.map((o) => [o.id, Object.values(o.name).join(' ')]));
    const docs = services.map((s, id): Doc => ({
      id,
      name: Object.values(s.name).join(' '),
      description: s.description ? Object.values(s.description).join(' ') : '',
      keywords: s.keywords.join(' '),
      places: s.locations.map((l) => `${l.comune ?? ''} ${l.address ?? ''} ${l.name ? pick(l.name, 'it') : ''}`).join(' '),
      organization: (s.organization && orgNames.get(s.organization)) || '',
    }));
    this.ready = loadMiniSearch().then(async (MiniSearchClass) => {
      this.search = new MiniSearchClass<Doc>({
        fields: ['name', 'keywords', 'organization', 'places', 'description'],
        processTerm: (term) => fold(term),
        searchOptions: {
          boost: { name: 4, keywords: 2, organization: 1.5, places: 1.5, description: 1 },
          prefix: true,
          fuzzy: (term) => (term.length > 4 ? 0.2 : false),
          combineWith: 'AND',
        },
      });
      if (docs.length <= SYNC_LIMIT) this.search.addAll(docs);
      else await this.search.addAllAsync(docs, { chunkSize: 1_000 });
      this.done = true;
    });
  }

  get isReady(): boolean {
    return this.done;
  }

  /** Services matching `query`, best first. Call only once `ready` has resolved. */
  find(query: string): Service[] {
    const hits = this.search.search(query);
    return hits.map((h) => this.services[h['id'] as number]!);
  }

  /** Up to `limit` completions for a partial query, for a combobox. */
  suggest(query: string, limit = 8): string[] {
    return this.search
      .autoSuggest(query, { prefix: true, fuzzy: 0.2 })
      .slice(0, limit)
      .map((s) => s.suggestion);
  }
}
