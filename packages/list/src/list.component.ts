import {
  cancelIdle,
  cardStyles,
  hostStyles,
  nearestKm,
  hoursStyles,
  onServiceLink,
  openServiceView,
  serviceLink,
  pick,
  renderContacts,
  renderHours,
  type Service,
  WelfareElement,
  whenIdle,
} from '@welfare-elements/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { listStyles } from './list.styles.js';
import { listStrings } from './list.strings.js';

/** Feeds above this many services render a changed page of cards in two steps (see `renderFirstScreen`). */
const LARGE_FEED = 2_000;
/** Cards rendered with the keystroke: more than a phone or a laptop screen shows below a search box. */
const FIRST_SCREEN = 6;


/**
 * The services that match the group's filters, with the number of results.
 * Large feeds are shown a page at a time ("Mostra altri"), so 50,000 services
 * never freeze the page.
 *
 * @summary The list of services; the accessible twin of the map.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 * @fires welfare-filter - `{ query, categories, results }` when the group's filters change.
 * @fires welfare-select - `{ id, type }` when a person selects a service.
 *
 * @csspart count - The number of results.
 * @csspart list - The list of cards.
 * @csspart item - One service card (also `selected` when selected).
 * @csspart name - The service name (a button that selects it).
 * @csspart distance - How far the nearest place of the service is, once the person shares the position.
 * @csspart organization - The organisation offering the service.
 * @csspart description - The description.
 * @csspart categories - The category chips.
 * @csspart address - The places where the service is offered.
 * @csspart hours - The opening hours.
 * @csspart hours-text - The opening hours of the week in words ("lun–ven 9:00–12:30").
 * @csspart hours-state - The state now ("Aperto ora, chiude alle 12:00"); also `open`, `closed` or `unknown`.
 * @csspart hours-week - The next seven days.
 * @csspart hours-note - What the hours cannot say, in words (the feed's `hoursNote`).
 * @csspart closure - The badge of a closure notice in force ("Orari ridotti fino al 6 gennaio"); a full closure is the `hours-state` ("Chiuso fino al 6 gennaio").
 * @csspart contacts - Phone, email and website.
 * @csspart link - Every link.
 * @csspart open - The "Scheda completa" link of a card: it opens the service's full view (docs/elements/service-view.md).
 * @csspart save - The "Nella mia selezione" checkbox of a card, with the `selection` attribute.
 * @csspart selection - The "La mia selezione (N)" button above the list, with the `selection` attribute.
 * @csspart more - The "show more" button.
 * @csspart empty - The message shown when nothing matches: what was searched, a spelling, the closest topic, where to ask.
 * @csspart did-you-mean - The spelling suggestion in the empty message ("Forse cercavi").
 * @csspart topic - A closest topic in the empty message (a button that filters by it).
 * @csspart ask - The access points to ask in person, in the empty message.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert") with "Riprova", in the first element of the group.
 * @csspart unavailable - "The services are not available", in the other elements of a group whose feed failed.
 *
 * @cssprop [--welfare-list-gap=0.75rem] - Space between cards.
 * @cssprop [--welfare-list-card-background=var(--welfare-color-surface, #fff)] - Card background.
 * @cssprop [--welfare-list-card-border=1px solid var(--welfare-color-border, #c5c7c9)] - Card border.
 * @cssprop [--welfare-list-selected-color=var(--welfare-color-primary, #0066cc)] - Accent of the selected card.
 */
export class WelfareList extends WelfareElement {
  static override styles = [hostStyles, hoursStyles, cardStyles, listStyles];

  /** How many services are rendered at first and added by each "show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Heading level of each service name (2-6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /**
   * Offers "La mia selezione" (for operators): a checkbox on each card and a button with
   * the count that opens the selection to print or share. Kept in the browser per site and feed.
   */
  @property({ type: Boolean, reflect: true }) selection = false;

  @state() private shown = 0;
  /**
   * How many of the shown cards are rendered: all, except just after the results of a
   * large feed changed (a keystroke), when the cards of the first screen come at once
   * and the rest of the page when the page is idle.
   */
  @state() private rendered = Infinity;
  private lastResults?: readonly Service[];
  private focusIndex = -1;

  private get t() {
    return listStrings[this.i18n.lang];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const results = this.data.store.results;
    if (results !== this.lastResults) {
      this.lastResults = results;
      this.shown = Math.max(1, this.pageSize);
      this.renderFirstScreen(results);
    }
    this.revealSelected(results);
  }

  override render() {
    return this.renderState(() => this.renderLoaded());
  }

