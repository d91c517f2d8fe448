import { expect } from '@open-wc/testing';
import { GroupStore, loadHoursEngine, type Notice, readFeed, setClock, stringsReady } from '@welfare-elements/core';
import { closureWords, noticeWhen } from '@welfare-elements/core/notices/lazy.js';
import { makeFeed, resetAll, service, waitUntil } from './helpers.js';

const TODAY = '2026-12-01';
const points = [{ id: 'ap-1', name: 'Sportello', comune: 'Codogno' }];
const read = (notices: unknown[], services: unknown[] = [service('svc-1'), service('svc-2')]) =>
  readFeed(makeFeed(services, { accessPoints: points, notices }), { today: TODAY });

/** A notice as the reader gives it, with only the fields a test cares about. */
const notice = (fields: Partial<Notice>): Notice => ({ kind: 'news', text: { it: 'Testo' }, services: [], accessPoints: [], categories: [], ...fields });

describe('notices in the feed reader', () => {
  it('keeps a notice with only id and text as news, with no dates', () => {
    const { feed, skipped } = read([{ id: 'n1', text: 'Sportelli aperti anche il sabato.' }]);
    expect(skipped).to.equal(0);
    expect(feed.notices).to.deep.equal([
      { id: 'n1', kind: 'news', text: { it: 'Sportelli aperti anche il sabato.' }, services: [], accessPoints: [], categories: [] },
    ]);
  });

  it('reads every field: title, multilingual text, dates, kind, ids, organisation, comune, categories, link, hours', () => {
    const { feed, issues } = read([
      {
        id: 7,
        kind: 'closure',
        title: { it: 'Chiusura natalizia', en: 'Christmas closure' },
        text: { it: 'Lo sportello è chiuso.', en: 'The desk is closed.' },
        date: '2026-11-20',
        validFrom: '2026-12-24',
        validThrough: '2027-01-06T18:00:00+01:00',
        services: ['svc-1'],
        accessPoints: ['ap-1'],
        organization: 'caritas',
        comune: 'Lodi',
        categories: ['casa'],
        link: 'https://example.org/natale',
        hours: 'Mo-Fr 09:00-12:00',
      },
    ]);
    expect(issues).to.deep.equal([]);
    expect(feed.notices[0]).to.deep.equal({
      id: '7',
      kind: 'closure',
      title: { it: 'Chiusura natalizia', en: 'Christmas closure' },
      text: { it: 'Lo sportello è chiuso.', en: 'The desk is closed.' },
      date: '2026-11-20',
      validFrom: '2026-12-24',
      validThrough: '2027-01-06',
      services: ['svc-1'],
      accessPoints: ['ap-1'],
      organization: 'caritas',
      comune: 'Lodi',
      categories: ['casa'],
      link: 'https://example.org/natale',
      hours: 'Mo-Fr 09:00-12:00',
    });
    expect(feed.hasHours).to.equal(true);
  });

  it('skips bad notices with a reason and loses nothing else', () => {
    const result = read([
      { id: 'kind', kind: 'chiusura', text: 'Tipo sconosciuto' },
      { id: 'reversed', kind: 'event', text: 'Date invertite', validFrom: '2026-12-10', validThrough: '2026-12-01' },
      { id: 'nowhere', kind: 'closure', text: 'Chiude un servizio che non esiste', services: ['svc-404'] },
      { id: 'empty' },
      'not an object',
      { id: 'ok', text: 'Buono' },
    ]);
    expect(result.feed.notices.map((n) => n.id)).to.deep.equal(['ok']);
    expect(result.feed.services).to.have.length(2);
    expect(result.feed.accessPoints).to.have.length(1);
    expect(result.skipped).to.equal(5);
    const reasons = result.issues.map((i) => `${i.path} ${i.reason}`).join('\n');
    expect(reasons).to.contain('$.notices[0] unknown notice kind "chiusura"');
    expect(reasons).to.contain('$.notices[1] validFrom 2026-12-10 is after validThrough 2026-12-01');
    expect(reasons).to.contain('$.notices[2] closure of services or access points the feed does not have');
    expect(reasons).to.contain('$.notices[3] notice without text');
  });

  it('removes unknown ids, a link that is not http(s) and unreadable dates, and keeps the notice', () => {
    const result = read([
      {
        id: 'mixed', kind: 'closure', text: 'Chiuso', services: ['svc-1', 'svc-404'], accessPoints: ['ap-9'],
        link: 'javascript:alert(1)', date: 'ieri', validThrough: '2026-12-31',
      },
      { id: 'news', text: 'Notizia', services: ['svc-404'] },
    ]);
    expect(result.skipped).to.equal(0);
    const [mixed, news] = result.feed.notices;
    expect(mixed!.services).to.deep.equal(['svc-1']);
    expect(mixed!.accessPoints).to.deep.equal([]);
    expect(mixed!.link).to.equal(undefined);
    expect(mixed!.date).to.equal(undefined);
    expect(mixed!.validThrough).to.equal('2026-12-31');
    expect(news!.services).to.deep.equal([]);
    const reasons = result.issues.map((i) => `${i.path} ${i.reason}`);
    expect(reasons).to.include('$.notices[0].services unknown service ids "svc-404"; removed');
    expect(reasons).to.include('$.notices[0].accessPoints unknown access point ids "ap-9"; removed');
    expect(reasons).to.include('$.notices[0].link link is not an http(s) URL; removed');
    expect(reasons).to.include('$.notices[0].date date is not a date (YYYY-MM-DD); removed');
  });

  it('lets a notice name a service hidden by its own validity window', () => {
    const { feed, skipped } = read(
      [{ id: 'n', kind: 'closure', text: 'Chiuso', services: ['old'] }],
      [service('old', { validThrough: '2026-01-31' })],
    );
    expect(skipped).to.equal(0);
    expect(feed.notices[0]!.services).to.deep.equal(['old']);
  });

  it('reads a notice given only a title, and old feeds whose notices have only text', () => {
    const { feed } = read([{ title: 'Solo titolo' }, { text: { en: 'Only English' } }]);
    expect(feed.notices.map((n) => n.text)).to.deep.equal([{ it: 'Solo titolo' }, { en: 'Only English' }]);
    expect(feed.notices[0]!.title).to.equal(undefined);
  });
});

