import { now } from '../clock.js';
import { feedUrl, loadFeed, report } from '../feed/load.js';
import { readFeed } from '../feed/reader.js';
import { type Closure, loadNotices, noticesModule } from '../notices/index.js';
import type { Closures } from '../notices/notices.js';
import { collator, fold, pick } from '../feed/text.js';
import { romeToday } from '../feed/reader.js';
import type { AccessPoint, Category, Feed, GeoPoint, Notice, Organization, ReadResult, Service } from '../feed/types.js';
import { distanceKm, nearestKm } from '../geo/distance.js';
import { everyMinute, type HoursEngine, hoursEngine, hoursVersion, loadHoursEngine } from '../hours/index.js';
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
import { type FacetCount, FacetCounter } from './facet-counts.js';
import { loadEngine, SearchIndex } from './search-index.js';
import { viewFromUrl } from '../service/link.js';
import { isSavedKey, readSaved, writeSaved } from '../service/saved.js';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

/** What to offer beside (or instead of) the results of a query: see `GroupStore.searchHelp`. */
export interface SearchHelp {
  /** The query as searched. */
  readonly query: string;
  /** The query with unknown words respelled ("consultoro" → "consultorio"), when one is close. */
  readonly correction?: string;
  /** The closest topics: categories of the best results or of the nearest words. */
  readonly topics: readonly Category[];
  /** A comune the query names. */
  readonly comune?: string;
  /** Where to ask in person: the comune's access points first, then the nearest or first. */
  readonly accessPoints: readonly AccessPoint[];
}

