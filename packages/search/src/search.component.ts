import {
  cancelIdle,
  type Filters,
  hostStyles,
  NO_FILTERS,
  pick,
  sameFilters,
  selectCommit,
  UrlStateController,
  WelfareElement,
  whenIdle,
} from '@welfare-elements/core';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { audienceName, searchStrings } from './search.strings.js';
import { searchStyles } from './search.styles.js';
import type { Suggestion } from './suggestions.js';

/**
 * The suggestion rules are a small chunk of their own (not the first load), fetched with
 * the search engine when a search is near (`onIntent`), so they are there before the
 * first keystroke.
 */
let suggester: typeof import('./suggestions.js') | undefined;
let loadingSuggester: Promise<void> | undefined;
const loadSuggester = () =>
  (loadingSuggester ??= import('./suggestions.js').then(
    (m) => void (suggester = m),
    () => void (loadingSuggester = undefined), // offline: tried again on the next keystroke
  ));


/** The filters the `filters` attribute can name. */
const FILTER_NAMES = ['category', 'audience', 'comune', 'open'] as const;

/** How long the count waits for the results to stop changing before it is announced. */
const ANNOUNCE_DELAY = 500;

/**
 * Typing and the debounce (figures from bench/search.mjs). Feeds up to `ALWAYS_LIVE`
 * services filter on every keystroke. Larger ones measure what a keystroke costs the
 * whole group (search, counts, every element's render) and filter live while that fits
 * in a frame; otherwise they wait for a pause in typing of about one and a half updates,
 * between `MIN_PAUSE` and `MAX_PAUSE`, so keys are never held up behind a search.
 */
const ALWAYS_LIVE = 2_000;
const FRAME_BUDGET = 16;
const MIN_PAUSE = 150;
const MAX_PAUSE = 400;

interface Choice {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

const clearIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"/></svg>`;

/**
 * A search box for people: type a few words (or choose a suggestion) and pick filters;
 * every element of the same group follows. It follows the WAI-ARIA combobox pattern:
 * arrow keys move through the suggestions, Enter chooses, Escape closes (and then clears).
 *
 * @summary Search box with suggestions and filters; it filters its group.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 * @fires welfare-filter - `{ query, categories, results }` when a person changes the group's filters here.
 * @fires welfare-select - `{ id, type }` when a person chooses a service among the suggestions.
 *
 * @csspart form - The search form (role="search").
 * @csspart label - The label of the search box.
 * @csspart input - The search box (role="combobox").
 * @csspart clear - The button that clears the text.
 * @csspart submit - The "Cerca / Search" button.
 * @csspart suggestions - The list of suggestions (role="listbox").
 * @csspart option - One suggestion (also `active` while chosen with the arrow keys); a service shows its topic and comune.
 * @csspart did-you-mean - The spelling suggestion ("Forse cercavi: …"), a button that searches it.
 * @csspart filters - The group of filters.
 * @csspart filter - One filter (label and select).
 * @csspart select - Each filter's select.
 * @csspart open-now - The "aperto ora / open now" checkbox and its label.
 * @csspart count - The number of results (a polite live region).
 * @csspart reset - The button that clears the search and the filters.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert") with "Riprova", in the first element of the group.
 * @csspart unavailable - "The services are not available", in the other elements of a group whose feed failed.
 *
 * @cssprop [--welfare-search-input-border=2px solid var(--welfare-color-muted, #5c6f82)] - Border of the box and the selects.
 * @cssprop [--welfare-search-input-background=var(--welfare-color-surface, #fff)] - Background of the box and the selects.
 * @cssprop [--welfare-search-suggestions-background=var(--welfare-color-surface, #fff)] - Background of the suggestions.
 * @cssprop [--welfare-search-active-background=var(--welfare-color-surface-alt, #f5f7fa)] - Background of the active suggestion.
 * @cssprop [--welfare-search-gap=0.75rem] - Space between the parts.
 * @cssprop [--welfare-search-z-index=10] - Stacking order of the suggestions over the page.
 */
export class WelfareSearch extends WelfareElement {
  static override styles = [hostStyles, searchStyles];

