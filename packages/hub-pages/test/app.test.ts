import { expect, fixture, html } from '@open-wc/testing';
import '../src/app/welfare-hub-app.js';
import type { WelfareHubApp } from '../src/app/app.component.js';
import { waitUntil } from '../../core/test/helpers.js';

const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<welfare-hub-app>', () => {
  const realFetch = window.fetch;
  const realConfirm = window.confirm;
  afterEach(() => {
    window.fetch = realFetch;
    window.confirm = realConfirm;
    history.replaceState(null, '', location.pathname);
    for (const k of Object.keys(localStorage)) if (k.startsWith('welfare-hub-draft:')) localStorage.removeItem(k);
  });

  /** A hub that knows one editor and no offers. */
  function fakeHub() {
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    window.fetch = (async (input: RequestInfo | URL) => {
      const path = new URL(String(input), location.href).pathname;
      if (path === '/api/session') return json({ user: { id: 'u', email: 'a@b.it', name: 'Anna', role: 'editor', organisationId: 'caritas' }, csrfToken: 't' });
      if (path === '/api/territory') return json({ comuni: [{ name: 'Lodi', lat: 45.31, lon: 9.5 }], categories: [], audiences: [] });
      if (path === '/api/organisations') return json({ organisations: [{ id: 'caritas', name: 'Caritas' }] });
      if (path === '/api/offers') return json({ offers: [] });
      return json({ title: 'Non trovato' }, 404);
    }) as typeof fetch;
  }

  it('asks before leaving a form with unsaved changes for another page, and stays when told to', async () => {
    fakeHub();
    history.replaceState(null, '', '#/offerte/nuova');
    const el = await fixture<WelfareHubApp>(html`<welfare-hub-app tiles="none"></welfare-hub-app>`);
    const form = () => el.shadowRoot!.querySelector('welfare-offer-form');
    await waitUntil(() => form()?.shadowRoot?.querySelector('input'), 'the form');
    const name = form()!.shadowRoot!.querySelector('input')!;
    name.value = 'Sportello nuovo';
    name.dispatchEvent(new Event('input'));
    let asked = 0;
    window.confirm = () => (asked++, false);
    location.hash = '#/offerte';
    await waitUntil(() => asked === 1, 'the question');
    await new Promise((ok) => setTimeout(ok, 50));
    expect(location.hash).to.equal('#/offerte/nuova');
    expect(form()).to.exist;
    window.confirm = () => (asked++, true);
    location.hash = '#/offerte';
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')!) === 'Le nostre offerte', 'the offers page');
    expect(asked).to.equal(2);
    await expect(el).to.be.accessible();
  });
});
