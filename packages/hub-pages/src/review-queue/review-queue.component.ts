import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { pick } from '@welfare-elements/core';
import type { Offer, Organisation } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { diffStyles, renderDiff } from '../shared/offer-diff.js';
import { italian, type Territory } from '../shared/offer-data.js';
import { formatDate } from '../shared/states.js';
import { reviewQueueStrings } from './review-queue.strings.js';

export type ReviewDetail = { readonly action: 'approve'; readonly ids: readonly string[] } | { readonly action: 'send-back'; readonly id: string; readonly note: string };

declare global {
  interface GlobalEventHandlersEventMap {
    'welfare-review': CustomEvent<ReviewDetail>;
  }
}

/**
 * The office's review queue: each submitted offer with the difference between the
 * published version and the proposed one, field by field; approve one, approve the
 * selected ones together, or send one back with a note. The page does the API calls
 * on `welfare-review`.
 *
 * @summary The office's review queue.
 * @fires welfare-review - `{ action: 'approve', ids }` or `{ action: 'send-back', id, note }`.
 */
export class WelfareReviewQueue extends HubElement {
  static override styles = [
    formStyles,
    diffStyles,
    css`
      article {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem 1rem;
        margin-block-end: 1rem;
      }
      article header {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
      }
      article h3 {
        margin: 0;
      }
      .meta {
        color: var(--_muted);
        margin: 0;
      }
      .bulk {
        position: sticky;
        top: 0;
        background: var(--_surface-alt);
        padding: 0.5rem 0;
        z-index: 1;
      }
    `,
  ];

  @property({ attribute: false }) offers?: readonly Offer[];
  @property({ attribute: false }) organisations: readonly Organisation[] = [];
  @property({ attribute: false }) territory?: Territory;
  @property({ type: Boolean }) busy = false;

  @state() private selected = new Set<string>();
  @state() private noteFor?: string;
  @state() private noteError = false;
  private readonly ids = uid('review');

  private categoryName = (id: string) => {
    const c = this.territory?.categories.find((x) => x.id === id);
    return c ? pick(typeof c.name === 'string' ? { it: c.name } : c.name, this.lang_) : id;
  };

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private sendBack(id: string): void {
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${this.ids}-note`);
    const note = field?.value.trim() ?? '';
    if (!note) {
      this.noteError = true;
      field?.focus();
      return;
    }
    this.emit<ReviewDetail>('welfare-review', { action: 'send-back', id, note });
    this.noteFor = undefined;
  }

  protected override render() {
    const t = reviewQueueStrings[this.lang_];
    if (!this.offers) return nothing;
    const live = this.offers.filter((o) => this.selected.has(o.id)).map((o) => o.id);
    return html`
      <p role="status">${t.count(this.offers.length)}</p>
      ${this.offers.length > 1
        ? html`<div class="bulk actions">
            <label class="check">
              <input
                type="checkbox"
                .checked=${live.length === this.offers.length}
                @change=${(e: Event) => (this.selected = (e.target as HTMLInputElement).checked ? new Set(this.offers!.map((o) => o.id)) : new Set())}
              />
              ${t.selectAll}
            </label>
            <button type="button" class="primary" ?disabled=${!live.length || this.busy} @click=${() => this.emit<ReviewDetail>('welfare-review', { action: 'approve', ids: live })}>
              ${t.approveSelected(live.length)}
            </button>
          </div>`
        : nothing}
      ${this.offers.map((offer) => this.renderOffer(offer))}
    `;
  }

  private renderOffer(offer: Offer) {
    const t = reviewQueueStrings[this.lang_];
    const name = italian(offer.data.name) || offer.id;
    const org = this.organisations.find((o) => o.id === offer.organisationId)?.name ?? offer.organisationId;
    const headingId = `${this.ids}-${offer.id}`;
    return html`<article aria-labelledby=${headingId} data-id=${offer.id}>
      <header>
        ${this.offers!.length > 1
          ? html`<input type="checkbox" aria-label=${t.select(name)} .checked=${this.selected.has(offer.id)} @change=${(e: Event) => this.toggle(offer.id, (e.target as HTMLInputElement).checked)} />`
          : nothing}
        <div>
          <h3 id=${headingId}>${name}</h3>
          <p class="meta">${t.from} ${org}${offer.updatedAt ? ` · ${t.submittedOn(formatDate(offer.updatedAt, this.lang_))}` : ''}</p>
        </div>
      </header>
      ${offer.publishedData ? nothing : html`<p><strong>${t.newOffer}</strong></p>`}
      ${renderDiff({
        lang: this.lang_,
        before: offer.publishedData,
        after: offer.data,
        beforeLabel: t.published,
        afterLabel: t.proposed,
        caption: t.diffCaption(name),
        categoryName: this.categoryName,
      })}
      ${this.noteFor === offer.id
        ? html`<div class="field">
              <label for="${this.ids}-note">${t.noteLabel}</label>
              <span class="help" id="${this.ids}-note-help">${t.noteHelp}</span>
              <textarea
                id="${this.ids}-note"
                aria-describedby="${this.ids}-note-help ${this.noteError ? `${this.ids}-note-error` : ''}"
                aria-invalid=${this.noteError ? 'true' : 'false'}
                @input=${() => (this.noteError = false)}
              ></textarea>
              ${this.noteError ? html`<p class="message error" id="${this.ids}-note-error">${t.noteMissing}</p>` : nothing}
            </div>
            <p class="actions">
              <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.sendBack(offer.id)}>${t.sendNote}</button>
              <button type="button" @click=${() => (this.noteFor = undefined)}>${t.cancel}</button>
            </p>`
        : html`<p class="actions">
            <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.emit<ReviewDetail>('welfare-review', { action: 'approve', ids: [offer.id] })}>
              ${t.approve}<span class="visually-hidden">: ${name}</span>
            </button>
            <button
              type="button"
              @click=${() => {
                this.noteFor = offer.id;
                this.noteError = false;
                this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${this.ids}-note`)?.focus());
              }}
            >
              ${t.sendBack}<span class="visually-hidden">: ${name}</span>
            </button>
          </p>`}
    </article>`;
  }
}
