import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/offer-form/welfare-offer-form.js';
import type { WelfareOfferForm } from '../src/offer-form/offer-form.component.js';
import type { WelfarePlacePicker } from '../src/place-picker/place-picker.component.js';
import type { WelfareHoursBuilder } from '../src/hours-builder/hours-builder.component.js';
import { readability } from '../src/shared/readability.js';
import { parseCoordinate } from '../src/offer-form/checks.js';
import { TERRITORY, GOOD_OFFER } from './fixtures.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const byLabel = (el: Element, label: string) => {
  const l = [...root(el).querySelectorAll('label')].find((x) => text(x).startsWith(label));
  if (!l) throw new Error(`no label ${label}`);
  return root(el).getElementById(l.htmlFor) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
};
const button = (el: Element, label: string) => {
  const b = [...root(el).querySelectorAll('button')].find((x) => text(x).includes(label));
  if (!b) throw new Error(`no button ${label}`);
  return b;
};
/** The messages a field points to with aria-describedby. */
const described = (el: Element, field: Element) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '')
    .join(' | ');

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

let key = 0;
async function form(data: object = {}, attrs: { lang?: string } = {}) {
  const el = await fixture<WelfareOfferForm>(
    html`<welfare-offer-form lang=${attrs.lang ?? 'it'} draft-key=${`test-${Date.now()}-${++key}`} tiles="none" .territory=${TERRITORY} .data=${data}></welfare-offer-form>`,
  );
  await el.updateComplete;
  return el;
}

