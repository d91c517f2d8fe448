import { now } from '../clock.js';
import { loadFeed, report } from '../feed/load.js';
import { readFeed } from '../feed/reader.js';
import { collator, pick } from '../feed/text.js';
import type { AccessPoint, Category, Feed, GeoPoint, Organization, ReadResult, Service } from '../feed/types.js';
import { distanceKm, nearestKm } from '../geo/distance.js';
import { hoursEngine, loadHoursEngine } from '../hours/index.js';
import {
  type Facet,
  type Filters,
  forAnyAudience,
  inAnyCategory,
  inComune,
  NO_FILTERS,
  sameFilters,
  serviceHours,
} from './filters.js';
import { SearchIndex } from './search-index.js';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

/** What changed in a store; elements re-render on any, and some fire public events. */
export type ChangeKind = 'status' | 'filters' | 'selection' | 'origin';

export interface StoreChange {
  readonly kind: ChangeKind;
  /** The element whose person made the change, when there is one. */
  readonly origin?: Element;
}

/**
 * One store per filter group (CONTRACT §2 `group`). It holds the feed, the search
 * index, the filters, the results and the selection; elements read from it and send
 * changes to it. Every change is announced with a `change` event.
 */
export class GroupStore extends EventTarget {
  status: Status = 'idle';
  data?: ReadResult;
  error?: unknown;
  filters: Filters = NO_FILTERS;
  /** A hard scope from an `organization` attribute; people cannot lift it. */
  organization = '';
  selected: string | null = null;
  /** The person's position once shared ("Vicino a me"); results follow distance. */
  origin: GeoPoint | null = null;
  /** Elements in this group, in connection order; the first speaks for the group. */
  readonly members = new Set<Element>();
  /** Filters preset by attributes (`category`, `comune`); what a URL without url-state parameters means. */
  presets: Partial<Filters> = {};
  /** Filters restored from the page URL (url-state); attribute presets do not override them. */
  readonly restored = new Set<keyof Filters>();

  private sourceKey: unknown;
  private loadAbort?: AbortController;
  private settled?: Promise<ReadResult>;
  private index?: SearchIndex;
  private byName: Service[] = [];
  private categoriesById = new Map<string, Category>();
  private organizationsById = new Map<string, Organization>();
  private memo?: { key: string; services: Service[] };
  private pendingOrigin?: Element;

  constructor(readonly name: string) {
    super();
  }

  get feed(): Feed | undefined {
    return this.data?.feed;
  }

  /** Resolves with the feed once loaded; rejects on error or when `signal` aborts. */
  whenLoaded(signal?: AbortSignal): Promise<ReadResult> {
    if (!this.settled) return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    return this.settled;
  }

  /** Points the group at a feed URL or an object; the same source again is a no-op. */
  setSource(source: string | object): void {
    if (source === this.sourceKey) return;
    this.sourceKey = source;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const task =
      typeof source === 'string'
        ? loadFeed(source, { signal: abort.signal })
        : Promise.resolve().then(() => {
            const result = readFeed(source);
            report('feed property', result);
            return result;
          });
    this.status = 'loading';
    this.error = undefined;
    this.settled = task;
    task.catch(() => undefined);
    this.emitChange('status');
    task.then(
      (result) => {
        if (abort.signal.aborted) return;
        this.setData(result);
      },
      (error) => {
        if (abort.signal.aborted) return;
        this.status = 'error';
        this.error = error;
        this.data = undefined;
        this.emitChange('status');
      },
    );
  }

  /** Reloads after an error (the "Riprova" button). */
  retry(): void {
    const source = this.sourceKey;
    this.sourceKey = undefined;
    if (source !== undefined) this.setSource(source as string | object);
  }