/** What changed in a store; elements re-render on any, and some fire public events. */
export type ChangeKind = 'status' | 'filters' | 'selection' | 'origin' | 'hours' | 'saved';

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
  private dropIndex?: () => void;
  /** Services by name, sorted on first need: a page with only a map never pays for it. */
  private sortedByName?: Int32Array;
  private categoriesById = new Map<string, Category>();
  private servicesById = new Map<string, Service>();
  /** Closure notices by id, once the notices chunk is loaded (a feed with notices asks for it). */
  private closures?: Closures;
  private organizationsById = new Map<string, Organization>();
  /** The last services computed per kind (results, unordered, each facet's "all but mine"). */
  private readonly memos = new Map<string, { key: string; services: Service[] }>();
  private facetCounter?: FacetCounter;
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

  /**
   * Points the group at a feed URL or an object. A source equal to the current one (the
   * same URL made absolute, or an object with the same JSON, such as a framework's fresh
   * copy of the same feed) changes nothing.
   */
  setSource(source: string | object): void {
    if (sameSource(source, this.sourceKey)) return;
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

  /**
   * An element withdraws its source (`feed = null`, `src` removed). When the group shows
   * that source, it turns to `fallback` (another member's source) or, with none, to no
   * feed at all: the elements say so instead of showing the old feed.
   */
  dropSource(source: string | object, fallback?: string | object): void {
    if (!sameSource(source, this.sourceKey)) return;
    if (fallback !== undefined) return this.setSource(fallback);
    this.sourceKey = undefined;
    this.loadAbort?.abort();
    this.loadAbort = undefined;
    this.settled = undefined;
    this.status = 'idle';
    this.error = undefined;
    this.data = undefined;
    this.dropIndex?.();
    this.index = undefined;
    this.sortedByName = undefined;
    this.facetCounter = undefined;
    this.forget();
    this.categoriesById = new Map();
    this.organizationsById = new Map();
    this.servicesById = new Map();
    this.closures = undefined;
    this.emitChange('status');
    this.watchClock();
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
    this.sortedByName = undefined;
    this.categoriesById = new Map(result.feed.categories.map((c) => [c.id, c]));
    this.organizationsById = new Map(result.feed.organizations.map((o) => [o.id, o]));
    this.servicesById = new Map(result.feed.services.map((s) => [s.id, s]));
    this.closures = undefined;
    this.dropIndex?.();
    this.index = undefined;
    this.facetCounter = undefined;
    this.forget();
    // Only a feed with hours fetches the evaluator (its own chunk); states appear when it arrives.
    if (result.feed.hasHours) void this.needHours();
    if (result.feed.notices.length) void this.needNotices(result);
    this.emitChange('status');
    this.watchClock();
    // The search engine is fetched when a search is near (prepareSearch: a search box
    // touched, a query). A large feed's index takes seconds to build, so it is built in
    // idle time at once, and the first keystroke does not wait for it.
    if (this.searchWanted) this.searchIndex();
    else if (result.feed.services.length > INDEX_AHEAD) {
      const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
      idle(() => this.data === result && this.searchIndex());
    }
    viewFromUrl(this);
  }

  /** The saved selection's key: the feed's URL, or the group's name for a feed object. */
  private get savedKey(): string {
    return typeof this.sourceKey === 'string' ? feedUrl(this.sourceKey) : this.name;
  }

  /** "La mia selezione" (issue 18): the ids a person saved for this feed, oldest first. */
  get saved(): readonly string[] {
    const key = this.savedKey;
    if (this.savedMemo?.key !== key) this.savedMemo = { key, ids: readSaved(key) };
    if (!this.watchingSaved) {
      this.watchingSaved = true;
      addEventListener('storage', this.onStorage);
    }
    return this.savedMemo.ids;
  }
  private savedMemo?: { key: string; ids: readonly string[] };
  private watchingSaved = false;
  /** The selection changed in another tab: this one follows (the cards, the count, an open view). */
  private readonly onStorage = (e: StorageEvent) => {
    const memo = this.savedMemo;
    if (!memo || (e.storageArea && e.storageArea !== localStorage) || !isSavedKey(e.key, memo.key)) return;
    const ids = readSaved(memo.key);
    if (ids.length === memo.ids.length && ids.every((id, i) => id === memo.ids[i])) return;
    this.savedMemo = { key: memo.key, ids };
    this.emitChange('saved');
  };

  setSaved(ids: readonly string[], origin?: Element): void {
    const key = this.savedKey;
    this.savedMemo = { key, ids: [...new Set(ids)] };
    writeSaved(key, this.savedMemo.ids);
    this.emitChange('saved', origin);
  }

  /** Adds a service to the selection, or removes it. */
  toggleSaved(id: string, origin?: Element): void {
    const ids = this.saved;
    this.setSaved(ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id], origin);
  }

  /** True when an element of the group offers the selection (its `selection` attribute). */
  get selecting(): boolean {
    for (const m of this.members) if (m.isConnected && m.hasAttribute('selection')) return true;
    return false;
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

  /**
   * A search is near (issue 14): a person focuses, presses a key in or puts the pointer
   * or a finger on a search box, or a script is about to search. Fetches the search
   * engine now (with the feed, when the feed has not arrived yet) and builds the index
   * once the feed is read. Resolves when the index is ready (or at once without a feed,
   * after fetching the engine). A query needs no call: setting one builds the index too.
   */
  prepareSearch(): Promise<void> {
    this.searchWanted = true;
    if (!this.data) return loadEngine().then(() => undefined, () => undefined);
    return this.searchIndex().ready.catch(() => undefined);
  }
  /** Set by prepareSearch: the index is built as soon as a feed is read. */
  private searchWanted = false;

  /** True while a query waits for a large feed's index to finish. */
  get searching(): boolean {
    return searchable(this.filters.query) && !!this.data && !this.searchIndex().isReady;
  }

  /** The services that match the group's filters, in display order. */
  get results(): readonly Service[] {
    return this.compute(undefined, true);
  }

  /**
   * The same services as `results`, in no particular order, for consumers that do not
   * show an order (the map): it saves sorting 50,000 names before the first markers.
   */
  get matching(): readonly Service[] {
    return this.compute(undefined, false);
  }

  /** Positions in the feed of the services, by name. */
  private byName(): Int32Array {
    return (this.sortedByName ??= sortByName(this.data!.feed.services));
  }

  /**
   * Services counted by one facet. By default the facet's own filter is ignored, so a
   * choice shows what it would give (the search box's filter options). With
   * `withinResults`, the current results are counted, every filter included: the
   * category board's tiles ("the count of services under the current filters").
   */
  counts(facet: Facet, options: { withinResults?: boolean } = {}): Map<string, number> {
    return this.facet(facet, !!options.withinResults).counts;
  }

  /** How many services match when one facet's own filter is ignored (an "all" tile). */
  total(facet: Facet): number {
    return this.facet(facet, false).total;
  }

  /**
   * Memoised by the services counted, whose identity changes whenever anything that
   * counts does: a render (a keystroke that does not change the results, an arrow key)
   * does not count again, and the board and the search box share one count.
   */
  private facet(facet: Facet, withinResults: boolean): FacetCount {
    // Without a filter of its own, the facet counts the results themselves.
    const own = facet === 'comune' ? !!this.filters.comune : this.filters[facet].length > 0;
    const services = own && !withinResults ? this.compute(facet) : this.results;
    let byFacet = this.facetMemo.get(services);
    if (!byFacet) this.facetMemo.set(services, (byFacet = new Map()));
    let memo = byFacet.get(facet);
    if (!memo) {
      this.facetCounter ??= new FacetCounter(this.data?.feed.services ?? []);
      byFacet.set(facet, (memo = this.facetCounter.count(facet, this.positions.get(services) ?? [])));
    }
    return memo;
  }
  private facetMemo = new WeakMap<readonly Service[], Map<Facet, FacetCount>>();
  /** The feed positions of each computed list of services, for counting without look-ups. */
  private positions = new WeakMap<readonly Service[], Int32Array>();

  /**
   * What a search box offers while a person types `text` (the same rules as the
   * results): the best services, the topics they belong to and the comune the text
   * names. Undefined until the index is ready. `limit` and `keep` choose the services
   * returned (the first `limit` that `keep` accepts), so a few suggestions cost a few look-ups.
   */
  lookAhead(
    text: string,
    options: { limit?: number; keep?: (s: Service) => boolean } = {},
  ): { services: readonly Service[]; topics: readonly string[]; comune?: string } | undefined {
    if (!this.data || !text.trim()) return undefined;
    const index = this.searchIndex();
    if (!index.isReady) return undefined;
    const comune = index.comuneIn(text);
    // Only the first few are shown: at 50,000 services, do not turn every hit into a service.
    const { limit = Infinity, keep } = options;
    const all = this.data.feed.services;
    const services: Service[] = [];
    for (const i of index.ids(text)) {
      if (services.length >= limit) break;
      const s = all[i]!;
      if (!keep || keep(s)) services.push(s);
    }
    return { services, topics: index.topics(text), ...(comune ? { comune } : {}) };
  }

  /**
   * Help for the current query, so no search ends in a dead end: the spelling
   * suggestion ("Forse cercavi"), the closest topics, and where to ask in person (the
   * access points of the comune named or chosen, else the nearest, else the first).
   * Undefined without a query or before the index is ready.
   */
  get searchHelp(): SearchHelp | undefined {
    const query = this.filters.query.trim();
    if (!searchable(query) || !this.data) return undefined;
    const index = this.searchIndex();
    if (!index.isReady) return undefined;
    if (this.helpMemo?.index === index && this.helpMemo.query === query) return this.helpMemo.help;
    const found = index.help(query);
    const topics = found.topics.map((id) => this.category(id)).filter((c): c is Category => !!c);
    const place = found.comune ?? this.filters.comune;
    const all = this.accessPointsBy(this.origin);
    const here = place ? all.filter((a) => a.comune === place) : [];
    const accessPoints = [...here, ...all.filter((a) => !here.includes(a))];
    const help: SearchHelp = { query, topics, accessPoints, ...(found.correction ? { correction: found.correction } : {}), ...(found.comune ? { comune: found.comune } : {}) };
    this.helpMemo = { index, query, help };
    return help;
  }
  private helpMemo?: { index: SearchIndex; query: string; help: SearchHelp };

  /**
   * Access points of the feed, by the group's comune and "open now" (only those whose
   * hours, or a closure's, say open; none until the evaluator is loaded, as for
   * services), ordered by distance or place.
   */
  get accessPoints(): readonly AccessPoint[] {
    const { comune, openNow } = this.filters;
    const engine = openNow ? hoursEngine() : undefined;
    const at = now();
    return this.accessPointsBy(this.origin).filter(
      (a) => (!comune || a.comune === comune) && (!openNow || (!!engine && this.accessPointOpenAt(a, engine, at))),
    );
  }

  /** "Open now" for an access point: during a closure, by the closure's hours (closed when it has none). */
  private accessPointOpenAt(a: AccessPoint, engine: HoursEngine, at: Date): boolean {
    const closure = this.closureOf(a.id, at);
    const hours = closure ? closure.hours : a.hours;
    return !!hours && engine.state(hours, at, a.comune)?.open === true;
  }

  /** Every access point, nearest first when `origin` is known, else by place and name. */
  private accessPointsBy(origin: GeoPoint | null): AccessPoint[] {
    const list = [...(this.feed?.accessPoints ?? [])];
    const by = collator('it');
    const byPlace = (a: AccessPoint, b: AccessPoint) =>
      by.compare(a.comune ?? '', b.comune ?? '') || by.compare(pick(a.name, 'it'), pick(b.name, 'it'));
    if (origin) {
      const d = new Map(list.map((a) => [a, a.position ? distanceKm(origin, a.position) : Infinity]));
      // Without a position: last, by place (Infinity - Infinity is NaN, hence the fallback).
      return list.sort((a, b) => d.get(a)! - d.get(b)! || byPlace(a, b));
    }
    return list.sort(byPlace);
  }

  category(id: string): Category | undefined {
    return this.categoriesById.get(id);
  }

  organizationOf(entry: { organization?: string }): Organization | undefined {
    return entry.organization ? this.organizationsById.get(entry.organization) : undefined;
  }

  findService(id: string): Service | undefined {
    return this.servicesById.get(id);
  }

  /**
   * The closure in force now (the shared clock, Europe/Rome date) for a service or access
   * point: its badge, and the hours that apply instead (none: closed). One place for
   * every element, so "Aperto ora" and the badge always agree.
   */
  closureOf(id: string, at: Date = now()): Closure | undefined {
    return this.closures?.size ? this.closures.on(id, romeToday(at)) : undefined;
  }

  /**
   * The notices to show: current and upcoming (expired ones hidden), newest first, within
   * the group's scope. An `organization` scope keeps the organisation's own notices and
   * those about its services; a comune or category filter keeps the notices about it and
   * those that name neither (they concern the whole territory).
   */
  notices(at: Date = now()): Notice[] {
    const feed = this.feed;
    const notices = noticesModule();
    if (!feed || !notices) return [];
    return notices.noticesInScope(feed.notices, romeToday(at), {
      organization: this.organization,
      comune: this.filters.comune,
      categories: this.filters.categories,
      service: (id) => this.servicesById.get(id),
      accessPoint: (id) => this.findAccessPoint(id),
    });
  }

  findAccessPoint(id: string): AccessPoint | undefined {
    return this.feed?.accessPoints.find((a) => a.id === id);
  }

  private searchIndex(): SearchIndex {
    if (!this.index) {
      const index = (this.index = new SearchIndex(this.data!.feed.services, this.data!.feed));
      this.dropIndex = () => index.dispose();
      void index.ready.then(
        () => {
          if (this.index !== index || !this.filters.query.trim()) return;
          this.forget();
          this.emitChange('filters', this.pendingOrigin);
        },
        // The engine could not be fetched (offline for a moment): the next search tries again.
        () => {
          if (this.index === index) this.index = undefined;
        },
      );
    }
    return this.index;
  }

  private async needHours(): Promise<void> {
    const feed = this.feed;
    if (!feed?.hasHours || this.hoursFor === feed) return;
    this.hoursFor = feed;
    const before = hoursVersion();
    try {
      // The small evaluator, with this feed's compiled hours and patron days; the full
      // library only when a string needs it.
      await loadHoursEngine(feed);
    } catch {
      this.hoursFor = undefined;
      return; // offline: hours stay as written
    }
    // Already known to the evaluator (another group read the same kind of feed): nothing to redraw.
    if (hoursVersion() === before) return;
    this.forget();
    // 'filters' only when results depend on hours ("open now"); otherwise just re-render.
    this.emitChange(this.filters.openNow ? 'filters' : 'hours');
  }

  /** The feed whose hours the evaluator has been given. */
  private hoursFor?: Feed;

  /** Fetches the notices chunk, then applies the feed's closures (badges, "Aperto ora"). */
  private async needNotices(result: ReadResult): Promise<void> {
    let notices;
    try {
      notices = await loadNotices();
    } catch {
      return; // offline: no badges, the rest of the feed stays usable
    }
    if (this.data !== result) return;
    this.closures = new notices.Closures(result.feed.notices);
    this.forget();
    this.emitChange(this.filters.openNow && this.closures.size ? 'filters' : 'hours');
  }

  private stopClock?: () => void;

  /** True when what the group shows changes with time: opening hours, or notices (a closure ends, a deadline nears). */
  private get timely(): boolean {
    return !!this.feed && (this.feed.hasHours || this.feed.notices.length > 0);
  }

  /**
   * Re-renders the group once a minute (one timer for the page) while one of its
   * elements is connected and the feed has hours, so "Aperto ora" stays true.
   * Called on load and when elements connect or disconnect.
   */
  watchClock(): void {
    const wanted = this.timely && [...this.members].some((m) => m.isConnected);
    if (wanted && !this.stopClock) {
      this.stopClock = everyMinute(() => {
        if (!this.timely) return this.watchClock();
        if (this.filters.openNow) this.forget();
        this.emitChange('hours');
      });
    } else if (!wanted && this.stopClock) {
      this.stopClock();
      this.stopClock = undefined;
    }
  }

  /** The last query's matches: results and every facet count share one search per keystroke. */
  private find(index: SearchIndex, query: string): readonly number[] {
    const last = this.lastFind;
    if (last?.index === index && last.query === query) return last.ids;
    const ids = index.ids(query);
    this.lastFind = { index, query, ids };
    return ids;
  }
  private lastFind?: { index: SearchIndex; query: string; ids: readonly number[] };

  private compute(except: Facet | undefined, ordered = true): Service[] {
    if (!this.data) return [];
    const f = this.filters;
    // Only what can change the answer goes in the key, so results keep their identity
    // (and a list its paging) when, say, the index finishes building with no query.
    // One or two letters are not a search yet: everything stays shown while the word grows.
    const query = searchable(f.query) ? f.query.trim() : '';
    const key = JSON.stringify([
      except, { ...f, query }, this.organization, this.origin,
      f.openNow && !!hoursEngine(),
      // Closures change "open now" by the day, also for a store no timer refreshes.
      f.openNow && this.closures?.size ? romeToday(now()) : '',
      query ? this.index?.isReady : null,
    ]);
    const slot = `${except ?? ''}:${ordered}`;
    const memo = this.memos.get(slot);
    if (memo?.key === key) return memo.services;

    const all = this.data.feed.services;
    // Positions in the feed, in order: by name, as the feed has them, or by relevance.
    let order: ArrayLike<number> | undefined = ordered ? this.byName() : undefined;
    if (query) {
      const index = this.searchIndex();
      order = index.isReady ? this.find(index, query) : [];
    }
    const engine = f.openNow ? hoursEngine() : undefined;
    const at = now();
    const filtered = !!(this.organization || f.openNow || (except !== 'categories' && f.categories.length) ||
      (except !== 'audiences' && f.audiences.length) || (except !== 'comune' && f.comune));
    const keep = (s: Service) =>
      (!this.organization || s.organization === this.organization) &&
      (except === 'categories' || !f.categories.length || inAnyCategory(s, f.categories)) &&
      (except === 'audiences' || !f.audiences.length || forAnyAudience(s, f.audiences)) &&
      (except === 'comune' || !f.comune || inComune(s, f.comune)) &&
      (!f.openNow || (!!engine && this.openAt(s, engine, at)));
    // One pass over positions, no per-service objects: at 50,000 services this runs on
    // every keystroke, and the positions let facets count with typed arrays.
    const count = order ? order.length : all.length;
    let positions = new Int32Array(count);
    let out: Service[] = [];
    for (let k = 0; k < count; k++) {
      const i = order ? order[k]! : k;
      const s = all[i]!;
      if (filtered && !keep(s)) continue;
      positions[out.length] = i;
      out.push(s);
    }
    positions = positions.subarray(0, out.length);
    const origin = this.origin;
    if (origin && ordered) {
      const km = new Float64Array(all.length);
      for (const i of positions) km[i] = nearestKm(origin, all[i]!.locations.map((l) => l.position));
      positions = positions.slice().sort((a, b) => km[a]! - km[b]!);
      out = Array.from(positions, (i) => all[i]!);
    }
    this.positions.set(out, positions);
    this.memos.set(slot, { key, services: out });
    return out;
  }

  /** Drops the computed services: what they depend on changed (feed, hours, closures, index). */
  private forget(): void {
    this.memos.clear();
  }

  /** "Open now": during a closure, by the closure's hours (closed when it has none). */
  private openAt(s: Service, engine: HoursEngine, at: Date): boolean {
    const closure = this.closureOf(s.id, at);
    const hours = closure ? (closure.hours ? [closure.hours] : []) : serviceHours(s);
    // A place's patron day is a holiday there: the service's own hours count at its first place.
    const comuneOf = (h: string) => (s.locations.find((l) => l.hours === h) ?? s.locations[0])?.comune;
    return hours.some((h) => engine.state(h, at, comuneOf(h))?.open === true);
  }

  private emitChange(kind: ChangeKind, origin?: Element): void {
    if (kind === 'filters') this.pendingOrigin = origin;
    this.dispatchEvent(new CustomEvent<StoreChange>('change', { detail: { kind, ...(origin ? { origin } : {}) } }));
  }
}

