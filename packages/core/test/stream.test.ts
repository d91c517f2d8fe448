import { expect } from '@open-wc/testing';
import { FeedError, loadFeed, readFeed } from '@welfare-elements/core';
// Not exported by the package: the bundle loads it as a lazy chunk with the feed.
import { FeedSplitter } from '../src/feed/stream.js';
import { resetAll } from './helpers.js';

/** Splits `text` into pieces of `size` characters, returns what JSON.parse would have given. */
function splitInPieces(text: string, size: number): { value: unknown; begins: number } {
  const services: unknown[] = [];
  let begins = 0;
  const splitter = new FeedSplitter({
    beginServices: () => {
      begins++;
      services.length = 0;
    },
    addServices: (entries) => services.push(...entries),
  });
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  const value = splitter.end() as { services?: unknown };
  // The envelope comes back with "services" emptied; the entries came through the sink.
  if (begins) value.services = services;
  return { value, begins };
}

const SIZES = [1, 2, 3, 7, 64, 1_000_000];

describe('FeedSplitter (a feed read while it downloads)', () => {
  const valid = [
    '{"version":1,"services":[]}',
    '{ "version" : 1 , "services" : [ { "id" : "a" } , { "id" : "b" } ] , "notices" : [ ] }',
    '{"services":[1,2,"a\\"b]",{"x":[1,{"y":"]}\\\\"}]},null,true,-0.5e3]}',
    '{"title":"\\"services\\": [1]","services":[{"name":"é ✓ 🤖 \\u00e8"}]}',
    '{"a":{"services":[1,2]},"services":[3]}',
    '{"services":{"a":1}}',
    '{"services":"[1,2]"}',
    '{"services":[1],"services":[2,3]}',
    '{"\\u0073ervices":[1]}',
    '[{"services":[1]}]',
    '"just a string"',
  ];
  for (const text of valid) {
    it(`gives what JSON.parse gives, cut anywhere: ${text.slice(0, 40)}`, () => {
      for (const size of SIZES) {
        expect(splitInPieces(text, size).value, `pieces of ${size}`).to.deep.equal(JSON.parse(text));
      }
    });
  }

  it('hands the entries of "services" over before the end of the text', () => {
    const entries = Array.from({ length: 10000 }, (_, i) => ({ id: `s${i}`, name: `Servizio ${i}` }));
    const text = JSON.stringify({ version: 1, services: entries, notices: [] });
    let seenBeforeEnd = 0;
    const splitter = new FeedSplitter({ beginServices() {}, addServices: (e) => (seenBeforeEnd += e.length) });
    for (let i = 0; i < text.length - 100; i += 4096) splitter.push(text.slice(i, Math.min(i + 4096, text.length - 100)));
    expect(seenBeforeEnd).to.be.greaterThan(8000);
  });

  const broken = [
    '{"services":[1,,2]}',
    '{"services":[,1]}',
    '{"services":[1,]}',
    '{"services":[1 2]}',
    '{"services":[{} {}]}',
    '{"services":[{"a":1}]',
    '{"services":[{"a":"open',
    '{"version":1,"services":[]',
    '',
  ];
  for (const text of broken) {
    it(`refuses broken JSON, as JSON.parse does: ${JSON.stringify(text)}`, () => {
      expect(() => JSON.parse(text)).to.throw(SyntaxError);
      for (const size of SIZES) {
        expect(() => splitInPieces(text, size), `pieces of ${size}`).to.throw(SyntaxError);
      }
    });
  }
});

describe('loadFeed reads a feed that arrives in pieces', () => {
  beforeEach(resetAll);

  for (const file of ['/examples/data/servizi.json', '/examples/data/servizi-hostile.json']) {
    it(`reads ${file} the same as in one piece`, async () => {
      const whole = readFeed(await (await fetch(file)).json());
      const streamed = await loadFeed(`/__trickle/997${file}`);
      expect(streamed.feed).to.deep.equal(whole.feed);
      expect(streamed.issues).to.deep.equal(whole.issues);
      expect(streamed.feed.services.length).to.be.greaterThan(5);
    });
  }

  it('rejects a feed broken in the middle of its services with a "json" FeedError', async () => {
    const error = await loadFeed('/__trickle/50/packages/core/test/fixtures/broken-in-services.json').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('json');
  });

  it('gives up on a feed that stops arriving, with a "timeout" FeedError', async () => {
    // 40-byte pieces of a 64 KB feed: it would take far longer than the 150 ms allowed.
    const error = await loadFeed('/__trickle/40/examples/data/servizi.json?slow', { timeout: 150 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('timeout');
  });
});
