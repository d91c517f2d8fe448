import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HubClient, Offer, Organisation } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { italian } from '../shared/offer-data.js';
import { formatDate } from '../shared/states.js';
import { copyText, officeStyles } from './office-styles.js';
import { officeStrings } from './office.strings.js';

/**
 * Freshness: published offers not verified for six months, grouped by organisation,
 * each group with a reminder text ready to copy and send.
 *
 * @summary Offers to verify, with reminders (office).
 */
export class WelfareHubFreshness extends HubElement {
  static override styles = [formStyles, officeStyles];

  @property({ attribute: false }) client?: HubClient;
  @property({ attribute: false }) organisations: readonly Organisation[] = [];

  @state() private offers?: Offer[];
  @state() private said = '';
  @state() private failure = '';
  private readonly ids = uid('fresh');

  override connectedCallback(): void {
    super.connectedCallback();
    this.client?.stale().then(
      (offers) => (this.offers = offers),
      (e: Error) => ((this.failure = e.message), (this.offers = [])),
    );
  }

  protected override render() {
    const t = officeStrings[this.lang_];
    if (!this.offers) return html`<p role="status">${t.loading}</p>`;
    const groups = new Map<string, Offer[]>();
    for (const o of this.offers) groups.set(o.organisationId, [...(groups.get(o.organisationId) ?? []), o]);
    return html`
      <p class="help">${t.freshnessHelp}</p>
      <p role="status">${this.said}</p>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      ${groups.size ? nothing : html`<p>${t.noneStale}</p>`}
      ${[...groups].map(([orgId, offers], i) => {
        const org = this.organisations.find((o) => o.id === orgId)?.name ?? orgId;
        const text = t.reminder(org, offers.map((o) => italian(o.data.name) || o.id));
        const id = `${this.ids}-${i}`;
        return html`<section class="card" aria-labelledby="${id}-h">
          <h2 id="${id}-h">${org}</h2>
          <ul>
            ${offers.map((o) => html`<li><a href="#/offerte/${encodeURIComponent(o.id)}">${italian(o.data.name) || o.id}</a> · ${t.lastVerified(formatDate(o.verifiedAt, this.lang_))}</li>`)}
          </ul>
          <div class="field">
            <label for="${id}-text">${t.reminderLabel(org)}</label>
            <textarea id="${id}-text" readonly .value=${text} rows="9"></textarea>
          </div>
          <p class="actions">
            <button type="button" @click=${async () => (this.said = (await copyText(text)) ? t.reminderCopied : '')}>${t.copyReminder}<span class="visually-hidden">: ${org}</span></button>
          </p>
        </section>`;
      })}
    `;
  }
}