  private setData(result: ReadResult): void {
    this.data = result;
    this.status = 'ready';
    const by = collator('it');
    this.byName = [...result.feed.services].sort((a, b) => by.compare(pick(a.name, 'it'), pick(b.name, 'it')));
    this.categoriesById = new Map(result.feed.categories.map((c) => [c.id, c]));
    this.organizationsById = new Map(result.feed.organizations.map((o) => [o.id, o]));
    this.index = undefined;
    this.memo = undefined;
    if (result.feed.hasHours && this.filters.openNow) void this.needHours();
    this.emitChange('status');
    // Index in idle time, so that the first keystroke rarely has to wait for it.
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => this.data === result && this.searchIndex());
  }

  /** Changes some filters; `origin` is the element a person used, if any. */
  update(patch: Partial<Filters>, origin?: Element): void {
    const next = { ...this.filters, ...patch };
    if (sameFilters(next, this.filters)) return;
    this.filters = next;
    if (next.openNow) void this.needHours();
    this.emitChange('filters', origin);
  }

  /** Applies a preset from an attribute, except for filters the page URL restored. */
  preset(patch: Partial<Filters>): void {
    this.presets = { ...this.presets, ...patch };
    const kept = Object.entries(patch).filter(([key]) => !this.restored.has(key as keyof Filters));
    this.update(Object.fromEntries(kept));
  }

  setOrganization(id: string): void {
    if (id === this.organization) return;
    this.organization = id;
    this.emitChange('filters');
  }

  select(id: string | null, origin?: Element): void {
    if (id === this.selected) return;
    this.selected = id;
    this.emitChange('selection', origin);
  }

  setOrigin(point: GeoPoint | null, origin?: Element): void {
    this.origin = point;
    this.emitChange('origin', origin);
  }

  /** True while a query waits for a large feed's index to finish. */
  get searching(): boolean {
    return !!this.filters.query.trim() && !!this.data && !this.searchIndex().isReady;
  }

  /** The services that match the group's filters, in display order. */
  get results(): readonly Service[] {
    return this.compute(undefined);
  }

  /** Results counted by one facet, ignoring that facet's own filter (for tiles and chips). */
  counts(facet: Facet): Map<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.compute(facet)) {
      const keys = facet === 'comune' ? s.locations.map((l) => l.comune ?? '') : s[facet];
      for (const k of new Set(keys)) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  }

  /** Suggestions for a partial query (names and keywords of services). */
  suggest(query: string, limit?: number): string[] {
    if (!this.data || !query.trim()) return [];
    const index = this.searchIndex();
    return index.isReady ? index.suggest(query, limit) : [];
  }

  /** Access points of the feed, by the group's comune, ordered by distance or place. */
  get accessPoints(): readonly AccessPoint[] {
    const all = this.feed?.accessPoints ?? [];
    const { comune } = this.filters;
    const list = comune ? all.filter((a) => a.comune === comune) : [...all];
    const origin = this.origin;
    if (origin) {
      const d = new Map(list.map((a) => [a, a.position ? distanceKm(origin, a.position) : Infinity]));
      return list.sort((a, b) => d.get(a)! - d.get(b)!);
    }
    const by = collator('it');
    return list.sort((a, b) => by.compare(a.comune ?? '', b.comune ?? '') || by.compare(pick(a.name, 'it'), pick(b.name, 'it')));
  }

  category(id: string): Category | undefined {
    return this.categoriesById.get(id);
  }

  organizationOf(entry: { organization?: string }): Organization | undefined {
    return entry.organization ? this.organizationsById.get(entry.organization) : undefined;
  }

  findService(id: string): Service | undefined {
    return this.feed?.services.find((s) => s.id === id);
  }

  findAccessPoint(id: string): AccessPoint | undefined {
    return this.feed?.accessPoints.find((a) => a.id === id);
  }

  private searchIndex(): SearchIndex {
    if (!this.index) {
      const services = this.byName;
      const index = (this.index = new SearchIndex(services, this.data!.feed));
      void index.ready.then(() => {
        if (this.index !== index || !this.filters.query.trim()) return;
        this.memo = undefined;
        this.emitChange('filters', this.pendingOrigin);
      });
    }
    return this.index;
  }

  private async needHours(): Promise<void> {
    if (hoursEngine() || !this.feed?.hasHours) return;
    await loadHoursEngine();
    this.memo = undefined;
    this.emitChange('filters');
  }

  private compute(except: Facet | undefined): Service[] {
    if (!this.data) return [];
    const f = this.filters;
    // Only what can change the answer goes in the key, so results keep their identity
    // (and a list its paging) when, say, the index finishes building with no query.
    const query = f.query.trim();
    const key = JSON.stringify([
      except, f, this.organization, this.origin,
      f.openNow && !!hoursEngine(),
      query ? this.index?.isReady : null,
    ]);
    if (except === undefined && this.memo?.key === key) return this.memo.services;

    let services: readonly Service[] = this.byName;
    if (query) {
      const index = this.searchIndex();
      services = index.isReady ? index.find(query) : [];
    }
    const engine = f.openNow ? hoursEngine() : undefined;
    const at = now();
    const out = services.filter(
      (s) =>
        (!this.organization || s.organization === this.organization) &&
        (except === 'categories' || !f.categories.length || inAnyCategory(s, f.categories)) &&
        (except === 'audiences' || !f.audiences.length || forAnyAudience(s, f.audiences)) &&
        (except === 'comune' || !f.comune || inComune(s, f.comune)) &&
        (!f.openNow || (!!engine && serviceHours(s).some((h) => engine.state(h, at)?.open === true))),
    );
    const origin = this.origin;
    if (origin) {
      const d = new Map(out.map((s) => [s, nearestKm(origin, s.locations.map((l) => l.position))]));
      out.sort((a, b) => d.get(a)! - d.get(b)!);
    }
    if (except === undefined) this.memo = { key, services: out };
    return out;
  }

  private emitChange(kind: ChangeKind, origin?: Element): void {
    if (kind === 'filters') this.pendingOrigin = origin;
    this.dispatchEvent(new CustomEvent<StoreChange>('change', { detail: { kind, ...(origin ? { origin } : {}) } }));
  }
}
