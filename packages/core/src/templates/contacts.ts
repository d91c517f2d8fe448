import { html, nothing } from 'lit';
import { mailtoHref, telHref, webHref } from '../feed/links.js';
import { pick } from '../feed/text.js';
import type { Contacts } from '../feed/types.js';
import { type CommonStrings, commonStrings } from '../i18n/common-strings.js';

/**
 * Phone, email and website of an entry as links. Feed values are untrusted: only
 * tel:, mailto: and http(s) targets are built, and every value is bound as text.
 * A value that cannot be a safe link is still shown as plain text.
 */
export function renderContacts(entry: Contacts, t: CommonStrings) {
  const tel = telHref(entry.phone);
  const mail = mailtoHref(entry.email);
  const web = webHref(entry.website);
  if (!entry.phone && !entry.email && !web && !entry.phones?.length) return nothing;
  // Compared with the Italian: `commonStrings.en` is the Italian too until the English arrive.
  const lang = t === commonStrings.it ? 'it' : 'en';
  // Several numbers (feed extension `phones`): each one, with what it is for.
  const phones = entry.phones && entry.phones.length > 1 ? entry.phones : undefined;
  return html`<ul class="contacts" part="contacts">
    ${phones
      ? phones.map((p) => {
          const href = telHref(p.number);
          const what = pick(p.description, lang);
          return html`<li>
            <span class="label">${t.phone}:</span> ${href ? html`<a part="link" href=${href}>${p.number}</a>` : p.number}${what ? ` (${what})` : nothing}
          </li>`;
        })
      : entry.phone
        ? html`<li><span class="label">${t.phone}:</span> ${tel ? html`<a part="link" href=${tel}>${entry.phone}</a>` : entry.phone}</li>`
        : nothing}
    ${entry.email
      ? html`<li><span class="label">${t.email}:</span> ${mail ? html`<a part="link" href=${mail}>${entry.email}</a>` : entry.email}</li>`
      : nothing}
    ${web
      ? html`<li>
          <a part="link" href=${web} target="_blank" rel="noopener noreferrer"
            >${t.website}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a
          >
          <span class="host">(${new URL(web).hostname})</span>
        </li>`
      : nothing}
  </ul>`;
}
