/**
 * The opening-hours evaluators live in their own chunks: a page whose feed has no hours
 * must request neither; a feed whose strings are all compiled only the small one
 * (light.ts); a feed with common strings also its reader (rules.ts); the full library
 * (opening_hours, ~110 KB) only for a string the small one cannot read.
 * This file runs in its own page, so nothing else loaded them before. A static import of
 * an evaluator anywhere in the elements would put it in this page's module graph and
 * fail the first test.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { hoursEngine, setClock } from '@welfare-elements/core';
import '@welfare-elements/access-points';
import '@welfare-elements/list';
import type { WelfareAccessPoints } from '@welfare-elements/access-points';
import type { WelfareList } from '@welfare-elements/list';
import { feedBlobUrl, makeFeed, resetAll, service, settled, waitUntil } from '../../core/test/helpers.js';

const requests = (re: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => re.test(name));
const engineRequests = () => requests(/opening_hours|\/hours\/(engine|light)\./);
const libraryRequests = () => requests(/opening_hours|\/hours\/engine\./);
/** The reader of common strings (rules.ts): only for strings without a compiled form. */
const readerRequests = () => requests(/\/hours\/rules\./);

const accessPoint = (fields: Record<string, unknown> = {}) => ({
  id: 'ap-lodi', name: 'Punto di accesso di Lodi', comune: 'Lodi', lat: 45.3147, lon: 9.5026, ...fields,
});

describe('opening-hours chunk', () => {
  afterEach(resetAll);

  it('is not requested on a page whose feed has no hours', async () => {
    // Everything this page loaded so far is still in the buffer (far below the default 250 entries).
    const loaded = performance.getEntriesByType('resource').length;
    expect(loaded).to.be.greaterThan(0).and.lessThan(250);
    performance.setResourceTimingBufferSize(10_000);
    const src = feedBlobUrl(makeFeed([service('a'), service('b')], { accessPoints: [accessPoint()] }));
    const wrap = fixtureSync<HTMLDivElement>(html`<div>
      <welfare-list src=${src}></welfare-list>
      <welfare-access-points src=${src}></welfare-access-points>
    </div>`);
    await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    const ap = await settled(wrap.querySelector<WelfareAccessPoints>('welfare-access-points')!);
    expect(ap.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(1);
    await new Promise((r) => setTimeout(r, 300)); // time for a lazy import to go out, if any
    expect(engineRequests()).to.deep.equal([]);
    expect(hoursEngine()).to.equal(undefined);
  });

  it('a feed whose hours are all compiled fetches the small evaluator only, not its reader of strings', async () => {
    setClock(new Date('2026-12-02T10:00:00+01:00'));
    const hours = 'Mo-Fr 08:00-13:00';
    const weekdays = [[[480, 780]], [[480, 780]], [[480, 780]], [[480, 780]], [[480, 780]], [], []];
    const compiled = { from: '2026-12-01', to: '2027-12-31', weeks: [weekdays], periods: [['2026-12-01', 0]] };
    const src = feedBlobUrl(makeFeed([service('a', { hours })], { hoursCompiled: { [hours]: compiled } }));
    const list = await settled(fixtureSync<WelfareList>(html`<welfare-list src=${src}></welfare-list>`));
    const state = () => list.shadowRoot!.querySelector('[part~="hours-state"]')?.textContent?.trim();
    await waitUntil(() => state(), 'the state did not appear');
    expect(state()).to.equal('Aperto ora, chiude alle 13:00');
    await new Promise((r) => setTimeout(r, 300)); // time for a lazy import to go out, if any
    expect(engineRequests().some((name) => name.includes('/hours/light.'))).to.equal(true);
    expect(readerRequests()).to.deep.equal([]);
  });

  it('a feed with common strings fetches the small evaluator and its reader, not the library, and the states appear', async () => {
    setClock(new Date('2026-12-02T10:00:00+01:00'));
    const src = feedBlobUrl(
      makeFeed([service('a', { hours: 'Mo-Fr 09:00-12:30' })], { accessPoints: [accessPoint({ hours: 'Mo-Fr 09:00-12:30' })] }),
    );
    const wrap = fixtureSync<HTMLDivElement>(html`<div>
      <welfare-list src=${src}></welfare-list>
      <welfare-access-points src=${src}></welfare-access-points>
    </div>`);
    const list = await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    const ap = await settled(wrap.querySelector<WelfareAccessPoints>('welfare-access-points')!);
    const state = (el: Element) => el.shadowRoot!.querySelector('[part~="hours-state"]')?.textContent?.trim();
    await waitUntil(() => state(ap) && state(list), 'the states did not appear');
    expect(engineRequests().some((name) => name.includes('/hours/light.'))).to.equal(true);
    expect(readerRequests().length).to.equal(1);
    expect(state(ap)).to.equal('Aperto ora, chiude alle 12:30');
    expect(state(list)).to.equal(state(ap));
    await new Promise((r) => setTimeout(r, 300)); // time for a lazy import to go out, if any
    expect(libraryRequests()).to.deep.equal([]);
  });

  it('a string the small evaluator cannot read fetches the library, and its state appears', async () => {
    setClock(new Date('2026-12-07T10:00:00+01:00')); // a Monday
    const src = feedBlobUrl(makeFeed([service('a', { hours: 'Mo[1] 09:00-12:30' })]));
    const list = await settled(fixtureSync<WelfareList>(html`<welfare-list src=${src}></welfare-list>`));
    const state = () => list.shadowRoot!.querySelector('[part~="hours-state"]')?.textContent?.trim();
    await waitUntil(() => state(), 'the state did not appear');
    expect(libraryRequests().some((name) => name.includes('opening_hours'))).to.equal(true);
    // 7 December is the first Monday of the month; the next one is 4 January.
    expect(state()).to.equal('Aperto ora, chiude alle 12:30');
  });
});
