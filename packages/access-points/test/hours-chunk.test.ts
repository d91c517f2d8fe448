/**
 * The opening-hours evaluator is large and lives in its own chunk: a page whose feed
 * has no hours must never request it. This file runs in its own page, so nothing else
 * loaded the evaluator before. A static import of the evaluator anywhere in the
 * elements would put it in this page's module graph and fail the first test.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { hoursEngine, setClock } from '@welfare-elements/core';
import '@welfare-elements/access-points';
import '@welfare-elements/list';
import type { WelfareAccessPoints } from '@welfare-elements/access-points';
import type { WelfareList } from '@welfare-elements/list';
import { feedBlobUrl, makeFeed, resetAll, service, settled, waitUntil } from '../../core/test/helpers.js';

const engineRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /opening_hours|\/hours\/engine\./.test(name));

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

  it('is requested once a feed has hours, and the states appear', async () => {
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
    expect(engineRequests().some((name) => name.includes('opening_hours'))).to.equal(true);
    expect(state(ap)).to.equal('Aperto ora, chiude alle 12:30');
    expect(state(list)).to.equal(state(ap));
  });
});
