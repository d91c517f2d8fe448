/**
 * Elements that only some pages use are registered on demand: their code (the element
 * and everything it needs) is a separate chunk, fetched the first time the tag appears
 * in the document, so every other page's first load does not carry it.
 *
 * The page is looked at once when the bundle runs and then watched (a MutationObserver
 * on the document for added nodes) until every lazy tag is defined; after that nothing
 * watches. Tags inside another element's shadow root are not seen: the bundle's own
 * elements never nest these, and a framework that does can import the element's package.
 */
const LAZY: ReadonlyMap<string, () => Promise<unknown>> = new Map([
  // Issue 19: the mutual-aid board.
  ['welfare-mutual-aid', () => import('@welfare-elements/mutual-aid')],
]);

const waiting = new Set(LAZY.keys());

function load(tag: string): void {
  if (!waiting.delete(tag)) return;
  LAZY.get(tag)!().catch((error: unknown) => {
    // A failed fetch (offline for a moment): try again when such a tag is added next time.
    waiting.add(tag);
    console.warn(`[welfare-elements] could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of waiting) if (root.querySelector(tag)) load(tag);
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  // A tag defined already (another copy of the bundle, or the package imported) is left alone.
  for (const tag of LAZY.keys()) if (customElements.get(tag)) waiting.delete(tag);
  if (waiting.size) {
    scan(document);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const element = node as Element;
          if (waiting.has(element.localName)) load(element.localName);
          else if (element.firstElementChild) scan(element);
        }
      }
      if (!waiting.size) observer.disconnect();
    });
    if (waiting.size) observer.observe(document, { childList: true, subtree: true });
  }
}

export {};
