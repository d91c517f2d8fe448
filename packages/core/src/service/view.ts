/**
 * A service's full view and the selection view (issue 18), in a modal `<dialog>` of one
 * `<welfare-service-view>` element that the chunk appends to the page's body. A modal
 * dialog gives what a person needs for free in every engine: focus moves in and stays
 * there, the page behind is inert for screen readers, Escape closes. The heading names
 * the dialog and takes focus, so it is announced; focus goes back where it was.
 *
 * History: a view a person opens adds an entry (`?servizio=<id>`), so Back closes it and
 * the address bar holds the link to share; closing it with the button or Escape goes back
 * over that entry. A view opened from a link replaces nothing and, once closed, leaves the
 * address without its parameter.
 *
 * Print: while the view is open, the page prints only the view's sheet (a document
 * stylesheet hides the body's other children in print media); the sheet is plain text on
 * one A4 page per service, with the link written out and as a QR code.
 */
import { css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { whenIdle } from '../base/idle.js';
import { now } from '../clock.js';
import { directionsHref, webHref } from '../feed/links.js';
import { romeToday } from '../feed/reader.js';
import { pick } from '../feed/text.js';
import type { Service } from '../feed/types.js';
import { hoursInWords } from '../hours/words.js';
import { hoursWordsStrings } from '../hours/words.strings.js';
import { audienceName } from '../i18n/audiences.js';
import { commonStrings } from '../i18n/common-strings.js';
import { afterStrings } from '../i18n/dictionary.js';
import { type Lang, resolveLang } from '../i18n/lang.js';
import type { GroupStore, StoreChange } from '../store/group-store.js';
import { allGroups } from '../store/registry.js';
import { hostStyles } from '../styles/shared.js';
import { renderContacts } from '../templates/contacts.js';
import { hoursStyles, renderHours } from '../templates/hours.js';
import { pageLink, SELECTION_PARAM, SERVICE_PARAM, serviceLink } from './link.js';
import { type PlaceMap, type PlacePin, placeMapProvider } from './place-map.js';
import type { QrPath } from './qr.js';
import { viewStrings } from './view.strings.js';

export type ViewMode =
  | { readonly kind: 'service'; readonly id: string }
  /** The person's own selection, or `ids` sent with a link (`shared`). */
  | { readonly kind: 'selection'; readonly ids?: readonly string[] };

const TAG = 'welfare-service-view';

/** The link that opens the page with these services as a selection (a comma inside an id is escaped). */
export const selectionLink = (ids: readonly string[]) =>
  pageLink(SELECTION_PARAM, ids.map((id) => id.replace(/,/g, '%2C')).join(','));

/** The focused element, inside shadow roots too (the list's button, not the list). */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Our parameters in the page address: `servizio` and `selezione`. */
function fromAddress(): ViewMode | undefined {
  const params = new URLSearchParams(location.search);
  const id = params.get(SERVICE_PARAM);
  if (id) return { kind: 'service', id };
  const ids = params.get(SELECTION_PARAM);
  if (ids !== null) return { kind: 'selection', ids: ids.split(',').map((i) => i.replace(/%2C/gi, ',')).filter(Boolean) };
  return undefined;
}

/** In print media, only the view's sheet: the page's other content is hidden while the view is open. */
const printSheet = new CSSStyleSheet();
printSheet.replaceSync(`@media print {
  body > :not(${TAG}) { display: none !important; }
  ${TAG} { display: block !important; }
  @page { size: A4; margin: 14mm; }
}`);

/** @internal The element that holds the dialog; documented in docs/elements/service-view.md. */
export class WelfareServiceView extends LitElement {
  static override styles = [hostStyles, hoursStyles, css`
    :host {
      margin: 0;
    }
    dialog {
      box-sizing: border-box;
      width: min(44rem, calc(100vw - 1rem));
      max-height: calc(100dvh - 1rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      color: var(--_text);
      background: var(--_surface);
      font: inherit;
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .top {
      position: sticky;
      top: 0;
      z-index: 1;
      display: flex;
      justify-content: flex-end;
      padding: 0.5rem 0.75rem 0;
      background: var(--_surface);
    }
    .body {
      padding: 0 var(--_space) var(--_space);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.5rem;
      line-height: 1.25;
    }
    /* The heading takes focus so that it is announced; it is not a control, so no ring. */
    h2:focus,
    h2:focus-visible {
      outline: none;
    }
    h3 {
      margin: 1.25rem 0 0.25rem;
      font-size: 1.125rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
    ul {
      margin: 0 0 0.5rem;
      padding-inline-start: 1.25rem;
    }
    .org,
    .muted {
      color: var(--_muted);
    }
    .places {
      list-style: none;
      padding: 0;
    }
    .places > li {
      margin-block-end: 0.75rem;
      padding-inline-start: 0.75rem;
      border-inline-start: 3px solid var(--_border);
    }
    .address {
      font-weight: 600;
    }
    .contacts {
      list-style: none;
      padding: 0;
    }
    .contacts .label {
      font-weight: 600;
    }
    .host {
      color: var(--_muted);
    }
    .notice {
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--_danger);
      background: var(--_surface-alt);
      list-style: none;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-block-start: 1rem;
      padding-block-start: 1rem;
      border-block-start: 1px solid var(--_border);
    }
    .button {
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_primary);
      font-weight: 600;
    }
    .button.primary {
      background: var(--_primary);
      color: var(--_on-primary);
    }
    .close {
      min-height: 2.75rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    .save {
      display: inline-flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 2.75rem;
      padding: 0 0.5rem;
      cursor: pointer;
    }
    .save input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_primary);
    }
    .status:empty {
      display: none;
    }
    .status {
      margin: 0.75rem 0 0;
      font-weight: 600;
    }
    .share {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: center;
      margin-block-start: 0.75rem;
    }
    .share label {
      display: block;
      font-weight: 600;
    }
    .share input {
      width: min(28rem, 100%);
      padding: 0.4rem;
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
      font: inherit;
    }
    .share figure {
      margin: 0;
    }
    .share svg {
      width: 8rem;
      height: 8rem;
    }
    .picked {
      list-style: none;
      padding: 0;
    }
    .picked > li {
      padding: 0.75rem 0;
      border-block-end: 1px solid var(--_border);
    }
    .picked > li:last-child {
      border-block-end: 0;
    }
    .picked h3 {
      margin-block-start: 0;
    }
    .sheet {
      display: none;
    }
    .place-map {
      box-sizing: border-box;
      height: 14rem;
      margin: 0.25rem 0 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--welfare-map-background, #e9eef2);
      isolation: isolate;
      z-index: 0;
    }
    .place-map:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .map-hint {
      display: none;
      margin: 0 0 0.5rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .map-box:focus-within .map-hint {
      display: block;
    }
    @media (max-width: 30rem) {
      .place-map {
        height: 11rem;
      }
    }
    @media print {
      dialog {
        display: none !important;
      }
      .sheet {
        display: block;
        color: #000;
        font-size: 11pt;
        line-height: 1.35;
      }
      .sheet h1 {
        margin: 0 0 0.2rem;
        font-size: 18pt;
      }
      .sheet h2 {
        margin: 0.9rem 0 0.1rem;
        font-size: 13pt;
      }
      .sheet p,
      .sheet ul {
        margin: 0 0 0.25rem;
      }
      .sheet .entry {
        break-inside: avoid;
        padding-block: 0.35rem;
        border-block-end: 1px solid #999;
      }
      .sheet .entry h2 {
        margin-block-start: 0;
      }
      .sheet .link {
        display: flex;
        gap: 1rem;
        align-items: center;
        margin-block-start: 0.75rem;
        break-inside: avoid;
      }
      .sheet svg {
        flex: none;
        width: 30mm;
        height: 30mm;
      }
    }
  `];

  @property({ attribute: false }) store?: GroupStore;
  @state() language: Lang = 'it';
  @state() mode?: ViewMode;
  /** What the status line says (copied, removed, ...); read by screen readers. */
  @state() private message = '';
  /** The link field and QR code, shown once a person shares. */
  @state() private sharing = false;
  @state() private qr?: QrPath;
  private qrFor = '';
  /** Where focus goes back when the view closes. */
  private opener: Element | null = null;
  /** True when opening added a history entry of ours (Back closes the view). */
  private pushed = false;
  /** The small map of the open service's places, and what it was drawn for. */
  private placeMap?: { key: string; container: HTMLElement; map?: PlaceMap };
  /** Ctrl+P / ⌘P while the view is open: our print, which waits for the QR code. */
  private readonly onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p' || !this.services.length) return;
    e.preventDefault();
    void this.print();
  };
  /** The browser's own Print menu: the QR code is drawn at once if its code is already here. */
  private readonly onBeforePrint = () => {
    if (!this.services.length) return;
    const link = this.link;
    if (this.qrFor === link && this.qr) return;
    if (!qrModule) return void this.loadQr(link);
    this.qr = qrModule.qrPath(link);
    this.qrFor = link;
    // Printing lays the page out now, before any microtask: render now.
    this.performUpdate();
  };
  private readonly onStore = (event: Event) => {
    if ((event as CustomEvent<StoreChange>).detail.kind !== 'filters') this.requestUpdate();
  };

  get open(): boolean {
    return !!this.dialog?.open;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private get t() {
    return viewStrings[this.language];
  }

  /** In English, renders once the English strings are there (as WelfareElement does). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStrings(this.language, () => super.scheduleUpdate());
  }

  /** Shows `mode`; `push` adds a history entry (a person's choice, not a link being opened). */
  async show(store: GroupStore, lang: Lang, mode: ViewMode, opener: Element | null, push: boolean): Promise<void> {
    if (this.store !== store) {
      this.store?.removeEventListener('change', this.onStore);
      store.addEventListener('change', this.onStore);
    }
    const wasOpen = this.open;
    this.store = store;
    this.language = lang;
    this.mode = mode;
    this.message = '';
    this.sharing = false;
    if (!wasOpen) {
      this.opener = opener;
      addEventListener('keydown', this.onKey, true);
      addEventListener('beforeprint', this.onBeforePrint);
      // The browser's own Print menu gives no time to fetch the QR code's code (3.8 KB): on
      // a computer, where people print, fetch it once the view is shown, so that a print
      // from the menu has the code too. Phones fetch it only to share or print.
      if (!matchMedia('(pointer: coarse)').matches) whenIdle(() => void qrCode().catch(() => undefined), 1000);
    }
    if (push) {
      const url = mode.kind === 'service' ? serviceLink(mode.id) : selectionLink(this.ids);
      if (location.href !== url) {
        history.pushState(history.state, '', url);
        this.pushed = true;
      }
    }
    await this.updateComplete;
    const dialog = this.dialog!;
    if (!dialog.open) dialog.showModal();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== printSheet), printSheet];
    dialog.scrollTop = 0;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Closes the view (the Close button, Escape, Back). */
  close(): void {
    this.dialog?.close();
  }

  /** After the dialog closed, however it closed. */
  private closed(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== printSheet);
    removeEventListener('keydown', this.onKey, true);
    removeEventListener('beforeprint', this.onBeforePrint);
    this.store?.removeEventListener('change', this.onStore);
    const mode = this.mode;
    this.store = undefined;
    this.mode = undefined;
    this.sharing = false;
    const opener = this.opener?.isConnected ? this.opener : mode?.kind === 'service' ? findLink(mode.id) : null;
    this.opener = null;
    (opener as HTMLElement | null)?.focus?.();
    if (this.pushed) {
      this.pushed = false;
      if (fromAddress()) history.back();
    } else if (fromAddress()) {
      history.replaceState(history.state, '', `${pageLink()}${location.hash}`);
    }
  }

  /** Back and Forward: the view follows the address. */
  followAddress(): void {
    const mode = fromAddress();
    if (!mode) {
      if (this.open) {
        this.pushed = false;
        this.close();
      }
      return;
    }
    const store = this.store ?? lastStore;
    if (store) void this.show(store, this.store ? this.language : langOf(store), mode, deepActive(), false);
  }

  /** The services the selection view shows: those sent with the link, or the saved ones. */
  private get ids(): readonly string[] {
    const mode = this.mode;
    if (!mode || mode.kind !== 'selection') return [];
    return mode.ids ?? this.store?.saved ?? [];
  }

  private get services(): Service[] {
    const store = this.store;
    if (!store || !this.mode) return [];
    const ids = this.mode.kind === 'service' ? [this.mode.id] : this.ids;
    return ids.map((id) => store.findService(id)).filter((s): s is Service => !!s);
  }

  private get link(): string {
    const mode = this.mode;
    return mode?.kind === 'service' ? serviceLink(mode.id) : selectionLink(this.services.map((s) => s.id));
  }

  override render() {
    const store = this.store;
    const mode = this.mode;
    const title = this.heading;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${() => this.closed()}>
        ${store && mode
          ? html`<div class="top">
                <button type="button" class="close" part="close" aria-label=${this.t.closeLabel} @click=${() => this.close()}>
                  <span aria-hidden="true">✕</span> ${this.t.close}
                </button>
              </div>
              <div class="body">
                <h2 id="title" tabindex="-1" part="title">${title}</h2>
                ${mode.kind === 'service' ? this.renderService(store, mode.id) : this.renderSelection(store, mode)}
                <p class="status" part="status" role="status">${this.message}</p>
                ${this.sharing ? this.renderShare() : nothing}
              </div>`
          : nothing}
      </dialog>
      <div class="sheet" part="sheet">${store && mode ? this.renderSheet(title) : nothing}</div>`;
  }

  get heading(): string {
    const mode = this.mode;
    if (!mode) return '';
    if (mode.kind === 'selection') return mode.ids ? this.t.sharedSelection : this.t.selection;
    const service = this.store?.findService(mode.id);
    return service ? pick(service.name, this.language) : this.t.missingTitle;
  }

  private renderService(store: GroupStore, id: string) {
    const s = store.findService(id);
    if (!s) return this.renderMissing(store);
    const lang = this.language;
    const t = this.t;
    const common = commonStrings[lang];
    const org = store.organizationOf(s);
    const description = pick(s.description, lang);
    const categories = s.categories.map((c) => store.category(c)).filter((c) => c !== undefined);
    const closure = store.closureOf(s.id);
    const notices = store.notices().filter((n) => n.services.includes(s.id));
    const validity = [s.validFrom ? t.validFrom(longDate(s.validFrom, lang)) : '', s.validThrough ? t.validThrough(longDate(s.validThrough, lang)) : '']
      .filter(Boolean)
      .join(' ');
    return html`
      ${org ? html`<p class="org" part="organization">${t.offeredBy}: ${pick(org.name, lang)}</p>` : nothing}
      ${description ? html`<p part="description">${description}</p>` : nothing}
      ${s.audiences.length ? html`<h3>${t.forWhom}</h3><p part="audiences">${s.audiences.map((a) => audienceName(a, lang)).join(', ')}</p>` : nothing}
      ${categories.length ? html`<h3>${t.topics}</h3><p part="categories">${categories.map((c) => pick(c.name, lang)).join(', ')}</p>` : nothing}
      ${notices.length
        ? html`<h3>${t.notices}</h3>
            <ul part="notices">
              ${notices.map((n) => html`<li class="notice"><strong>${pick(n.title, lang)}</strong> ${pick(n.text, lang)}</li>`)}
            </ul>`
        : nothing}
      ${s.locations.length || s.hours
        ? html`<h3>${t.where}</h3>
            ${s.locations.length
              ? html`<ul class="places" part="places">
                  ${s.locations.map((l) => {
                    const directions = l.position ? directionsHref(l.position.lat, l.position.lon) : undefined;
                    const where = [l.name ? pick(l.name, lang) : '', l.address, l.comune].filter(Boolean).join(', ');
                    return html`<li>
                      ${where ? html`<p class="address" part="address">${where}</p>` : nothing}
                      ${renderHours(l.hours ?? s.hours, lang, { closure, comune: l.comune, note: pick(l.hoursNote ?? s.hoursNote, lang) })}
                      ${directions
                        ? html`<p><a part="link directions" href=${directions} target="_blank" rel="noopener noreferrer"
                              >${common.directions}<span class="visually-hidden">: ${where} ${common.opensInNewWindow}</span></a
                            ></p>`
                        : nothing}
                    </li>`;
                  })}
                </ul>
                ${this.renderPlaceMap(s)}`
              : renderHours(s.hours, lang, { closure, note: pick(s.hoursNote, lang) })}`
        : nothing}
      ${s.phone || s.phones?.length || s.email || s.website ? html`<h3>${t.contacts}</h3>${renderContacts(s, common)}` : nothing}
      ${validity ? html`<h3>${t.validity}</h3><p part="validity">${validity}</p>` : nothing}
      ${s.verified ? html`<p class="muted" part="verified">${t.verified(longDate(s.verified, lang))}</p>` : nothing}
      <div class="actions" part="actions">
        ${this.shareButton()}
        <button type="button" class="button" part="button print" @click=${() => this.print()}>${t.print}</button>
        ${store.selecting
          ? html`<label class="save" part="save"
              ><input type="checkbox" .checked=${store.saved.includes(s.id)} @change=${() => store.toggleSaved(s.id, this)} />${t.saved}</label
            >`
          : nothing}
      </div>
    `;
  }

  private renderSelection(store: GroupStore, mode: ViewMode & { kind: 'selection' }) {
    const t = this.t;
    const lang = this.language;
    const services = this.services;
    const shared = !!mode.ids;
    return html`
      ${shared ? html`<p>${t.sharedHint}</p>` : nothing}
      ${shared && mode.ids!.length > services.length ? html`<p part="missing">${t.missingSome(mode.ids!.length - services.length)}</p>` : nothing}
      <p class="count" part="count">${t.count(services.length)}</p>
      ${services.length
        ? html`<ul class="picked" part="list">
            ${services.map(
              (s) => html`<li part="item" data-id=${s.id}>
                <h3>${pick(s.name, lang)}</h3>
                ${this.renderSummary(store, s)}
                ${shared
                  ? nothing
                  : html`<button type="button" class="button" part="button remove" @click=${() => this.unsave(s)}>
                      ${t.remove}<span class="visually-hidden">: ${pick(s.name, lang)}</span>
                    </button>`}
              </li>`,
            )}
          </ul>`
        : html`<p part="empty">${t.empty}</p>`}
      <div class="actions" part="actions">
        ${services.length
          ? html`${this.shareButton()}
              <button type="button" class="button" part="button print" @click=${() => this.print()}>${t.print}</button>
              ${shared
                ? html`<button type="button" class="button" part="button keep" @click=${() => this.keep(services)}>${t.keep}</button>`
                : html`<button type="button" class="button" part="button clear" @click=${() => this.clear()}>${t.clear}</button>`}`
          : this.closeButton()}
      </div>
    `;
  }

  /** A link to a service the feed no longer has: say so, and offer the page's search. */
  private renderMissing(store: GroupStore) {
    const search = memberOf(store, 'welfare-search');
    return html`<p part="missing">${this.t.missing}</p>
      <div class="actions" part="actions">
        <button type="button" class="button primary" part="button search" @click=${() => this.goSearch(store)}>
          ${search ? this.t.searchServices : this.t.seeAll}
        </button>
        ${this.closeButton()}
      </div>`;
  }

  /** Closes the view and takes the person to the group's search field (or its first element). */
  private goSearch(store: GroupStore): void {
    const target = memberOf(store, 'welfare-search') ?? [...store.members].find((m) => m.isConnected);
    const root = target?.shadowRoot;
    this.opener = root?.querySelector('input, a[href], button') ?? target ?? null;
    this.close();
  }

  /**
   * The small map of the places (issue 18), under their addresses: drawn by the map
   * package's engine when the page has it; the addresses and directions links above it
   * stay the primary information, and the map is described as such.
   */
  private renderPlaceMap(s: Service) {
    if (!placeMapProvider() || !s.locations.some((l) => l.position)) return nothing;
    const name = pick(s.name, this.language);
    return html`<div class="map-box">
      <div class="place-map" part="map" role="region" aria-label=${this.t.mapLabel(name)} aria-describedby="map-hint"></div>
      <p class="map-hint" id="map-hint">${this.t.mapHint}</p>
    </div>`;
  }

  private pins(s: Service): PlacePin[] {
    const lang = this.language;
    return s.locations.flatMap((l) =>
      l.position ? [{ lat: l.position.lat, lon: l.position.lon, label: [l.name ? pick(l.name, lang) : '', l.address, l.comune].filter(Boolean).join(', ') }] : [],
    );
  }

  override updated(): void {
    this.drawPlaceMap();
  }

  /** Creates, keeps or removes the small map, following what the view shows. */
  private drawPlaceMap(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.place-map');
    const mode = this.mode;
    const store = this.store;
    const s = container && store && mode?.kind === 'service' ? store.findService(mode.id) : undefined;
    const pins = s ? this.pins(s) : [];
    const key = s ? JSON.stringify([s.id, this.language, pins]) : '';
    const current = this.placeMap;
    if (current && (current.key !== key || current.container !== container)) {
      current.map?.destroy();
      this.placeMap = undefined;
    }
    const provider = placeMapProvider();
    if (!key || !container || !store || this.placeMap || !provider) return;
    const entry: NonNullable<WelfareServiceView['placeMap']> = { key, container };
    this.placeMap = entry;
    provider(container, { places: pins, lang: this.language, store }).then(
      (map) => {
        if (this.placeMap === entry) entry.map = map;
        else map.destroy();
      },
      (error: unknown) => {
        // The addresses and directions are all there: the view goes on without its map.
        console.warn('[welfare-elements] the service view could not draw its map.', error);
        if (this.placeMap === entry) container.hidden = true;
      },
    );
  }

  /** Organisation, places with hours in words, contacts: what a card of the selection and the printed list say. */
  private renderSummary(store: GroupStore, s: Service): TemplateResult {
    const lang = this.language;
    const common = commonStrings[lang];
    const org = store.organizationOf(s);
    const places = s.locations.map((l) => ({
      where: [l.name ? pick(l.name, lang) : '', l.address, l.comune].filter(Boolean).join(', '),
      hours: l.hours ?? s.hours,
      note: pick(l.hoursNote ?? s.hoursNote, lang),
    }));
    if (!places.length && (s.hours || s.hoursNote)) places.push({ where: '', hours: s.hours, note: pick(s.hoursNote, lang) });
    // Several numbers: each with what it is for ("0371 1 (segreteria)").
    const phones = s.phones?.length
      ? s.phones.map((p) => (p.description ? `${p.number} (${pick(p.description, lang)})` : p.number)).join(', ')
      : s.phone;
    const web = webHref(s.website);
    return html`${org ? html`<p class="org">${pick(org.name, lang)}</p>` : nothing}
      ${places.map(
        (p) => html`<p>
          ${p.where ? html`<span class="address">${p.where}</span>` : nothing}${p.where && p.hours ? html`<br />` : nothing}
          ${p.hours ? html`${common.hours}: ${hoursInWords(p.hours, lang) ?? hoursWordsStrings[lang].askTheService}` : nothing}
          ${p.note ? html`<br />${p.note}` : nothing}
        </p>`,
      )}
      ${phones || s.email || web
        ? html`<p>
            ${[
              phones ? `${common.phone}: ${phones}` : '',
              s.email ? `${common.email}: ${s.email}` : '',
              web ? `${common.website}: ${web}` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>`
        : nothing}`;
  }

  /** What the printer gets: plain text, every link written out. */
  private renderSheet(title: string) {
    const store = this.store!;
    const lang = this.language;
    const t = this.t;
    const common = commonStrings[lang];
    const services = this.services;
    const link = this.link;
    const isService = this.mode?.kind === 'service';
    const s = isService ? services[0] : undefined;
    if (isService && !s) return nothing;
    return html`<h1>${title}</h1>
      ${s
        ? html`${this.renderSummary(store, s)}
            ${pick(s.description, lang) ? html`<p>${pick(s.description, lang)}</p>` : nothing}
            ${s.locations.some((l) => l.position)
              ? html`<p>
                  ${common.directions}:
                  ${s.locations
                    .map((l) => (l.position ? directionsHref(l.position.lat, l.position.lon) : undefined))
                    .filter(Boolean)
                    .join(' · ')}
                </p>`
              : nothing}
            ${s.verified ? html`<p>${t.verified(longDate(s.verified, lang))}</p>` : nothing}`
        : html`<p>${t.count(services.length)}</p>
            ${services.map((x) => html`<div class="entry"><h2>${pick(x.name, lang)}</h2>${this.renderSummary(store, x)}</div>`)}`}
      <div class="link">
        ${this.qr && this.qrFor === link ? qrSvg(this.qr) : nothing}
        <p>${isService ? t.printLink : t.printSelectionLink}:<br /><span class="url">${link}</span><br />${t.printed(longDate(romeToday(now()), lang))}</p>
      </div>`;
  }

  private closeButton() {
    return html`<button type="button" class="button" part="button" @click=${() => this.close()}>${this.t.close}</button>`;
  }

  /** "Condividi" where the system share sheet is the habit (touch screens), "Copia il link" elsewhere. */
  private shareButton() {
    return html`<button type="button" class="button primary" part="button share" @click=${() => this.share()}>
      ${canShare() ? this.t.share : this.t.copy}
    </button>`;
  }

  private async share(): Promise<void> {
    const link = this.link;
    const t = this.t;
    void this.loadQr(link);
    if (canShare()) {
      try {
        await navigator.share({ title: this.heading, url: link });
        this.say(t.shared);
        return;
      } catch (error) {
        if ((error as DOMException)?.name === 'AbortError') return;
        // no share target: copy instead
      }
    }
    this.sharing = true;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('.share input');
      field?.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
    }
    this.say(copied ? t.copied : t.copyFailed);
  }

  /** The link as a field (select and copy by hand) and as a QR code (a phone at the desk). */
  private renderShare() {
    const link = this.link;
    return html`<div class="share" part="share">
      <div>
        <label for="link">${this.t.linkLabel}</label>
        <input id="link" type="text" readonly .value=${link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
      </div>
      ${this.qr && this.qrFor === link
        ? html`<figure part="qr">${qrSvg(this.qr)}<figcaption class="muted">${this.t.scan}</figcaption></figure>`
        : nothing}
    </div>`;
  }

  private async loadQr(link: string): Promise<void> {
    if (this.qrFor === link && this.qr) return;
    this.qr = (await qrCode()).qrPath(link);
    this.qrFor = link;
  }

  private async print(): Promise<void> {
    await this.loadQr(this.link);
    await this.updateComplete;
    print();
  }

  private unsave(s: Service): void {
    const store = this.store!;
    store.toggleSaved(s.id, this);
    this.say(this.t.removed(pick(s.name, this.language)));
    // The removed entry's button is gone: focus the heading, not the page's body.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private clear(): void {
    this.store!.setSaved([], this);
    this.say(this.t.cleared);
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private keep(services: readonly Service[]): void {
    const store = this.store!;
    const added = services.filter((s) => !store.saved.includes(s.id));
    store.setSaved([...store.saved, ...added.map((s) => s.id)], this);
    this.say(this.t.kept(added.length));
  }

  /** A new message each time, so the same words twice are announced twice. */
  private say(text: string): void {
    this.message = '';
    void this.updateComplete.then(() => (this.message = text));
  }
}

/** The QR code as SVG drawn from its module path; `role="img"` with no name: the link is written beside it. */
function qrSvg(qr: QrPath) {
  return html`<svg viewBox="0 0 ${qr.size} ${qr.size}" aria-hidden="true" shape-rendering="crispEdges" part="qr-code">${svg`<rect width=${qr.size} height=${qr.size} fill="#fff"></rect><path d=${qr.d} fill="#000"></path>`}</svg>`;
}

/** The QR code generator, once fetched (the Print menu needs it at once). */
let qrModule: typeof import('./qr.js') | undefined;
/** The QR code's module, fetched once (lazy chunk qr.js). */
const qrCode = async () => (qrModule ??= await import('./qr.js'));

/** The group's connected element with this tag. */
function memberOf(store: GroupStore, tag: string): Element | undefined {
  return [...store.members].find((m) => m.isConnected && m.localName === tag);
}

const canShare = () => typeof navigator.share === 'function' && matchMedia('(pointer: coarse)').matches;

/** "2026-11-03" → "3 novembre 2026". */
function longDate(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d, 12),
  );
}


/** A "Scheda completa" link of this service in an element of the page, to take focus back to. */
function findLink(id: string): Element | null {
  for (const store of stores) {
    for (const member of store.members) {
      const link = member.shadowRoot?.querySelector(`[data-service-link="${CSS.escape(id)}"]`);
      if (link) return link;
    }
  }
  return null;
}

/** The language of the group's first element (a page opened from a link has no opener). */
function langOf(store: GroupStore): Lang {
  for (const m of store.members) if (m.isConnected) return resolveLang(m);
  return resolveLang(document.documentElement);
}

let view: WelfareServiceView | undefined;
let lastStore: GroupStore | undefined;
const stores = new Set<GroupStore>();
/**
 * The address whose link was followed: a page opened from a link opens its view once
 * (from the first group whose feed has the service), not again when a feed reloads.
 */
let handled: string | undefined;

function theView(): WelfareServiceView {
  if (!customElements.get(TAG)) customElements.define(TAG, WelfareServiceView);
  if (!view) {
    view = document.createElement(TAG) as WelfareServiceView;
    document.body.append(view);
    addEventListener('popstate', () => view?.followAddress());
  }
  return view;
}

export function openView(store: GroupStore, lang: Lang, mode: ViewMode, opener: Element | null | undefined, push: boolean): void {
  lastStore = store;
  stores.add(store);
  handled = location.search;
  void theView().show(store, lang, mode, opener ?? deepActive(), push);
}

/** The page was opened from a link: open its view if this group's feed has what it names. */
export function viewFromUrl(store: GroupStore): void {
  stores.add(store);
  const mode = fromAddress();
  if (handled === location.search || !mode) return;
  const has = (s: GroupStore) => (mode.kind === 'service' ? !!s.findService(mode.id) : (mode.ids ?? []).some((id) => s.findService(id)));
  if (!has(store)) {
    // Not in this feed. Once every group of the page has read its feed and none has it,
    // the link's service is gone: the view says so (with the way to search), not nothing.
    const live = [...allGroups()].filter((g) => [...g.members].some((m) => m.isConnected));
    if (live.some((g) => g.status === 'loading' || g.status === 'idle' || has(g))) return;
  }
  handled = location.search;
  lastStore = store;
  void theView().show(store, langOf(store), mode, null, false);
}

declare global {
  interface HTMLElementTagNameMap {
    'welfare-service-view': WelfareServiceView;
  }
}
