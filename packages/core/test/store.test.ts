import { expect } from '@open-wc/testing';
import { GroupStore, type StoreChange } from '@welfare-elements/core';
import { feedBlobUrl, makeFeed, resetAll, service, waitUntil } from './helpers.js';

async function storeWith(services: unknown[], extra: Record<string, unknown> = {}) {
  const store = new GroupStore('test');
  store.setSource(makeFeed(services, extra));
  await store.whenLoaded();
  await waitUntil(() => store.status === 'ready');
  return store;
}

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

describe('GroupStore', () => {
  beforeEach(resetAll);

  it('orders services by name in Italian when nothing else orders them', async () => {
    const store = await storeWith([
      service('z', { name: 'Zaino sospeso' }),
      service('a', { name: 'àncora' }),
      service('m', { name: 'Mensa' }),
    ]);
    expect(ids(store.results)).to.deep.equal(['a', 'm', 'z']);
  });

  it('combines category (any), audience (any), comune and organisation filters', async () => {
    const store = await storeWith([
      service('1', { categories: ['casa'], audiences: ['giovani'] }),
      service('2', { categories: ['cibo'], audiences: ['anziani'] }),
      service('3', { categories: ['lavoro'], audiences: ['giovani'], locations: [{ comune: 'Codogno' }] }),
      service('4', { categories: ['casa'], organization: 'comune-lodi' }),
    ]);
    store.update({ categories: ['casa', 'cibo'] });
    expect(ids(store.results)).to.have.members(['1', '2', '4']);
    store.update({ audiences: ['giovani'] });
    expect(ids(store.results)).to.deep.equal(['1']);
    store.update({ categories: [], comune: 'Codogno' });
    expect(ids(store.results)).to.deep.equal(['3']);
    store.update({ comune: '', audiences: [] });
    store.setOrganization('comune-lodi');
    expect(ids(store.results)).to.deep.equal(['4']);
  });

  it('counts a facet ignoring its own filter, so other tiles keep their numbers', async () => {
    const store = await storeWith([
      service('1', { categories: ['casa'] }),
      service('2', { categories: ['casa', 'cibo'] }),
      service('3', { categories: ['cibo'], locations: [{ comune: 'Codogno' }] }),
    ]);
    store.update({ categories: ['casa'] });
    const counts = store.counts('categories');
    expect(counts.get('casa')).to.equal(2);
    expect(counts.get('cibo')).to.equal(2);
    store.update({ comune: 'Lodi' });
    expect(store.counts('categories').get('cibo')).to.equal(1);
    expect(store.counts('comune').get('Codogno')).to.equal(undefined);
  });

  it('counts each service once per value, within the results of a query, and by the same rule on every facet', async () => {
    const store = await storeWith([
      // Two places in the same comune: one service there, not two.
      service('1', { name: 'Sportello casa', categories: ['casa'], audiences: ['giovani'], locations: [{ comune: 'Codogno' }, { address: 'Via Roma 2', comune: 'Codogno' }] }),
      service('2', { name: 'Casa e lavoro', categories: ['casa', 'lavoro'], audiences: ['giovani', 'famiglie'], locations: [{ comune: 'Lodi' }, { comune: 'Codogno' }] }),
      service('3', { name: 'Mensa', categories: ['cibo'], audiences: ['anziani'], locations: [{ comune: 'Lodi' }] }),
    ]);
    expect([...store.counts('comune')].sort()).to.deep.equal([['Codogno', 2], ['Lodi', 2]]);
    store.update({ query: 'casa' });
    await waitUntil(() => !store.searching && store.results.length > 0);
    expect(ids(store.results)).to.have.members(['1', '2']);
    expect(Object.fromEntries(store.counts('comune'))).to.deep.equal({ Codogno: 2, Lodi: 1 });
    expect(Object.fromEntries(store.counts('audiences'))).to.deep.equal({ giovani: 2, famiglie: 1 });
    expect(Object.fromEntries(store.counts('categories', { withinResults: true }))).to.deep.equal({ casa: 2, lavoro: 1 });
    // Its own filter is left out of a facet's counts, the others apply.
    store.update({ comune: 'Lodi' });
    expect(ids(store.results)).to.deep.equal(['2']);
    expect(Object.fromEntries(store.counts('comune'))).to.deep.equal({ Codogno: 2, Lodi: 1 });
    expect(store.total('comune')).to.equal(2);
    expect(Object.fromEntries(store.counts('categories'))).to.deep.equal({ casa: 1, lavoro: 1 });
  });

  it('keeps the same results while a word is shorter than three letters, so the list keeps its place', async () => {
    const store = await storeWith([service('1', { name: 'Emporio' }), service('2', { name: 'Mensa' })]);
    const all = store.results;
    const counts = store.counts('categories');
    store.update({ query: 'e' });
    store.update({ query: 'em ' });
    expect(store.results).to.equal(all);
    expect(store.counts('categories')).to.equal(counts);
    store.update({ query: 'emp' });
    await waitUntil(() => !store.searching && store.results.length === 1);
    expect(ids(store.results)).to.deep.equal(['1']);
  });

  it('orders services and access points by distance once a position is shared', async () => {
    const at = (lat: number, lon: number) => [{ comune: 'X', lat, lon }];
    const store = await storeWith(
      [
        service('far', { locations: at(45.9, 9.9) }),
        service('near', { locations: at(45.16, 9.7) }),
        service('nowhere', { locations: [{ comune: 'Lodi' }] }),
        service('mid', { locations: at(45.3, 9.5) }),
      ],
      {
        accessPoints: [
          { id: 'ap-lodi', name: 'Lodi', comune: 'Lodi', lat: 45.31, lon: 9.5 },
          { id: 'ap-codogno', name: 'Codogno', comune: 'Codogno', lat: 45.16, lon: 9.705 },
        ],
      },
    );
    expect(ids(store.accessPoints)).to.deep.equal(['ap-codogno', 'ap-lodi']);
    store.setOrigin({ lat: 45.16, lon: 9.7 });
    expect(ids(store.results)).to.deep.equal(['near', 'mid', 'far', 'nowhere']);
    store.setOrigin({ lat: 45.32, lon: 9.5 });
    expect(ids(store.accessPoints)).to.deep.equal(['ap-lodi', 'ap-codogno']);
  });

  it('announces each change with what changed and who made it', async () => {
    const store = await storeWith([service('a')]);
    const changes: StoreChange[] = [];
    store.addEventListener('change', (e) => changes.push((e as CustomEvent<StoreChange>).detail));
    const origin = document.createElement('div');
    store.update({ categories: ['casa'] }, origin);
    store.update({ categories: ['casa'] }, origin); // no change, no event
    store.select('a');
    expect(changes).to.deep.equal([{ kind: 'filters', origin }, { kind: 'selection' }]);
  });

  it('indexes a large feed without blocking and answers the query when ready', async () => {
    const services = Array.from({ length: 8000 }, (_, i) => service(`s${i}`, { name: `Servizio numero ${i}` }));
    services.push(service('target', { name: 'Sportello antiviolenza' }));
    const store = new GroupStore('big');
    store.setSource(feedBlobUrl(makeFeed(services)));
    await store.whenLoaded();
    store.update({ query: 'antiviolenza' });
    await waitUntil(() => !store.searching, 'the index finishes', { timeout: 10000 });
    expect(ids(store.results)).to.deep.equal(['target']);
  });
});
