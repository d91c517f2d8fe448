/**
 * The map's popup, without Leaflet's DivOverlay and Popup (about 1.5 KB gzip on every
 * page with a map): the same markup and classes (so Leaflet's stylesheet and ours draw it
 * as before), placed in the popup pane at a point of the map, following pans, zooms and
 * the zoom animation, kept in view (autopan), closed by its button, a click on the map or
 * Escape. The content is an element built by popup.ts (feed text is never markup).
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { ownEvents } from './own-events.js';

export interface PopupOptions {
  readonly maxWidth: number;
  readonly minWidth: number;
  readonly maxHeight: number;
  /** Space kept between the popup and the map's edges when it is panned into view. */
  readonly padding: number;
  readonly className: string;
  /** Animate the pan that brings the popup into view (not with reduced motion). */
  readonly animate: boolean;
  /** After the popup closed, by a person or by `close()`. */
  readonly closed: () => void;
}

/** Leaflet's layer point of `at` for a zoom that is being animated to (what markers use). */
type Animating = { _latLngToNewLayerPoint(at: L.LatLng, zoom: number, center: L.LatLng): L.Point };

export class PopupOverlay {
  readonly element: HTMLElement;
  private readonly content: HTMLElement;
  private readonly closeButton: HTMLAnchorElement;
  private at = L.latLng(0, 0);
  /** Where the popup is in the map's layer (its transform). */
  private point = L.point(0, 0);
  private offsetY = 0;
  private width = 0;
  private removal?: ReturnType<typeof setTimeout>;
  private readonly events = {
    zoom: () => this.position(),
    viewreset: () => this.position(),
    zoomanim: (e: L.ZoomAnimEvent) => this.place((this.map as unknown as Animating)._latLngToNewLayerPoint(this.at, e.zoom, e.center)),
    // A click on the map (not on a marker, not in the popup) closes it, as in Leaflet.
    preclick: () => this.close(),
  };

  constructor(
    private readonly map: L.Map,
    private readonly options: PopupOptions,
  ) {
    const div = (className: string, parent: HTMLElement) => parent.appendChild(Object.assign(document.createElement('div'), { className }));
    this.element = Object.assign(document.createElement('div'), { className: `leaflet-popup ${options.className} leaflet-zoom-animated` });
    this.content = div('leaflet-popup-content', div('leaflet-popup-content-wrapper', this.element));
    div('leaflet-popup-tip', div('leaflet-popup-tip-container', this.element));
    const close = (this.closeButton = this.element.appendChild(document.createElement('a')));
    close.className = 'leaflet-popup-close-button';
    close.href = '#close';
    close.setAttribute('role', 'button');
    close.append(Object.assign(document.createElement('span'), { textContent: '\u00d7' }));
    close.firstElementChild!.setAttribute('aria-hidden', 'true');
    close.addEventListener('click', (e) => {
      e.preventDefault();
      this.close();
    });
    // Clicks, presses, double clicks and the wheel in the popup are the popup's, not the map's.
    ownEvents(this.element, true);
  }

  get isOpen(): boolean {
    return this.element.parentNode === this.map.getPane('popupPane') && this.removal === undefined;
  }

  /** Names the close button (the element's language). */
  label(text: string): void {
    this.closeButton.setAttribute('aria-label', text);
    this.closeButton.title = text;
  }

  /** Shows `content` at `at`, its tip `offsetY` px below (negative: above) the point. */
  open(at: L.LatLng, offsetY: number, content: HTMLElement): void {
    this.at = at;
    this.offsetY = offsetY;
    const fade = (this.map as unknown as { _fadeAnimated?: boolean })._fadeAnimated;
    if (!this.isOpen) {
      clearTimeout(this.removal);
      this.removal = undefined;
      if (fade) this.element.style.opacity = '0';
      this.map.getPane('popupPane')!.append(this.element);
      this.map.on(this.events);
      this.map.getContainer().addEventListener('keydown', this.escape);
    }
    this.element.style.visibility = 'hidden';
    this.content.replaceChildren(content);
    this.layout();
    this.position();
    this.element.style.visibility = '';
    // Read after the layout above, so the popup fades in (Leaflet's stylesheet).
    if (fade) this.element.style.opacity = '1';
    this.pan();
  }

  close(): void {
    if (!this.isOpen) return;
    this.map.off(this.events);
    this.map.getContainer().removeEventListener('keydown', this.escape);
    if ((this.map as unknown as { _fadeAnimated?: boolean })._fadeAnimated) {
      this.element.style.opacity = '0';
      this.removal = setTimeout(() => {
        this.element.remove();
        this.removal = undefined;
      }, 200);
    } else {
      this.element.remove();
    }
    this.options.closed();
  }

