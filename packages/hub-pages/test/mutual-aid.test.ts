import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/mutual-aid/welfare-hub-mutual-aid.js';
import { ApiError, type HubClient, type MutualAidQueued } from '../src/api/client.js';
import { contactHref } from '../src/mutual-aid/mediator.component.js';
import { waitUntil } from '../../core/test/helpers.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: Element | ShadowRoot, label: string) => [...el.querySelectorAll('button')].find((b) => text(b).startsWith(label))!;
const post = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`article[data-id="${id}"]`)!;
/** The element focused inside the page's shadow root. */
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;

const POSTS: MutualAidQueued[] = [
  {
    id: 'aiuto-1', kind: 'cerco', topic: 'spesa', text: 'Cerco chi mi porta la spesa il sabato.', availability: 'il sabato mattina', comune: 'Lodi',
    contact: 'maria.rossi@example.org', state: 'pending', reported: true, reason: null, mediator: 'caritas', published: '2026-11-20', expires: '2026-12-20', createdAt: '2026-11-19T10:00:00Z',
  },
  {
    id: 'aiuto-2', kind: 'offro', topic: 'pratiche', text: 'Aiuto a compilare la domanda ISEE.', availability: null, comune: 'Codogno',
    contact: '0371 123 456', state: 'pending', reported: false, reason: null, mediator: null, published: null, expires: '2026-12-30', createdAt: '2026-11-30T09:00:00Z',
  },
  {
    id: 'aiuto-3', kind: 'offro', topic: 'compagnia', text: 'Faccio compagnia il pomeriggio.', availability: 'martedì', comune: 'Lodi',
    contact: '+39 333 1234567', state: 'published', reported: false, reason: null, mediator: 'caritas', published: '2026-11-25', expires: '2026-12-25', createdAt: '2026-11-24T09:00:00Z',
    messages: [
      { id: 'risposta-1', text: 'Buongiorno, abito vicino e il martedì sono libera.', contact: 'luca.verdi@example.net', relayed: true, createdAt: '2026-11-26T08:00:00Z' },
      { id: 'risposta-2', text: 'Posso venire io il giovedì.', contact: '02 1234 5678', relayed: false, createdAt: '2026-11-27T08:00:00Z' },
    ],
  },
];

/** The hub's mediator API from memory: records the calls, moves posts as the hub does. */
function fakeClient(options: { posts?: MutualAidQueued[]; refuse?: number; refuseApprove?: string } = {}) {
  let posts = structuredClone(options.posts ?? POSTS);
  const calls: unknown[][] = [];
  const client = {
    calls,
    mutualAidQueue: async () => {
      if (options.refuse) throw new ApiError(options.refuse, { title: 'no', detail: options.refuse === 403 ? 'Il tuo ente non fa da tramite' : 'Il server non risponde' });
      return { comuni: ['Codogno', 'Lodi'], posts: structuredClone(posts) };
    },
    mutualAidMessageDone: async (id: string) => {
      calls.push([id, 'answer-done']);
      posts = posts.map((x) => ({ ...x, messages: x.messages?.filter((m) => m.id !== id) }));
    },
    moderateMutualAid: async (id: string, action: string, body: Record<string, string>) => {
      calls.push([id, action, body]);
      if (action === 'approve' && options.refuseApprove) {
        throw new ApiError(422, { detail: options.refuseApprove, errors: [{ path: 'text', message: 'contact' }] });
      }
      const p = posts.find((x) => x.id === id)!;
      if (action === 'approve') posts = posts.map((x) => (x.id === id ? { ...x, state: 'published', reported: false, text: body['text'] ?? x.text } : x));
      else posts = posts.filter((x) => x.id !== id);
      return { ...p, state: action === 'approve' ? 'published' : action === 'reject' ? 'rejected' : 'done' };
    },
  };
  return client as unknown as HubClient & { calls: unknown[][] };
}