  /** Which filters to show, separated by spaces: `category audience comune open`; `""` for none. */
  @property() filters = 'category audience comune open';
  /** The visible label of the search box (default "Cerca un servizio" / "Search for a service"). */
  @property() label?: string;
  /** Example text inside the empty box. */
  @property() placeholder?: string;
  /**
   * Mirrors the group's query and filters into the page URL and restores them on load.
   * A value is a prefix for the parameters (`url-state="servizi"` → `servizi-q`, ...).
   */
  @property({ attribute: 'url-state' }) urlState: string | null = null;
  /** Milliseconds to wait after a keystroke before filtering; default: only as much as the feed needs. */
  @property({ type: Number }) debounce?: number;

  @state() private text = '';
  @state() private expanded = false;
  @state() private active = -1;
  @state() private options: readonly Suggestion[] = [];
  @state() private announcement = '';

  @query('input[role="combobox"]') private input?: HTMLInputElement;

  private readonly url = new UrlStateController(this, () =>
    this.urlState === null ? null : { store: this.data.store, prefix: this.urlState },
  );
  /** The query last sent to (or seen in) the store; the box follows changes made elsewhere. */
  private sent = '';
  private typingTimer?: ReturnType<typeof setTimeout>;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private pendingAnnouncement = '';
  private optionsLang = '';
  /** The spelling suggestion for a query, computed in idle time (see `renderDidYouMean`). */
  @state() private correction?: string | undefined;
  /** The query `correction` was computed for. */
  private helpQuery?: string;
  private helpQueued?: string;
  private helpTask?: number;
  /** Milliseconds the group takes to follow a query (measured and smoothed, for the debounce). */
  private cost?: number;

  private get t() {
    return searchStrings[this.i18n.lang];
  }

