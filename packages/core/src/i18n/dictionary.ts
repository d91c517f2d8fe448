import type { Lang } from './lang.js';

/**
 * Strings in two languages, the English ones fetched only by pages that speak English
 * (issue 14: every page used to carry both, about 2.4 KB gzip of English on an Italian
 * planning page). Each `x.strings.ts` keeps its Italian beside the code and names its
 * English module (`x.strings.en.ts`), reached by a dynamic `import()`: an npm import of
 * one package fetches its own English modules; the bundle groups them all in one chunk
 * (rollup.config.mjs `englishInOneChunk`), so an English page fetches one file more.
 */
export interface Dictionary<T> {
  readonly it: T;
  /** The English strings once fetched; the Italian ones before, or if the fetch failed. */
  readonly en: T;
}

type Module = Readonly<Record<string, unknown>>;

/** The English modules fetched so far (in the bundle: one, holding every dictionary). */
const fetched: Module[] = [];
/** Per dictionary: undefined once its English is there (or could not be), else the wait for it. */
const waits: (() => Promise<void> | undefined)[] = [];
let englishWanted = false;

/**
 * `it`, and the English strings exported as `name` by the module `fetch` imports. The
 * English module's type must be the Italian one's: a missing key is a compile error.
 * Closures rather than a class, so the minifier can shorten every name (first load).
 */
export function dictionary<T, K extends string>(it: T, name: K, fetch: () => Promise<Readonly<Record<K, NoInfer<T>>>>): Dictionary<T> {
  let english: T | undefined;
  let loading: Promise<void> | undefined;
  // In the bundle every English module is in the one chunk an earlier dictionary already
  // fetched: a dictionary of a chunk loaded later (the map's engine) finds its strings
  // there at once, with no fetch and no render in Italian first.
  const found = () => (english ??= fetched.find((m) => name in m)?.[name] as T | undefined);
  waits.push(() =>
    found()
      ? undefined
      : (loading ??= fetch().then(
          (m) => void fetched.push(m),
          (error: unknown) => {
            // A failed fetch (offline, a chunk of an older deploy) leaves the element in
            // Italian rather than blank: `en` answers with the Italian strings from now on.
            english = it;
            console.warn('[welfare-elements] English texts not downloaded; showing Italian.', error);
          },
        )),
  );
  return {
    it,
    get en() {
      return found() ?? it;
    },
  };
}

/**
 * Gives the dictionaries an English module at once, for code that cannot wait for a
 * fetch (the feed tool writing an English RSS channel in Node imports it statically).
 */
export function provideStrings(english: Module): void {
  fetched.push(english);
}

/**
 * Resolves when the strings of `lang` are there for every dictionary loaded so far
 * (never rejects: a failed fetch falls back to Italian); undefined when nothing is
 * missing, so callers need not wait a microtask.
 */
export function stringsReady(lang: Lang): Promise<void> | undefined {
  if (lang !== 'en') return undefined;
  englishWanted = true;
  const missing = waits.map((wait) => wait()).filter((wait) => wait);
  return missing.length ? Promise.all(missing).then(() => undefined) : undefined;
}

/**
 * Runs `update` (an element's lit `scheduleUpdate`) once the strings of `lang` are there,
 * so an element in English never renders Italian first, `updateComplete` means "rendered
 * in its language", and a switch of `lang` at run time re-renders once they arrive.
 */
export function afterStrings(lang: Lang, update: () => void | Promise<unknown>): void | Promise<unknown> {
  const waiting = stringsReady(lang);
  return waiting ? waiting.then(update) : update();
}

/** Once a page speaks English, a chunk fetched later waits for its own English strings too. */
export function pendingStrings(): Promise<void> | undefined {
  return englishWanted ? stringsReady('en') : undefined;
}