describe('<welfare-hub-mutual-aid>, the mediators’ page', () => {
  it('lists the posts to approve, reported first, with the contact as a mail or phone link', async () => {
    const el = await fixture(html`<welfare-hub-mutual-aid .client=${fakeClient()}></welfare-hub-mutual-aid>`);
    await waitUntil(() => root(el).querySelector('article'), 'the posts');
    const headings = [...root(el).querySelectorAll('h2')].map(text);
    expect(headings).to.deep.equal(['Da approvare: 2 annunci', 'Sulla bacheca: 1 annuncio']);
    const first = post(el, 'aiuto-1');
    expect(text(first.querySelector('h3')!)).to.equal('Cerca aiuto · Spesa e commissioni · Lodi');
    expect(text(first)).to.contain('Segnalato da chi legge la bacheca');
    expect(first.querySelector<HTMLAnchorElement>('.contact a')!.href).to.equal('mailto:maria.rossi@example.org');
    expect(post(el, 'aiuto-2').querySelector<HTMLAnchorElement>('.contact a')!.href).to.equal('tel:0371123456');
    expect(text(root(el))).to.contain('Gli annunci di aiuto reciproco di Codogno, Lodi');
    await expect(el).to.be.accessible();
  });

  it('approves a post as it is; it moves to the board and the focus follows it', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-mutual-aid .client=${client}></welfare-hub-mutual-aid>`);
    await waitUntil(() => root(el).querySelector('article'), 'the posts');
    button(post(el, 'aiuto-2'), 'Approva').click();
    await waitUntil(() => text(root(el)).includes('Annuncio approvato'), 'the confirmation');
    expect(client.calls).to.deep.equal([['aiuto-2', 'approve', {}]]);
    expect([...root(el).querySelectorAll('h2')].map(text)).to.deep.equal(['Da approvare: 1 annuncio', 'Sulla bacheca: 2 annunci']);
    expect(focused(el)?.textContent).to.equal('Sulla bacheca: 2 annunci');
    await expect(el).to.be.accessible();
  });

  it('edits a post for privacy with the keyboard, and shows the hub’s refusal next to the text', async () => {
    const client = fakeClient({ refuseApprove: 'Il testo contiene ancora un’email o un numero di telefono: toglilo prima di approvare.' });
    const el = await fixture(html`<welfare-hub-mutual-aid .client=${client}></welfare-hub-mutual-aid>`);
    await waitUntil(() => root(el).querySelector('article'), 'the posts');
    button(post(el, 'aiuto-1'), 'Modifica e approva').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.tagName === 'TEXTAREA', 'the focus in the text');
    expect((focused(el) as HTMLTextAreaElement).value).to.equal('Cerco chi mi porta la spesa il sabato.');
    await sendKeys({ type: ' Chiamate il 333 1234567' });
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' }); // the availability
    await sendKeys({ press: 'Tab' }); // "Approva con queste modifiche"
    expect(text(focused(el)!)).to.equal('Approva con queste modifiche');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => post(el, 'aiuto-1').querySelector('.message.error'), 'the refusal');
    expect(client.calls).to.deep.equal([['aiuto-1', 'approve', { text: 'Cerco chi mi porta la spesa il sabato. Chiamate il 333 1234567', availability: 'il sabato mattina' }]]);
    expect(text(post(el, 'aiuto-1').querySelector('.message.error')!)).to.contain('numero di telefono');
    expect(focused(el)?.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('rejects only with a reason, and marks a published post done after asking', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-mutual-aid .client=${client}></welfare-hub-mutual-aid>`);
    await waitUntil(() => root(el).querySelector('article'), 'the posts');
    button(post(el, 'aiuto-2'), 'Rifiuta').click();
    await waitUntil(() => focused(el)?.tagName === 'TEXTAREA', 'the reason field');
    button(post(el, 'aiuto-2'), 'Rifiuta l’annuncio').click();
    await waitUntil(() => post(el, 'aiuto-2').querySelector('.message.error'), 'the missing reason');
    expect(client.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const reason = post(el, 'aiuto-2').querySelector('textarea')!;
    reason.value = 'Il Comune offre già questo servizio allo sportello.';
    reason.dispatchEvent(new Event('input'));
    button(post(el, 'aiuto-2'), 'Rifiuta l’annuncio').click();
    await waitUntil(() => !post(el, 'aiuto-2'), 'the post gone');
    expect(client.calls).to.deep.equal([['aiuto-2', 'reject', { reason: 'Il Comune offre già questo servizio allo sportello.' }]]);

    button(post(el, 'aiuto-3'), 'Segna come concluso').click();
    await waitUntil(() => text(post(el, 'aiuto-3')).includes('il recapito e il testo vengono cancellati'), 'the question');
    await expect(el).to.be.accessible();
    button(post(el, 'aiuto-3'), 'Annulla').click();
    await waitUntil(() => focused(el) && text(focused(el)!).startsWith('Segna come concluso'), 'the focus back on the button');
    expect(client.calls).to.have.length(1);
    button(post(el, 'aiuto-3'), 'Segna come concluso').click();
    await waitUntil(() => button(post(el, 'aiuto-3'), 'Sì, è concluso'), 'the question');
    button(post(el, 'aiuto-3'), 'Sì, è concluso').click();
    await waitUntil(() => text(root(el)).includes('Annuncio concluso'), 'done');
    expect(client.calls[1]).to.deep.equal(['aiuto-3', 'done', {}]);
    expect(text(root(el))).to.contain('Nessun annuncio sulla bacheca.');
  });

  it('shows the answers to a post with the answerer’s contact, and deletes one once people are in touch', async () => {
    const client = fakeClient();
    const el = await fixture(html`<welfare-hub-mutual-aid .client=${client}></welfare-hub-mutual-aid>`);
    await waitUntil(() => root(el).querySelector('article'), 'the posts');
    const answers = post(el, 'aiuto-3').querySelector('.answers')!;
    expect(text(answers.querySelector('h4')!)).to.equal('2 risposte');
    const [first, second] = [...answers.querySelectorAll('li')];
    expect(text(first!)).to.contain('Buongiorno, abito vicino e il martedì sono libera.');
    expect(text(first!)).to.contain('Inoltrata per email a chi ha pubblicato.');
    expect(first!.querySelector('a')!.getAttribute('href')).to.equal('mailto:luca.verdi@example.net');
    expect(text(second!)).to.contain('Non inoltrata: mettete voi in contatto le persone.');
    expect(second!.querySelector('a')!.getAttribute('href')).to.equal('tel:0212345678');
    expect(post(el, 'aiuto-1').querySelector('.answers')).to.equal(null);
    await expect(el).to.be.accessible();
    button(first!, 'Messi in contatto: cancella la risposta').click();
    await waitUntil(() => text(root(el)).includes('Risposta cancellata.'), 'the confirmation');
    expect(client.calls).to.deep.equal([['risposta-1', 'answer-done']]);
    expect(text(post(el, 'aiuto-3').querySelector('.answers h4')!)).to.equal('1 risposta');
  });

  it('says so to an organisation that mediates nothing, and shows the empty and error states', async () => {
    const none = await fixture(html`<welfare-hub-mutual-aid .client=${fakeClient({ refuse: 403 })}></welfare-hub-mutual-aid>`);
    await waitUntil(() => text(root(none)).includes('non fa da tramite'), 'the 403 message');
    await expect(none).to.be.accessible();
    const empty = await fixture(html`<welfare-hub-mutual-aid .client=${fakeClient({ posts: [] })}></welfare-hub-mutual-aid>`);
    await waitUntil(() => text(root(empty)).includes('Nessun annuncio da approvare.'), 'the empty queue');
    expect(text(root(empty))).to.contain('Nessun annuncio sulla bacheca.');
    await expect(empty).to.be.accessible();
    const failed = await fixture(html`<welfare-hub-mutual-aid .client=${fakeClient({ refuse: 500 })}></welfare-hub-mutual-aid>`);
    await waitUntil(() => root(failed).querySelector('[role="alert"]'), 'the error');
    expect(text(root(failed))).to.contain('Il server non risponde');
    await expect(failed).to.be.accessible();
    const loading = await fixture(html`<welfare-hub-mutual-aid .client=${{ mutualAidQueue: () => new Promise(() => undefined) } as unknown as HubClient}></welfare-hub-mutual-aid>`);
    expect(text(root(loading))).to.equal('Caricamento degli annunci…');
    await expect(loading).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await fixture(html`<div lang="en"><welfare-hub-mutual-aid .client=${fakeClient()}></welfare-hub-mutual-aid></div>`);
    const page = el.querySelector('welfare-hub-mutual-aid')!;
    await waitUntil(() => root(page).querySelector('article'), 'the posts');
    expect([...root(page).querySelectorAll('h2')].map(text)).to.deep.equal(['To approve: 2 posts', 'On the board: 1 post']);
    expect(text(root(page))).to.contain('Contact (only you see it, never published)');
    expect(button(post(page, 'aiuto-2'), 'Edit and approve')).to.exist;
    await expect(page).to.be.accessible();
  });

  it('links a contact only as mailto: or tel:', () => {
    expect(contactHref('anna@example.org')).to.equal('mailto:anna@example.org');
    expect(contactHref('+39 (0371) 12.34.56')).to.equal('tel:+390371123456');
    expect(contactHref('javascript:alert(1)')).to.equal(undefined);
  });
});
