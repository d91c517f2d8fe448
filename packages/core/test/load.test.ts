import { expect } from '@open-wc/testing';
import { FeedError, loadFeed } from '@welfare-elements/core';
import { fixtureUrl, requestsMade, resetAll } from './helpers.js';

describe('loadFeed', () => {
  beforeEach(resetAll);

  it('makes one request for several callers of the same URL', async () => {
    const url = fixtureUrl('feed.json');
    const [a, b, c] = await Promise.all([loadFeed(url), loadFeed(url), loadFeed(url)]);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    expect(a.feed.services).to.have.length(2);
    expect(await requestsMade(url)).to.equal(1);
  });

  for (const [name, url, code] of [
    ['HTTP 404', '/packages/core/test/fixtures/missing.json', 'http'],
    ['HTTP 500', '/__status/500', 'http'],
    ['invalid JSON', '/packages/core/test/fixtures/broken.json', 'json'],
    ['an unknown version', '/packages/core/test/fixtures/version-2.json', 'version'],
    ['a value that is not a feed', '/packages/core/test/fixtures/not-a-feed.json', 'format'],
    ['a network error', '/__drop', 'network'],
    // Another origin (127.0.0.1 against the page's localhost) failing while online: most often CORS.
    ['a failed request to another site', 'http://127.0.0.1:9/feed.json', 'cors'],
  ] as const) {
    it(`rejects with a FeedError on ${name}`, async () => {
      const error = await loadFeed(url).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(FeedError);
      expect((error as FeedError).code).to.equal(code);
    });
  }

  it('gives up after the timeout', async () => {
    const error = await loadFeed('/__slow/3000/packages/core/test/fixtures/feed.json?timeout', { timeout: 200 }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('timeout');
  });

  it('cancels the request when every caller aborts, and fetches again afterwards', async () => {
    const url = '/__slow/500/packages/core/test/fixtures/feed.json?abort';
    const one = new AbortController();
    const two = new AbortController();
    const first = loadFeed(url, { signal: one.signal }).catch((e: unknown) => e);
    const second = loadFeed(url, { signal: two.signal }).catch((e: unknown) => e);
    one.abort();
    two.abort();
    expect(await first).to.not.have.property('feed');
    expect(await second).to.not.have.property('feed');
    const again = await loadFeed(url);
    expect(again.feed.services).to.have.length(2);
  });

  it('keeps the request alive while one caller still waits', async () => {
    const url = '/__slow/300/packages/core/test/fixtures/feed.json?one-left';
    const leaving = new AbortController();
    const gone = loadFeed(url, { signal: leaving.signal }).catch((e: unknown) => e);
    const staying = loadFeed(url, { signal: new AbortController().signal });
    leaving.abort();
    expect(await gone).to.not.have.property('feed');
    expect((await staying).feed.services).to.have.length(2);
  });
});