  /** Escape anywhere in the map closes the popup (the content handles its own first). */
  private readonly escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.close();
  };

  /**
   * Its width from its content (between the limits), and a scroll bar past maxHeight; on a
   * small map (a phone, a short map box) no wider and no taller than what fits beside the
   * zoom buttons and within `padding` of the edges, so that it never hangs out of the map
   * with its close button or its last lines cut off (seen at 375 px: 337 px of popup in a
   * map of 343, 327 px of it in one of 256).
   */
  private layout(): void {
    const style = this.content.style;
    const { x: mapWidth, y: mapHeight } = this.map.getSize();
    const pad = this.options.padding;
    style.width = '';
    style.height = '';
    style.whiteSpace = 'nowrap';
    let width = Math.max(Math.min(this.content.offsetWidth, this.options.maxWidth), this.options.minWidth);
    style.width = `${width + 1}px`;
    style.whiteSpace = '';
    // What the wrapper, the margins and the tip add around the content.
    const aroundX = this.element.offsetWidth - this.content.offsetWidth;
    const fitsX = mapWidth - this.reserved() - 2 * pad - aroundX;
    if (width + 1 > fitsX) style.width = `${(width = Math.max(fitsX - 1, 120))}px`;
    const margin = parseInt(getComputedStyle(this.element).marginBottom, 10) || 0;
    const aroundY = this.element.offsetHeight + margin - this.content.offsetHeight;
    const maxHeight = Math.max(Math.min(this.options.maxHeight, mapHeight - 2 * pad - aroundY), 80);
    const tall = this.content.offsetHeight > maxHeight;
    if (tall) style.height = `${maxHeight}px`;
    this.content.classList.toggle('leaflet-popup-scrolled', tall);
    this.width = this.element.offsetWidth;
  }

  /** The width the zoom buttons take at the map's left edge (a popup is kept beside them). */
  private reserved(): number {
    const corner = this.map.getContainer().querySelector<HTMLElement>('.leaflet-top.leaflet-left');
    return corner ? corner.offsetWidth : 0;
  }

  /** The height of the credit line at the map's bottom (none without tiles). */
  private creditHeight(): number {
    const corner = this.map.getContainer().querySelector<HTMLElement>('.leaflet-bottom.leaflet-right');
    return corner ? corner.offsetHeight : 0;
  }

  /** Centred above the point: the pane's transform carries pans, the zoom moves it. */
  private position(): void {
    this.place(this.map.latLngToLayerPoint(this.at));
    this.element.style.bottom = `${-this.offsetY}px`;
    this.element.style.left = `${-Math.round(this.width / 2)}px`;
  }

  /** Moves the popup to a point of the map's layer (as Leaflet places its overlays). */
  private place(point: L.Point): void {
    this.point = point;
    this.element.style.transform = `translate3d(${point.x}px,${point.y}px,0)`;
  }

  /** Pans the map so that the whole popup is in view, `padding` px from the edges. */
  private pan(): void {
    const margin = parseInt(getComputedStyle(this.element).marginBottom, 10) || 0;
    const height = this.element.offsetHeight + margin;
    const topLeft = this.map.layerPointToContainerPoint(
      this.point.add([-Math.round(this.width / 2), -height + this.offsetY]),
    );
    const size = this.map.getSize();
    const pad = this.options.padding;
    let dx = 0;
    let dy = 0;
    if (topLeft.x + this.width + pad > size.x) dx = topLeft.x + this.width - size.x + pad;
    const left = pad + this.reserved();
    if (topLeft.x - dx - left < 0) dx = topLeft.x - left;
    if (topLeft.y + height + pad > size.y) dy = topLeft.y + height - size.y + pad;
    // The pin below the popup stays above the credit line too: a place at the map's bottom
    // edge otherwise kept its popup in view with its pin under "© OpenStreetMap".
    const place = this.map.layerPointToContainerPoint(this.point).y;
    const floor = size.y - this.creditHeight() - pad;
    if (place - dy > floor) dy = place - floor;
    // The popup's top (its close button) wins when the map is too short for both.
    if (topLeft.y - dy - pad < 0) dy = topLeft.y - pad;
    // As Leaflet's autopan: animated (a long way is a jump), or no animation at all.
    if (dx || dy) this.map.panBy([dx, dy], this.options.animate ? {} : { animate: false });
  }
}
