import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/office/welfare-hub-vocabulary.js';
import { ApiError, type HubClient, type VocabularyKind } from '../src/api/client.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: Element | ShadowRoot, label: string) => [...el.querySelectorAll('button')].find((b) => text(b).startsWith(label))!;
const section = (el: Element, kind: VocabularyKind) => root(el).querySelector(`section[data-kind="${kind}"]`)!;
const entry = (el: Element, kind: VocabularyKind, id: string) => section(el, kind).querySelector(`li[data-id="${id}"]`)!;

/** A stand-in for the hub: keeps the lists in memory, refuses what the hub refuses, records the calls. */
function fakeClient({ failing = false, gate = Promise.resolve() } = {}) {
  const calls: unknown[][] = [];
  const lists: Record<VocabularyKind, Record<string, unknown>[]> = {
    categories: [
      { id: 'casa', position: 1, archived: false, version: 1, inUse: 3, data: { id: 'casa', name: { it: 'Casa', en: 'Housing' }, color: '#c0392b' } },
      { id: 'cibo', position: 2, archived: false, version: 1, inUse: 0, data: { id: 'cibo', name: { it: 'Cibo', en: 'Food' } } },
    ],
    audiences: [{ id: 'giovani', position: 1, archived: false, version: 1, inUse: 2, data: { id: 'giovani' } }],
    comuni: [{ id: 'lodi', name: 'Lodi', lat: 45.3138, lon: 9.5018, patron: 'San Bassiano', patronDate: '01-19', archived: false, version: 1, inUse: 4 }],
  };
  const find = (kind: VocabularyKind, id: string) => lists[kind].find((e) => e['id'] === id)!;
  const client = {
    calls,
    vocabulary: async (kind: VocabularyKind) => {
      await gate;
      if (failing) throw new ApiError(0, { title: 'Connessione non riuscita', detail: 'Il server non risponde: controllate la connessione e riprovate.' });
      return structuredClone(lists[kind]);
    },
    createVocabulary: async (kind: VocabularyKind, body: Record<string, unknown>) => {
      calls.push(['create', kind, body]);
      const id = kind === 'comuni' ? String(body['name']).toLowerCase() : ((body['data'] as { id?: string }).id ?? 'nuova');
      lists[kind].push(kind === 'comuni' ? { id, ...body, archived: false, version: 1, inUse: 0 } : { id, position: 9, archived: false, version: 1, inUse: 0, data: { id, ...(body['data'] as object) } });
      return find(kind, id);
    },
    saveVocabulary: async (kind: VocabularyKind, id: string, body: Record<string, unknown>, version: number) => {
      calls.push(['save', kind, id, body, version]);
      Object.assign(find(kind, id), kind === 'comuni' ? body : { data: { id, ...(body['data'] as object) } }, { version: version + 1 });
      return find(kind, id);
    },
    archiveVocabulary: async (kind: VocabularyKind, id: string, action: string) => {
      calls.push([action, kind, id]);
      const e = find(kind, id);
      if (kind === 'categories' && action === 'archive' && (e['inUse'] as number) > 0) {
        throw new ApiError(409, { title: 'Conflitto', detail: `La categoria è usata da ${e['inUse']} offerte: toglila da quelle offerte (o archiviale), poi archiviala.` });
      }
      e['archived'] = action === 'archive';
      return e;
    },
  };
  return client as unknown as HubClient & { calls: unknown[][] };
}

