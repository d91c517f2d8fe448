import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AuditEntry, HubClient, Publication } from '../api/client.js';
import { HubElement } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { officeStyles } from './office-styles.js';
import { officeStrings } from './office.strings.js';

const when = (iso: string, lang: 'it' | 'en') =>
  new Date(iso).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' });

/**
 * What happened: the feed's publications (when it changed, how many services, refused
 * attempts) and the audit log (who did what, on which record, from where).
 *
 * @summary Publication history and audit log (office).
 */
export class WelfareHubActivity extends HubElement {
  static override styles = [formStyles, officeStyles];

  @property({ attribute: false }) client?: HubClient;

  @state() private publications?: Publication[];
  @state() private entries?: AuditEntry[];
  @state() private failure = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const fail = (e: Error) => ((this.failure = e.message), []);
    this.client?.publications().then((p) => (this.publications = p), fail);
    this.client?.audit().then((a) => (this.entries = a), fail);
  }

  protected override render() {
    const t = officeStrings[this.lang_];
    const lang = this.lang_;
    return html`
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      <h2>${t.publications}</h2>
      ${!this.publications
        ? html`<p role="status">${t.loading}</p>`
        : !this.publications.length
          ? html`<p>${t.noPublications}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.publications}>
              <table>
                <thead>
                  <tr><th scope="col">${t.when}</th><th scope="col">${t.outcome}</th><th scope="col">${t.services}</th><th scope="col">${t.notices}</th><th scope="col">${t.accessPoints}</th></tr>
                </thead>
                <tbody>
                  ${this.publications.map(
                    (p) => html`<tr>
                      <td>${when(p.at, lang)}</td>
                      <td>${p.ok ? t.published : t.refused(p.reason ?? '')}</td>
                      <td>${p.services}</td>
                      <td>${p.notices}</td>
                      <td>${p.accessPoints}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      <h2>${t.audit}</h2>
      ${!this.entries
        ? html`<p role="status">${t.loading}</p>`
        : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.audit}>
            <table>
              <thead>
                <tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.what}</th><th scope="col">${t.on}</th><th scope="col">${t.from}</th></tr>
              </thead>
              <tbody>
                ${this.entries.map(
                  (e) => html`<tr>
                    <td>${when(e.at, lang)}</td>
                    <td>${e.actorId ?? '—'}</td>
                    <td>${e.action}</td>
                    <td>${[e.targetType, e.targetId].filter(Boolean).join(' ') || '—'}</td>
                    <td>${e.address ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    `;
  }
}
