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

/**
 * The page's address with `name=value` (none: without it), our two parameters removed
 * and the page's own kept; the fragment is left out, so the link is short and the view,
 * not an anchor, is what it opens. Commas stay commas (a selection's list of ids).
 */
export function pageLink(name?: string, value?: string): string {
  const url = new URL(location.href);
  const params = url.searchParams;
  url.hash = '';
  params.delete(SERVICE_PARAM);
  params.delete(SELECTION_PARAM);
  if (name && value) params.set(name, value);
  return url.href.replace(/%2C/gi, ',');
}

/** The link that opens the page with this service's full view. */
export const serviceLink = (id: string) => pageLink(SERVICE_PARAM, id);

let view: Promise<typeof import('./view.js')> | undefined;
/** The view's chunk, fetched once. */
export const loadServiceView = () => (view ??= import('./view.js'));

/**
 * Opens the full view of a service (`id`) or, with no id, the group's selection.
 * `opener` gets focus back when the view closes.
 */
export function openServiceView(store: GroupStore, lang: Lang, id?: string, opener?: Element | null): void {
  void loadServiceView().then((m) => m.openView(store, lang, id ? { kind: 'service', id } : { kind: 'selection' }, opener, true));
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
  if (/[?&](servizio|selezione)=/.test(location.search)) {
    void loadServiceView().then((m) => m.viewFromUrl(store));
  }
}
