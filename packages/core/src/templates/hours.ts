import { css, html, nothing, type TemplateResult } from 'lit';
import { romeToday } from '../feed/reader.js';
import { now } from '../clock.js';
import { describeHours, describeWeek, hoursEngine, hoursVersion } from '../hours/index.js';
import { type Closure, noticesModule } from '../notices/index.js';
import { hoursInWords } from '../hours/words.js';
import { hoursWordsStrings } from '../hours/words.strings.js';
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
  /** The comune of the place: its patron day, when the feed declares one, is a holiday. */
  readonly comune?: string | undefined;
  /**
   * What the hours cannot say, in words (the feed's `hoursNote`: "Chiuso il 19 gennaio"),
   * shown under them, or alone when there are no hours. Bound as text.
   */
  readonly note?: string | undefined;
}

/**
 * Opening hours for people, never in the feed's syntax (issue 11): the hours in words
 * ("lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi", read in full by screen
 * readers), the state now and the next change ("Aperto ora, chiude alle 12:00") once the
 * evaluator is loaded, and the next seven days in a disclosure. A string the small
 * reader cannot word shows the state and the seven days once the evaluator is loaded,
 * and until then (or when nothing can read it) a neutral "Orari: chiedere al servizio".
 * Feed text (the comments in the string) is bound as text only.
 */
export function renderHours(hours: string | undefined, language: Lang | CommonStrings, options: RenderHoursOptions = {}): TemplateResult | typeof nothing {
  // Earlier callers passed the element's common strings; their language is still known.
  const lang: Lang = typeof language === 'string' ? language : language === commonStrings.it ? 'it' : 'en';
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
  const note = options.note?.trim()
    ? html`<p class="hours-note" part="hours-note">${options.note.trim()}</p>`
    : nothing;
  if (!hours) {
    return note === nothing
      ? nothing
      : html`<p class="hours" part="hours"><span class="label">${t.hours}:</span> <span class="hours-note" part="hours-note">${options.note!.trim()}</span></p>`;
  }
  const { words, long, summary, week: days } = described(hours, lang, options);
  const known = summary.status !== 'pending' && summary.status !== 'invalid';
  const label = html`<span class="label">${t.hours}:</span>`;
  const state = known
    ? html`<span class="hours-state ${summary.status}" part="hours-state ${summary.status}">${summary.text}</span>`
    : nothing;
  if (!words && !known) {
    return note === nothing
      ? html`<p class="hours" part="hours">${label} <span class="hours-text" part="hours-text">${hoursWordsStrings[lang].askTheService}</span></p>`
      : html`<p class="hours" part="hours">${label} <span class="hours-note" part="hours-note">${options.note!.trim()}</span></p>`;
  }
  const week = known && options.week !== false ? days : undefined;
  return html`<div class="hours" part="hours">
    ${words
      ? html`<p class="hours-words">
            ${label}
            <span class="hours-text" part="hours-text"
              ><span aria-hidden="true">${words}</span
              ><span class="visually-hidden">${long}</span></span
            >
          </p>
          ${known
            ? html`<p class="hours-now">${state}</p>`
            : summary.status === 'pending'
              ? html`<p class="hours-now" aria-hidden="true">&nbsp;</p>`
              : nothing}`
      : html`<p class="hours-now">${label} ${state}</p>`}
    ${note}
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

interface Described {
  readonly words: string | undefined;
  readonly long: string | undefined;
  readonly summary: ReturnType<typeof describeHours>;
  readonly week: ReturnType<typeof describeWeek>;
}

/**
 * The words and states of an hours string, computed once per minute, language and place:
 * a list re-rendered at each keystroke shows 20 cards that share a handful of strings, and
 * describing the week was most of a card's render (docs/performance.md). Keyed on the
 * minute (states change by the minute at most) and on the evaluator's version (a feed's
 * compiled hours and patron days, the full library arriving).
 */
const describedCache = new Map<string, Described>();
let describedMinute = NaN;

function described(hours: string, lang: Lang, options: RenderHoursOptions): Described {
  const at = options.at ?? now();
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== describedMinute || describedCache.size > 500) {
    describedCache.clear();
    describedMinute = minute;
  }
  const week = options.week !== false;
  const key = [lang, hoursVersion(), !!hoursEngine(), options.comune ?? '', week, hours].join('\u0000');
  let d = describedCache.get(key);
  if (!d) {
    const summary = describeHours(hours, lang, at, options.comune);
    const words = hoursInWords(hours, lang);
    d = {
      words,
      long: words ? hoursInWords(hours, lang, { long: true }) : undefined,
      summary,
      week: week && summary.status !== 'pending' && summary.status !== 'invalid' ? describeWeek(hours, lang, at, options.comune) : undefined,
    };
    describedCache.set(key, d);
  }
  return d;
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
  .hours-text,
  .hours-note {
    overflow-wrap: anywhere;
  }
  p.hours-note {
    font-style: italic;
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