  private renderLoaded() {
    const store = this.data.store;
    const results = store.results;
    const searching = store.searching;
    const empty = !searching && results.length === 0;
    // "0 servizi" above "Nessun servizio trovato" said the same twice: when nothing
    // matches, the empty message says it on screen, the count only to screen readers.
    const count = searching ? this.strings.searching : empty ? this.t.empty : this.strings.services(results.length);
    const visible = results.slice(0, Math.min(this.shown, this.rendered));
    const remaining = results.length - Math.min(this.shown, results.length);
    return html`
      ${this.selection ? this.renderSelectionButton() : nothing}
      <p class="count ${empty ? 'visually-hidden' : ''}" part="count" role=${this.quiet ? nothing : 'status'} aria-live=${this.quiet ? nothing : 'polite'}>${count}</p>
      ${empty ? this.renderEmpty() : nothing}
      <ul class="items" part="list" aria-label=${this.t.label}>
        ${repeat(visible, (s) => s.id, (s, i) => this.renderItem(s, i))}
      </ul>
      ${remaining > 0
        ? html`<button type="button" class="button more" part="more" @click=${this.showMore}>
            ${this.t.more(Math.min(this.pageSize, remaining))}
            <span class="visually-hidden">${this.t.remaining(remaining)}</span>
          </button>`
        : nothing}
    `;
  }

  /** "La mia selezione (3)": opens the saved services, to print them or send their link. */
  private renderSelectionButton() {
    const count = this.data.store.saved.length;
    return html`<p class="selection-bar">
      <button type="button" class="button" part="selection" @click=${(e: Event) => openServiceView(this.data.store, this.i18n.lang, undefined, e.currentTarget as Element)}>
        ${this.t.selection} <span class="badge">(${count})</span>
      </button>
    </p>`;
  }

  /**
   * A search box or category board of the group already announces the number of
   * results; the list then stays quiet, so a screen reader does not hear it twice.
   */
  private get quiet(): boolean {
    for (const m of this.data.store.members) {
      if (m !== this && m.isConnected && (m.localName === 'welfare-search' || m.localName === 'welfare-categories')) return true;
    }
    return false;
  }

