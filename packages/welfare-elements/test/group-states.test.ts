import { expect, fixture, html } from '@open-wc/testing';
import '@welfare-elements/access-points';
import '@welfare-elements/categories';
import '@welfare-elements/list';
import '@welfare-elements/map';
import '@welfare-elements/search';
import { requestsMade, resetAll, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

/**
 * The five elements of one group in their shared states (CONTRACT §3, issue 11 item 7):
 * a failed feed is announced once, by the first element of the group in the page, with
 * one "Riprova" that reloads the whole group; loading is said once too.
 */

type Loadable = HTMLElement & { updateComplete: Promise<boolean> };

/** The five elements, the list first in the page (not the first tag to be defined). */
async function group(src: string, lang = 'it') {
  const g = uniqueGroup();
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <welfare-list src=${src} group=${g}></welfare-list>
    <welfare-search src=${src} group=${g}></welfare-search>
    <welfare-categories src=${src} group=${g}></welfare-categories>
    <welfare-map src=${src} group=${g} tiles="none" style="--welfare-map-height: 200px"></welfare-map>
    <welfare-access-points src=${src} group=${g}></welfare-access-points>
  </div>`);
  return [...wrapper.children] as Loadable[];
}

const inShadow = (els: Loadable[], selector: string) => els.flatMap((el) => [...el.shadowRoot!.querySelectorAll(selector)]);
const alertsOf = (el: Loadable) => el.shadowRoot!.querySelectorAll('[role="alert"]').length;

describe('a group of five elements', () => {
  beforeEach(resetAll);

  it('announces a missing feed once: one alert and one "Riprova", in the first element; the others are quiet', async () => {
    // Listening before the elements exist: a 404 from the test server can arrive before
    // fixture() returns (WebKit), and an event fired then would be missed.
    const errors = new Set<EventTarget>();
    const onError = (e: Event) => errors.add(e.composedPath()[0]!);
    document.addEventListener('welfare-error', onError, true);
    const els = await group(`/__status/404?g=${uniqueGroup()}`);
    await Promise.all(els.map((el) => settled(el)));
    await Promise.all(els.map((el) => el.updateComplete));
    document.removeEventListener('welfare-error', onError, true);

    expect(els.filter((el) => errors.has(el)).length, 'every element fires welfare-error').to.equal(5);
    expect(els.map(alertsOf)).to.deep.equal([1, 0, 0, 0, 0]);
    const alert = els[0]!.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('non è disponibile');
    expect(inShadow(els, '[part~="retry"]')).to.have.length(1);
    for (const el of els.slice(1)) {
      const quiet = el.shadowRoot!.querySelector('[part~="unavailable"]');
      expect(quiet, el.localName).to.not.equal(null);
      expect(quiet!.textContent).to.contain('I servizi non sono disponibili');
      expect(quiet!.closest('[role="alert"], [role="status"], [aria-live]'), el.localName).to.equal(null);
    }
    for (const el of els) await expect(el).to.be.accessible();
  });

  it('"Riprova" reloads the feed once for the whole group', async () => {
    const src = `/__fail-once/${uniqueGroup()}?file=/packages/core/test/fixtures/feed.json`;
    const els = await group(src);
    await Promise.all(els.map((el) => settled(el)));
    expect(await requestsMade(src)).to.equal(1);
    const loads = new Set<Element>();
    for (const el of els) el.addEventListener('welfare-load', () => loads.add(el));
    (els[0]!.shadowRoot!.querySelector('[part~="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => loads.size === 5, 'every element loads after one click');
    expect(await requestsMade(src)).to.equal(2);
    await Promise.all(els.map((el) => el.updateComplete));
    expect(inShadow(els, '[role="alert"], [part~="unavailable"]')).to.have.length(0);
  });

  it('says "loading" once per group, and the search box is there at once', async () => {
    const els = await group(`/__slow/1500/packages/core/test/fixtures/feed.json?g=${uniqueGroup()}`);
    await Promise.all(els.map((el) => el.updateComplete));
    const said = inShadow(els, '[role="status"], [role="alert"], [aria-live]').filter((n) => n.textContent!.trim());
    expect(said).to.have.length(1);
    expect(said[0]!.textContent).to.contain('Caricamento dei servizi');
    expect(els[1]!.shadowRoot!.querySelector('input[role="combobox"]'), 'the search box before the feed').to.not.equal(null);
    for (const el of els) await expect(el).to.be.accessible();
    await Promise.all(els.map((el) => settled(el)));
  });

  it('in English too', async () => {
    const els = await group(`/__status/503?g=${uniqueGroup()}`, 'en');
    await Promise.all(els.map((el) => settled(el)));
    await Promise.all(els.map((el) => el.updateComplete));
    expect(els[0]!.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('not available');
    expect(els[0]!.shadowRoot!.querySelector('[part~="retry"]')!.textContent).to.equal('Try again');
    expect(els[3]!.shadowRoot!.querySelector('[part~="unavailable"]')!.textContent).to.contain('The services are not available');
  });
});

describe('a feed on another site that fails', () => {
  beforeEach(resetAll);
  // Another origin (127.0.0.1 against the test page's localhost) with nothing listening:
  // the browser reports it as a failed fetch, as it does for a refused CORS request.
  const elsewhere = () => `http://127.0.0.1:9/servizi.json?g=${uniqueGroup()}`;

  it('says it is most likely a setting of that server (CORS), not the connection, and tells the webmaster in the console once', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const src = elsewhere();
      const els = await group(src);
      const codes: string[] = [];
      for (const el of els) el.addEventListener('welfare-error', (e) => codes.push(e.detail.code ?? ''));
      await Promise.all(els.map((el) => settled(el)));
      await Promise.all(els.map((el) => el.updateComplete));
      const alert = els[0]!.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('CORS');
      expect(alert.textContent).to.contain('Non dipende dalla vostra connessione');
      const hints = warnings.filter((w) => w.includes('Access-Control-Allow-Origin') && w.includes(src));
      expect(hints).to.have.length(1);
      await expect(els[0]!).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('blames the connection when the browser is offline', async () => {
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      const els = await group(elsewhere());
      await Promise.all(els.map((el) => settled(el)));
      await Promise.all(els.map((el) => el.updateComplete));
      const alert = els[0]!.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Controllare la connessione');
      expect(alert.textContent).to.not.contain('CORS');
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
  });
});
