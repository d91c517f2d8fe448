import { expect, fixture, html } from '@open-wc/testing';
import '../src/notices/welfare-hub-notices.js';
import type { HubClient, HubNotice, NoticeData } from '../src/api/client.js';
import { GOOD_OFFER } from './fixtures.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: Element | ShadowRoot, label: string) => [...el.querySelectorAll('button')].find((b) => text(b).includes(label))!;
const byLabel = (el: Element, label: string) => {
  const l = [...root(el).querySelectorAll('label')].find((x) => text(x).startsWith(label))!;
  return (l.htmlFor ? root(el).getElementById(l.htmlFor) : l.querySelector('input')) as HTMLInputElement;
};
const type = (field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input'));
};

function fakeClient(existing: HubNotice[] = []) {
  const notices = [...existing];
  const created: NoticeData[] = [];
  return {
    created,
    notices: async () => notices,
    createNotice: async (data: NoticeData) => {
      created.push(data);
      const n = { id: `n${notices.length}`, organisationId: 'caritas', state: 'draft' as const, version: 1, data };
      notices.unshift(n);
      return n;
    },
  } as unknown as HubClient & { created: NoticeData[] };
}

const OFFERS = [{ id: 'emporio', organisationId: 'caritas', state: 'published' as const, version: 1, data: { ...GOOD_OFFER } }];

describe('<welfare-hub-notices>', () => {
  it('writes a temporary closure linked to a service, with its dates', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-notices .client=${client} .offers=${OFFERS}></welfare-hub-notices>`);
    await waitUntil(() => text(root(el)).includes('Nessun avviso'), 'the empty list');
    await expect(el).to.be.accessible();
    button(root(el), 'Nuovo avviso').click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    type(root(el).querySelector('select')!, 'closure');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(root(el))).to.contain('Chiuso dal');
    // Without a text it is not sent, and the field says why.
    button(root(el), 'Salva l’avviso').click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(client.created.length).to.equal(0);
    expect(byLabel(el, 'Testo').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    type(byLabel(el, 'Titolo'), 'Emporio chiuso per inventario');
    type(byLabel(el, 'Testo') as unknown as HTMLInputElement, 'Riapre lunedì 14 dicembre.');
    type(byLabel(el, 'Chiuso dal'), '2026-12-07');
    type(byLabel(el, 'Chiuso fino al'), '2026-12-12');
    byLabel(el, 'Emporio solidale').click();
    button(root(el), 'Salva l’avviso').click();
    await waitUntil(() => client.created.length === 1, 'the notice is sent');
    expect(client.created[0]).to.deep.include({ kind: 'closure', title: 'Emporio chiuso per inventario', validFrom: '2026-12-07', validThrough: '2026-12-12', services: ['emporio'] });
    await waitUntil(() => root(el).querySelector('article'), 'the list shows it');
    expect(text(root(el).querySelector('article')!)).to.contain('Chiusura temporanea').and.contain('Servizi collegati: Emporio solidale').and.contain('in attesa di pubblicazione');
    await expect(el).to.be.accessible();
  });
});
