import type { Lang } from '../i18n/lang.js';
import type { GroupStore } from '../store/group-store.js';

/**
 * The first-load side of a service's full view (issue 18): its link, and the lazy
 * import of the view itself (view.ts, its own chunk with share, print and the QR code),
 * fetched when a person opens a service or a page is opened from such a link.
 *
 * Links: `?servizio=<id>` opens one service, `?selezione=<id>,<id>` a shared selection.
 * Plain words and the feed's own ids, so a link pasted into WhatsApp or an email reads
 * well; the page's own parameters (and the group's filters with `url-state`) stay.
 */
export const SERVICE_PARAM = 'servizio';
export const SELECTION_PARAM = 'selezione';

const nameOf = (part: string) => {
  try {
    return decodeURIComponent(part.split('=')[0]!.replace(/\+/g, ' '));
  } catch {
    return '';
  }
};

/**
 * The page's address with `name=value` (none: without it). Our two parameters are
 * removed, every other one stays as written; the fragment is left out, so the link is
 * short and the view, not an anchor, is what it opens.
 */
export function pageLink(name?: string, value?: string): string {
  const kept = location.search
    .slice(1)
    .split('&')
    .filter((part) => part && nameOf(part) !== SERVICE_PARAM && nameOf(part) !== SELECTION_PARAM);
  if (name && value) kept.push(`${name}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  return `${location.origin}${location.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
}

/** The link that opens the page with this service's full view. */
export const serviceLink = (id: string) => pageLink(SERVICE_PARAM, id);

/** The link that opens the page with these services as a selection. */
export const selectionLink = (ids: readonly string[]) =>
  pageLink(SELECTION_PARAM, ids.map((id) => id.replace(/,/g, '%2C')).join(','));

let view: Promise<typeof import('./view.js')> | undefined;
/** The view's chunk, fetched once. */
export const loadServiceView = () => (view ??= import('./view.js'));

/**
 * Opens the full view of a service (`id`) or, with no id, the group's selection.
 * `opener` gets focus back when the view closes.
 */
export function openServiceView(store: GroupStore, lang: Lang, id?: string, opener?: Element | null): void {
  const from = opener ?? deepActive();
  void loadServiceView().then((m) => m.openView(store, lang, id ? { kind: 'service', id } : { kind: 'selection' }, from, true));
}

/** The focused element, inside shadow roots too (the list's button, not the list). */
export function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * A click on a "Scheda" link opens the view in place; a middle click, Ctrl/⌘ click or
 * "open in a new tab" follows the link (the page opens there with the view open).
 */
export function onServiceLink(event: MouseEvent, open: () => void): void {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  open();
}

/** After a feed is read: a page opened from a service or selection link opens its view. */
export function viewFromUrl(store: GroupStore): void {
  if (new RegExp(`[?&](${SERVICE_PARAM}|${SELECTION_PARAM})=`).test(location.search)) {
    void loadServiceView().then((m) => m.viewFromUrl(store));
  }
}
