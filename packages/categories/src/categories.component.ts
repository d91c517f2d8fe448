import { type Category, cssProps, type Feed, hostStyles, pick, UrlStateController, WelfareElement } from '@welfare-elements/core';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { categoriesStrings } from './categories.strings.js';
import { categoriesStyles } from './categories.styles.js';
import { categoryIcon } from './icons.js';

/** How long the count waits for the results to stop changing before it is announced. */
const ANNOUNCE_DELAY = 500;

const checkIcon = html`<svg class="check" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"><path d="m5 12.5 4.5 4.5L19 7.5"/></svg>`;

const chevron = html`<svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"><path d="m6 9 6 6 6-6"/></svg>`;

/** A feed's `color` is used only when the browser reads it as a colour (no url(), no tricks). */
const safeColor = (color: string | undefined) => (color && CSS.supports('color', color) ? color : undefined);

/** Categories with at least one service in an organisation's scope, per feed. */
const used = new WeakMap<Feed, Map<string, Set<string>>>();
function usedCategories(feed: Feed, organization: string): Set<string> {
  let byOrg = used.get(feed);
  if (!byOrg) used.set(feed, (byOrg = new Map()));
  let ids = byOrg.get(organization);
  if (!ids) {
    ids = new Set();
    for (const s of feed.services) if (!organization || s.organization === organization) s.categories.forEach((c) => ids!.add(c));
    byOrg.set(organization, ids);
  }
  return ids;
}

/**
 * The category board: one tile per category, with an icon, its name and the number of
 * services under the group's other filters. Tiles are toggle buttons; several can be
 * chosen (services in any of them); "Tutte / All" clears the choice.
 * From 1 to 4 columns by the element's own width, or a row of chips (`layout="chips"`).
 * On a narrow element (a phone) the board folds behind one button that names the chosen
 * categories ("Categorie: Casa, Cibo"), so the services start near the top (`fold`).
 *
 * @summary The category board; choosing tiles filters the group.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 * @fires welfare-filter - `{ query, categories, results }` when a person chooses a tile here.
 *
 * @csspart board - The group of tiles (role="group").
 * @csspart fold - The button that opens and closes a folded board (narrow elements).
 * @csspart tiles - The list of tiles.
 * @csspart tile - One tile (a toggle button); also `all` for "Tutte / All", `pressed` when chosen.
 * @csspart icon - The round badge with the category icon.
 * @csspart name - The category name.
 * @csspart count - The number of services on a tile.
 * @csspart status - The visually hidden live region that announces the results.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert") with "Riprova", in the first element of the group.
 * @csspart unavailable - "The services are not available", in the other elements of a group whose feed failed.
 *
 * @cssprop [--welfare-categories-gap=0.75rem] - Space between tiles.
 * @cssprop [--welfare-categories-tile-background=var(--welfare-color-surface, #fff)] - Tile background.
 * @cssprop [--welfare-categories-tile-border=1px solid var(--welfare-color-border, #c5c7c9)] - Tile border.
 * @cssprop [--welfare-categories-pressed-background=var(--welfare-color-primary, #0066cc)] - Background of a chosen tile.
 * @cssprop [--welfare-categories-pressed-color=var(--welfare-color-on-primary, #fff)] - Text of a chosen tile.
 * @cssprop [--welfare-categories-icon-size=2.75rem] - Size of the icon badge (grid layout).
 */
export class WelfareCategories extends WelfareElement {
  static override styles = [hostStyles, categoriesStyles];

  /** `grid` (tiles, 1 to 4 columns by the available width) or `chips` (compact, for sidebars). */
  @property({ reflect: true }) layout: 'grid' | 'chips' = 'grid';
  /** The accessible name of the board (default "Categorie di servizi" / "Service categories"). */
  @property() label?: string;
  /**
   * `auto`: the board folds behind a button when the element is narrower than 28rem (a
   * phone); `always`: folded at every width (a sidebar); `never`: tiles always shown.
   */
  @property({ reflect: true }) fold: 'auto' | 'always' | 'never' = 'auto';
  /** Hide categories that have no service at all in the feed (or in the `organization`'s offers). */
  @property({ type: Boolean, attribute: 'hide-empty' }) hideEmpty = false;
  /**
   * Mirrors the group's query and filters into the page URL and restores them on load.
   * A value is a prefix for the parameters (`url-state="servizi"` → `servizi-cat`, ...).
   */
  @property({ attribute: 'url-state' }) urlState: string | null = null;

