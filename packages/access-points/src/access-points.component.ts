import {
  type AccessPoint,
  collator,
  directionsHref,
  distanceKm,
  cardStyles,
  hoursEngine,
  hostStyles,
  hoursStyles,
  pick,
  renderContacts,
  renderHours,
  selectCommit,
  WelfareElement,
} from '@welfare-elements/core';
import { LocateController, locateStyles } from '@welfare-elements/core/geo/locate.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { accessPointsStrings } from './access-points.strings.js';
import { accessPointsStyles } from './access-points.styles.js';

/**
 * The territory's access points (Punti di accesso): where people go for information and
 * orientation, when they are open and how to reach them. A comune filter and an
 * "Aperto ora" filter (both shared with the group: the search box's "Aperto ora" filters
 * access points too), ordering by distance once the person shares the position (here with
 * "Vicino a me", or on the map of the same group), otherwise by comune and name.
 *
 * @summary "Where do I go?": the access points, their opening hours and directions.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 * @fires welfare-filter - `{ query, categories, results }` when the group's filters change here.
 * @fires welfare-select - `{ id, type: 'access-point' }` when a person selects an access point.
 *
 * @csspart toolbar - The row with the filters and "Vicino a me".
 * @csspart filter - The comune filter (label and select).
 * @csspart open-now - The "Aperto ora" filter (a checkbox and its label).
 * @csspart comune-select - The comune `<select>`.
 * @csspart button - Every button ("Vicino a me", "Mostra tutti i comuni", "Mostra anche quelli chiusi", "Riprova").
 * @csspart locate - The "Vicino a me" button.
 * @csspart count - The number of access points (announced).
 * @csspart notice - The message about the position (role="status"): finding it, found, removed, or why "Vicino a me" failed and what to do instead (drawn in red then).
 * @csspart list - The list of access points.
 * @csspart item - One access point (also `selected` when selected).
 * @csspart name - The name (a button that selects it).
 * @csspart distance - The distance from the person's position.
 * @csspart description - The description (cards only).
 * @csspart address - Address and comune.
 * @csspart hours - The opening hours.
 * @csspart hours-state - The state now ("Aperto ora, chiude alle 12:00"); also `open`, `closed` or `unknown`.
 * @csspart hours-text - The opening hours of the week in words ("lun–ven 9:00–12:30").
 * @csspart closure - The badge of a closure notice in force ("Orari ridotti fino al 6 gennaio"); a full closure is the `hours-state` ("Chiuso fino al 6 gennaio").
 * @csspart hours-week - The next seven days (cards only).
 * @csspart hours-note - What the hours cannot say, in words (the feed's `hoursNote`).
 * @csspart contacts - Phone, email and website.
 * @csspart link - Every link.
 * @csspart directions - The directions link.
 * @csspart empty - The message shown when no access point matches.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert") with "Riprova", in the first element of the group.
 * @csspart unavailable - "The services are not available", in the other elements of a group whose feed failed.
 *
 * @cssprop [--welfare-access-points-gap=0.75rem] - Space between access points.
 * @cssprop [--welfare-access-points-min-width=18rem] - Narrowest card before the grid wraps.
 * @cssprop [--welfare-access-points-card-background=var(--welfare-color-surface, #fff)] - Card background.
 * @cssprop [--welfare-access-points-card-border=1px solid var(--welfare-color-border, #c5c7c9)] - Card border.
 * @cssprop [--welfare-access-points-selected-color=var(--welfare-color-primary, #0066cc)] - Accent of the selected access point.
 * @cssprop [--welfare-hours-open-color=#008055] - Colour of "Aperto ora".
 * @cssprop [--welfare-hours-closed-color=var(--welfare-color-danger, #a0001b)] - Colour of "Chiuso".
 */
export class WelfareAccessPoints extends WelfareElement {
  static override styles = [hostStyles, hoursStyles, cardStyles, accessPointsStyles, locateStyles];

