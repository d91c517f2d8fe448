/**
 * Entry point for opening hours. The small evaluator (light.ts) lives in its own chunk and
 * is fetched only when a feed has hours (the group store asks for it); its reader of common
 * strings (rules.ts) only for strings without a compiled form; the full library
 * (engine.ts, opening_hours, large) only for a string neither can read.
 * Nothing here imports either statically: keep it that way (a test checks).
 */
import type { Feed } from '../feed/types.js';
import type { Lang } from '../i18n/lang.js';
import type { HoursDayText, HoursSummary } from './describe.js';
import type { HoursEngine } from './engine.js';
import type { LightEngine, StringReader } from './light.js';

export type { HoursDay, HoursEngine, HoursInterval, HoursState } from './engine.js';
export type { CompiledHours } from './compiled.js';
export type { PatronDay } from './holidays.js';

let engine: LightEngine | undefined;
/** The full opening_hours library, for the strings the small evaluator cannot read. */
let library: HoursEngine | undefined;
/** The wording (it/en) travels with the evaluator: without it there is nothing to word. */
let describer: typeof import('./describe.js') | undefined;
let loading: Promise<LightEngine> | undefined;
let loadingLibrary: Promise<HoursEngine> | undefined;

/** Every opening-hours string of a feed: services, their places, access points, closures. */
export function feedHours(feed: Feed): Set<string> {
  const out = new Set<string>();
  for (const s of feed.services) {
    if (s.hours) out.add(s.hours);
    for (const l of s.locations) if (l.hours) out.add(l.hours);
  }
  for (const a of feed.accessPoints) if (a.hours) out.add(a.hours);
  for (const n of feed.notices) if (n.hours) out.add(n.hours);
  return out;
}

/** Retries after a failed fetch: the next call tries again. */
function once<T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, load: () => Promise<T>): Promise<T> {
  let p = get();
  if (!p) {
    p = load().catch((error: unknown) => {
      set(undefined);
      throw error;
    });
    set(p);
  }
  return p;
}

/** The small evaluator and the wording, once per page (a few KB). */
function loadLight(): Promise<LightEngine> {
  return once(
    () => loading,
    (p) => (loading = p),
    () =>
      // One chunk (small.ts), not two fetched at the same moment (issue 14).
      import('./small.js').then((m) => {
        describer = m.describe;
        loadReader = m.loadReader;
        version++;
        return (engine = m.createLightEngine(() => library));
      }),
  );
}

/** small.ts's loadReader, once the small evaluator is in. */
let loadReader: (() => Promise<StringReader>) | undefined;
let loadingReader: Promise<LightEngine> | undefined;
let readerIn = false;

/**
 * The small evaluator with the reader of common strings (rules.ts, under 1 KB), fetched
 * after it, once per page: only for strings without a compiled form for the year ahead
 * (a hand-written feed, the hub's hours builder). Feeds the tools built have one for every
 * string, so their pages never fetch it.
 */
function loadLightWithReader(): Promise<LightEngine> {
  return once(
    () => loadingReader,
    (p) => (loadingReader = p),
    async () => {
      const light = await loadLight();
      light.addReader(await loadReader!());
      readerIn = true;
      version++;
      return light;
    },
  );
}

/** The full opening_hours library (about 110 KB), once per page. */
function loadLibrary(): Promise<HoursEngine> {
  return once(
    () => loadingLibrary,
    (p) => (loadingLibrary = p),
    () =>
      import('./engine.js').then((m) => {
        library = m.createHoursEngine();
        version++;
        return library;
      }),
  );
}

/**
 * Loads the small evaluator once per page (a few KB), with a feed's compiled hours and
 * patron days; the full opening_hours library (about 110 KB) only when a string of the
 * feed is neither compiled nor common enough for the small reader. Without a feed, both
 * (a page or test that evaluates strings of its own).
 */
export async function loadHoursEngine(feed?: Feed): Promise<HoursEngine> {
  const light = await loadLight();
  // Only what is new changes the version: a feed without compiled hours or patron days
  // read after the evaluator is loaded must not re-render every element of its group.
  if (feed?.hoursCompiled?.size) {
    light.addCompiled(feed.hoursCompiled);
    version++;
  }
  if (feed?.patronDays?.length) {
    light.addPatronDays(feed.patronDays);
    version++;
  }
  const strings = feed ? [...feedHours(feed)] : [];
  if (!feed || strings.some((h) => light.needsReader(h))) await loadLightWithReader();
  if (!library && (!feed || strings.some((h) => !light.handles(h)))) await loadLibrary();
  return light;
}

/** Whether a string is valid `opening_hours`: `pending` until the evaluator that can tell is loaded. */
export type HoursValidity = 'valid' | 'invalid' | 'pending';

/**
 * Checks a string an editor writes (the hub's hours builder), fetching no more than it
 * needs: the small evaluator reads the strings the builder writes; only a string it cannot
 * read fetches the full library. While something is on its way the answer is `pending`
 * and `ready` is called once it has arrived (ask again then).
 */
export function checkHoursString(hours: string, ready: () => void): HoursValidity {
  const light = engine;
  // The builder writes strings, not compiled forms: the reader of common strings judges them.
  if (!light || light.needsReader(hours)) {
    loadLightWithReader().then(ready, () => undefined);
    return 'pending';
  }
  if (light.handles(hours)) return 'valid';
  if (library) return library.isValid(hours) ? 'valid' : 'invalid';
  loadLibrary().then(ready, () => undefined);
  return 'pending';
}

/** Changes whenever what the evaluator knows changes (a feed's compiled hours and patron days, the full library). */
let version = 0;

/** The evaluator's version: words and states computed under another version may be stale (render caches key on it). */
export function hoursVersion(): number {
  return version;
}

/** True once the full opening_hours library is loaded (tests, the size check). */
export function hoursLibraryLoaded(): boolean {
  return library !== undefined;
}

/**
 * True while the full library or the reader of common strings is on its way: strings that
 * need it are not "invalid" yet.
 */
export function hoursLibraryPending(): boolean {
  return (loadingLibrary !== undefined && library === undefined) || (loadingReader !== undefined && !readerIn);
}

/**
 * The state now of an opening_hours string, in words ("Aperto ora, chiude alle 12:00").
 * Until the evaluator is loaded the status is `pending` and the text is the string as
 * written.
 */
export function describeHours(hours: string, lang: Lang, at?: Date, comune?: string): HoursSummary {
  return describer ? describer.describeHours(hours, lang, at, comune) : { status: 'pending', text: hours, hours };
}

/** The next seven days in words; undefined until the evaluator is loaded, or when unreadable. */
export function describeWeek(hours: string, lang: Lang, at?: Date, comune?: string): HoursDayText[] | undefined {
  return describer?.describeWeek(hours, lang, at, comune);
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