describe('notice dates in words', () => {
  // The English words are fetched as a page in English would (i18n/dictionary.ts).
  before(() => stringsReady('en'));

  it('says how long a closure lasts, in Italian and English', () => {
    const closure = notice({ kind: 'closure', validFrom: '2026-11-30', validThrough: '2027-01-06' });
    expect(noticeWhen(closure, 'it', TODAY)).to.equal('Chiuso fino al 6 gennaio');
    expect(noticeWhen(closure, 'en', TODAY)).to.equal('Closed until 6 January');
    expect(noticeWhen({ ...closure, hours: 'Mo 09:00-12:00', validThrough: '2026-12-08' }, 'it', TODAY)).to.equal("Orari ridotti fino all'8 dicembre");
    expect(noticeWhen({ ...closure, validThrough: '2026-12-02' }, 'it', TODAY)).to.equal('Chiuso fino a domani');
    expect(closureWords({ notice: closure, until: TODAY }, 'it', TODAY)).to.equal('Chiuso oggi');
    expect(noticeWhen({ ...closure, validFrom: '2026-12-24' }, 'it', TODAY)).to.equal('Chiuso dal 24 dicembre al 6 gennaio');
    expect(noticeWhen({ ...closure, validFrom: '2026-12-24' }, 'en', TODAY)).to.equal('Closed from 24 December to 6 January');
    expect(noticeWhen(notice({ kind: 'closure' }), 'it', TODAY)).to.equal('Chiuso');
  });

  it('counts down to a deadline', () => {
    const deadline = (validThrough: string) => notice({ kind: 'deadline', validThrough });
    expect(noticeWhen(deadline('2026-12-01'), 'it', TODAY)).to.equal('Scade oggi');
    expect(noticeWhen(deadline('2026-12-02'), 'it', TODAY)).to.equal('Scade domani');
    expect(noticeWhen(deadline('2026-12-04'), 'it', TODAY)).to.equal('Scade tra 3 giorni, il 4 dicembre');
    expect(noticeWhen(deadline('2026-12-04'), 'en', TODAY)).to.equal('Deadline in 3 days, 4 December');
    expect(noticeWhen(deadline('2027-01-31'), 'it', TODAY)).to.equal('Scade il 31 gennaio');
    expect(noticeWhen(deadline('2026-12-11'), 'it', TODAY)).to.equal("Scade l'11 dicembre");
    expect(noticeWhen(deadline('2027-09-01'), 'it', TODAY)).to.equal('Scade il 1º settembre 2027');
  });

  it('says when an event happens', () => {
    expect(noticeWhen(notice({ kind: 'event', validFrom: '2026-12-02' }), 'it', TODAY)).to.equal('Domani');
    expect(noticeWhen(notice({ kind: 'event', validFrom: '2026-12-12' }), 'it', TODAY)).to.equal('Il 12 dicembre');
    expect(noticeWhen(notice({ kind: 'event', validFrom: '2026-12-12', validThrough: '2026-12-14' }), 'it', TODAY)).to.equal('Dal 12 al 14 dicembre');
    expect(noticeWhen(notice({ kind: 'event', validFrom: '2026-11-28', validThrough: '2026-12-03' }), 'en', TODAY)).to.equal('Until 3 December');
    expect(noticeWhen(notice({ kind: 'news', validFrom: '2026-12-08' }), 'it', TODAY)).to.equal("Dall'8 dicembre");
    expect(noticeWhen(notice({ kind: 'news' }), 'it', TODAY)).to.equal('');
  });
});

