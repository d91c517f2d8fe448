import { lazyChunk } from '@welfare-elements/core';
import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapView } from './map-types.js';

export type Engine = typeof import('./engine.js');

/** Leaflet, supercluster and the engine: one lazy chunk, fetched once per page (again after a failure). */
const engine = lazyChunk(() => import('./engine.js'));

export function loadEngine(): Promise<Engine> {
  return engine.load();
}

export interface LeafletControllerOptions {
  /** The element Leaflet draws into (in the shadow root), once rendered. */
  container(): HTMLElement | null | undefined;
  /** Builds the view when Leaflet and the container are both ready. */
  create(engine: Engine, container: HTMLElement): MapView;
}

/**
 * Owns the map's life: loads the engine chunk when the element nears the viewport,
 * adopts Leaflet's CSS into the shadow root, creates the map from an element reference
 * after the first render, calls invalidateSize when the element is resized (Leaflet only
 * listens to the window), and calls `map.remove()` when the element is disconnected.
 */
export class LeafletController implements ReactiveController {
  view?: MapView;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private io?: IntersectionObserver;
  private ro?: ResizeObserver;
  private engine?: Engine;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LeafletControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.status === 'ready') {
      // Moved in the page: the map was removed on disconnect; build it again.
      this.mount();
      this.host.requestUpdate();
      return;
    }
    if (this.status === 'loading') return;
    if (typeof IntersectionObserver === 'undefined') return this.load();
    // Start a little before the map scrolls into view, so it is ready when seen.
    this.io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.io?.disconnect();
        this.io = undefined;
        this.load();
      },
      { rootMargin: '50% 0px 50% 0px' },
    );
    this.io.observe(this.host);
  }

  hostUpdated(): void {
    this.mount();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.io?.disconnect();
    this.io = undefined;
    this.ro?.disconnect();
    this.ro = undefined;
    this.view?.destroy();
    this.view = undefined;
  }

  /** Loads the engine now (also the "try again" of a failed load). */
  load(): void {
    if (this.status === 'loading' || this.status === 'ready') return;
    this.status = 'loading';
    this.host.requestUpdate();
    loadEngine().then(
      (engine) => {
        this.engine = engine;
        this.status = 'ready';
        this.mount();
        this.host.requestUpdate();
      },
      (error: unknown) => {
        console.warn('[welfare-elements] <welfare-map> could not load its map engine.', error);
        this.status = 'error';
        this.host.requestUpdate();
      },
    );
  }

  private mount(): void {
    if (!this.connected || this.view || !this.engine) return;
    const container = this.options.container();
    if (!container) return;
    const root = this.host.shadowRoot;
    if (root) adopt(root, this.engine.leafletStyles, this.engine.engineStyles);
    this.view = this.options.create(this.engine, container);
    this.ro = new ResizeObserver(() => this.view?.invalidateSize());
    this.ro.observe(container);
  }
}

/**
 * Adopts Leaflet's CSS first in the shadow root and the engine's own styles last, so that
 * ours override Leaflet's. Once per shadow root.
 */
export function adopt(root: ShadowRoot, leaflet: CSSResult, own: CSSResult): void {
  const first = leaflet.styleSheet;
  const last = own.styleSheet;
  if (first && last && 'adoptedStyleSheets' in root) {
    if (!root.adoptedStyleSheets.includes(first)) root.adoptedStyleSheets = [first, ...root.adoptedStyleSheets, last];
    return;
  }
  if (root.querySelector('style[data-leaflet]')) return;
  const style = (css: CSSResult) => {
    const el = document.createElement('style');
    el.dataset['leaflet'] = '';
    el.textContent = css.cssText;
    return el;
  };
  // Before the element's own <style>s (lit's fallback), Leaflet's first.
  root.prepend(style(leaflet), style(own));
}
