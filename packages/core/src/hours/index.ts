/**
 * Entry point for opening hours. The evaluator (opening_hours, large) lives in its own
 * chunk and is fetched only when a feed has hours (the group store asks for it).
 * Nothing here imports it statically: keep it that way (a test checks).
 */
import type { Lang } from '../i18n/lang.js';
import type { HoursDayText, HoursSummary } from './describe.js';
import type { HoursEngine } from './engine.js';

export type { HoursDay, HoursEngine, HoursInterval, HoursState } from './engine.js';

let engine: HoursEngine | undefined;
/** The wording (it/en) travels with the evaluator: without it there is nothing to word. */
let describer: typeof import('./describe.js') | undefined;
let loading: Promise<HoursEngine> | undefined;

/** Loads the evaluator once per page; after a failed fetch, the next call tries again. */
export function loadHoursEngine(): Promise<HoursEngine> {
  loading ??= Promise.all([import('./engine.js'), import('./describe.js')]).then(
    ([m, d]) => {
      describer = d;
      return (engine = m.createHoursEngine());
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The state now of an opening_hours string, in words ("Aperto ora, chiude alle 12:00").
 * Until the evaluator is loaded the status is `pending` and the text is the string as
 * written.
 */
export function describeHours(hours: string, lang: Lang, at?: Date): HoursSummary {
  return describer ? describer.describeHours(hours, lang, at) : { status: 'pending', text: hours, hours };
}

/** The next seven days in words; undefined until the evaluator is loaded, or when unreadable. */
export function describeWeek(hours: string, lang: Lang, at?: Date): HoursDayText[] | undefined {
  return describer?.describeWeek(hours, lang, at);
}

/** The evaluator if it is already loaded, so renders need not wait. */
export function hoursEngine(): HoursEngine | undefined {
  return engine;
}

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  // Just after each minute boundary (Rome's offset from UTC is whole hours).
  timer = setTimeout(() => {
    timer = undefined;
    refreshHours();
    if (listeners.size) schedule();
  }, 60_000 - (Date.now() % 60_000) + 50);
}

/**
 * Calls `listener` once a minute, on one timer shared by the whole page, so that
 * "Aperto ora" stays true on a page left open. Returns the function that stops it;
 * the timer runs only while someone listens.
 */
export function everyMinute(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) schedule();
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/**
 * Re-evaluates every opening-hours state on the page now, without waiting for the next
 * minute (a kiosk after `setClock()`, tests).
 */
export function refreshHours(): void {
  for (const listener of [...listeners]) listener();
}
