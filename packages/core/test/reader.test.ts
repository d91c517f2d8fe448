import { expect } from '@open-wc/testing';
import { FeedError, readFeed, romeToday, TEXT_LIMITS } from '@welfare-elements/core';
import { makeFeed, service } from './helpers.js';

describe('readFeed', () => {
  it("dates the feed by today's date in Rome, as YYYY-MM-DD in every engine", () => {
    // 23:30 UTC is already the next day in Rome. WebKit with older ICU data formatted
    // 'en-CA' as 12/02/2026, which hid every service with a validFrom date.
    expect(romeToday(new Date('2026-12-01T23:30:00Z'))).to.equal('2026-12-02');
    expect(romeToday(new Date('2026-07-01T21:59:00Z'))).to.equal('2026-07-01');
    const { feed } = readFeed(makeFeed([service('a', { validFrom: '2026-01-01' })]), { today: romeToday(new Date('2026-12-01T12:00:00Z')) });
    expect(feed.services.map((s) => s.id)).to.deep.equal(['a']);
  });

  it('skips entries that are not objects, lack id or name, or repeat an id, and keeps the rest', () => {
    const result = readFeed(
      makeFeed([
        'not an object',
        null,
        42,
        [],
        service('ok-1'),
        { name: 'no id' },
        { id: 'no-name' },
        service('ok-1', { name: 'same id again' }),
        service('ok-2'),
      ]),
      { today: '2026-11-23' },
    );
    expect(result.feed.services.map((s) => s.id)).to.deep.equal(['ok-1', 'ok-2']);
    expect(result.skipped).to.equal(7);
    expect(result.feed.services[0]!.name['it']).to.equal('Servizio ok-1');
    const reasons = result.issues.map((i) => i.reason).join('\n');
    expect(reasons).to.contain('not an object');
    expect(reasons).to.contain('missing "id"');
    expect(reasons).to.contain('missing "name"');
    expect(reasons).to.contain('repeated id "ok-1"');
  });

  it('keeps a service with wrong coordinates but without a map position', () => {
    const result = readFeed(
      makeFeed([
        service('strings', { locations: [{ comune: 'Lodi', lat: '45.3', lon: '9.5' }] }),
        service('range', { locations: [{ comune: 'Lodi', lat: 145.3, lon: 9.5 }] }),
        service('nan', { locations: [{ comune: 'Lodi', lat: Number.NaN, lon: 9.5 }] }),
        service('good'),
      ]),
      { today: '2026-11-23' },
    );
    expect(result.skipped).to.equal(0);
    const [strings, range, nan, good] = result.feed.services;
    expect(strings!.locations[0]!.position).to.equal(undefined);
    expect(strings!.locations[0]!.comune).to.equal('Lodi');
    expect(range!.locations[0]!.position).to.equal(undefined);
    expect(nan!.locations[0]!.position).to.equal(undefined);
    expect(good!.locations[0]!.position).to.deep.equal({ lat: 45.3138, lon: 9.5018 });
    expect(result.issues.filter((i) => i.reason.includes('coordinates'))).to.have.length(3);
  });

  it('removes websites that are not http(s) and keeps the service', () => {
    const result = readFeed(
      makeFeed([
        service('js', { website: 'javascript:alert(1)' }),
        service('mixed', { website: ' JaVaScRiPt:alert(1)' }),
        service('data', { website: 'data:text/html,<script>alert(1)</script>' }),
        service('ok', { website: 'https://www.caritaslodigiana.it/' }),
      ]),
      { today: '2026-11-23' },
    );
    expect(result.feed.services.map((s) => s.website)).to.deep.equal([
      undefined,
      undefined,
      undefined,
      'https://www.caritaslodigiana.it/',
    ]);
  });

  it('ignores a validity date that is no real day (2026-13-45), says so, and shows the service', () => {
    const result = readFeed(
      makeFeed([
        service('bad-from', { validFrom: '2026-13-45' }),
        service('bad-through', { validThrough: '2026-02-30' }),
        service('leap-day', { validFrom: '2024-02-29' }),
      ]),
      { today: '2026-11-23' },
    );
    expect(result.feed.services.map((s) => s.id)).to.deep.equal(['bad-from', 'bad-through', 'leap-day']);
    expect(result.feed.services[0]!.validFrom).to.equal(undefined);
    expect(result.feed.services[2]!.validFrom).to.equal('2024-02-29');
    expect(result.hidden).to.equal(0);
    const issues = result.issues.map((i) => `${i.path}: ${i.reason}`);
    expect(issues).to.include('$.services[0].validFrom: validFrom is not a date (YYYY-MM-DD); ignored');
    expect(issues).to.include('$.services[1].validThrough: validThrough is not a date (YYYY-MM-DD); ignored');
    expect(result.issues.every((i) => !i.dropped)).to.be.true;
  });

  it('hides services outside their validity window, in Europe/Rome dates', () => {
    const result = readFeed(
      makeFeed([
        service('expired', { validThrough: '2026-11-22' }),
        service('last-day', { validThrough: '2026-11-23' }),
        service('future', { validFrom: '2026-11-24' }),
        service('first-day', { validFrom: '2026-11-23T00:00:00+01:00' }),
      ]),
      { today: '2026-11-23' },
    );
    expect(result.feed.services.map((s) => s.id)).to.deep.equal(['last-day', 'first-day']);
    expect(result.hidden).to.equal(2);
    expect(result.skipped).to.equal(0);
  });

  it('cuts a 1 MB description and keeps the service', () => {
    const huge = 'a'.repeat(1024 * 1024);
    const result = readFeed(makeFeed([service('big', { description: huge })]), { today: '2026-11-23' });
    const text = result.feed.services[0]!.description!['it']!;
    expect(text.length).to.equal(TEXT_LIMITS.description);
    expect(text.endsWith('…')).to.equal(true);
  });

  it('reads multilingual text and derives comuni and audiences', () => {
    const result = readFeed(
      makeFeed([
        service('a', { name: { it: 'Casa', en: 'Housing', '<bad>': 'x' }, audiences: ['giovani', 'donne'] }),
        service('b', { audiences: ['anziani'], locations: [{ comune: 'Codogno' }] }),
      ]),
      { today: '2026-11-23' },
    );
    expect(result.feed.services[0]!.name).to.deep.equal({ it: 'Casa', en: 'Housing' });
    expect(result.feed.comuni).to.deep.equal(['Codogno', 'Lodi']);
    expect(result.feed.audiences).to.deep.equal(['anziani', 'donne', 'giovani']);
    expect(result.feed.hasHours).to.equal(false);
  });

  it('refuses a value that is not a feed, or another version', () => {
    expect(() => readFeed([1, 2])).to.throw(FeedError).with.property('code', 'format');
    expect(() => readFeed({ version: 2 })).to.throw(FeedError).with.property('code', 'version');
    expect(() => readFeed({ services: [] })).to.throw(FeedError).with.property('code', 'version');
  });
});