  @state() private announcement = '';
  /** A folded board opened by the person. */
  @state() private unfolded = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  /** True after a person toggled a tile here, until the count is announced. */
  private announcePending = false;

  constructor() {
    super();
    new UrlStateController(this, () => (this.urlState === null ? null : { store: this.data.store, prefix: this.urlState }));
  }

  private get t() {
    return categoriesStrings[this.i18n.lang];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.announcePending && this.data.loaded && !this.data.store.searching) {
      this.announcePending = false;
      const text = this.t.found(this.data.store.results.length);
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => (this.announcement = text), ANNOUNCE_DELAY);
    }
  }

  override render() {
    return this.renderState(() => this.renderLoaded());
  }

  private renderLoaded() {
    const store = this.data.store;
    const feed = store.feed!;
    const chosen = store.filters.categories;
    // Each tile counts the services shown now, every filter included, so choosing one
    // tile updates the others (issue 3); "Tutte" tells what clearing the choice gives.
    const counts = store.counts('categories', { withinResults: true });
    const shown = this.hideEmpty ? usedCategories(feed, store.organization) : undefined;
    const categories = feed.categories.filter((c) => !shown || shown.has(c.id) || chosen.includes(c.id));
    return html`<div part="board" role="group" aria-label=${this.label || this.t.label}>
        <button
          type="button"
          class="fold"
          part="fold"
          aria-expanded=${this.unfolded ? 'true' : 'false'}
          aria-controls="tiles"
          @click=${() => (this.unfolded = !this.unfolded)}
        >
          <span class="fold-text"
            ><span class="fold-label">${this.t.foldLabel}:</span> ${this.foldSummary(chosen)}</span
          >
          ${chevron}
        </button>
        <ul id="tiles" class="tiles ${this.unfolded ? 'unfolded' : ''}" part="tiles" role="list">
          <li>${this.renderTile('*', this.t.all, store.total('categories'), chosen.length === 0, () => this.choose([]))}</li>
          ${repeat(
            categories,
            (c) => c.id,
            (c) => html`<li>
              ${this.renderTile(c.id, pick(c.name, this.i18n.lang), counts.get(c.id) ?? 0, chosen.includes(c.id), () => this.toggle(c), safeColor(c.color))}
            </li>`,
          )}
        </ul>
      </div>
      <p class="visually-hidden" part="status" role="status">${this.announcement}</p>`;
  }

  /** "Tutte", "Casa, Cibo", "3 scelte": what the folded board's button says. */
  private foldSummary(chosen: readonly string[]): string {
    if (!chosen.length) return this.t.all;
    if (chosen.length > 2) return this.t.chosen(chosen.length);
    const store = this.data.store;
    return chosen.map((id) => { const c = store.category(id); return c ? pick(c.name, this.i18n.lang) : id; }).join(', ');
  }

  private renderTile(id: string, name: string, count: number, pressed: boolean, onClick: () => void, color?: string) {
    const part = `tile${id === '*' ? ' all' : ''}${pressed ? ' pressed' : ''}`;
    return html`<button
      type="button"
      class="tile ${id === '*' ? 'all' : ''}"
      part=${part}
      data-category=${id}
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-label=${this.t.tileName(name, count)}
      ${cssProps({ '--_category-color': color })}
      @click=${onClick}
    >
      <span class="badge" part="icon">${categoryIcon(id)}${checkIcon}</span>
      <span class="name" part="name">${name}</span>
      <span class="count" part="count">${count}<span class="unit"> ${this.t.services(count)}</span></span>
    </button>`;
  }

  private toggle(c: Category) {
    const chosen = new Set(this.data.store.filters.categories);
    if (chosen.has(c.id)) chosen.delete(c.id);
    else chosen.add(c.id);
    // Kept in feed order, so the same choice always gives the same URL.
    const order = this.data.store.feed!.categories.map((x) => x.id);
    this.choose(order.filter((id) => chosen.has(id)));
  }

  private choose(ids: string[]) {
    this.announcePending = true;
    this.data.store.update({ categories: ids }, this);
  }
}