  /**
   * Never a dead end: what was searched, a spelling and the closest topic to try, and
   * where to ask in person (the access points of the comune, the nearest or the first).
   */
  private renderEmpty() {
    const t = this.t;
    const lang = this.i18n.lang;
    const store = this.data.store;
    const help = store.searchHelp;
    const points = (help?.accessPoints ?? store.accessPoints).slice(0, 3);
    return html`<div class="empty" part="empty">
      <p><strong>${help ? t.emptyFor(help.query) : t.empty}</strong></p>
      ${help?.correction
        ? html`<p>${t.didYouMean}
            <button type="button" class="link" part="did-you-mean" @click=${() => this.search(help.correction!)}>${help.correction}</button>?</p>`
        : nothing}
      ${help?.topics.length
        ? html`<p>${t.closestTopic}
            ${help.topics.map(
              // The comma stays with its topic: a line never starts with it.
              (c, i) => html`<span class="nowrap"><button type="button" class="link" part="topic" @click=${() => this.showTopic(c.id)}>${pick(c.name, lang)}</button>${i < help.topics.length - 1 ? ',' : ''}</span> `,
            )}</p>`
        : nothing}
      <p>${t.emptyHint}</p>
      <button type="button" class="button" @click=${this.clearFilters}>${t.clearFilters}</button>
      ${points.length
        ? html`<div class="ask" part="ask">
            <p><strong>${t.askInPerson}</strong></p>
            <ul>
              ${points.map(
                (a) => html`<li>
                  <span class="ap-name">${pick(a.name, lang)}</span>${a.address || a.comune ? html`, ${[a.address, a.comune].filter(Boolean).join(', ')}` : nothing}
                  ${renderContacts({ ...(a.phone ? { phone: a.phone } : {}), ...(a.email ? { email: a.email } : {}) }, this.strings)}
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
    </div>`;
  }

  private search(query: string) {
    this.data.store.update({ query }, this);
  }

  private showTopic(id: string) {
    this.data.store.update({ query: '', categories: [id] }, this);
  }

  private renderItem(s: Service, index: number) {
    const lang = this.i18n.lang;
    const store = this.data.store;
    const selected = store.selected === s.id;
    const org = store.organizationOf(s);
    const description = pick(s.description, lang);
    const categories = s.categories.map((id) => store.category(id)).filter((c) => c !== undefined);
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    const km = store.origin ? nearestKm(store.origin, s.locations.map((l) => l.position)) : Infinity;
    // A closure notice in force replaces every hours of the service with its badge.
    const closure = store.closureOf(s.id);
    const name = html`<button
      type="button"
      part="name"
      aria-pressed=${selected ? 'true' : 'false'}
      data-index=${index}
      @click=${() => this.choose(s)}
    >${pick(s.name, lang)}</button>`;
    return html`<li class="item ${selected ? 'selected' : ''}" part=${selected ? 'item selected' : 'item'} data-id=${s.id}>
      <div role="heading" aria-level=${level} class="name">${name}</div>
      ${km < Infinity ? html`<p class="distance" part="distance">${this.strings.distance(km)}</p>` : nothing}
      ${org ? html`<p class="org" part="organization">${pick(org.name, lang)}</p>` : nothing}
      ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
      ${categories.length
        ? html`<ul class="chips" part="categories" aria-label=${this.t.categories}>
            ${categories.map((c) => html`<li>${pick(c.name, lang)}</li>`)}
          </ul>`
        : nothing}
      ${s.locations.length
        ? html`<ul class="places" part="address" aria-label=${this.t.where}>
            ${s.locations.map(
              (l) => html`<li>
                ${[l.name ? pick(l.name, lang) : '', l.address, l.comune].filter(Boolean).join(', ')}
                ${((l.hours && l.hours !== s.hours) || l.hoursNote) && !closure
                  ? renderHours(l.hours !== s.hours ? l.hours : undefined, this.i18n.lang, { comune: l.comune, note: pick(l.hoursNote, lang) })
                  : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${renderHours(s.hours, this.i18n.lang, { closure, comune: s.locations[0]?.comune, note: pick(s.hoursNote, lang) })} ${renderContacts(s, this.strings)}
      <p class="card-actions">
        <a
          part="open"
          href=${serviceLink(s.id)}
          data-service-link=${s.id}
          @click=${(e: MouseEvent) => onServiceLink(e, () => openServiceView(store, lang, s.id, e.currentTarget as Element))}
          >${this.t.details}<span class="visually-hidden">: ${pick(s.name, lang)}</span></a
        >
        ${this.selection
          ? html`<label class="save" part="save"
              ><input type="checkbox" .checked=${store.saved.includes(s.id)} @change=${() => store.toggleSaved(s.id, this)} />${this.t.saved}<span
                class="visually-hidden"
                >: ${pick(s.name, lang)}</span
              ></label
            >`
          : nothing}
      </p>
    </li>`;
  }

  /**
   * At 50,000 services a keystroke changes the whole page of cards; creating and laying
   * out 20 of them was most of the time between the key and the updated list. For a
   * large feed (more than `LARGE_FEED` services) the first `FIRST_SCREEN` cards are
   * rendered with the keystroke and the rest of the page just after, when the page is
   * idle (docs/performance.md). Small feeds render the whole page at once.
   */
  private renderFirstScreen(results: readonly Service[]) {
    cancelIdle(this.restIdle);
    const large = (this.data.store.feed?.services.length ?? 0) > LARGE_FEED;
    if (!large || results.length <= FIRST_SCREEN) {
      this.rendered = Infinity;
      return;
    }
    this.rendered = FIRST_SCREEN;
    this.restIdle = whenIdle(() => (this.rendered = Infinity));
  }
  private restIdle?: number;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelIdle(this.restIdle);
    this.rendered = Infinity;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusIndex >= 0) {
      const button = this.renderRoot.querySelector<HTMLButtonElement>(`button[data-index="${this.focusIndex}"]`);
      this.focusIndex = -1;
      button?.focus();
    }
  }

  private showMore() {
    // Focus the first new card so keyboard and screen-reader users continue from there.
    this.focusIndex = this.shown;
    this.shown += Math.max(1, this.pageSize);
    this.rendered = Infinity;
  }

  private clearFilters() {
    this.data.store.update({ query: '', categories: [], audiences: [], comune: '', openNow: false }, this);
  }

  private choose(s: Service) {
    const store = this.data.store;
    const next = store.selected === s.id ? null : s.id;
    store.select(next, this);
    if (next) this.emit('welfare-select', { id: next, type: 'service' });
  }

  /** A service selected elsewhere (the map) is paged in and scrolled into view. */
  private revealSelected(results: readonly Service[]) {
    const id = this.data.store.selected;
    if (!id) this.revealed = null;
    if (!id || id === this.revealed) return;
    this.revealed = id;
    const index = results.findIndex((s) => s.id === id);
    if (index < 0) return;
    if (index >= this.shown) this.shown = index + 1;
    if (index >= this.rendered) this.rendered = Infinity;
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      item?.scrollIntoView?.({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    });
  }
  private revealed: string | null = null;
}