describe('<welfare-offer-form>', () => {
  afterEach(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('welfare-hub-draft:test-')) localStorage.removeItem(k);
  });

  it('shows the offer in plain sections and passes axe, empty and filled', async () => {
    const empty = await form();
    const legends = [...root(empty).querySelectorAll('legend h2')].map(text);
    expect(legends).to.deep.equal(['1. Che cosa offrite e a chi', '2. Dove', '3. Quando', '4. Contatti', '5. Per quanto tempo vale']);
    await expect(empty).to.be.accessible();
    const filled = await form(GOOD_OFFER);
    expect(byLabel(filled, 'Nome del servizio').value).to.equal('Emporio solidale');
    expect((byLabel(filled, 'Comune') as HTMLSelectElement).value).to.equal('Lodi');
    await expect(filled).to.be.accessible();
  });

  it('checks as people type, with the message next to the field', async () => {
    const el = await form(GOOD_OFFER);
    const phone = byLabel(el, 'Telefono') as HTMLInputElement;
    type(phone, '0371 12a');
    await el.updateComplete;
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(described(el, phone)).to.contain('Il telefono può contenere solo cifre');
    type(phone, '+39 0371 123456');
    await el.updateComplete;
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    type(phone, '');
    await el.updateComplete;
    expect(text(root(el))).to.contain('Nessun contatto: aggiungete almeno un telefono');
    const description = byLabel(el, 'Descrizione') as HTMLTextAreaElement;
    type(description, 'x'.repeat(4100));
    await el.updateComplete;
    expect(described(el, description)).to.contain('Il testo è troppo lungo: 4100 caratteri, al massimo 4000');
    await expect(el).to.be.accessible();
  });

  it('gives a readability hint for long, difficult sentences', async () => {
    const hard =
      "L'erogazione del contributo economico straordinario avviene subordinatamente alla verifica della sussistenza dei requisiti reddituali e patrimoniali previsti dalla regolamentazione distrettuale vigente in materia di interventi assistenziali integrativi e complementari.";
    const easy = 'Vi diamo la spesa. Venite il martedì. Portate la tessera. Chiedete a noi. Siamo in via Roma. Ci trovate alle nove. Il servizio è gratis.';
    expect(readability(hard).gulpease).to.be.below(40);
    expect(readability(easy).gulpease).to.be.above(60);
    const el = await form(GOOD_OFFER);
    const description = byLabel(el, 'Descrizione') as HTMLTextAreaElement;
    type(description, hard);
    await el.updateComplete;
    expect(described(el, description)).to.match(/Leggibilità \d+ su 100/);
    expect(described(el, description)).to.contain('Una frase supera le 25 parole');
    type(description, easy);
    await el.updateComplete;
    expect(described(el, description)).not.to.contain('su 100 (indice Gulpease)');
  });

  it('accepts typed coordinates with a decimal comma and warns when the point is far from the comune', async () => {
    expect(parseCoordinate('45,3138')).to.equal(45.3138);
    expect(parseCoordinate(' 9.5 ')).to.equal(9.5);
    expect(parseCoordinate('45,31,2')).to.be.NaN;
    const el = await form(GOOD_OFFER);
    const picker = root(el).querySelector<WelfarePlacePicker>('welfare-place-picker')!;
    await picker.updateComplete;
    const lat = picker.shadowRoot!.querySelector<HTMLInputElement>('input[name="lat"]')!;
    const lon = picker.shadowRoot!.querySelector<HTMLInputElement>('input[name="lon"]')!;
    expect(lat.value).to.equal('45,314');
    type(lat, '45,1600');
    type(lon, '9,7050');
    await el.updateComplete;
    expect(el.value.locations![0]).to.include({ lat: 45.16, lon: 9.705 });
    // Codogno's centre, but the comune chosen is Lodi: about 21 km away.
    expect(text(root(el))).to.match(/Il punto è a circa 2\d km dal centro di Lodi/);
    type(lat, '45,31a');
    await picker.updateComplete;
    expect(lat.getAttribute('aria-invalid')).to.equal('true');
    expect(text(picker.shadowRoot!)).to.contain('Scrivete un numero');
  });

  it('puts the point with a click on the map and moves it with the arrow keys', async () => {
    const el = await form({ ...GOOD_OFFER, locations: [{ comune: 'Lodi' }] });
    const picker = root(el).querySelector<WelfarePlacePicker>('welfare-place-picker')!;
    const box = () => picker.shadowRoot!.querySelector<HTMLElement>('.map.leaflet-container');
    await waitUntil(() => box(), 'the map is drawn');
    const rect = box()!.getBoundingClientRect();
    const changed = oneEvent(picker, 'welfare-point-change');
    box()!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 }));
    const { lat, lon } = (await changed).detail;
    expect(lat!).to.be.closeTo(45.3138, 0.01);
    expect(lon!).to.be.closeTo(9.5018, 0.01);
    const marker = await (async () => {
      await waitUntil(() => picker.shadowRoot!.querySelector('.leaflet-marker-icon'), 'the pin is shown');
      return picker.shadowRoot!.querySelector<HTMLElement>('.leaflet-marker-icon')!;
    })();
    expect(marker.getAttribute('aria-label')).to.contain('Segnaposto del luogo');
    marker.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.value.locations![0]!.lat).to.be.closeTo(lat! + 0.0001, 1e-7);
  });

  it('puts the point with the keyboard only: Enter on the map puts it at the centre, then the pin moves with the arrows', async () => {
    const el = await form({ ...GOOD_OFFER, locations: [{ comune: 'Lodi' }] });
    const picker = root(el).querySelector<WelfarePlacePicker>('welfare-place-picker')!;
    const box = () => picker.shadowRoot!.querySelector<HTMLElement>('.map.leaflet-container');
    await waitUntil(() => box(), 'the map is drawn');
    // The map is reached with Tab (Leaflet makes it focusable) and says what the keys do.
    expect(box()!.tabIndex).to.equal(0);
    expect(box()!.getAttribute('aria-label')).to.contain('Invio per mettere il punto al centro');
    box()!.focus();
    const changed = oneEvent(picker, 'welfare-point-change');
    await sendKeys({ press: 'Enter' });
    const { lat, lon } = (await changed).detail;
    expect(lat!).to.be.closeTo(45.3138, 0.001);
    expect(lon!).to.be.closeTo(9.5018, 0.001);
    await waitUntil(() => picker.shadowRoot!.querySelector('.leaflet-marker-icon'), 'the pin is shown');
    await sendKeys({ press: 'Tab' });
    expect(picker.shadowRoot!.activeElement).to.equal(picker.shadowRoot!.querySelector('.leaflet-marker-icon'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value.locations![0]!.lon).to.be.closeTo(lon! + 0.0001, 1e-7);
    expect(text(picker.shadowRoot!)).to.contain('Punto spostato');
  });

  it('writes hours with the builder into the place', async () => {
    const el = await form({ ...GOOD_OFFER, locations: [{ comune: 'Lodi', address: 'Via Roma 1' }] });
    const builder = root(el).querySelector<WelfareHoursBuilder>('welfare-hours-builder')!;
    [...builder.shadowRoot!.querySelectorAll('button')].find((b) => text(b).includes('Aggiungi giorni e orari'))!.click();
    await el.updateComplete;
    expect(el.value.locations![0]!.hours).to.equal('Mo-Fr 09:00-12:00; PH off');
    expect(text(root(el))).to.contain('Orari: Via Roma 1, Lodi');
    // The note goes to the place's hoursNote, in words, not into the string.
    const note = [...builder.shadowRoot!.querySelectorAll('label')].find((l) => text(l).startsWith('Nota sugli orari'))!;
    const field = builder.shadowRoot!.getElementById(note.htmlFor) as HTMLInputElement;
    type(field, 'Su appuntamento');
    await el.updateComplete;
    expect(el.value.locations![0]).to.deep.include({ hours: 'Mo-Fr 09:00-12:00; PH off', hoursNote: 'Su appuntamento' });
    expect(text(builder.shadowRoot!.querySelector('[part="words"]')!)).to.contain('lun–ven 9:00–12:00, chiuso nei festivi. Su appuntamento');
  });

  it('refuses to send for review while something is wrong, and lists what to correct', async () => {
    const el = await form({ name: 'Emporio', locations: [{ address: 'Via Roma 1' }] });
    let saved = 0;
    el.addEventListener('welfare-offer-save', () => saved++);
    button(el, 'Invia').click();
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('.summary')!;
    expect(text(summary)).to.contain('Ci sono 2 cose da correggere');
    expect(text(summary)).to.contain('Scegliete almeno una categoria');
    expect(text(summary)).to.contain('Scegliete il comune');
    expect(saved).to.equal(0);
    await waitUntil(() => root(el).activeElement === summary, 'the summary takes the focus');
    // Choosing from the summary takes the person to the field.
    [...summary.querySelectorAll('button')].find((b) => text(b).includes('comune'))!.click();
    expect(root(el).activeElement).to.equal(byLabel(el, 'Comune'));
    await expect(el).to.be.accessible();
    // A draft may still be saved without a category.
    const draft = oneEvent(el, 'welfare-offer-save');
    button(el, 'Salva la bozza').click();
    expect((await draft).detail.submit).to.equal(false);
  });

  it('sends a complete offer for review', async () => {
    const el = await form(GOOD_OFFER);
    const sent = oneEvent(el, 'welfare-offer-save');
    button(el, 'Invia').click();
    const { detail } = await sent;
    expect(detail.submit).to.equal(true);
    expect(detail.data).to.deep.equal(GOOD_OFFER);
  });

  it('previews the offer with <welfare-list> and <welfare-map>', async () => {
    const el = await form({ ...GOOD_OFFER, validFrom: '2099-01-01' });
    button(el, "Mostra l'anteprima").click();
    await el.updateComplete;
    const list = root(el).querySelector('welfare-list')!;
    const map = root(el).querySelector('welfare-map')!;
    expect(map).to.exist;
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="item"]'), 'the list shows the offer');
    expect(text(list.shadowRoot!.querySelector('[part~="item"]')!)).to.contain('Emporio solidale');
    expect(text(root(el).querySelector('[part="preview"]')!)).to.contain('Nei siti sarà visibile dal 1 gennaio 2099');
    // The map, its toolbar and legend stay inside the preview's frame (they ran over the form's buttons).
    map.scrollIntoView();
    await waitUntil(() => map.shadowRoot?.querySelector('.leaflet-container'), 'the preview map is drawn');
    const frame = root(el).querySelector('[part="preview"]')!.getBoundingClientRect();
    const inside = [...map.shadowRoot!.querySelectorAll<HTMLElement>('[part]')].filter((p) => p.getClientRects().length);
    for (const part of inside) expect(part.getBoundingClientRect().bottom, part.getAttribute('part')!).to.be.at.most(frame.bottom + 0.5);
    type(byLabel(el, 'Nome del servizio') as HTMLInputElement, 'Emporio della solidarietà');
    await el.updateComplete;
    expect(text(root(el))).to.contain("L'anteprima non mostra le ultime modifiche");
    button(el, "Aggiorna l'anteprima").click();
    await waitUntil(() => text(list.shadowRoot!).includes('Emporio della solidarietà'), 'the preview follows');
    await expect(el).to.be.accessible();
  });

  it('keeps unsaved changes across a reload, and forgets them once saved', async () => {
    const draftKey = `test-reload-${Date.now()}`;
    const first = await fixture<WelfareOfferForm>(html`<welfare-offer-form draft-key=${draftKey} tiles="none" .territory=${TERRITORY} .data=${GOOD_OFFER}></welfare-offer-form>`);
    type(byLabel(first, 'Nome del servizio') as HTMLInputElement, 'Emporio nuovo');
    await first.updateComplete;
    expect(first.hasUnsavedChanges).to.equal(true);
    expect(text(root(first))).to.contain('Modifiche non ancora salvate');
    first.remove();
    // The page is opened again: the hub still has the old name.
    const again = await fixture<WelfareOfferForm>(html`<welfare-offer-form draft-key=${draftKey} tiles="none" .territory=${TERRITORY} .data=${GOOD_OFFER}></welfare-offer-form>`);
    expect(byLabel(again, 'Nome del servizio').value).to.equal('Emporio nuovo');
    expect(text(root(again))).to.contain('Abbiamo ripreso le modifiche non salvate');
    await expect(again).to.be.accessible();
    again.markSaved();
    await again.updateComplete;
    expect(localStorage.getItem(`welfare-hub-draft:${draftKey}`)).to.equal(null);
    expect(text(root(again))).to.contain('Tutte le modifiche sono salvate');
  });

  it('warns before leaving with unsaved changes', async () => {
    const el = await form(GOOD_OFFER);
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).to.equal(false);
    type(byLabel(el, 'Email') as HTMLInputElement, 'info@emporio.it');
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).to.equal(true);
    el.markSaved();
  });

  it("shows the hub's messages next to their fields", async () => {
    const el = await form(GOOD_OFFER);
    el.problems = [{ path: '/locations/0/comune', message: 'Comune non valido per il server.' }];
    await el.updateComplete;
    expect(described(el, byLabel(el, 'Comune'))).to.contain('Comune non valido per il server.');
  });

  it('shows both versions on a conflict and lets the person choose', async () => {
    const el = await form(GOOD_OFFER);
    type(byLabel(el, 'Nome del servizio') as HTMLInputElement, 'Emporio mio');
    el.conflict = { theirs: { ...GOOD_OFFER, name: 'Emporio loro', phone: '0371 999999' }, version: 3 };
    await el.updateComplete;
    const table = root(el).querySelector('table.diff')!;
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows).to.include('Nome cambiato Emporio loro Emporio mio');
    expect(rows).to.include('Telefono cambiato 0371 999999 0371 123456');
    await expect(el).to.be.accessible();
    const chosen = oneEvent(el, 'welfare-offer-resolve');
    button(el, 'Tieni la mia versione').click();
    expect((await chosen).detail.keep).to.equal('mine');
    el.markSaved();
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await form({});
    let saved: unknown;
    el.addEventListener('welfare-offer-save', (e) => (saved = e.detail));
    byLabel(el, 'Nome del servizio').focus();
    await sendKeys({ type: 'Sportello lavoro' });
    await sendKeys({ press: 'Tab' }); // description
    await sendKeys({ type: 'Aiuto a cercare lavoro.' });
    await sendKeys({ press: 'Tab' }); // first category: Cibo
    await sendKeys({ press: 'Tab' }); // Casa
    await sendKeys({ press: 'Tab' }); // Lavoro
    await sendKeys({ press: ' ' });
    // To "Aggiungi un luogo".
    for (let i = 0; i < 30 && !text(root(el).activeElement ?? document.body).includes('Aggiungi un luogo'); i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // address (focus went to the place's name)
    await sendKeys({ type: 'Via Roma 1' });
    await sendKeys({ press: 'Tab' }); // comune
    const select = byLabel(el, 'Comune') as HTMLSelectElement;
    expect(root(el).activeElement).to.equal(select);
    // A select follows arrow keys differently per engine; choose by value as a keyboard would.
    select.value = 'Lodi';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const picker = root(el).querySelector<WelfarePlacePicker>('welfare-place-picker')!;
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[name="lat"]')!.focus();
    await sendKeys({ type: '45,3138' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '9,5018' });
    (byLabel(el, 'Telefono') as HTMLInputElement).focus();
    await sendKeys({ type: '0371 123456' });
    button(el, 'Invia').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => saved, 'the offer is sent');
    expect(saved).to.deep.include({ submit: true });
    expect((saved as { data: object }).data).to.deep.include({ name: 'Sportello lavoro', categories: ['lavoro'], phone: '0371 123456' });
    expect((saved as { data: { locations: object[] } }).data.locations[0]).to.deep.equal({ address: 'Via Roma 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018 });
    el.markSaved();
  });

  it('speaks English', async () => {
    const el = await form(GOOD_OFFER, { lang: 'en' });
    expect([...root(el).querySelectorAll('legend h2')].map(text)[0]).to.equal('1. What you offer and to whom');
    expect(text(button(el, 'Send to the planning office'))).to.contain('for review');
  });
});
