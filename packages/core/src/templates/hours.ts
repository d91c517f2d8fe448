import { html, nothing } from 'lit';
import type { CommonStrings } from '../i18n/common-strings.js';

/** Opening hours as written in the feed. */
export function renderHours(hours: string | undefined, t: CommonStrings) {
  if (!hours) return nothing;
  return html`<p class="hours" part="hours"><span class="label">${t.hours}:</span> ${hours}</p>`;
}
