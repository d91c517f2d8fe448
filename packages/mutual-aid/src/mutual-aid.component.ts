import { ChunkController, hostStyles, lazyChunk, now, romeToday, WelfareElement } from '@welfare-elements/core';
import type { MutualAidKind, MutualAidTopic } from '@welfare-elements/core';
import { adoptStyles } from 'lit';
import { property, state } from 'lit/decorators.js';

/** The board's chunk: its rendering and its styles (adopted when it arrives), once per page. */
const boardChunk = lazyChunk(() => import('./board.js'));

/**
 * The mutual-aid board (issue 19): citizens offering (`offro`) and asking for (`cerco`)
 * help in the territory, each post approved by a mediating organisation, from the feed's
 * `mutualAid` section; newest first, expired posts hidden. Each shows its kind and topic,
 * the short text, when the person is available, the comune (never an address), the date
 * and "Mediato da …". Filters by kind, topic and comune. Nothing personal is ever in the
 * feed, so nothing personal can be shown. Its rendering is a lazy chunk.
 *
 * `organization` shows only the posts one organisation mediates; `comune` presets the
 * comune filter.
 *
 * @summary Mutual aid: offers and requests of help, mediated by a local organisation.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 *
 * @csspart filters - The filter bar (a fieldset).
 * @csspart filter - Each filter's select (kind, topic, comune).
 * @csspart count - The number of posts shown (announced).
 * @csspart list - The list of posts.
 * @csspart item - One post (an `<article>`); also its kind: `offro` or `cerco`.
 * @csspart title - The post's heading: kind and topic.
 * @csspart kind - The kind badge ("Offro", "Cerco").
 * @csspart text - The post's text.
 * @csspart availability - When the person is available.
 * @csspart comune - The comune.
 * @csspart published - The publication date.
 * @csspart mediator - "Mediato da …".
 * @csspart empty - The message shown when there are no posts (with the invitation to post).
 * @csspart post-link - The "Pubblica un annuncio" link (with `post-href`).
 * @csspart answer-link - Each post's "Scrivi a chi ha pubblicato" link (with `post-href`): the same page, `#rispondi=<id>`.
 * @csspart clear - The button that clears the filters when none match.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert").
 *
 * @cssprop [--welfare-mutual-aid-gap=0.75rem] - Space between posts.
 * @cssprop [--welfare-mutual-aid-card-background=var(--welfare-color-surface, #fff)] - Post background.
 * @cssprop [--welfare-mutual-aid-card-border=1px solid var(--welfare-color-border, #c5c7c9)] - Post border.
 * @cssprop [--welfare-mutual-aid-offer-color=#00663d] - The bar beside an offer and its badge.
 * @cssprop [--welfare-mutual-aid-request-color=var(--welfare-color-primary, #0066cc)] - The bar beside a request and its badge.
 */
export class WelfareMutualAid extends WelfareElement {
  // The board's own styles come with its chunk, so pages without a board do not load them.
  static override styles = [hostStyles];
  private styled = false;

  /**
   * Address of the page where people post an offer or a request (the hub's form): the empty
   * board invites there, and each post links to it as `…#rispondi=<id>` to write to the person
   * who posted (through the hub: their contact is never shown).
   */
  @property({ attribute: 'post-href' }) postHref?: string;
  /** Heading level of each post (2-6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private kind: MutualAidKind | '' = '';
  @state() private topic: MutualAidTopic | '' = '';
  /** The comune chosen in the filter; undefined: the `comune` attribute's. */
  @state() private chosenComune?: string;
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
      return board.renderBoard({
        lang: this.i18n.lang,
        feed: this.data.store.feed,
        today: romeToday(now()),
        mediator: this.organization,
        filters: { kind: this.kind, topic: this.topic, comune: this.chosenComune ?? this.comune ?? '' },
        postHref: this.postHref,
        headingLevel: this.headingLevel,
        change: (filters) => {
          if (filters.kind !== undefined) this.kind = filters.kind;
          if (filters.topic !== undefined) this.topic = filters.topic;
          if (filters.comune !== undefined) this.chosenComune = filters.comune;
        },
      });
    });
  }
}
