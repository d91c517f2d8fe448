import { expect } from '@open-wc/testing';
import { GroupStore, readFeed } from '@welfare-elements/core';
import { SearchEngine } from '@welfare-elements/core/search/engine.js';
import { QueryAnalyser, THESAURUS_WEIGHT } from '@welfare-elements/core/search/query.js';
import { lightStem, stems } from '@welfare-elements/core/search/stem.js';
import { FILLER, THESAURUS } from '@welfare-elements/core/search/thesaurus.js';
import { makeFeed, service } from './helpers.js';

const engineFor = async (feed: Record<string, unknown>) => {
  const { feed: read } = readFeed(feed, { today: '2026-12-01' });
  return { engine: await SearchEngine.build(read.services, read), services: read.services };
};
const ids = async (feed: Record<string, unknown>, query: string) => {
  const { engine, services } = await engineFor(feed);
  return engine.find(query).ids.map((i) => services[i]!.id);
};

describe('search: Italian word forms', () => {
  it('joins singular and plural, and the common families', () => {
    const same = (a: string, b: string) => expect(stems(a).some((s) => stems(b).includes(s)), `${a} ~ ${b}`).to.equal(true);
    same('affitto', 'affitti');
    same('tirocinio', 'tirocini');
    same('disoccupato', 'disoccupazione');
    same('alimentare', 'alimenti');
    same('alimentari', 'alimentare');
    same('borsa', 'borse');
    same('anziano', 'anziani');
    same('pacco', 'pacchi');
    same('consultorio', 'consultori');
  });

  it('keeps unrelated words apart', () => {
    const apart = (a: string, b: string) => expect(stems(a).some((s) => stems(b).includes(s)), `${a} ≁ ${b}`).to.equal(false);
    apart('casa', 'cassa');
    apart('lavoro', 'lavanderia');
    apart('medico', 'mediazione');
  });

  it('light stem: drops the plural ending only (casa/case), and keeps short words and codes whole', () => {
    expect(lightStem('pacchi')).to.equal('pacc');
    expect(lightStem('tirocinio')).to.equal('tirocin');
    expect(lightStem('case')).to.equal(lightStem('casa'));
    expect(lightStem('via')).to.equal('via');
    expect(lightStem('a2')).to.equal('a2');
    expect(stems('104')).to.deep.equal(['104']);
  });
});

describe('search: query analysis', () => {
  const known = new Set(['cibo', 'cib', 'alimentar', 'aliment', 'spes', 'lavor', 'affitt', 'consultor', 'pacc', 'mens', 'past']);
  const analyser = new QueryAnalyser(["Sant'Angelo Lodigiano", 'Lodi', 'Lodi Vecchio', 'Codogno'], THESAURUS, (t) => known.has(t));

  it('expands what people say with the thesaurus, below the words typed', () => {
    const [concept] = analyser.analyse('fame').concepts;
    const terms = new Map(concept!.terms.map((t) => [t.term, t.weight]));
    expect(terms.get('alimentar') ?? terms.get('aliment')).to.equal(THESAURUS_WEIGHT);
    expect(terms.get('fam')).to.equal(1);
    expect(THESAURUS_WEIGHT).to.be.below(1);
  });

  it('leaves filler words out, unless nothing else is left', () => {
    expect(analyser.analyse('vorrei aiuto con la spesa ').concepts.map((c) => c.words)).to.deep.equal([['spesa']]);
    expect(analyser.analyse('aiuto ').concepts.map((c) => c.words)).to.deep.equal([['aiuto']]);
    expect(FILLER.has('cerco')).to.equal(true);
  });

  it('matches thesaurus phrases across filler words ("cerco lavoro") as one concept', () => {
    const { concepts } = analyser.analyse('cerco lavoro ');
    expect(concepts).to.have.length(1);
    expect(concepts[0]!.words).to.deep.equal(['lavoro']);
  });

  it('recognises a comune in the query, also partly or run together', () => {
    expect(analyser.analyse('banco alimentare sant angelo').comune).to.equal("Sant'Angelo Lodigiano");
    expect(analyser.analyse('santangelo').comune).to.equal("Sant'Angelo Lodigiano");
    expect(analyser.analyse('psicologo lodi').comune).to.equal('Lodi');
    expect(analyser.analyse('lodi vecchio').comune).to.equal('Lodi Vecchio');
    expect(analyser.analyse('casa').comune).to.equal(undefined);
    const { concepts } = analyser.analyse('emporio codogno ');
    expect(concepts.map((c) => c.words)).to.deep.equal([['emporio']]);
  });

  it('marks words the index does not know as typos, with an edit allowed', () => {
    const [concept] = analyser.analyse('afitto ').concepts;
    expect(concept!.unknown).to.deep.equal(['afitto']);
    expect(concept!.terms.every((t) => t.fuzzy >= 1)).to.equal(true);
  });
});

