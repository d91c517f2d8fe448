import { expect, fixture, html } from '@open-wc/testing';
import { ChunkController, lazyChunk, WelfareElement } from '@welfare-elements/core';
import { feedBlobUrl, makeFeed, resetAll, service, waitUntil } from './helpers.js';

/**
 * A part of an element fetched on demand (the notices board, the mutual-aid board, the map
 * engine) that fails to arrive: a phone that lost its signal for a moment. The element says
 * so with a "Riprova", and Riprova fetches that part again: before, the failure was kept
 * for the life of the page and Riprova reloaded only the feed.
 */
let attempts = 0;
let failNext = true;
const chunk = lazyChunk(async () => {
  attempts++;
  if (failNext) {
    failNext = false;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return { greeting: 'Il pannello è arrivato' };
});

class ChunkProbe extends WelfareElement {
  private readonly panel = new ChunkController(this, chunk);

  override render() {
    return this.renderState(() => {
      if (this.panel.failed) return this.renderChunkError(this.panel);
      const loaded = this.panel.module;
      return loaded ? html`<p class="arrived">${loaded.greeting}</p>` : this.renderLoading();
    });
  }
}
customElements.define('chunk-probe', ChunkProbe);

describe('a lazy part of an element', () => {
  beforeEach(resetAll);

  it('that failed to arrive is said, and "Riprova" fetches it again', async () => {
    const el = await fixture<ChunkProbe>(html`<chunk-probe src=${feedBlobUrl(makeFeed([service('casa-lodi')]))}></chunk-probe>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[role="alert"]'), 'no alert for the part that did not arrive');
    expect(root.querySelector('[role="alert"] p')!.textContent).to.equal('Non è stato possibile scaricare questa parte della pagina. Controllare la connessione e riprovare.');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button[part~="retry"]')!.click();
    await waitUntil(() => root.querySelector('.arrived'), 'Riprova did not fetch the part again');
    expect(root.querySelector('.arrived')!.textContent).to.equal('Il pannello è arrivato');
    expect(root.querySelector('[role="alert"]')).to.be.null;
    expect(attempts).to.equal(2);
    // Arrived once, it is not fetched again by another element.
    const other = await fixture<ChunkProbe>(html`<chunk-probe src=${feedBlobUrl(makeFeed([service('casa-lodi')]))}></chunk-probe>`);
    await waitUntil(() => other.shadowRoot!.querySelector('.arrived'), 'the second element did not show the part');
    expect(attempts).to.equal(2);
  });
});
