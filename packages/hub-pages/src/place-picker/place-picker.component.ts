import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type * as Leaflet from 'leaflet';
import { leafletStyles } from '@welfare-elements/map/generated/leaflet.css.js';
import { removeMap } from '@welfare-elements/map/remove-map.js';
import { resolveTiles } from '@welfare-elements/map';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { formatCoordinate, parseCoordinate } from '../offer-form/checks.js';
import type { Comune } from '../shared/offer-data.js';
import { placePickerStrings } from './place-picker.strings.js';

export interface PointChangeDetail {
  /** Both undefined when the point was removed. */
  readonly lat: number | undefined;
  readonly lon: number | undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'welfare-point-change': CustomEvent<PointChangeDetail>;
  }
}

type LeafletModule = typeof Leaflet;
let leaflet: Promise<LeafletModule> | undefined;
function loadLeaflet(): Promise<LeafletModule> {
  leaflet ??= (import('leaflet/dist/leaflet-src.esm.js') as Promise<LeafletModule>).catch((error: unknown) => {
    leaflet = undefined;
    throw error;
  });
  return leaflet;
}

/** About 10 m at Lodi's latitude: one arrow key press. */
const STEP = 0.0001;

/** The pin, drawn as inline SVG (Leaflet's PNG icons break once its CSS is inlined). */
function pin(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'pin';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 36');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '42');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M12 0C5.4 0 0 5.4 0 12c0 9 12 24 12 24s12-15 12-24C24 5.4 18.6 0 12 0zm0 17a5 5 0 110-10 5 5 0 010 10z');
  svg.append(path);
  span.append(svg);
  return span;
}

/**
 * A point on a map for one place: click the map or drag the pin, move it with the arrow
 * keys, or type the coordinates (a decimal comma is fine). The typed fields are the
 * accessible way; the map is a help for seeing where the point is.
 *
 * @summary Choose a place's point on a map.
 * @fires welfare-point-change - `{ lat, lon }` when the point changes (undefined when removed).
 * @csspart map - The map box.
 */
