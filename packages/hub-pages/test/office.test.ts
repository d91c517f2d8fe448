import { expect, fixture, html } from '@open-wc/testing';
import '../src/office/welfare-hub-organisations.js';
import '../src/office/welfare-hub-freshness.js';
import '../src/office/welfare-hub-activity.js';
import type { HubClient } from '../src/api/client.js';
import { GOOD_OFFER } from './fixtures.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: Element | ShadowRoot, label: string) => [...el.querySelectorAll('button')].find((b) => text(b).includes(label))!;

/** A stand-in for the hub's API: answers from memory and records the calls. */
function fakeClient() {
  const calls: unknown[][] = [];
  const orgs = [
    { id: 'caritas', name: 'Caritas Lodigiana', kind: 'third-sector', trusted: false, disabled: false },
    { id: 'comune-lodi', name: 'Comune di Lodi', kind: 'public', trusted: true, disabled: false },
  ];
  const client = {
    calls,
    organisations: async () => orgs.map((o) => ({ ...o })),
    organisationUsers: async (id: string) => (id === 'caritas' ? [{ id: 'u1', name: 'Anna Rossi', email: 'anna@caritas.example', role: 'editor', organisationId: 'caritas', disabled: false }] : []),
    invite: async (...args: unknown[]) => (calls.push(['invite', ...args]), { link: 'http://hub.example/gestione/invito.html#segreto', mailed: false }),
    patchOrganisation: async (id: string, body: object) => (calls.push(['patchOrganisation', id, body]), Object.assign(orgs.find((o) => o.id === id)!, body)),
    patchUser: async (...args: unknown[]) => (calls.push(['patchUser', ...args]), {}),
    resetLink: async (id: string) => (calls.push(['reset', id]), { link: 'http://hub.example/gestione/password.html#altro', mailed: true }),
    createOrganisation: async (body: object) => (calls.push(['create', body]), body),
    stale: async () => [
      { id: 'a', organisationId: 'caritas', state: 'published', stale: true, version: 1, verifiedAt: '2026-03-01T10:00:00Z', data: { ...GOOD_OFFER, name: 'Emporio solidale' } },
      { id: 'b', organisationId: 'caritas', state: 'published', stale: true, version: 1, verifiedAt: '2026-02-01T10:00:00Z', data: { ...GOOD_OFFER, name: 'Mensa serale' } },
    ],
    publications: async () => [{ id: 1, at: '2026-12-01T09:00:00Z', ok: true, etag: 'x', services: 42, notices: 3, accessPoints: 5, errors: 0, problems: [], reason: null }],
    audit: async () => [{ id: 7, at: '2026-12-01T09:00:00Z', actorId: 'u-admin', address: '192.0.2.1', action: 'offer-approved', targetType: 'offer', targetId: 'a', detail: null }],
  };
  return client as unknown as HubClient & { calls: unknown[][] };
}