describe('closures in the group store', () => {
  const HOURS = 'Mo-Fr 09:00-12:30';
  async function storeWith(notices: unknown[]) {
    const store = new GroupStore('closures');
    store.setSource(
      makeFeed([service('svc-1', { hours: HOURS }), service('svc-2', { hours: HOURS }), service('svc-3', { hours: HOURS })], {
        accessPoints: [{ id: 'ap-1', name: 'Sportello', hours: HOURS }],
        notices,
      }),
    );
    // Closures apply once the notices chunk is loaded, just after the feed.
    await waitUntil(() => store.status === 'ready' && (store as unknown as { closures?: object }).closures !== undefined);
    return store;
  }
  before(() => loadHoursEngine());
  afterEach(resetAll);

  it('"Aperto ora" leaves out a closed service from the first day of the closure to the last', async () => {
    const store = await storeWith([
      { kind: 'closure', text: 'Chiuso', services: ['svc-1'], accessPoints: ['ap-1'], validFrom: '2026-12-02', validThrough: '2026-12-04' },
      { kind: 'closure', text: 'Ridotto', services: ['svc-2'], hours: 'Mo-Fr 09:00-10:00', validFrom: '2026-12-02', validThrough: '2026-12-04' },
    ]);
    const open = () => store.results.map((s) => s.id);
    store.update({ openNow: true });
    setClock(new Date('2026-12-01T10:30:00+01:00')); // Tuesday, the day before
    store.update({ openNow: false });
    store.update({ openNow: true });
    expect(open()).to.deep.equal(['svc-1', 'svc-2', 'svc-3']);
    expect(store.closureOf('svc-1')).to.equal(undefined);

    setClock(new Date('2026-12-02T00:00:00+01:00'));
    expect(store.closureOf('svc-1')!.until).to.equal('2026-12-04');
    expect(store.closureOf('ap-1')!.hours).to.equal(undefined);
    setClock(new Date('2026-12-02T09:30:00+01:00')); // first day, inside the reduced hours
    store.update({ openNow: false });
    store.update({ openNow: true });
    expect(open()).to.deep.equal(['svc-2', 'svc-3']);
    setClock(new Date('2026-12-04T10:30:00+01:00')); // last day, after the reduced hours
    store.update({ openNow: false });
    store.update({ openNow: true });
    expect(open()).to.deep.equal(['svc-3']);
    expect(store.closureOf('svc-2')!.hours).to.equal('Mo-Fr 09:00-10:00');

    setClock(new Date('2026-12-05T00:00:00+01:00')); // the day after: over
    expect(store.closureOf('svc-1')).to.equal(undefined);
    setClock(new Date('2026-12-07T10:30:00+01:00')); // Monday
    store.update({ openNow: false });
    store.update({ openNow: true });
    expect(open()).to.deep.equal(['svc-1', 'svc-2', 'svc-3']);
  });

  it('prefers a full closure to reduced hours when two overlap', async () => {
    const store = await storeWith([
      { kind: 'closure', text: 'Ridotto', services: ['svc-1'], hours: 'Mo 09:00-10:00', validThrough: '2026-12-31' },
      { kind: 'closure', text: 'Chiuso', services: ['svc-1'], validFrom: '2026-12-10', validThrough: '2026-12-12' },
    ]);
    setClock(new Date('2026-12-09T12:00:00+01:00'));
    expect(store.closureOf('svc-1')!.hours).to.equal('Mo 09:00-10:00');
    setClock(new Date('2026-12-11T12:00:00+01:00'));
    expect(store.closureOf('svc-1')!.notice.text['it']).to.equal('Chiuso');
  });

  it('lists current and upcoming notices newest first, within the group\'s scope', async () => {
    const store = await storeWith([
      { id: 'old', text: 'Scaduta', date: '2026-10-01', validThrough: '2026-11-30' },
      { id: 'a', text: 'A', date: '2026-11-10' },
      { id: 'b', text: 'B', date: '2026-11-25', comune: 'Codogno' },
      { id: 'c', kind: 'event', text: 'C', validFrom: '2026-12-12', categories: ['cibo'] },
      { id: 'd', text: 'D', organization: 'comune-lodi' },
    ]);
    setClock(new Date('2026-12-01T12:00:00+01:00'));
    const ids = () => store.notices().map((n) => n.id);
    expect(ids()).to.deep.equal(['c', 'b', 'a', 'd']);
    store.update({ comune: 'Lodi' });
    expect(ids()).to.deep.equal(['c', 'a', 'd']);
    store.update({ comune: '', categories: ['casa'] });
    expect(ids()).to.deep.equal(['b', 'a', 'd']);
    store.update({ categories: [] });
    store.setOrganization('comune-lodi');
    expect(ids()).to.deep.equal(['d']);
  });
});