export class WelfarePlacePicker extends HubElement {
  static override styles = [
    formStyles,
    leafletStyles,
    css`
      .map {
        height: var(--welfare-place-picker-height, 260px);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--welfare-map-background, #e9eef2);
        margin-block-end: 0.5rem;
      }
      .coords {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
      }
      .coords .field {
        flex: 1 1 10rem;
        max-width: 14rem;
      }
      .pin {
        display: block;
        color: var(--_primary);
        fill: currentColor;
        filter: drop-shadow(0 1px 1px rgb(0 0 0 / 0.5));
      }
      .leaflet-marker-icon:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
      .credit {
        font-size: 0.8125rem;
        color: var(--_muted);
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @property({ type: Number }) lat?: number;
  @property({ type: Number }) lon?: number;
  /** The chosen comune: the map starts on it, and a button puts the point at its centre. */
  @property({ attribute: false }) comune?: Comune;
  /** Tiles as for `<welfare-map>`: a URL template, `none`, or empty for OpenStreetMap. */
  @property() tiles?: string;
  @property() attribution?: string;
  /** An id of a message (outside or inside) that describes the coordinates, such as a warning. */
  @property({ attribute: false }) describedBy = '';
  /** Whether the coordinates are marked wrong by the form. */
  @property({ type: Boolean }) invalid = false;

  @state() private latText = '';
  @state() private lonText = '';
  @state() private latError = false;
  @state() private lonError = false;
  @state() private mapState: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private said = '';
  private L?: LeafletModule;
  private map?: Leaflet.Map;
  private marker?: Leaflet.Marker;
  private resizes?: ResizeObserver;
  private readonly ids = uid('place');

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lat') || changed.has('lon')) {
      // Typed text is replaced only when the value differs from what it says (a comma stays a comma).
      if (parseCoordinate(this.latText) !== this.lat) this.latText = formatCoordinate(this.lat, this.lang_);
      if (parseCoordinate(this.lonText) !== this.lon) this.lonText = formatCoordinate(this.lon, this.lang_);
    }
  }

  protected override firstUpdated(): void {
    loadLeaflet().then(
      (L) => {
        this.L = L;
        this.createMap();
      },
      () => (this.mapState = 'failed'),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes?.disconnect();
    if (this.map) removeMap(this.map);
    this.map = undefined;
    this.marker = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.L && !this.map && this.hasUpdated) this.updateComplete.then(() => this.createMap());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    if (changed.has('lat') || changed.has('lon')) this.placeMarker(false);
    if (changed.has('comune') && this.comune && !this.hasPoint()) this.map.setView([this.comune.lat, this.comune.lon], 14);
  }

  private hasPoint(): boolean {
    return typeof this.lat === 'number' && typeof this.lon === 'number';
  }

  private createMap(): void {
    const L = this.L!;
    const box = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!box || this.map) return;
    const centre: [number, number] = this.hasPoint()
      ? [this.lat!, this.lon!]
      : this.comune
        ? [this.comune.lat, this.comune.lon]
        : [45.3138, 9.5018];
    const map = L.map(box, { attributionControl: false, zoomControl: true }).setView(centre, this.hasPoint() || this.comune ? 15 : 10);
    const tiles = resolveTiles(this.tiles);
    if (tiles.url) L.tileLayer(tiles.url, { maxZoom: 19 }).addTo(map);
    map.on('click', (e: Leaflet.LeafletMouseEvent) => this.setPoint(e.latlng.lat, e.latlng.lng));
    // Keyboard: the map takes the focus (Leaflet: arrows move it, + and - zoom); Enter or
    // Space puts the point at its centre, then Tab reaches the pin and the arrows move it.
    box.addEventListener('keydown', (e) => {
      if (e.target !== box || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      const centre = map.getCenter();
      this.setPoint(centre.lat, centre.lng);
    });
    this.map = map;
    // Leaflet listens only to the window; the form's layout changes the box too.
    this.resizes = new ResizeObserver(() => {
      if (this.map === map) map.invalidateSize();
    });
    this.resizes.observe(box);
    this.mapState = 'ready';
    this.placeMarker(false);
  }

  private placeMarker(pan: boolean): void {
    const L = this.L;
    const map = this.map;
    if (!L || !map) return;
    if (!this.hasPoint()) {
      this.marker?.remove();
      this.marker = undefined;
      return;
    }
    const at: [number, number] = [this.lat!, this.lon!];
    if (!this.marker) {
      const t = placePickerStrings[this.lang_];
      this.marker = L.marker(at, {
        draggable: true,
        keyboard: true,
        title: t.marker,
        alt: t.marker,
        icon: L.divIcon({ html: pin(), className: '', iconSize: [28, 42], iconAnchor: [14, 42] }),
      }).addTo(map);
      this.marker.on('dragend', () => {
        const p = this.marker!.getLatLng();
        this.setPoint(p.lat, p.lng);
      });
      const el = this.marker.getElement();
      el?.setAttribute('role', 'button');
      el?.setAttribute('aria-label', t.marker);
      el?.addEventListener('keydown', (e) => this.nudge(e));
    } else {
      this.marker.setLatLng(at);
    }
    if (pan) map.panTo(at);
  }

  /** Arrow keys move the pin (and not the map), about 10 m a press; with Shift, 100 m. */
  private nudge(e: KeyboardEvent): void {
    const step = e.shiftKey ? STEP * 10 : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [step, 0],
      ArrowDown: [-step, 0],
      ArrowLeft: [0, -step],
      ArrowRight: [0, step],
    };
    const move = moves[e.key];
    if (!move || !this.hasPoint()) return;
    e.preventDefault();
    e.stopPropagation();
    this.setPoint(this.lat! + move[0], this.lon! + move[1]);
  }

  private setPoint(lat: number | undefined, lon: number | undefined): void {
    const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1e6) / 1e6);
    this.lat = round(lat);
    this.lon = round(lon);
    this.latError = this.lonError = false;
    const t = placePickerStrings[this.lang_];
    this.said = this.hasPoint() ? t.moved(formatCoordinate(this.lat, this.lang_), formatCoordinate(this.lon, this.lang_)) : '';
    this.emit<PointChangeDetail>('welfare-point-change', { lat: this.lat, lon: this.lon });
  }

  private typed(which: 'lat' | 'lon', text: string): void {
    if (which === 'lat') this.latText = text;
    else this.lonText = text;
    const lat = parseCoordinate(this.latText);
    const lon = parseCoordinate(this.lonText);
    this.latError = this.latText.trim() !== '' && Number.isNaN(lat);
    this.lonError = this.lonText.trim() !== '' && Number.isNaN(lon);
    if (this.latError || this.lonError) return;
    const both = !Number.isNaN(lat) && !Number.isNaN(lon);
    const none = this.latText.trim() === '' && this.lonText.trim() === '';
    if (both || none || !Number.isNaN(which === 'lat' ? lat : lon)) {
      this.lat = Number.isNaN(lat) ? undefined : lat;
      this.lon = Number.isNaN(lon) ? undefined : lon;
      this.emit<PointChangeDetail>('welfare-point-change', { lat: this.lat, lon: this.lon });
      if (both && this.map) this.updateComplete.then(() => this.placeMarker(true));
    }
  }

  protected override render() {
    const t = placePickerStrings[this.lang_];
    const tiles = resolveTiles(this.tiles, this.attribution);
    const coordinateField = (which: 'lat' | 'lon') => {
      const error = which === 'lat' ? this.latError : this.lonError;
      const id = `${this.ids}-${which}`;
      const described = [`${this.ids}-help`, error ? `${id}-error` : '', this.describedBy].filter(Boolean).join(' ');
      return html`<div class="field">
        <label for=${id}>${t[which]}</label>
        <input
          id=${id}
          name=${which}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${which === 'lat' ? this.latText : this.lonText}
          aria-invalid=${error || this.invalid ? 'true' : 'false'}
          aria-describedby=${described}
          @input=${(e: Event) => this.typed(which, (e.target as HTMLInputElement).value)}
        />
        ${error ? html`<p class="message error" id="${id}-error">${t.notNumber}</p>` : nothing}
      </div>`;
    };
    return html`
      <div class="map" part="map" role="group" aria-label=${t.mapLabel}></div>
      ${tiles.attribution
        ? html`<p class="credit">
            ${tiles.attribution.href
              ? html`<a href=${tiles.attribution.href} target="_blank" rel="noopener">${tiles.attribution.text}</a>`
              : tiles.attribution.text}
          </p>`
        : nothing}
      ${this.mapState === 'loading' ? html`<p class="help">${t.loading}</p>` : nothing}
      ${this.mapState === 'failed' ? html`<p class="message hint">${t.mapFailed}</p>` : nothing}
      <p class="help" id="${this.ids}-help">${t.coordsHelp}</p>
      <div class="coords">${coordinateField('lat')} ${coordinateField('lon')}</div>
      <p class="actions">
        ${this.comune
          ? html`<button type="button" @click=${() => this.centre()}>${t.useCentre(this.comune.name)}</button>`
          : nothing}
        ${this.hasPoint() ? html`<button type="button" class="link" @click=${() => this.setPoint(undefined, undefined)}>${t.remove}</button>` : nothing}
      </p>
      <p class="visually-hidden" role="status">${this.said}</p>
    `;
  }

  private centre(): void {
    if (!this.comune) return;
    this.setPoint(this.comune.lat, this.comune.lon);
    this.updateComplete.then(() => this.placeMarker(true));
  }
}
