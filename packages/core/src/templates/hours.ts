import { css, html, nothing, type TemplateResult } from 'lit';
import { romeToday } from '../feed/reader.js';
import { now } from '../clock.js';
import { describeHours, describeWeek } from '../hours/index.js';
import { type Closure, noticesModule } from '../notices/index.js';
import { type CommonStrings, commonStrings } from '../i18n/common-strings.js';
import type { Lang } from '../i18n/lang.js';

export interface RenderHoursOptions {
  /** Adds the next seven days in words, in a disclosure (default true). */
  readonly week?: boolean;
  /** The moment to evaluate (default: `now()` from the shared clock). */
  readonly at?: Date;
  /**
   * A closure in force (`store.closureOf(id)`): a badge ("Chiuso fino al 6 gennaio"),
   * and the closure's own hours instead of `hours` (none: closed).
   */
  readonly closure?: Closure | undefined;
}

/**
 * Opening hours for people: the state now and the next change ("Aperto ora, chiude alle
 * 12:00"), the next seven days in words, and the string as written. Until the evaluator
 * is loaded, or when the string cannot be read, the string is shown as written. Feed
 * text (the string, its comments) is bound as text only.
 */
export function renderHours(hours: string | undefined, language: Lang | CommonStrings, options: RenderHoursOptions = {}): TemplateResult | typeof nothing {
  // Earlier callers passed the element's common strings; their language is still known.
  const lang: Lang = typeof language === 'string' ? language : language === commonStrings.en ? 'en' : 'it';
  const t = commonStrings[lang];
  const { closure } = options;
  if (closure) {
    // A closure comes from the notices chunk, so its words are loaded too.
    const words = noticesModule()!.closureWords(closure, lang, romeToday(options.at ?? now()));
    // The week is not shown: the closure's hours hold only until its end.
    return closure.hours
      ? html`<p class="closure" part="closure">${words}</p>${renderHours(closure.hours, lang, { ...options, closure: undefined, week: false })}`
      : html`<div class="hours" part="hours">
          <p class="hours-now">
            <span class="label">${t.hours}:</span>
            <span class="hours-state closed" part="hours-state closed closure">${words}</span>
          </p>
        </div>`;
  }
  if (!hours) return nothing;
  const summary = describeHours(hours, lang, options.at);
  if (summary.status === 'pending' || summary.status === 'invalid') {
    return html`<p class="hours" part="hours"><span class="label">${t.hours}:</span> ${hours}</p>`;
  }
  const week = options.week === false ? undefined : describeWeek(hours, lang, options.at);
  return html`<div class="hours" part="hours">
    <p class="hours-now">
      <span class="label">${t.hours}:</span>
      <span class="hours-state ${summary.status}" part="hours-state ${summary.status}">${summary.text}</span>
    </p>
    <p class="hours-raw" part="hours-raw"><span class="visually-hidden">${t.hoursAsWritten}: </span>${hours}</p>
    ${week
      ? html`<details class="hours-week" part="hours-week">
          <summary>${t.hoursWeek}</summary>
          <ul>
            ${week.map(
              (d) => html`<li class=${d.today ? 'today' : ''}><span class="day">${d.label}:</span> ${d.text}</li>`,
            )}
          </ul>
        </details>`
      : nothing}
  </div>`;
}

/**
 * Styles of `renderHours()`; add to an element's `static styles`. Colour is never the
 * only signal: the words say open or closed.
 *
 * @cssprop [--welfare-hours-open-color=#008055] - The "open now" state.
 * @cssprop [--welfare-hours-closed-color=var(--welfare-color-danger, #a0001b)] - The "closed" state.
 */
export const hoursStyles = css`
  .hours {
    margin: 0 0 0.5rem;
  }
  .hours p {
    margin: 0;
  }
  .hours-state {
    font-weight: 600;
  }
  .hours-state::before {
    content: '';
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    margin-inline-end: 0.35em;
    border-radius: 50%;
    background: currentColor;
    vertical-align: 0.05em;
  }
  .hours-state.open {
    color: var(--welfare-hours-open-color, #008055);
  }
  .hours-state.closed {
    color: var(--welfare-hours-closed-color, var(--_danger, #a0001b));
  }
  .hours-state.unknown {
    color: var(--_muted, #5c6f82);
  }
  .hours-state.unknown::before {
    background: transparent;
    border: 2px solid currentColor;
  }
  .closure {
    display: inline-block;
    margin: 0 0 0.25rem;
    padding: 0.1rem 0.5rem;
    border-radius: 0.25rem;
    border: 1px solid currentColor;
    color: var(--welfare-hours-closed-color, var(--_danger, #a0001b));
    font-weight: 600;
  }
  .hours-raw {
    color: var(--_muted, #5c6f82);
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .hours-week summary {
    cursor: pointer;
    color: var(--_primary, #0066cc);
    min-height: 1.5rem;
    width: fit-content;
  }
  .hours-week summary:focus-visible {
    outline: 3px solid var(--_focus, #b34700);
    outline-offset: 2px;
  }
  .hours-week ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .hours-week li.today {
    font-weight: 600;
  }
  .hours-week .day {
    font-weight: 600;
  }
`;
