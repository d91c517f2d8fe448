import { type Filters, NO_FILTERS, sameFilters } from './filters.js';
import type { GroupStore, StoreChange } from './group-store.js';

/**
 * The URL side of shareable state, loaded only when an element has `url-state`
 * (see url-state.ts). Shareable state (the opt-in `url-state` attribute): a group's query and filters are
 * mirrored into the page URL and restored from it, so a link or a reload shows the same
 * results and the back button undoes a choice. Only our own parameters are written;
 * the host page's parameters, their order and their spelling are left exactly as they are.
 *
 * Parameters: `wq` (query), `wcat` (categories, space-separated), `waud` (audiences),
 * `wcom` (comune), `wopen` (`1`: open now). With `url-state="servizi"` they are
 * `servizi-q`, `servizi-cat`, ... so two groups on one page do not collide.
 * A parameter is written only when its filter differs from the group's presets
 * (attributes such as `category`); an absent parameter means "as preset".
 */

type Key = keyof Filters;
const SUFFIX: Record<Key, string> = { query: 'q', categories: 'cat', audiences: 'aud', comune: 'com', openNow: 'open' };
const KEYS = Object.keys(SUFFIX) as Key[];

/** The URL parameter names for a prefix ('' → wq, wcat, ...; 'servizi' → servizi-q, ...). */
export function urlStateParams(prefix = ''): Record<Key, string> {
  const name = (suffix: string) => (prefix ? `${prefix}-${suffix}` : `w${suffix}`);
  return Object.fromEntries(KEYS.map((k) => [k, name(SUFFIX[k])])) as Record<Key, string>;
}

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined; // a malformed escape: ignore that parameter
  }
};

const split = (search: string) => search.replace(/^\?/, '').split('&').filter(Boolean);

/** The filters a query string carries for `prefix`; absent parameters are left out. */
export function readUrlState(search: string, prefix = ''): Partial<Filters> {
  const names = urlStateParams(prefix);
  const byName = new Map<string, string>();
  for (const part of split(search)) {
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (name !== undefined && value !== undefined && !byName.has(name)) byName.set(name, value);
  }
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = byName.get(names[key]);
    if (value === undefined) continue;
    if (key === 'categories' || key === 'audiences') out[key] = value.split(/\s+/).filter(Boolean);
    else if (key === 'openNow') out[key] = value === '1' || value === 'true';
    else out[key] = key === 'query' ? value.slice(0, 200) : value.trim();
  }
  return out as Partial<Filters>;
}

const text = (filters: Filters, key: Key): string => {
  const value = filters[key];
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'boolean') return value ? '1' : '';
  return String(value);
};

/**
 * The query string with `filters` written for `prefix`: our parameters are removed and
 * those that differ from `baseline` are appended; every other parameter stays as written.
 */
export function writeUrlState(search: string, prefix: string, filters: Filters, baseline: Filters): string {
  const names = urlStateParams(prefix);
  const ours = new Set(Object.values(names));
  const kept = split(search).filter((part) => {
    const eq = part.indexOf('=');
    return !ours.has(decode(eq < 0 ? part : part.slice(0, eq)) ?? '');
  });
  const added = new URLSearchParams();
  for (const key of KEYS) {
    const value = text(filters, key);
    if (value !== text(baseline, key)) added.append(names[key], value);
  }
  const ourPart = added.toString();
  const all = ourPart ? [...kept, ourPart] : kept;
  return all.length ? `?${all.join('&')}` : '';
}

/** One binding per group and prefix, shared by every element that asks for it. */
export class Binding {
  users = 0;
  /** True while a person types: further query changes replace the entry, not push one. */
  private typing = false;
  private restoring = false;
  private written: Filters;

  private readonly onChange = (event: Event) => {
    const change = (event as CustomEvent<StoreChange>).detail;
    if (change.kind === 'filters') this.write(change.origin);
  };
  private readonly onPopState = () => this.restore(true);

  constructor(readonly store: GroupStore, readonly prefix: string) {
    this.written = store.filters;
  }

  start(): void {
    this.restore(false);
    this.store.addEventListener('change', this.onChange);
    addEventListener('popstate', this.onPopState);
  }

  stop(): void {
    this.store.removeEventListener('change', this.onChange);
    removeEventListener('popstate', this.onPopState);
  }

  /** Writes the changes made since `filters`, before this binding existed (see `bind`). */
  catchUp(filters: Filters, origin?: Element): void {
    this.written = filters;
    this.write(origin);
  }

  /** Ends a typing session (Enter, a chosen suggestion): the next change adds an entry. */
  commit(): void {
    this.typing = false;
  }

  private get baseline(): Filters {
    return { ...NO_FILTERS, ...this.store.presets };
  }

  /**
   * On load only the parameters present are applied (and win over presets); on the back
   * and forward buttons absent parameters return to the presets.
   */
  private restore(all: boolean): void {
    const found = readUrlState(location.search, this.prefix);
    for (const key of KEYS) {
      if (key in found) this.store.restored.add(key);
      else if (all) this.store.restored.delete(key);
    }
    this.restoring = true;
    try {
      this.store.update(all ? { ...this.baseline, ...found } : found);
    } finally {
      this.restoring = false;
    }
    this.written = this.store.filters;
    this.typing = false;
  }

  /**
   * Only a person's own choice adds a history entry. Everything else replaces the current
   * one: the URL spelled our way (`%20` → `+`, a malformed parameter dropped) when the
   * search index finishes, or a change made by code. A push there would add an entry
   * nobody made (one Back press staying on the page) and, after Back, drop the Forward one.
   */
  private write(origin?: Element): void {
    const filters = this.store.filters;
    if (this.restoring) return;
    const previous = this.written;
    this.written = filters;
    const search = writeUrlState(location.search, this.prefix, filters, this.baseline);
    if (search === location.search) return;
    const byPerson = !!origin && !sameFilters(filters, previous);
    const onlyQuery = KEYS.every((k) => k === 'query' || text(filters, k) === text(previous, k));
    const replace = !byPerson || (onlyQuery && this.typing);
    if (byPerson) this.typing = onlyQuery;
    const url = `${location.pathname}${search}${location.hash}`;
    // The page's own history.state is carried over, so a host router keeps its data.
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }
}

const bindings = new Map<GroupStore, Map<string, Binding>>();

/**
 * The binding of a group and prefix, started on first use. `since`: the binding comes
 * late (url-state.ts fetches this chunk at the first change of filters): the filters
 * before that change, and who made it, so the change is written as it would have been
 * (a person's choice adds a history entry).
 */
export function bind(store: GroupStore, prefix: string, since?: { filters: Filters; origin?: Element }): Binding {
  let byPrefix = bindings.get(store);
  if (!byPrefix) bindings.set(store, (byPrefix = new Map()));
  let binding = byPrefix.get(prefix);
  if (!binding) {
    byPrefix.set(prefix, (binding = new Binding(store, prefix)));
    binding.start();
    if (since) binding.catchUp(since.filters, since.origin);
  }
  binding.users++;
  return binding;
}

export function release(binding: Binding): void {
  if (--binding.users > 0) return;
  binding.stop();
  bindings.get(binding.store)?.delete(binding.prefix);
}

