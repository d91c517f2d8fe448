import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/aiuto/welfare-hub-poster-post.js';
import type { WelfareHubPosterPost } from '../src/aiuto/poster-post.component.js';
import { waitUntil } from '../../core/test/helpers.js';

const HUB = 'https://hub.test';
const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The post's rows as a person reads them: "Stato: Pubblicato sulla bacheca." … */
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const button = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

interface Answers {
  state?: string;
  reason?: string;
  linkInvalid?: boolean;
  offline?: boolean;
}

/** The hub's poster endpoints from memory; records what was asked. */
function fakeHub(answers: Answers) {
  const calls: string[] = [];
  let state = answers.state ?? 'published';
  const original = window.fetch;
  window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const action = url.split('/').pop()!;
    calls.push(`${action} ${init.body}`);
    if (answers.offline) throw new TypeError('Failed to fetch');
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (answers.linkInvalid) return json(404, { title: 'Non trovato', detail: 'Annuncio non trovato (in italiano)', code: 'link-invalid' });
    if (action === 'withdraw') {
      state = 'withdrawn';
      return new Response(null, { status: 204 });
    }
    return json(200, { state, text: 'Accompagno a fare la spesa.', comune: 'Lodi', expires: '2026-12-31', ...(answers.reason ? { reason: answers.reason } : {}) });
  }) as typeof fetch;
  return { calls, restore: () => (window.fetch = original) };
}

async function mount(answers: Answers, lang = 'it') {
  location.hash = '#annuncio=aiuto-1&chiave=segreta';
  const hub = fakeHub(answers);
  const el = await fixture<WelfareHubPosterPost>(html`<div lang=${lang}><welfare-hub-poster-post hub=${HUB}></welfare-hub-poster-post></div>`);
  const post = el.querySelector('welfare-hub-poster-post')!;
  return { post, hub };
}

describe('<welfare-hub-poster-post>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('shows the post in words, renews it, and withdraws it only after a question (keyboard)', async () => {
    const { post, hub } = await mount({});
    try {
      await waitUntil(() => post.shadowRoot!.querySelector('dl'));
      expect(rows(post)).to.deep.equal(['Stato: Pubblicato sulla bacheca.', 'Testo: Accompagno a fare la spesa.', 'Comune: Lodi', 'Scade il: 31 dicembre 2026']);
      expect(hub.calls).to.deep.equal(['status {"key":"segreta"}']);
      await expect(post).to.be.accessible();

      button(post, 'Rinnova per 30 giorni').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => /Rinnovato per 30 giorni/.test(focused(post)?.textContent ?? ''));
      expect(hub.calls.at(-1)).to.equal('renew {"key":"segreta"}');

      button(post, 'Ritira l’annuncio').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(post)?.classList.contains('question'));
      expect(text(post)).to.include('Ritirare l’annuncio? Esce dalla bacheca');
      expect(hub.calls.at(-1)).to.equal('renew {"key":"segreta"}', 'nothing withdrawn yet');
      await expect(post).to.be.accessible();
      // "No" keeps it, and gives the focus back to the button.
      button(post, 'No, lascialo').click();
      await waitUntil(() => focused(post)?.textContent?.trim() === 'Ritira l’annuncio');

      button(post, 'Ritira l’annuncio').click();
      await waitUntil(() => focused(post)?.classList.contains('question'));
      await sendKeys({ press: 'Tab' });
      expect(focused(post)?.textContent?.trim()).to.equal('Sì, ritira');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => /Ritirato: il tuo recapito e il testo sono stati cancellati/.test(focused(post)?.textContent ?? ''));
      expect(hub.calls.at(-1)).to.equal('withdraw {"key":"segreta"}');
      expect(rows(post)).to.deep.equal(['Stato: Ritirato.', 'Comune: Lodi']);
      expect(text(post)).not.to.include('Accompagno a fare la spesa', 'the text is gone');
      expect(post.shadowRoot!.querySelectorAll('button')).to.have.length(0);
      await expect(post).to.be.accessible();
    } finally {
      hub.restore();
    }
  });

  it('gives the mediator’s reason for a post not published, with no actions', async () => {
    const { post, hub } = await mount({ state: 'rejected', reason: 'Contiene un indirizzo.' });
    try {
      await waitUntil(() => post.shadowRoot!.querySelector('dl'));
      expect(rows(post)).to.deep.equal(['Stato: Non pubblicato.', 'Motivo: Contiene un indirizzo.', 'Testo: Accompagno a fare la spesa.', 'Comune: Lodi']);
      expect(post.shadowRoot!.querySelectorAll('button')).to.have.length(0);
      expect(post.shadowRoot!.querySelector('a')!.textContent).to.equal('Scrivi un nuovo annuncio');
      await expect(post).to.be.accessible();
    } finally {
      hub.restore();
    }
  });

  it('speaks English, and says a wrong link in its own words, in the language of the moment', async () => {
    const { post, hub } = await mount({ linkInvalid: true }, 'en');
    try {
      await waitUntil(() => post.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(post)).to.include('Post not found: the link is not valid');
      expect(text(post)).not.to.include('italiano');
      await expect(post).to.be.accessible();
      post.parentElement!.setAttribute('lang', 'it');
      await waitUntil(() => text(post).includes('Annuncio non trovato: il link non è valido'));
    } finally {
      hub.restore();
    }
  });

  it('offers to try again when the hub cannot be reached, and is accessible while loading', async () => {
    const { post, hub } = await mount({ offline: true });
    try {
      await waitUntil(() => post.shadowRoot!.querySelector('[role="alert"]'));
      expect(text(post)).to.include('Qualcosa non ha funzionato');
      await expect(post).to.be.accessible();
      hub.restore();
      const again = fakeHub({});
      try {
        button(post, 'Riprova').click();
        await waitUntil(() => post.shadowRoot!.querySelector('dl'));
        expect(text(post)).to.include('Pubblicato sulla bacheca.');
      } finally {
        again.restore();
      }
    } finally {
      hub.restore();
    }
  });

  it('is accessible while it loads', async () => {
    location.hash = '#annuncio=aiuto-1&chiave=segreta';
    const original = window.fetch;
    window.fetch = (() => new Promise(() => undefined)) as typeof fetch;
    try {
      const el = await fixture<WelfareHubPosterPost>(html`<welfare-hub-poster-post hub=${HUB}></welfare-hub-poster-post>`);
      expect(text(el)).to.equal('Caricamento del tuo annuncio…');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
  });
});
