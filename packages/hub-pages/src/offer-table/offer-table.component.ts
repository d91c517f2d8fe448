import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fold } from '@welfare-elements/core';
import type { Offer } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { italian } from '../shared/offer-data.js';
import { formatDate, shownState, STATE_NAMES, type ShownState } from '../shared/states.js';
import { offerTableStrings } from './offer-table.strings.js';

export interface OfferActionDetail {
  readonly id: string;
  readonly action: 'verify' | 'archive';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'welfare-offer-action': CustomEvent<OfferActionDetail>;
  }
}

/**
 * "Le nostre offerte": an organisation's offers with their state, the last verification
 * and a search; each row links to the form (`href-base` + id) and has "confermo che è
 * ancora valida" and "archivia". The page does the API calls on `welfare-offer-action`.
 *
 * @summary The organisation's offers.
 * @fires welfare-offer-action - `{ id, action }` for verify or archive (archive after a confirmation).
 */
export class WelfareOfferTable extends HubElement {
  static override styles = [
    formStyles,
    css`
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        align-items: flex-end;
      }
      .tools .field {
        flex: 1 1 16rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        background: var(--_surface);
      }
      th,
      td {
        text-align: start;
        padding: 0.5rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      .state {
        display: inline-block;
        border-radius: 1rem;
        padding: 0 0.625rem;
        border: 1px solid currentColor;
        white-space: nowrap;
        font-weight: 600;
      }
      .state-published {
        color: var(--_success);
      }
      .state-returned,
      .state-expired,
      .state-stale {
        color: var(--_danger);
      }
      .state-submitted {
        color: var(--_primary);
      }
      .state-draft,
      .state-archived {
        color: var(--_muted);
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.5rem;
      }
      .note {
        font-size: 0.9375rem;
        color: var(--_danger);
        margin: 0.25rem 0 0;
      }
      /* A phone: each offer becomes a card, the headers become labels. */
      @media (max-width: 40rem) {
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
        tr,
        td,
        th[scope='row'] {
          display: block;
        }
        tr {
          border: 1px solid var(--_border);
          border-radius: var(--_radius);
          margin-bottom: 0.75rem;
          padding: 0.25rem 0.5rem;
        }
        td,
        th[scope='row'] {
          border: none;
          padding: 0.25rem 0;
        }
        td[data-label]::before {
          content: attr(data-label) ': ';
          font-weight: 600;
        }
      }
    `,
  ];

  @property({ attribute: false }) offers?: readonly Offer[];
  /** Where a row's "Modifica" goes: this plus the offer's id. */
  @property({ attribute: 'href-base' }) hrefBase = '#/offerte/';
  /** A short message after an action (announced). */
  @property({ attribute: false }) message = '';

  @state() private query = '';
  @state() private stateFilter: ShownState | '' = '';
  private readonly ids = uid('offers');

  private shows(offer: Offer): boolean {
    if (this.stateFilter && shownState(offer) !== this.stateFilter) return false;
    const q = fold(this.query.trim());
    if (!q) return true;
    const d = offer.data;
    const text = [italian(d.name), italian(d.description), ...(d.keywords ?? []), ...(d.locations ?? []).flatMap((l) => [l.comune, l.address])].join(' ');
    return q.split(/\s+/).every((word) => fold(text).includes(word));
  }

  private act(offer: Offer, action: 'verify' | 'archive'): void {
    const t = offerTableStrings[this.lang_];
    if (action === 'archive' && !confirm(t.confirmArchive(italian(offer.data.name)))) return;
    this.emit<OfferActionDetail>('welfare-offer-action', { id: offer.id, action });
  }

  protected override render() {
    const t = offerTableStrings[this.lang_];
    const names = STATE_NAMES[this.lang_];
    if (!this.offers) return html`<p role="status">${t.loading}</p>`;
    const shown = this.offers.filter((o) => this.shows(o));
    return html`
      <div class="tools">
        <div class="field">
          <label for="${this.ids}-q">${t.search}</label>
          <span class="help" id="${this.ids}-q-help">${t.searchHelp}</span>
          <input id="${this.ids}-q" type="search" .value=${this.query} aria-describedby="${this.ids}-q-help" @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="${this.ids}-s">${t.stateFilter}</label>
          <select id="${this.ids}-s" @change=${(e: Event) => (this.stateFilter = (e.target as HTMLSelectElement).value as ShownState)}>
            <option value="">${t.allStates}</option>
            ${(Object.keys(names) as ShownState[]).map((s) => html`<option value=${s} ?selected=${s === this.stateFilter}>${names[s]}</option>`)}
          </select>
        </div>
      </div>
      <p role="status" class="count">${t.count(shown.length, this.offers.length)}${this.message ? html`. ${this.message}` : nothing}</p>
      ${!this.offers.length
        ? html`<p>${t.empty}</p>`
        : !shown.length
          ? html`<p>${t.noMatch}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.name}</th>
                  <th scope="col">${t.state}</th>
                  <th scope="col">${t.verified}</th>
                  <th scope="col">${t.actions}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map((offer) => {
                  const name = italian(offer.data.name) || offer.id;
                  const s = shownState(offer);
                  return html`<tr data-id=${offer.id}>
                    <th scope="row">
                      <a href="${this.hrefBase}${encodeURIComponent(offer.id)}">${name}</a>
                      ${offer.state === 'returned' && offer.note ? html`<p class="note">${t.note} ${offer.note}</p>` : nothing}
                    </th>
                    <td data-label=${t.state}><span class="state state-${s}">${names[s]}</span></td>
                    <td data-label=${t.verified}>${formatDate(offer.verifiedAt, this.lang_)}</td>
                    <td>
                      <div class="row-actions">
                        ${offer.state === 'published'
                          ? html`<button type="button" @click=${() => this.act(offer, 'verify')}>${t.verify}<span class="visually-hidden">: ${name}</span></button>`
                          : nothing}
                        ${offer.state !== 'archived'
                          ? html`<button type="button" class="link" @click=${() => this.act(offer, 'archive')}>${t.archive}<span class="visually-hidden">: ${name}</span></button>`
                          : nothing}
                      </div>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`}
    `;
  }
}