  /** `cards` (everything, in a grid) or `compact` (one line each: name, place, hours, phone). */
  @property({ reflect: true }) layout: 'cards' | 'compact' = 'cards';
  /** Heading level of each access point name (2-6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Hides the filters, comune and "Aperto ora" (e.g. a comune's site showing its own access point). */
  @property({ type: Boolean, attribute: 'hide-filter' }) hideFilter = false;
  /**
   * Shows only the access points open now, from the start: presets the group's
   * "Aperto ora" filter (services of the group too), which people can still switch off.
   */
  @property({ type: Boolean, attribute: 'open-now' }) openNow = false;
  /** Hides the "Vicino a me" button (a map in the same group may have its own). */
  @property({ type: Boolean, attribute: 'hide-locate' }) hideLocate = false;
  /**
   * Directions link template with `{lat}` and `{lon}` placeholders (http/https only).
   * Default: OpenStreetMap directions.
   */
  @property() directions?: string;

  /** "Vicino a me": a found position goes to the group, which orders by distance. */
  private readonly locating = new LocateController(this, ({ coords }) =>
    this.data.store.setOrigin({ lat: coords.latitude, lon: coords.longitude }, this),
  );
  private revealed: string | null = null;

  private get t() {
    return accessPointsStrings[this.i18n.lang];
  }

  private get compact(): boolean {
    return this.layout === 'compact';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Like the comune attribute: a preset the page URL (url-state) may override.
    if (changed.has('openNow') && (this.openNow || changed.get('openNow') !== undefined)) {
      this.data.store.preset({ openNow: this.openNow });
    }
    this.revealSelected();
  }

  override render() {
    return this.renderState(() => this.renderLoaded());
  }

  private renderLoaded() {
    const store = this.data.store;
    const items = store.accessPoints;
    const { comune, openNow } = store.filters;
    // "Aperto ora" needs the hours evaluator: until it arrives, say so rather than "none".
    const checking = openNow && !hoursEngine() && !!store.feed?.hasHours;
    const count = checking ? this.t.checkingHours : openNow ? this.t.openNowCount(items.length) : this.strings.accessPoints(items.length);
    // The new order is announced once for the group, by the element the person used (its
    // notice, or the map's message): the order note is outside the count's live region.
    const order = !checking && store.origin && items.length > 1 ? this.t.nearestFirst : '';
    const notice = this.locating.message(this.i18n.lang, !!store.origin, this.t);
    return html`
      ${this.renderToolbar(comune)}
      <p class="count" part="count"><span role="status" aria-live="polite">${count}</span>${order}</p>
      <p class="notice ${this.locating.status === 'failed' ? 'locate-problem' : ''}" part="notice" role="status">${notice}</p>
      ${checking
        ? nothing
        : items.length === 0
        ? this.renderEmpty(comune, openNow)
        : html`<ul class="items ${this.compact ? 'compact' : 'cards'}" part="list" aria-label=${this.t.label}>
            ${repeat(items, (a) => a.id, (a) => this.renderItem(a))}
          </ul>`}
    `;
  }

  private renderToolbar(comune: string) {
    const comuni = this.comuni(comune);
    const feed = this.data.store.feed;
    const filter = !this.hideFilter && comuni.length > 1;
    const openNow = this.data.store.filters.openNow;
    const openFilter = !this.hideFilter && (openNow || !!feed?.accessPoints.some((a) => a.hours));
    // Shown in a browser without geolocation too: pressed, it says why it cannot help.
    const locate = !this.hideLocate && !!feed?.accessPoints.some((a) => a.position);
    if (!filter && !openFilter && !locate) return nothing;
    const origin = !!this.data.store.origin;
    return html`<div class="toolbar" part="toolbar">
      ${filter
        ? html`<div class="field" part="filter">
            <label for="comune">${this.strings.comune}</label>
            <select
              id="comune"
              part="comune-select"
              @keydown=${this.comuneCommit.keydown}
              @change=${this.comuneCommit.change}
              @blur=${this.comuneCommit.blur}
            >
              <option value="" ?selected=${!comune}>${this.strings.allComuni}</option>
              ${comuni.map((c) => html`<option value=${c} ?selected=${c === comune}>${c}</option>`)}
            </select>
          </div>`
        : nothing}
      ${openFilter
        ? html`<label class="open-now" part="open-now">
            <input type="checkbox" .checked=${openNow} @change=${this.onOpenNow} />
            ${this.strings.openNow}
          </label>`
        : nothing}
      ${locate
        ? html`<button
            type="button"
            class="button locate"
            part="button locate"
            aria-pressed=${origin ? 'true' : 'false'}
            aria-disabled=${this.locating.busy ? 'true' : 'false'}
            @click=${this.onLocate}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <circle cx="12" cy="12" r="4" fill="currentColor" />
              <path d="M12 2v4M12 18v4M2 12h4M18 12h4" stroke="currentColor" stroke-width="2" />
              <circle cx="12" cy="12" r="7" fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
            ${this.t.nearMe}
          </button>`
        : nothing}
    </div>`;
  }

