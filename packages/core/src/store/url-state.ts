import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Filters } from './filters.js';
import type { GroupStore, StoreChange } from './group-store.js';
import type { Binding } from './url-binding.js';

/**
 * The URL code is its own chunk: most pages never use `url-state`, and a page that does
 * needs it only when its address carries our parameters (to restore them) or once its
 * filters first change (to write them): until then the address has nothing of ours to
 * read or write, and the chunk is not fetched (issue 14). A failed fetch is tried again.
 */
let bindingModule: Promise<typeof import('./url-binding.js')> | undefined;
const loadBinding = () =>
  (bindingModule ??= import('./url-binding.js').catch((error: unknown) => {
    bindingModule = undefined;
    throw error;
  }));

const SUFFIXES = ['q', 'cat', 'aud', 'com', 'open'];

/**
 * True when the address may carry a parameter for `prefix` (url-binding.ts's names: `wq`,
 * `servizi-q`...). When in doubt (an undecodable address), true: the binding reads it.
 */
function addressHasOwn(prefix: string): boolean {
  let search = location.search;
  if (!search) return false;
  try {
    search = decodeURIComponent(search.replace(/\+/g, ' '));
  } catch {
    return true;
  }
  const mark = prefix ? `${prefix}-` : 'w';
  return search
    .replace(/^\?/, '')
    .split('&')
    .some((part) => SUFFIXES.some((suffix) => part.split('=')[0] === mark + suffix));
}

/**
 * Connects an element with a `url-state` attribute to the page URL (see url-binding.ts).
 * `target` returns the group's store and the prefix (the attribute's value), or null
 * when the attribute is absent. Several elements of one group share one binding.
 */
export class UrlStateController implements ReactiveController {
  private binding?: Binding;
  private wanted?: { store: GroupStore; prefix: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => { store: GroupStore; prefix: string } | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.wanted = undefined;
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    const binding = this.binding;
    this.binding = undefined;
    if (binding) void loadBinding().then((m) => m.release(binding));
  }

  /** Ends the wait for a first change (see `sync`). */
  private stopWaiting?: () => void;

  /** Call when a person commits a change (Enter, a chosen suggestion). */
  commit(): void {
    this.binding?.commit();
  }

  private sync(): void {
    const target = this.target();
    const prefix = target?.prefix.trim().replace(/[^\w-]/g, '') ?? '';
    if (this.wanted && target?.store === this.wanted.store && prefix === this.wanted.prefix) return;
    if (!this.wanted && !target) return;
    this.hostDisconnected();
    if (!target) return;
    const wanted = (this.wanted = { store: target.store, prefix });
    const bind = (since?: { filters: Filters; origin?: Element }) =>
      void loadBinding().then(
        (m) => {
          if (this.wanted === wanted) this.binding = m.bind(wanted.store, wanted.prefix, since);
        },
        () => undefined, // offline: the address stays as it is
      );
    if (addressHasOwn(prefix)) return bind();
    // Nothing of ours in the address: wait for the first change of the group's filters (a
    // person's choice or a script's) or for Back and Forward, then write what changed
    // since `before`, as if the binding had been there all along.
    const before = wanted.store.filters;
    const onChange = (event: Event) => {
      const change = (event as CustomEvent<StoreChange>).detail;
      if (change.kind !== 'filters') return;
      stop();
      bind({ filters: before, ...(change.origin ? { origin: change.origin } : {}) });
    };
    const onPopState = () => {
      if (!addressHasOwn(prefix)) return;
      stop();
      bind();
    };
    const stop = () => {
      wanted.store.removeEventListener('change', onChange);
      removeEventListener('popstate', onPopState);
      if (this.stopWaiting === stop) this.stopWaiting = undefined;
    };
    wanted.store.addEventListener('change', onChange);
    addEventListener('popstate', onPopState);
    this.stopWaiting = stop;
  }
}