  private get shown(): Set<string> {
    return new Set(this.filters.split(/\s+/).filter((f) => (FILTER_NAMES as readonly string[]).includes(f)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    cancelIdle(this.helpTask);
    this.helpQueued = undefined;
    if (this.typingTimer !== undefined) this.flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.data.store;
    const query = store.filters.query;
    if (query !== this.sent) {
      // Changed elsewhere (a reset, the URL, another search box): follow it.
      clearTimeout(this.typingTimer);
      this.typingTimer = undefined;
      this.sent = this.text = query;
      this.expanded = false;
    }
    if (this.options.length && this.optionsLang !== this.i18n.lang) this.options = this.suggest(this.text);
    this.queueAnnouncement();
  }

  /**
   * The form is there before the feed (issue 11): a person can start typing at once, the
   * query is applied when the feed is read, and the page does not jump when it arrives.
   * Only a missing source or a failed feed replace it.
   */
  override render() {
    if (!this.data.hasSource || this.data.store.status === 'error') return this.renderState(() => this.renderLoaded());
    return this.renderLoaded();
  }

  private renderLoaded() {
    const t = this.t;
    const store = this.data.store;
    const open = this.expanded && this.options.length > 0;
    const changed = !sameFilters(store.filters, this.baseline);
    return html`<form part="form" role="search" @submit=${this.onSubmit}>
      <div class="search">
        <label part="label" for="q">${this.label || t.label}</label>
        <div class="field">
          <div class="box" @pointerover=${this.onIntent} @pointerdown=${this.onIntent}>
            <input
              id="q"
              part="input"
              type="search"
              role="combobox"
              autocomplete="off"
              enterkeyhint="search"
              aria-autocomplete="list"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="suggestions"
              aria-activedescendant=${open && this.active >= 0 ? `option-${this.active}` : nothing}
              placeholder=${this.placeholder ?? t.placeholder}
              maxlength="200"
              .value=${live(this.text)}
              @input=${this.onInput}
              @keydown=${this.onKeyDown}
              @focus=${this.onIntent}
              @blur=${this.close}
            />
            ${this.text
              ? html`<button type="button" class="clear" part="clear" aria-label=${t.clear} @click=${this.onClear}>
                  ${clearIcon}
                </button>`
              : nothing}
          </div>
          <button type="submit" class="button submit" part="submit">${t.submit}</button>
          <ul id="suggestions" role="listbox" part="suggestions" aria-label=${t.suggestions} ?hidden=${!open}>
            ${open ? this.options.map((s, i) => this.renderOption(s, i)) : nothing}
          </ul>
        </div>
      </div>
      ${this.renderDidYouMean()}
      ${this.renderFilters()}
      <div class="footer">
        <p class="count ${this.listInGroup ? 'visually-hidden' : ''}" part=${this.data.loaded ? 'count' : 'count loading'} role="status">
          ${this.data.loaded ? this.announcement : this.data.leads ? this.strings.loading : ''}
        </p>
        ${changed
          ? html`<button type="button" class="reset" part="reset" @click=${this.onReset}>${t.reset}</button>`
          : nothing}
      </div>
    </form>`;
  }

  /**
   * A list in the group shows the number of services on screen ("59 servizi"): the box
   * then says it only to screen readers, so the page does not say it twice.
   */
  private get listInGroup(): boolean {
    for (const m of this.data.store.members) if (m.localName === 'welfare-list' && m.isConnected) return true;
    return false;
  }

  private renderOption(s: Suggestion, i: number) {
    const active = i === this.active;
    return html`<li
      id=${`option-${i}`}
      role="option"
      part=${active ? 'option active' : 'option'}
      aria-selected=${active ? 'true' : 'false'}
      @pointerdown=${(e: Event) => e.preventDefault()}
      @click=${() => this.choose(s)}
    >
      <span>${s.label}</span><span class="visually-hidden">, </span><span class="kind">${this.t.kind[s.kind]}${s.detail ? ` · ${s.detail}` : ''}</span>
    </li>`;
  }

  /**
   * "Forse cercavi: consultorio", when the query has a word the feed does not (a typo).
   * Looking for the nearest spelling searches the index again, so it waits for idle time
   * after the group has followed the keystroke (`updated`), and shows for the query it
   * was computed for.
   */
  private renderDidYouMean() {
    const correction = this.helpQuery === this.data.store.filters.query ? this.correction : undefined;
    if (!correction || this.typingTimer !== undefined) return nothing;
    return html`<p class="did-you-mean" part="did-you-mean">
      ${this.t.didYouMean}
      <button type="button" class="link" @click=${() => this.useCorrection(correction)}>${correction}</button>?
    </p>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const store = this.data.store;
    const query = store.filters.query;
    if (!this.data.loaded || this.helpQuery === query || this.helpQueued === query) return;
    this.helpQueued = query;
    cancelIdle(this.helpTask);
    this.helpTask = whenIdle(() => {
      this.helpQueued = undefined;
      if (store !== this.data.store || store.filters.query !== query) return;
      // Undefined while the index is building: asked again when the results come.
      if (store.searching) return;
      const correction = store.searchHelp?.correction;
      this.helpQuery = query;
      // Render only when there is something to show or to take away: a render while a
      // person moves through a filter's options would put the select back.
      if (correction !== this.correction) this.correction = correction;
      else if (correction) this.requestUpdate();
    });
  }

  private useCorrection(text: string) {
    this.setQuery(text);
    this.url.commit();
    this.input?.focus();
  }

  private renderFilters() {
    const shown = this.shown;
    const store = this.data.store;
    const feed = store.feed;
    if (!feed || !this.data.loaded) return this.renderWaitingFilters();
    const f = store.filters;
    const t = this.t;
    const lang = this.i18n.lang;
    const parts = [];
    if (shown.has('category') && feed.categories.length) {
      const counts = store.counts('categories');
      const choices = feed.categories.map((c) => ({ value: c.id, label: pick(c.name, lang), count: counts.get(c.id) ?? 0 }));
      parts.push(this.renderSelect('category', t.category, t.allCategories, choices, f.categories, (v) => ({ categories: v })));
    }
    if (shown.has('audience') && feed.audiences.length) {
      const counts = store.counts('audiences');
      const choices = feed.audiences.map((a) => ({ value: a, label: audienceName(a, lang), count: counts.get(a) ?? 0 }));
      parts.push(this.renderSelect('audience', t.audience, t.allAudiences, choices, f.audiences, (v) => ({ audiences: v })));
    }
    if (shown.has('comune') && feed.comuni.length) {
      const counts = store.counts('comune');
      const choices = feed.comuni.map((c) => ({ value: c, label: c, count: counts.get(c) ?? 0 }));
      const chosen = f.comune ? [f.comune] : [];
      parts.push(this.renderSelect('comune', this.strings.comune, this.strings.allComuni, choices, chosen, (v) => ({ comune: v[0] ?? '' })));
    }
    if (shown.has('open') && feed.hasHours) {
      parts.push(html`<label class="check" part="open-now">
        <input type="checkbox" .checked=${live(f.openNow)} @change=${this.onOpenNow} />${this.strings.openNow}
      </label>`);
    }
    return parts.length ? html`<div class="filters" part="filters" role="group" aria-label=${t.filters}>${parts}</div>` : nothing;
  }

  /** Before the feed: the filters in their place, disabled, so nothing moves when it arrives. */
  private renderWaitingFilters() {
    const shown = this.shown;
    const t = this.t;
    const select = (id: string, label: string, all: string) => html`<div class="filter" part="filter">
      <label for=${`filter-${id}`}>${label}</label>
      <select id=${`filter-${id}`} part="select" disabled><option>${all}</option></select>
    </div>`;
    const parts = [];
    if (shown.has('category')) parts.push(select('category', t.category, t.allCategories));
    if (shown.has('audience')) parts.push(select('audience', t.audience, t.allAudiences));
    if (shown.has('comune')) parts.push(select('comune', this.strings.comune, this.strings.allComuni));
    if (shown.has('open')) {
      parts.push(html`<label class="check" part="open-now"><input type="checkbox" disabled />${this.strings.openNow}</label>`);
    }
    return parts.length ? html`<div class="filters" part="filters" role="group" aria-label=${t.filters}>${parts}</div>` : nothing;
  }

  private renderSelect(
    id: string,
    label: string,
    all: string,
    choices: readonly Choice[],
    chosen: readonly string[],
    patch: (values: string[]) => Partial<Filters>,
  ) {
    const t = this.t;
    const several = chosen.length > 1;
    // Applied on a committed choice (Enter, leaving the select, a click), not at each
    // option the arrow keys pass (issue 11).
    const commit = selectCommit((value) => {
      if (value !== '*') this.data.store.update(patch(value ? [value] : []), this);
    });
    return html`<div class="filter" part="filter">
      <label for=${`filter-${id}`}>${label}</label>
      <select id=${`filter-${id}`} part="select" @keydown=${commit.keydown} @change=${commit.change} @blur=${commit.blur}>
        <option value="" .selected=${live(!chosen.length)}>${all}</option>
        ${several ? html`<option value="*" .selected=${live(true)}>${t.several(chosen.length)}</option>` : nothing}
        ${choices.map(
          (c) => html`<option value=${c.value} .selected=${live(!several && chosen[0] === c.value)}>
            ${t.withCount(c.label, c.count)}
          </option>`,
        )}
      </select>
    </div>`;
  }

  /** The filters the page started with (presets), which "Azzera" returns to. */
  private get baseline(): Filters {
    return { ...NO_FILTERS, ...this.data.store.presets };
  }

  private suggest(text: string): readonly Suggestion[] {
    this.optionsLang = this.i18n.lang;
    if (!this.data.loaded) return [];
    if (!suggester) {
      void loadSuggester().then(() => {
        if (suggester && this.text === text && this.expanded) this.options = this.suggest(text);
      });
      return [];
    }
    return suggester.suggestions(this.data.store, text, this.i18n.lang);
  }

  private onInput(e: Event) {
    this.onIntent(); // text can come without a key (pasted, dictated)
    this.text = (e.target as HTMLInputElement).value;
    this.options = this.suggest(this.text);
    this.expanded = true;
    this.active = -1;
    clearTimeout(this.typingTimer);
    const wait = this.delay();
    if (wait <= 0) this.flush();
    else this.typingTimer = setTimeout(() => this.flush(), wait);
  }

  /** How long to wait after a keystroke before filtering (see `ALWAYS_LIVE`). */
  private delay(): number {
    if (this.debounce !== undefined && this.debounce >= 0) return this.debounce;
    if ((this.data.store.feed?.services.length ?? 0) <= ALWAYS_LIVE) return 0;
    if (this.cost === undefined) return MIN_PAUSE; // not measured yet: assume a large feed is slow
    return this.cost <= FRAME_BUDGET ? 0 : Math.min(MAX_PAUSE, Math.max(MIN_PAUSE, Math.round(this.cost * 1.5)));
  }

  /** Sends the typed text to the group and measures how long the group takes to follow. */
  private flush() {
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    const store = this.data.store;
    if (this.text === store.filters.query) return;
    this.sent = this.text;
    const start = performance.now();
    store.update({ query: this.text }, this);
    void store.results;
    const members = [...store.members].map((m) => (m as Partial<WelfareElement>).updateComplete);
    void Promise.all(members).then(() => {
      if (store.searching) return; // waited for the index: not the cost of a keystroke
      const cost = performance.now() - start;
      // Smoothed, so that one slow frame (a garbage collection) does not switch modes.
      this.cost = this.cost === undefined ? cost : (this.cost + cost) / 2;
    });
  }

  /**
   * A search is near (issue 14): the pointer or a finger is on the box, or it has the
   * focus. The search engine and the suggestion rules are fetched now, not with the page:
   * a person who never searches does not download them. When they arrive, what is
   * already typed gets its suggestions.
   */
  private onIntent() {
    const store = this.data.store;
    if (this.preparedFor === store) return;
    this.preparedFor = store;
    void Promise.all([store.prepareSearch(), loadSuggester()]).then(() => {
      if (store === this.data.store && this.expanded && this.text) this.options = this.suggest(this.text);
    });
  }
  /** The group whose search was prepared (pointer moves over the box call onIntent often). */
  private preparedFor?: object;

  private onKeyDown(e: KeyboardEvent) {
    this.onIntent();
    const n = this.options.length;
    const open = this.expanded && n > 0;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!n) return;
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (e.altKey) {
          this.expanded = down;
          this.active = -1;
        } else if (!open) {
          this.expanded = true;
          this.active = down ? 0 : n - 1;
        } else {
          this.active = down ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1;
        }
        this.scrollActive();
        return;
      }
      case 'Enter': {
        const chosen = open && this.active >= 0 ? this.options[this.active] : undefined;
        if (chosen) {
          e.preventDefault();
          this.choose(chosen);
        }
        return; // otherwise the form submits
      }
      case 'Escape':
        if (open) {
          e.preventDefault();
          this.close();
        } else if (this.text) {
          e.preventDefault();
          this.onClear();
        }
        return;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        this.active = -1; // the caret moves in the box again
        return;
    }
  }

  private scrollActive() {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView?.({ block: 'nearest' }),
    );
  }

  private close() {
    this.expanded = false;
    this.active = -1;
  }

  private choose(s: Suggestion) {
    const store = this.data.store;
    if (s.kind === 'category') this.setQuery('', { categories: [s.value] });
    else if (s.kind === 'comune') this.setQuery('', { comune: s.value });
    else this.setQuery(s.label);
    if (s.kind === 'service') {
      store.select(s.value, this);
      this.emit('welfare-select', { id: s.value, type: 'service' });
    }
    this.close();
    this.url.commit();
    this.input?.focus();
  }

  private setQuery(text: string, patch: Partial<Filters> = {}) {
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    this.text = this.sent = text;
    this.options = [];
    this.data.store.update({ ...patch, query: text }, this);
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    this.flush();
    this.close();
    this.url.commit();
  }

  private onClear() {
    this.setQuery('');
    this.close();
    this.url.commit();
    this.input?.focus();
  }

  private onReset() {
    this.setQuery('', this.baseline);
    this.close();
    this.url.commit();
    this.input?.focus();
  }

  private onOpenNow(e: Event) {
    this.data.store.update({ openNow: (e.target as HTMLInputElement).checked }, this);
  }

  /** The result count, announced once the results stop changing (not on every keystroke). */
  private queueAnnouncement() {
    const store = this.data.store;
    if (!this.data.loaded) return;
    const text = store.searching ? this.strings.searching : this.t.found(store.results.length);
    if (text === this.pendingAnnouncement) return;
    this.pendingAnnouncement = text;
    clearTimeout(this.announceTimer);
    if (!this.announcement) this.announcement = text;
    else this.announceTimer = setTimeout(() => (this.announcement = this.pendingAnnouncement), ANNOUNCE_DELAY);
  }
}
