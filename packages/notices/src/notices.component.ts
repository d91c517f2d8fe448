import { ChunkController, hostStyles, lazyChunk, loadNotices, now, WelfareElement } from '@welfare-elements/core';
import { adoptStyles } from 'lit';
import { property, state } from 'lit/decorators.js';

import * as boardModule from './board.js';

/**
 * The board (its rendering and styles, adopted on first render) is in this element's own
 * chunk, which the bundle fetches when the page has the tag: apart, the two files were
 * always fetched together, one after the other (issue 14). It waits for the notices'
 * logic (core's notices chunk, shared with the closure badges), once per page.
 */
const boardChunk = lazyChunk(() => loadNotices().then(() => boardModule));

/**
 * The board of the planning office: news, temporary closures, deadlines and events of the
 * feed's `notices`, newest first, with their dates in words ("Chiuso fino al 6 gennaio",
 * "Scade tra 3 giorni"). Expired notices are hidden; later ones say from when. The
 * group's filters apply (organisation, comune, categories). The services and access
 * points a notice concerns are buttons that select them in the group (list, map).
 *
 * @summary News, closures, deadlines and events: the notices, newest first.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 * @fires welfare-select - `{ id, type }` when a person selects a service or access point a notice concerns.
 *
 * @csspart count - The number of notices (announced).
 * @csspart list - The list of notices.
 * @csspart item - One notice (an `<article>` in a list item); also its kind: `news`, `closure`, `deadline` or `event`.
 * @csspart title - The notice's heading.
 * @csspart meta - The line with kind and dates.
 * @csspart kind - The kind ("Chiusura", "Scadenza"...).
 * @csspart when - When it applies, in words ("Chiuso fino al 6 gennaio", "Scade tra 3 giorni, il 4 dicembre").
 * @csspart text - The notice's text.
 * @csspart concerns - The services and access points it concerns.
 * @csspart concern - One of them (a button that selects it, when the group shows selections; otherwise a service is a link, also `link`, to its full view).
 * @csspart published - The publication date.
 * @csspart link - The "Maggiori informazioni" link and the "Tutte le notizie" link.
 * @csspart more - The "Tutte le notizie" link, or the "Mostra tutti" button without `more-href`.
 * @csspart empty - The message shown when there is nothing new.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert").
 *
 * @cssprop [--welfare-notices-gap=0.75rem] - Space between notices.
 * @cssprop [--welfare-notices-card-background=var(--welfare-color-surface, #fff)] - Notice background.
 * @cssprop [--welfare-notices-card-border=1px solid var(--welfare-color-border, #c5c7c9)] - Notice border.
 * @cssprop [--welfare-notices-accent-color=var(--welfare-color-primary, #0066cc)] - The bar beside a notice (closures and near deadlines use the danger colour).
 */
export class WelfareNotices extends WelfareElement {
  // The board's own styles are adopted on first render (see render).
  static override styles = [hostStyles];
  private styled = false;

  /** At most this many notices (a box on a landing page); 0 shows all. */
  @property({ type: Number }) limit = 0;
  /** Address of the page with every notice: the "Tutte le notizie" link shown when `limit` hides some. */
  @property({ attribute: 'more-href' }) moreHref?: string;
  /** Heading level of each notice (2-6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private expanded = false;
  /** The board's chunk: fetched on connect; a failure is said here, with a "Riprova" that fetches it again. */
  private readonly board = new ChunkController(this, boardChunk);

  override render() {
    return this.renderState(() => {
      if (this.board.failed) return this.renderChunkError(this.board);
      const board = this.board.module;
      if (!board) return this.renderLoading();
      if (!this.styled) {
        adoptStyles(this.renderRoot as ShadowRoot, [hostStyles, board.boardStyles]);
        this.styled = true;
      }
      const store = this.data.store;
      return board.renderBoard({
        host: this,
        store,
        lang: this.i18n.lang,
        at: now(),
        limit: this.expanded ? 0 : this.limit,
        moreHref: this.moreHref,
        headingLevel: this.headingLevel,
        opensInNewWindow: this.strings.opensInNewWindow,
        expand: () => (this.expanded = true),
        choose: (id, type) => {
          const next = store.selected === id ? null : id;
          store.select(next, this);
          if (next) this.emit('welfare-select', { id, type });
        },
      });
    });
  }
}
