import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Lang = 'it' | 'en';

/** `en`, `en-GB` → en; anything else → it (CONTRACT §2 `lang`). */
export function toLang(value: string | null | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'it' || v.startsWith('it-')) return 'it';
  return undefined;
}

/** The element's own `lang`, else the nearest ancestor's, else the document's, else it. */
export function resolveLang(el: Element): Lang {
  for (let node: Element | null = el; node; ) {
    const lang = toLang(node.getAttribute('lang'));
    if (lang) return lang;
    if (node.hasAttribute('lang')) break; // a lang we do not speak: fall back to Italian
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return 'it';
}

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a CMS may switch `lang` on <html> at run time. */
function watchLang(listener: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps `lang` in step with the element's and its ancestors' `lang` attributes. */
export class LangController implements ReactiveController {
  lang: Lang = 'it';
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.lang = resolveLang(this.host);
    this.stop = watchLang(() => {
      const lang = resolveLang(this.host);
      if (lang !== this.lang) {
        this.lang = lang;
        this.host.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    this.stop?.();
  }
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** 50000 → "50.000" (it) or "50,000" (en). */
export function formatNumber(value: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB')));
  return f.format(value);
}

/** Picks "1 servizio" or "N servizi" with the language's plural rules. */
export function plural(lang: Lang, count: number, one: string, other: string): string {
  return `${formatNumber(count, lang)} ${count === 1 ? one : other}`;
}
