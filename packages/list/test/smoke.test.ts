import { expect, fixture, html } from '@open-wc/testing';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import { feedBlobUrl, makeFeed, resetAll, service, settled } from '../../core/test/helpers.js';

describe('smoke', () => {
  beforeEach(resetAll);
  it('renders services', async () => {
    const src = feedBlobUrl(makeFeed([service('a'), service('b')]));
    const el = await fixture<WelfareList>(html`<welfare-list src=${src}></welfare-list>`);
    await settled(el);
    expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });
});