  private renderEmpty(comune: string, openNow: boolean) {
    const message = openNow
      ? comune ? this.t.emptyOpenIn(comune) : this.t.emptyOpen
      : comune ? this.t.emptyIn(comune) : this.t.empty;
    return html`<div class="empty" part="empty">
      <p>${message}</p>
      ${openNow
        ? html`<button type="button" class="button" part="button" @click=${() => this.data.store.update({ openNow: false }, this)}>
            ${this.t.showClosed}
          </button>`
        : comune
        ? html`<button type="button" class="button" part="button" @click=${() => this.setComune('')}>${this.t.showAll}</button>`
        : nothing}
    </div>`;
  }

  private renderItem(a: AccessPoint) {
    const lang = this.i18n.lang;
    const store = this.data.store;
    const selected = store.selected === a.id;
    const name = pick(a.name, lang);
    const description = this.compact ? '' : pick(a.description, lang);
    const place = [a.address, a.comune].filter(Boolean).join(', ');
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    const km = store.origin && a.position ? distanceKm(store.origin, a.position) : undefined;
    const directions = a.position ? directionsHref(a.position.lat, a.position.lon, ...(this.directions ? [this.directions] : [])) : undefined;
    return html`<li class="item ${selected ? 'selected' : ''}" part=${selected ? 'item selected' : 'item'} data-id=${a.id}>
      <div role="heading" aria-level=${level} class="name">
        <button type="button" part="name" aria-pressed=${selected ? 'true' : 'false'} @click=${() => this.choose(a)}>${name}</button>
      </div>
      ${km !== undefined ? html`<p class="distance" part="distance">${this.strings.distance(km)}</p>` : nothing}
      ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
      ${place ? html`<p class="address" part="address">${place}</p>` : nothing}
      ${renderHours(a.hours, lang, { week: !this.compact, closure: store.closureOf(a.id), comune: a.comune, note: pick(a.hoursNote, lang) })}
      ${renderContacts(this.compact ? { ...(a.phone ? { phone: a.phone } : {}) } : a, this.strings)}
      ${directions
        ? html`<p class="directions">
            <a part="link directions" href=${directions} target="_blank" rel="noopener noreferrer"
              >${this.strings.directions}<span class="visually-hidden"
                >${` ${this.t.directionsTo(name)} ${this.strings.opensInNewWindow}`}</span
              ></a
            >
          </p>`
        : nothing}
    </li>`;
  }

  /** The comuni of the feed's access points, and the group's comune if it has none. */
  private comuni(current: string): string[] {
    const set = new Set<string>();
    for (const a of this.data.store.feed?.accessPoints ?? []) if (a.comune) set.add(a.comune);
    if (current) set.add(current);
    const by = collator('it');
    return [...set].sort((x, y) => by.compare(x, y));
  }

  /** The comune applies on a committed choice, not at each option the arrow keys pass. */
  private readonly comuneCommit = selectCommit((comune) => this.setComune(comune));

  private onOpenNow(event: Event) {
    this.data.store.update({ openNow: (event.target as HTMLInputElement).checked }, this);
  }

  private setComune(comune: string) {
    this.data.store.update({ comune }, this);
  }

  private onLocate() {
    // aria-disabled, not disabled, while busy: a disabled button would drop the focus.
    if (this.locating.busy) return;
    if (!this.data.store.origin) return this.locating.locate();
    this.locating.clear();
    this.data.store.setOrigin(null, this);
  }

  private choose(a: AccessPoint) {
    const store = this.data.store;
    const next = store.selected === a.id ? null : a.id;
    this.revealed = next;
    store.select(next, this);
    if (next) this.emit('welfare-select', { id: next, type: 'access-point' });
  }

  /** An access point selected elsewhere (the map) is scrolled into view. */
  private revealSelected() {
    const id = this.data.store.selected;
    if (id === this.revealed) return;
    this.revealed = id;
    if (!id || !this.data.store.findAccessPoint(id)) return;
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);
      item?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    });
  }
}