/**
 * Feeds with more services than this build their search index in idle time as soon as
 * they are read: at 50,000 services building takes seconds (bench/search.mjs), more than
 * a person waits between touching the box and typing. Smaller feeds fetch the engine
 * only when a search is near (prepareSearch), and build it in well under a second.
 */
const INDEX_AHEAD = 2_000;

/** True when a query has a word of three letters or digits or more: something to search. */
const searchable = (query: string) => /[\p{L}\p{N}]{3}/u.test(query);

const absolute = (url: string) => {
  try {
    return feedUrl(url);
  } catch {
    return url;
  }
};

/** Same URL (made absolute), same object, or objects with the same JSON. */
function sameSource(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return absolute(a) === absolute(b);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // not JSON (a cycle, a BigInt): a different source
  }
}

/**
 * Services by Italian name, accents and case folded. Sorting on precomputed keys is
 * twice as fast as Intl.Collator on 50,000 names (87 ms against 184 ms in node).
 */
const ASCII = /^[\x00-\x7f]*$/;

function sortByName(services: readonly Service[]): Int32Array {
  const keys = services.map((s) => {
    const name = pick(s.name, 'it');
    // Unicode normalisation is the slow part: only names with accents need it.
    return ASCII.test(name) ? name.toLowerCase() : fold(name);
  });
  return Int32Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}
