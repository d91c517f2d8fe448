import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { loadHoursEngine } from '@welfare-elements/core';
import '../src/hours-builder/welfare-hours-builder.js';
import type { WelfareHoursBuilder } from '../src/hours-builder/hours-builder.component.js';
import { fromOpeningHours, toOpeningHours, hoursProblems } from '../src/hours-builder/hours-model.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const words = (el: Element) => root(el).querySelector('[part="words"]')!.textContent!.replace(/\s+/g, ' ').trim();
const button = (el: Element, text: string) =>
  [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes(text))!;

async function setInput(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('hours model', () => {
  it('writes days and ranges as an opening_hours string the evaluator accepts', async () => {
    const model = {
      rows: [
        { days: [0, 1, 2, 3, 4], ranges: [{ from: '09:00', to: '12:30' }, { from: '14:00', to: '17:00' }] },
        { days: [5], ranges: [{ from: '09:00', to: '12:00' }] },
      ],
      holidaysClosed: true,
      note: 'su appuntamento',
    };
    const value = toOpeningHours(model)!;
    // The note travels as the feed's hoursNote, not inside the string.
    expect(value).to.equal('Mo-Fr 09:00-12:30,14:00-17:00, Sa 09:00-12:00; PH off');
    const engine = await loadHoursEngine();
    expect(engine.isValid(value)).to.equal(true);
    expect(fromOpeningHours(value)).to.deep.equal({ ...model, note: '' });
    // A string written before with an OSM comment gives its note back.
    expect(fromOpeningHours('Mo-Fr 09:00-12:00 "su appuntamento"; PH off')?.note).to.equal('su appuntamento');
  });

  it('gives no string while a range ends before it starts, has no day, or overlaps', () => {
    const bad = { rows: [{ days: [0], ranges: [{ from: '12:00', to: '09:00' }] }], holidaysClosed: false, note: '' };
    expect(toOpeningHours(bad)).to.equal(undefined);
    expect(hoursProblems(bad).map((p) => p.key)).to.deep.equal(['timeOrder']);
    expect(toOpeningHours({ ...bad, rows: [{ days: [], ranges: [{ from: '09:00', to: '12:00' }] }] })).to.equal(undefined);
    const overlap = { ...bad, rows: [{ days: [0], ranges: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }] }] };
    expect(hoursProblems(overlap).map((p) => p.key)).to.deep.equal(['overlap']);
  });

  it('midnight as an end is written 24:00 and the days are grouped', () => {
    const value = toOpeningHours({ rows: [{ days: [0, 2, 4, 5, 6], ranges: [{ from: '18:00', to: '00:00' }] }], holidaysClosed: false, note: '' });
    expect(value).to.equal('Mo,We,Fr-Su 18:00-24:00');
  });

  it('reads back plain strings people write, and refuses what it cannot show', () => {
    expect(fromOpeningHours('Mo-Fr 09:00-12:30; PH off')?.rows[0]?.days).to.deep.equal([0, 1, 2, 3, 4]);
    expect(fromOpeningHours('Mo-Fr 09:00-12:00; Sa 10:00-12:00')?.rows.length).to.equal(2);
    expect(fromOpeningHours('Jan-Mar Mo 10:00-12:00')).to.equal(undefined);
    expect(fromOpeningHours('sunrise-sunset')).to.equal(undefined);
  });
});

describe('<welfare-hours-builder>', () => {
  it('builds hours with buttons and checkboxes and says them back in Italian', async () => {
    const el = await fixture<WelfareHoursBuilder>(html`<welfare-hours-builder></welfare-hours-builder>`);
    expect(words(el)).to.contain('Nessun orario indicato');
    button(el, 'Aggiungi giorni e orari').click();
    await el.updateComplete;
    // The first row starts Monday to Friday, 9 to 12.
    expect(el.value).to.equal('Mo-Fr 09:00-12:00; PH off');
    const added = oneEvent(el, 'welfare-hours-change');
    button(el, 'Aggiungi una fascia oraria').click();
    expect((await added).detail).to.deep.equal({ value: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off', valid: true, note: '' });
    await el.updateComplete;
    expect(words(el)).to.contain('lun–ven 9:00–12:00 e 14:00–17:00, chiuso nei festivi');
    await expect(el).to.be.accessible();
  });

  it('never hands on a wrong string: an end before the start is marked and the last good value stays', async () => {
    const el = await fixture<WelfareHoursBuilder>(html`<welfare-hours-builder value="Mo 09:00-12:00"></welfare-hours-builder>`);
    const to = root(el).querySelectorAll<HTMLInputElement>('input[type="time"]')[1]!;
    const changed = oneEvent(el, 'welfare-hours-change');
    await setInput(to, '08:00');
    expect((await changed).detail).to.deep.equal({ value: undefined, valid: false, note: '' });
    await el.updateComplete;
    expect(el.value).to.equal('Mo 09:00-12:00');
    expect(el.valid).to.equal(false);
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    const message = root(el).getElementById(to.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.contain("L'ora di fine deve venire dopo");
    expect(words(el)).to.contain('non sono ancora completi');
    await expect(el).to.be.accessible();
  });

  it('keeps a string it cannot show as written and checks it with the evaluator', async () => {
    await loadHoursEngine();
    const el = await fixture<WelfareHoursBuilder>(html`<welfare-hours-builder value="lunedì mattina"></welfare-hours-builder>`);
    await waitUntil(() => root(el).querySelector('#' + CSS.escape(root(el).querySelector('input')!.id) + '-error'), 'marks the unreadable string');
    expect(el.valid).to.equal(false);
    const input = root(el).querySelector<HTMLInputElement>('input')!;
    const changed = oneEvent(el, 'welfare-hours-change');
    await setInput(input, 'Mo-Fr 09:00-12:00; Jan 01 off');
    expect((await changed).detail.valid).to.equal(true);
    expect(el.value).to.equal('Mo-Fr 09:00-12:00; Jan 01 off');
    await expect(el).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    const el = await fixture<WelfareHoursBuilder>(html`<welfare-hours-builder lang="en" value="Mo-Fr 09:00-12:00; PH off"></welfare-hours-builder>`);
    expect(words(el)).to.contain('How people will read it');
    expect(words(el)).to.contain('closed on public holidays');
  });
});
