import { expect, fixture, html } from '@open-wc/testing';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import { feedBlobUrl, HOSTILE, makeFeed, resetAll, service, settled, uniqueGroup } from '../../core/test/helpers.js';

/** hoursNote and phones: what HSDS schedules' notes and second phones become (issue 14). */
async function list(feed: unknown, lang = 'it') {
  const el = await fixture<WelfareList>(html`<welfare-list src=${feedBlobUrl(feed)} group=${uniqueGroup()} lang=${lang}></welfare-list>`);
  return settled(el);
}
const cards = (el: WelfareList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
const card = (el: WelfareList, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="item"][data-id="${id}"]`)!;

describe('<welfare-list>: hours notes and several phones', () => {
  beforeEach(resetAll);

  it('shows the hours note under the hours, alone when there are no hours, and every phone with what it is for', async () => {
    const el = await list(
      makeFeed([
        service('a', {
          name: 'Emporio solidale',
          hours: 'Mo-Fr 09:00-12:00',
          hoursNote: { it: 'Chiuso nei giorni festivi e il 19 gennaio', en: 'Closed on public holidays and on 19 January' },
          phone: '0371 111111',
          phones: [{ number: '0371 111111', description: 'Centralino' }, { number: '0371 222222', description: 'Segreteria' }],
        }),
        service('b', {
          name: 'Centro di ascolto',
          locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.31, lon: 9.5, hoursNote: 'Su appuntamento il giovedì' }],
          phone: '0371 333333',
        }),
      ]),
    );
    const [emporio, ascolto] = [card(el, 'a'), card(el, 'b')];
    expect(emporio!.querySelector('[part~="hours-text"]')!.textContent).to.contain('lun–ven 9:00–12:00');
    expect(emporio!.querySelector('[part="hours-note"]')!.textContent!.trim()).to.equal('Chiuso nei giorni festivi e il 19 gennaio');
    const phones = [...emporio!.querySelectorAll('[part="contacts"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(phones.slice(0, 2)).to.deep.equal(['Telefono: 0371 111111 (Centralino)', 'Telefono: 0371 222222 (Segreteria)']);
    const tel = [...emporio!.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    expect(tel).to.deep.equal(['tel:0371111111', 'tel:0371222222']);
    const place = ascolto!.querySelector('[part="address"]')!;
    expect(place.querySelector('[part="hours-note"]')!.textContent!.trim()).to.equal('Su appuntamento il giovedì');
    expect(place.textContent).to.contain('Orari:');
    expect([...ascolto!.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'))).to.deep.equal(['tel:0371333333']);
    await expect(el).to.be.accessible();
  });

  it('speaks the note in English, and shows feed text as text only', async () => {
    const el = await list(
      makeFeed([service('a', { hours: 'Mo 09:00-12:00', hoursNote: { it: 'Chiuso ad agosto', en: `Closed in August ${HOSTILE}` }, phones: [{ number: '1' }, { number: HOSTILE }] })]),
      'en',
    );
    const [card] = cards(el);
    expect(card!.querySelector('[part="hours-note"]')!.textContent).to.contain('Closed in August <script>');
    expect(card!.querySelector('script, img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
