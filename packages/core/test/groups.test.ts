import { expect, fixture, html } from '@open-wc/testing';
import { groupStore, pick, WelfareElement } from '@welfare-elements/core';
import type { PropertyValues } from 'lit';
import { feedBlobUrl, makeFeed, resetAll, service, waitUntil } from './helpers.js';

/**
 * How elements share a group's feed (issue 13): the most recent source wins, an equal
 * source changes nothing, elements with neither `group` nor `src` have a group of their
 * own, and `feed = null` clears. The broken behaviour was a page that never yielded
 * again; each probe removes itself after MAX_UPDATES renders, so a regression fails
 * here instead of freezing the test browser.
 */
const MAX_UPDATES = 60;

class GroupProbe extends WelfareElement {
  updates = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (++this.updates >= MAX_UPDATES) {
      // The guard: leave the group, so a ping-pong between two probes stops.
      this.remove();
      return;
    }
    super.willUpdate(changed);
  }

  override render() {
    return this.renderState(() => html`<p>${pick(this.data.store.feed?.title, 'it')}: ${this.data.store.feed?.services.length}</p>`);
  }

  get shown(): string {
    return this.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  get store() {
    return this.data.store;
  }
}
customElements.define('group-probe', GroupProbe);

/** Resolves once no probe has rendered for a while (the page is quiet again). */
async function quiet(probes: GroupProbe[]): Promise<void> {
  let last = -1;
  for (;;) {
    const total = probes.reduce((n, p) => n + p.updates, 0);
    if (total === last) return;
    last = total;
    await new Promise((ok) => setTimeout(ok, 150));
  }
}

const feedText = (title: string, ids: string[]) => JSON.stringify(makeFeed(ids.map((id) => service(id)), { title }));

describe('groups and their feed', () => {
  beforeEach(resetAll);

  it('settles when two elements of one group each get their own copy of the same feed', async () => {
    const text = feedText('Copia', ['a', 'b']);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <group-probe group="framework" .feed=${JSON.parse(text)}></group-probe>
      <group-probe group="framework" .feed=${JSON.parse(text)}></group-probe>
    </div>`);
    const probes = [...wrapper.querySelectorAll<GroupProbe>('group-probe')];
    expect(probes, 'both still on the page (the guard removes a probe that renders endlessly)').to.have.length(2);
    await waitUntil(() => probes.every((p) => p.shown === 'Copia: 2'), 'both show the feed');
    await quiet(probes);
    for (const p of probes) {
      expect(p.isConnected, 'not removed by the render guard').to.be.true;
      expect(p.updates).to.be.below(8);
    }
    // A framework re-render hands fresh copies again: nothing reloads.
    const before = probes.map((p) => p.updates);
    probes[0]!.feed = JSON.parse(text);
    probes[1]!.feed = JSON.parse(text);
    await quiet(probes);
    expect(probes[0]!.store.status).to.equal('ready');
    expect(probes.map((p, i) => p.updates - before[i]!).every((n) => n <= 2)).to.be.true;
  });

  it('gives the group the most recent source when two sources differ', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <group-probe group="two-sources" .feed=${JSON.parse(feedText('Primo', ['a']))}></group-probe>
      <group-probe group="two-sources" src=${feedBlobUrl(JSON.parse(feedText('Secondo', ['a', 'b', 'c'])))}></group-probe>
    </div>`);
    const probes = [...wrapper.querySelectorAll<GroupProbe>('group-probe')];
    await waitUntil(() => probes.every((p) => p.shown === 'Secondo: 3'), 'the later element gave its feed');
    await quiet(probes);
    expect(probes.every((p) => p.isConnected && p.updates < 10)).to.be.true;
    // Giving a new feed to the first element makes it the most recent.
    probes[0]!.feed = JSON.parse(feedText('Terzo', ['x', 'y']));
    await waitUntil(() => probes.every((p) => p.shown === 'Terzo: 2'), 'the newest feed wins');
    await quiet(probes);
    expect(probes.every((p) => p.isConnected)).to.be.true;
  });

  it('keeps feed-only elements without group or src apart, each with its own feed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <group-probe .feed=${JSON.parse(feedText('Uno', ['a']))}></group-probe>
      <group-probe .feed=${JSON.parse(feedText('Due', ['a', 'b']))}></group-probe>
    </div>`);
    const [one, two] = [...wrapper.querySelectorAll<GroupProbe>('group-probe')];
    expect(two, 'both still on the page (the guard removes a probe that renders endlessly)').to.exist;
    await waitUntil(() => one!.shown === 'Uno: 1' && two!.shown === 'Due: 2', 'each shows its own feed');
    await quiet([one!, two!]);
    expect(one!.isConnected && two!.isConnected).to.be.true;
    expect(one!.store).to.not.equal(two!.store);
    // Filters stay apart too.
    one!.store.update({ query: 'x' });
    expect(two!.store.filters.query).to.equal('');
  });

  it('clears the feed when `feed` is set to null', async () => {
    const el = await fixture<GroupProbe>(html`<group-probe .feed=${JSON.parse(feedText('Prima', ['a']))}></group-probe>`);
    await waitUntil(() => el.shown === 'Prima: 1', 'the feed is shown');
    el.feed = null as unknown as object;
    await waitUntil(() => !el.shown.includes('Prima'), 'the old feed is gone');
    expect(el.shown).to.match(/^Nessuna fonte dati/);
    expect(el.store.status).to.equal('idle');
    expect(el.store.feed).to.equal(undefined);
  });

  it('keeps a welfare-error message short when it would quote a huge URL or value', async () => {
    const messages: { message: string; code?: string }[] = [];
    const root = await fixture<HTMLDivElement>(html`<div @welfare-error=${(e: CustomEvent) => messages.push(e.detail)}></div>`);
    const broken = document.createElement('group-probe') as GroupProbe;
    broken.src = `data:application/json,{"version":1,"title":"${'x'.repeat(200_000)}`;
    const old = document.createElement('group-probe') as GroupProbe;
    old.feed = { version: 'y'.repeat(200_000), services: [] };
    root.append(broken, old);
    await waitUntil(() => messages.length === 2, 'both fail');
    expect(messages.map((m) => m.code).sort()).to.deep.equal(['json', 'version']);
    for (const { message } of messages) {
      expect(message.length).to.be.within(20, 300);
      expect(message).to.match(/^(The feed data:application\/json|Unsupported feed version)/);
    }
  });

  it('keeps the group on the feed of another element when one withdraws its own', async () => {
    const src = feedBlobUrl(JSON.parse(feedText('Condiviso', ['a', 'b'])));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <group-probe group="withdraw" src=${src}></group-probe>
      <group-probe group="withdraw" .feed=${JSON.parse(feedText('Proprio', ['a']))}></group-probe>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll<GroupProbe>('group-probe')];
    await waitUntil(() => first!.shown === 'Proprio: 1', 'the later feed wins');
    second!.feed = null as unknown as object;
    await waitUntil(() => first!.shown === 'Condiviso: 2' && second!.shown === 'Condiviso: 2', 'back to the remaining source');
    expect(groupStore('withdraw').status).to.equal('ready');
  });
});