describe('office pages', () => {
  it('invites someone and shows the one-time link to copy', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-organisations .client=${client}></welfare-hub-organisations>`);
    await waitUntil(() => root(el).querySelector('article'), 'the organisations');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('input[name="email"]')!.value = 'nuova@caritas.example';
    button(root(el), 'Crea il link di invito').click();
    await waitUntil(() => text(root(el)).includes('invito.html#segreto'), 'the link');
    expect(client.calls[0]).to.deep.equal(['invite', 'nuova@caritas.example', 'editor', 'caritas']);
    expect(button(root(el), 'Copia il link')).to.exist;
    expect(text(root(el))).not.to.include('Inviato anche per email', 'no mail was sent: nothing says so');
    await expect(el).to.be.accessible();
  });

  it('marks an organisation trusted, lists its people and makes a reset link', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-organisations .client=${client}></welfare-hub-organisations>`);
    await waitUntil(() => root(el).querySelector('article[data-id="caritas"]'), 'the organisations');
    const caritas = () => root(el).querySelector('article[data-id="caritas"]')!;
    caritas().querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await waitUntil(() => client.calls.length, 'the change');
    expect(client.calls[0]).to.deep.equal(['patchOrganisation', 'caritas', { trusted: true }]);
    button(caritas(), 'Mostra le persone').click();
    await waitUntil(() => text(caritas()).includes('Anna Rossi'), 'the people');
    button(caritas(), 'Link per una nuova password').click();
    await waitUntil(() => text(root(el)).includes('password.html#altro'), 'the reset link');
    expect(text(root(el))).to.include('Inviato anche per email alla persona', 'the hub mailed it: the office is told');
    await expect(el).to.be.accessible();
  });

  it('lists the offers to verify by organisation with a reminder to copy', async () => {
    const el = await fixture(html`<welfare-hub-freshness .client=${fakeClient()} .organisations=${[{ id: 'caritas', name: 'Caritas Lodigiana' }]}></welfare-hub-freshness>`);
    await waitUntil(() => root(el).querySelector('textarea'), 'the reminder');
    const reminder = root(el).querySelector('textarea')!.value;
    expect(reminder).to.contain('le seguenti offerte di Caritas Lodigiana non sono state verificate negli ultimi 6 mesi');
    expect(reminder).to.contain('- Emporio solidale\n- Mensa serale');
    expect(text(root(el))).to.contain('ultima verifica 1 marzo 2026');
    await expect(el).to.be.accessible();
  });

  it('shows the publication history and the audit log', async () => {
    const el = await fixture(html`<welfare-hub-activity .client=${fakeClient()}></welfare-hub-activity>`);
    await waitUntil(() => root(el).querySelectorAll('tbody tr').length === 2, 'both tables');
    const rows = [...root(el).querySelectorAll('tbody tr')].map(text);
    expect(rows[0]).to.contain('pubblicato').and.contain('42');
    expect(rows[1]).to.contain('offer-approved').and.contain('u-admin');
    await expect(el).to.be.accessible();
  });
});

describe("the office's access points", () => {
  it('adds an access point with its place and hours, and refuses one without a name', async () => {
    await import('../src/office/welfare-hub-access-points.js');
    const created: unknown[] = [];
    const points: unknown[] = [];
    const client = {
      accessPoints: async () => points,
      createAccessPoint: async (data: object) => {
        created.push(data);
        points.push({ id: 'ap-1', version: 1, archived: false, data });
        return points[0];
      },
    } as unknown as HubClient;
    const territory = { comuni: [{ name: 'Lodi', lat: 45.3138, lon: 9.5018 }], categories: [], audiences: [] };
    const el = await fixture(html`<welfare-hub-access-points .client=${client} .territory=${territory} tiles="none"></welfare-hub-access-points>`);
    await waitUntil(() => text(root(el)).includes('Nessun punto di accesso'), 'the empty list');
    await expect(el).to.be.accessible();
    button(root(el), 'Nuovo punto di accesso').click();
    await waitUntil(() => root(el).querySelector('form'), 'the form');
    button(root(el), 'Salva e pubblica').click();
    await waitUntil(() => text(root(el)).includes('Scrivete il nome'), 'the missing name');
    expect(created).to.deep.equal([]);
    const name = root(el).querySelector<HTMLInputElement>('input')!;
    name.value = 'Sportello sociale di Lodi';
    name.dispatchEvent(new Event('input'));
    const select = root(el).querySelector('select')!;
    select.value = 'Lodi';
    select.dispatchEvent(new Event('change'));
    const builder = root(el).querySelector('welfare-hours-builder')!;
    await waitUntil(() => builder.shadowRoot?.querySelector('button'), 'the hours builder');
    button(builder.shadowRoot!, 'Aggiungi giorni e orari').click();
    await expect(el).to.be.accessible();
    button(root(el), 'Salva e pubblica').click();
    await waitUntil(() => created.length === 1, 'the access point is sent');
    expect(created[0]).to.deep.equal({ name: 'Sportello sociale di Lodi', comune: 'Lodi', hours: 'Mo-Fr 09:00-12:00; PH off' });
    await waitUntil(() => text(root(el)).includes('lun–ven 9:00–12:00, chiuso nei festivi'), 'the list shows it');
  });
});
