/**
 * The hours builder fetches no more than it needs (issue 17): the strings it writes are read
 * by core's small evaluator; the full opening_hours library (about 115 KB gzip) comes only
 * for a hand-typed string the small one cannot read. A file of its own: the page must not
 * have loaded the library before (other files load it on purpose).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { checkHoursString, hoursLibraryLoaded } from '@welfare-elements/core/hours/index.js';
import '../src/hours-builder/welfare-hours-builder.js';
import type { WelfareHoursBuilder } from '../src/hours-builder/hours-builder.component.js';
import { toOpeningHours } from '../src/hours-builder/hours-model.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const words = (el: Element) => root(el).querySelector('[part="words"]')!.textContent!.replace(/\s+/g, ' ').trim();
const button = (el: Element, text: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes(text))!;

/** The validity once known (the evaluator part that can tell may be on its way). */
async function validity(hours: string) {
  let answer = checkHoursString(hours, () => undefined);
  await waitUntil(() => (answer = checkHoursString(hours, () => undefined)) !== 'pending', `a verdict on "${hours}"`);
  return answer;
}

describe('hours builder without the full opening_hours library', () => {
  it('builds, says back and checks the hours it writes with the small evaluator only', async () => {
    const el = await fixture<WelfareHoursBuilder>(html`<welfare-hours-builder></welfare-hours-builder>`);
    button(el, 'Aggiungi giorni e orari').click();
    await el.updateComplete;
    const added = oneEvent(el, 'welfare-hours-change');
    button(el, 'Aggiungi una fascia oraria').click();
    expect((await added).detail).to.deep.equal({ value: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off', valid: true, note: '' });
    await el.updateComplete;
    expect(words(el)).to.contain('lun–ven 9:00–12:00 e 14:00–17:00, chiuso nei festivi');
    // What the builder can write: grouped days, several rows, midnight, holidays.
    const written = [
      toOpeningHours({ rows: [{ days: [0, 1, 2, 3, 4], ranges: [{ from: '09:00', to: '12:30' }, { from: '14:00', to: '17:00' }] }, { days: [5], ranges: [{ from: '09:00', to: '12:00' }] }], holidaysClosed: true, note: '' }),
      toOpeningHours({ rows: [{ days: [0, 2, 4, 5, 6], ranges: [{ from: '18:00', to: '00:00' }] }], holidaysClosed: false, note: '' }),
      toOpeningHours({ rows: [{ days: [6], ranges: [{ from: '00:00', to: '00:00' }] }], holidaysClosed: false, note: '' }),
    ].filter((v): v is string => !!v);
    expect(written.length).to.be.greaterThan(1);
    for (const value of written) expect(await validity(value), value).to.equal('valid');
    // A string with dates the builder cannot show, but the small evaluator reads.
    expect(await validity('Mo-Fr 09:00-12:00; Jan 01 off')).to.equal('valid');
    expect(hoursLibraryLoaded(), 'the library was not fetched').to.equal(false);
  });

  it('fetches the library for a hand-typed string the small evaluator cannot read, and then judges it', async () => {
    const el = await fixture<WelfareHoursBuilder>(html`<welfare-hours-builder value="Mo[1] 09:00-12:00; PH off"></welfare-hours-builder>`);
    expect(hoursLibraryLoaded()).to.equal(false);
    const input = root(el).querySelector<HTMLInputElement>('input')!;
    await waitUntil(() => hoursLibraryLoaded(), 'the library arrives for the hand-typed string');
    await waitUntil(() => !root(el).textContent!.includes('Controllo'), 'the check ends');
    expect(el.valid).to.equal(true);
    const changed = oneEvent(el, 'welfare-hours-change');
    input.value = 'lunedì mattina';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect((await changed).detail).to.deep.equal({ value: undefined, valid: false, note: '' });
    expect(el.value).to.equal('Mo[1] 09:00-12:00; PH off');
    expect(await validity('lunedì mattina')).to.equal('invalid');
    await expect(el).to.be.accessible();
  });
});
