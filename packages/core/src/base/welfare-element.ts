import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { WelfareEventMap } from '../events.js';
import { FeedError } from '../feed/reader.js';
import { commonStrings } from '../i18n/common-strings.js';
import { afterStrings } from '../i18n/dictionary.js';
import { LangController } from '../i18n/lang.js';
import { VERSION } from '../version.js';
import { defineElement } from './define.js';
import { FeedController } from './feed-controller.js';

type Detail<K extends keyof WelfareEventMap> = WelfareEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * What the six elements share: the attributes of CONTRACT §2, the group store, the
 * language, typed events, and the loading / error / idle states.
 */
export class WelfareElement extends LitElement {
  static readonly version = VERSION;

  /** URL of the feed (JSON). Elements with the same `src` share one request. */
  @property() src?: string;
  /** Name of a filter group; defaults to the `src` value. */
  @property() group?: string;
  /** Show only the offers of this organisation id. */
  @property() organization?: string;
  /** A preset category filter: ids separated by spaces. */
  @property() category?: string;
  /** A preset filter by municipality name. */
  @property() comune?: string;
  /** The feed as an object, for frameworks (instead of `src`). */
  @property({ attribute: false }) feed?: object;

  protected readonly i18n = new LangController(this);
  protected readonly data = new FeedController(this);

  /** Registers `tag` unless it is already defined (a second copy of the bundle). */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  /** Dispatches a public event: bubbling and composed, so it crosses shadow roots. */
  emit<K extends keyof WelfareEventMap>(name: K, detail: Detail<K>): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }

  protected get strings() {
    return commonStrings[this.i18n.lang];
  }

  /**
   * An element in English waits for its English strings before it renders (they are
   * fetched on demand, i18n/dictionary.ts), so a page never shows Italian first, and
   * `updateComplete` means "rendered in the element's language"; a switch of `lang` at
   * run time re-renders once they arrive. If they cannot be fetched, it renders in Italian.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStrings(this.i18n.lang, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data.sync();
  }

  /**
   * Renders the element's content once the feed is loaded, and the shared states
   * otherwise. Subclasses implement `renderLoaded`.
   */
  protected renderState(renderLoaded: () => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    if (!this.data.hasSource) return html`<p class="state" part="state">${this.strings.noSource}</p>`;
    return this.data.task.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: () => renderLoaded(),
      error: (error) => this.renderError(error),
    }) as TemplateResult;
  }

  /** The loading state: the group's first element says it; the others keep the place quietly. */
  protected renderLoading(): TemplateResult {
    if (!this.data.leads) return html`<p class="state loading" part="state loading" aria-hidden="true"></p>`;
    return html`<p class="state loading" part="state loading" role="status">
      <span class="spinner" aria-hidden="true"></span>${this.strings.loading}
    </p>`;
  }

  /**
   * The failure, announced once per group (CONTRACT §3): the first element holds the
   * alert and the one "Riprova", which reloads the whole group; the others say quietly
   * that the services are not available.
   */
  protected renderError(error: unknown): TemplateResult {
    if (!this.data.leads) return html`<p class="state unavailable" part="state unavailable">${this.strings.unavailable}</p>`;
    const code = error instanceof FeedError ? error.code : 'network';
    return html`<div class="error" part="error" role="alert">
      <p>${this.strings.error[code]}</p>
      <button type="button" part="button retry" @click=${() => this.data.store.retry()}>${this.strings.retry}</button>
    </div>`;
  }

  /**
   * A part of this element that could not be fetched (ChunkController): the feed is fine,
   * so this element alone says it, and its "Riprova" fetches that part again.
   */
  protected renderChunkError(chunk: { retry(): void }): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <p>${this.strings.partUnavailable}</p>
      <button type="button" part="button retry" @click=${() => chunk.retry()}>${this.strings.retry}</button>
    </div>`;
  }
}
