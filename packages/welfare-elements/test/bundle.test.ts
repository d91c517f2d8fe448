import { expect, fixture, html, waitUntil } from '@open-wc/testing';

/**
 * The built one-script-tag bundle (CONTRACT §1). `npm test` builds before testing;
 * this file imports the real dist file, not the sources.
 */
const BUNDLE = '/packages/welfare-elements/dist/welfare-elements.js';
const TAGS = ['welfare-search', 'welfare-categories', 'welfare-list', 'welfare-map', 'welfare-access-points', 'welfare-notices'];

describe('welfare-elements bundle', () => {
  it('registers each element once its tag is in the page', async () => {
    await import(/* @vite-ignore */ BUNDLE);
    // Each element's code is its own chunk, fetched when the page first has the tag.
    const box = document.createElement('div');
    box.append(...TAGS.map((tag) => document.createElement(tag)));
    document.body.append(box);
    try {
      const defined = TAGS.map((tag) => customElements.whenDefined(tag));
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('not defined within 5 s')), 5000));
      await Promise.race([Promise.all(defined), timeout]);
      for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);
    } finally {
      box.remove();
    }
  });

  it('loads every element on request, for tags it cannot see (inside another shadow root)', async () => {
    const bundle = (await import(/* @vite-ignore */ BUNDLE)) as { loadElements: () => Promise<void> };
    await bundle.loadElements();
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  it('can be loaded twice without throwing or warning when the version is the same', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const first = customElements.get('welfare-list');
      await import(/* @vite-ignore */ `${BUNDLE}?copy=2`);
      await import(/* @vite-ignore */ `${BUNDLE}?copy=3`);
      expect(customElements.get('welfare-list')).to.equal(first);
      expect(warnings.filter((w) => String(w[0]).includes('already defined'))).to.have.length(0);
    } finally {
      console.warn = warn;
    }
  });

  it('leaves a tag defined by another version alone and warns once', async () => {
    const bundle = (await import(/* @vite-ignore */ BUNDLE)) as {
      defineElement: (tag: string, ctor: CustomElementConstructor & { version?: string }) => void;
    };
    const first = customElements.get('welfare-list');
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Newer extends HTMLElement {
        static version = '9.9.9';
      }
      expect(() => bundle.defineElement('welfare-list', Newer)).to.not.throw();
      expect(() => bundle.defineElement('welfare-list', Newer)).to.not.throw();
      expect(customElements.get('welfare-list')).to.equal(first);
      const ours = warnings.filter((w) => String(w[0]).includes('<welfare-list> is already defined'));
      expect(ours).to.have.length(1);
      expect(String(ours[0]![0])).to.contain('9.9.9');
    } finally {
      console.warn = warn;
    }
  });

  it('shows the demo feed in a list from the bundle alone', async () => {
    await import(/* @vite-ignore */ BUNDLE);
    const el = await fixture<HTMLElement>(html`<welfare-list src="/examples/data/servizi.json"></welfare-list>`);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part~="item"]').length, 'the list shows services', {
      timeout: 5000,
    });
    const count = el.shadowRoot!.querySelector('[part="count"]')!.textContent!;
    expect(count).to.match(/^\d+ servizi$/);
    expect(Number.parseInt(count, 10)).to.be.greaterThan(20);
  });
});