describe('search: ranking', () => {
  const feed = makeFeed(
    [
      service('emporio-lodi', { name: 'Emporio solidale di Lodi', categories: ['cibo'], keywords: ['spesa', 'alimenti'] }),
      service('emporio-codogno', {
        name: 'Emporio solidale di Codogno',
        categories: ['cibo'],
        keywords: ['spesa'],
        locations: [{ address: 'Via Cavallotti 40', comune: 'Codogno' }],
      }),
      service('lavoro', { name: 'Sportello lavoro', categories: ['lavoro'], keywords: ['curriculum'] }),
      service('casa', { name: 'Sportello casa', categories: ['casa'], keywords: ['affitto'], description: 'Aiuto per pagare il canone.' }),
      service('contributo', {
        name: 'Contributo affitto',
        categories: ['casa'],
        keywords: ['affitto', 'contributo'],
        locations: [{ comune: "Sant'Angelo Lodigiano" }],
      }),
    ],
    { accessPoints: [{ id: 'ap', name: 'Sportello sociale di Lodi', address: 'Via Roma 1', comune: 'Lodi' }] },
  );

  it('ranks services that match more of the words first, and does not need every word', async () => {
    expect((await ids(feed, 'contributo affitto'))[0]).to.equal('contributo');
    expect(await ids(feed, 'affitto parolasconosciuta')).to.have.members(['casa', 'contributo']);
  });

  it('puts the services of a comune named in the query first', async () => {
    expect(await ids(feed, 'emporio codogno')).to.deep.equal(['emporio-codogno', 'emporio-lodi']);
    expect(await ids(feed, 'emporio lodi')).to.deep.equal(['emporio-lodi', 'emporio-codogno']);
    expect(await ids(feed, 'sant angelo')).to.deep.equal(['contributo']);
  });

  it('finds a topic by its name, in Italian and in English, and through the thesaurus', async () => {
    expect(await ids(feed, 'cibo')).to.have.members(['emporio-lodi', 'emporio-codogno']);
    expect(await ids(feed, 'food')).to.have.members(['emporio-lodi', 'emporio-codogno']);
    expect((await ids(feed, 'mangiare')).slice(0, 2)).to.have.members(['emporio-lodi', 'emporio-codogno']);
    expect((await ids(feed, 'cerco lavoro'))[0]).to.equal('lavoro');
  });

  it('finds services by the access point at their address and by organisation', async () => {
    expect(await ids(feed, 'sportello sociale')).to.include('emporio-lodi');
    expect((await ids(feed, 'caritas')).length).to.equal(5);
  });

  it('forgives a typo and offers the spelling ("Forse cercavi")', async () => {
    const { engine, services } = await engineFor(feed);
    expect(engine.find('afitto').ids.map((i) => services[i]!.id)).to.have.members(['casa', 'contributo']);
    expect(engine.help('afitto').correction).to.equal('affitto');
    expect(engine.help('affitto').correction).to.equal(undefined);
    expect(engine.help('affitti').correction, 'another ending is not a typo').to.equal(undefined);
    expect(engine.help('soldi').correction, 'a word the thesaurus knows is not a typo').to.equal(undefined);
    expect(engine.help('emporo codogno').correction).to.equal('emporio codogno');
  });

  it('with no results, still points to the closest topic', async () => {
    const { engine } = await engineFor(feed);
    expect(engine.find('curriculom vitae xyz').ids.length).to.be.greaterThan(0);
    const help = engine.help('qwzx');
    expect(help.topics).to.deep.equal([]);
    expect(engine.help('empori qwzx').topics).to.include('cibo');
  });

  it('adds the feed\'s own thesaurus entries, also for a comune nickname', async () => {
    const local = { ...feed, thesaurus: [{ words: ['bottega'], means: ['emporio'] }, { words: ['sant'], means: ["Sant'Angelo Lodigiano"] }] };
    expect(await ids(local, 'bottega')).to.have.members(['emporio-lodi', 'emporio-codogno']);
    expect(await ids(feed, 'bottega')).to.deep.equal([]);
    const read = readFeed({ ...local, thesaurus: [...local.thesaurus, { words: 'x' }, 3] });
    expect(read.feed.thesaurus).to.have.length(2);
    expect(read.issues.filter((i) => i.path.startsWith('$.thesaurus'))).to.have.length(2);
    expect(read.skipped).to.equal(0);
  });

  it('the store offers help for the current query: spelling, topic and where to ask', async () => {
    const store = new GroupStore('search-help');
    store.setSource(feed);
    await store.whenLoaded();
    store.update({ query: 'emporo' });
    while (store.searching) await new Promise((r) => setTimeout(r, 10));
    expect(store.results.length).to.equal(2);
    const help = store.searchHelp!;
    expect(help.correction).to.equal('emporio');
    expect(help.topics.map((c) => c.id)).to.deep.equal(['cibo']);
    expect(help.accessPoints.map((a) => a.id)).to.deep.equal(['ap']);
  });
});

