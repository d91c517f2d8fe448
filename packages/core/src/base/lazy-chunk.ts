import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pendingStrings } from '../i18n/dictionary.js';

/**
 * A part of the library fetched on demand (a dynamic `import()`), once per page. A failed
 * fetch is forgotten, so the next `load()` tries again: a phone that lost its signal for a
 * moment must not be left with a dead element until the page is reloaded.
 */
export interface LazyChunk<T> {
  /** Fetches the chunk, or returns the fetch already under way or done. */
  load(): Promise<T>;
  /** The chunk once it has arrived, so renders need not wait. */
  readonly current: T | undefined;
}

export function lazyChunk<T>(fetch: () => Promise<T>): LazyChunk<T> {
  let current: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= fetch().then(
        // On a page in English the chunk's own English strings come first: the map's
        // engine writes its labels into Leaflet's DOM as soon as it is created.
        async (value) => (await pendingStrings(), (current = value)),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
    get current() {
      return current;
    },
  };
}

/**
 * Gives an element one lazy chunk: fetched when the element is connected, a re-render when
 * it arrives, and `failed` when it could not be fetched (the element then shows
 * `renderChunkError`, whose "Riprova" calls `retry()`).
 */
export class ChunkController<T> implements ReactiveController {
  failed = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly chunk: LazyChunk<T>,
  ) {
    host.addController(this);
  }

  /** The chunk, once it has arrived. */
  get module(): T | undefined {
    return this.chunk.current;
  }

  hostConnected(): void {
    if (!this.chunk.current) this.retry();
  }

  /** Fetches the chunk again (after a failure) and re-renders the element either way. */
  retry(): void {
    this.failed = false;
    this.host.requestUpdate();
    this.chunk.load().then(
      () => this.host.requestUpdate(),
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }
}