describe('<welfare-hub-vocabulary>', () => {
  it('lists the categories, audiences and comuni with their uses, and is accessible while loading and loaded', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const el = await fixture(html`<welfare-hub-vocabulary .client=${fakeClient({ gate })}></welfare-hub-vocabulary>`);
    expect(text(root(el))).to.contain('Caricamento');
    await expect(el).to.be.accessible();
    open();
    await waitUntil(() => root(el).querySelector('section'), 'the lists');
    expect(text(entry(el, 'categories', 'casa'))).to.contain('Casa').and.contain('in 3 offerte');
    // The tile's colour (set through CSSOM: the hub's CSP, checked in hub-flow.test.mjs, refuses style attributes).
    const swatch = entry(el, 'categories', 'casa').querySelector<HTMLElement>('.swatch')!;
    expect(getComputedStyle(swatch).backgroundColor).to.equal('rgb(192, 57, 43)');
    // An audience without its own name shows the library's Italian name for its id.
    expect(text(entry(el, 'audiences', 'giovani'))).to.contain('Giovani');
    expect(text(entry(el, 'comuni', 'lodi'))).to.contain('San Bassiano, 19 gennaio');
    await expect(el).to.be.accessible();
  });

  it('adds a category by keyboard, then renames it keeping its code', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-vocabulary .client=${client}></welfare-hub-vocabulary>`);
    await waitUntil(() => root(el).querySelector('section'), 'the lists');
    button(section(el, 'categories'), '+ Nuova categoria').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => section(el, 'categories').querySelector('form'), 'the form');
    // The focus is in the form's first field (the code), so the rest follows with Tab.
    await sendKeys({ type: 'salute' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Salute' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Health' });
    section(el, 'categories').querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => entry(el, 'categories', 'salute'), 'the new category');
    expect(client.calls[0]).to.deep.equal(['create', 'categories', { data: { id: 'salute', name: { it: 'Salute', en: 'Health' }, color: '#0066cc' } }]);
    expect(text(root(el).querySelector('[role="status"]')!)).to.equal('Salvato.');

    button(entry(el, 'categories', 'salute'), 'Modifica').click();
    await waitUntil(() => section(el, 'categories').querySelector('form'), 'the form');
    expect(section(el, 'categories').querySelector('form input[id$="-code"]'), 'the code cannot change').to.equal(null);
    const it = section(el, 'categories').querySelector<HTMLInputElement>('input[id$="-nameIt"]')!;
    it.value = 'Salute e benessere';
    it.dispatchEvent(new Event('input'));
    section(el, 'categories').querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(entry(el, 'categories', 'salute')).includes('Salute e benessere'), 'the new name');
    expect(client.calls[1]).to.deep.equal(['save', 'categories', 'salute', { data: { name: { it: 'Salute e benessere', en: 'Health' }, color: '#0066cc' } }, 1]);
  });

  it('says why a category in use cannot be archived, and archives one that is not', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-vocabulary .client=${client}></welfare-hub-vocabulary>`);
    await waitUntil(() => root(el).querySelector('section'), 'the lists');
    button(entry(el, 'categories', 'casa'), 'Archivia').click();
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the refusal');
    expect(text(root(el).querySelector('[role="alert"]')!)).to.contain('usata da 3 offerte');
    expect(text(entry(el, 'categories', 'casa'))).not.to.contain('archiviato');
    await expect(el).to.be.accessible();
    button(entry(el, 'categories', 'cibo'), 'Archivia').click();
    await waitUntil(() => text(entry(el, 'categories', 'cibo')).includes('archiviato'), 'archived');
    expect(button(entry(el, 'categories', 'cibo'), 'Ripristina')).to.exist;
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('adds a comune with a decimal comma and a patron day, and refuses half a date', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-vocabulary .client=${client}></welfare-hub-vocabulary>`);
    await waitUntil(() => root(el).querySelector('section'), 'the lists');
    button(section(el, 'comuni'), '+ Nuovo comune').click();
    await waitUntil(() => section(el, 'comuni').querySelector('form'), 'the form');
    const form = section(el, 'comuni').querySelector('form')!;
    const fill = (suffix: string, value: string) => {
      const input = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[id$="-${suffix}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    fill('name', 'Codogno');
    fill('lat', '45,1601');
    fill('lon', '9,7049');
    fill('patron', 'San Biagio');
    fill('day', '3');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => form.querySelector('.message.error'), 'the half date');
    expect(text(form)).to.contain('Scegliete sia il giorno sia il mese');
    expect(client.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
    fill('month', '2');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => entry(el, 'comuni', 'codogno'), 'the new comune');
    expect(client.calls[0]).to.deep.equal(['create', 'comuni', { name: 'Codogno', lat: 45.1601, lon: 9.7049, patron: 'San Biagio', patronDate: '02-03' }]);
    expect(text(entry(el, 'comuni', 'codogno'))).to.contain('San Biagio, 3 febbraio');
  });

  it('shows the error when the lists cannot be read, and speaks English', async () => {
    const el = await fixture(html`<div lang="en"><welfare-hub-vocabulary .client=${fakeClient({ failing: true })}></welfare-hub-vocabulary></div>`);
    const page = el.querySelector('welfare-hub-vocabulary')!;
    await waitUntil(() => root(page).querySelector('[role="alert"]'), 'the error');
    expect(text(root(page).querySelector('[role="alert"]')!)).to.contain('Il server non risponde');
    expect(text(root(page))).to.contain('No entries yet.').and.contain('Municipalities');
    await expect(el).to.be.accessible();
  });
});