describe('search: scoring at scale', () => {
  it('scores straight from the index as minisearch\'s own search does, for every benchmark query on the demo feed', async () => {
    const { feed } = readFeed(await (await fetch('/examples/data/servizi.json')).json(), { today: '2026-12-01' });
    const { queries } = (await (await fetch('/bench/search-quality/judgements.json')).json()) as { queries: { q: string }[] };
    const engine = await SearchEngine.build(feed.services, feed);
    // The fast path is on (it reads minisearch's index; a new minisearch could turn it off).
    expect((engine as unknown as { scorer?: unknown }).scorer, 'typed-array scorer in use').to.not.equal(undefined);
    expect(queries.length).to.be.greaterThan(100);
    // Also words being typed: prefixes and typos take the prefix and fuzzy paths.
    const typed = ['cas', 'assistenza anzan', 'sportello lod', 'consultoro', 'afitto', 'emporo cod'];
    for (const q of [...queries.map((x) => x.q), ...typed]) {
      const fast = engine.find(q).ids;
      const slow = engine.find(q, { viaMiniSearch: true }).ids;
      expect(fast, q).to.deep.equal(slow);
    }
  });
});

describe('search: thesaurus on the demo feed', () => {
  it('"alimentari" finds the services that say "alimenti"; "dentista" and "ortopedico" lead to a doctor and the health topic', async () => {
    const { feed } = readFeed(await (await fetch('/examples/data/servizi.json')).json(), { today: '2026-12-01' });
    const engine = await SearchEngine.build(feed.services, feed);
    const top = (q: string, n = 5) => engine.find(q).ids.slice(0, n).map((i) => feed.services[i]!.id);
    expect(top('alimentari')).to.include.members(['svc-013', 'svc-014']); // Emporio solidale: "alimenti"
    for (const q of ['dentista', 'ortopedico', 'dentist']) {
      expect(top(q, 1), q).to.deep.equal(['svc-022']); // Ambulatorio solidale: "visite mediche"
      expect(engine.help(q).topics[0], q).to.equal('cura');
    }
  });
});
