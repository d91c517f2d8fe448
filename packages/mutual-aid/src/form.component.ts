import { defineElement, hostStyles, LangController, type Lang } from '@welfare-elements/core';
import { MUTUAL_AID_TOPICS } from '@welfare-elements/core/mutual-aid/post.js';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mutualAidFormStyles } from './form.styles.js';
import { mutualAidFormStrings } from './form.strings.js';
import { mutualAidStrings } from './mutual-aid.strings.js';

/** The public part of a post being answered, from the hub's feed. */
interface AnsweredPost {
  readonly id: string;
  readonly kind: string;
  readonly topic: string;
  readonly text: string;
  readonly comune: string;
  readonly availability?: string;
}

type Phase = 'loading' | 'ready' | 'error' | 'sent';
type Field = 'kind' | 'topic' | 'text' | 'availability' | 'comune' | 'contact' | 'consent';
type FormStrings = (typeof mutualAidFormStrings)['it'];
/**
 * A message kept as what to say rather than the words said, so that a page switching its
 * language shows the problems and failures already on screen in the new language too.
 */
type Say = (t: FormStrings) => string;

/** An error from the hub or the network, with what to tell the person in either language. */
class Refusal extends Error {
  constructor(
    readonly say: Say,
    readonly errors: readonly { path: string }[] = [],
  ) {
    super('refused');
  }
}

/** The hub's root from the `hub` attribute: http(s) only, no trailing slash. */
export function hubRoot(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** The post to answer from the page's address (`#rispondi=<id>`, the board's links). */
const answerFromHash = () => new URLSearchParams(location.hash.slice(1)).get('rispondi') ?? undefined;

/**
 * The mutual-aid posting form for a comune's own site (issue 19): it sends an offer or a
 * request of help to the hub (`hub`), or, on a page opened from a board's "Scrivi a chi ha
 * pubblicato" (`#rispondi=<id>`, or the `post` attribute), an answer to one post. It asks
 * only what is needed, with the consent and retention text in plain words; the contact
 * goes to the hub and is never published. The hub must list this site's origin
 * (`--aid-origins`); the hub's own checks apply (form token and delay, honeypot, rate
 * limits, word list). No cookie is sent.
 *
 * @summary Mutual aid: the form that posts an offer, a request or an answer to the hub.
 *
 * @csspart form - The form.
 * @csspart submit - The send button.
 * @csspart confirmation - The message after sending (with the personal link for a post).
 * @csspart error - An error message (role="alert").
 * @csspart state - The loading message.
 */
export class WelfareMutualAidForm extends LitElement {
  static override styles = [hostStyles, mutualAidFormStyles];

  /** The hub's address, e.g. `https://hub.ambito.example`. */
  @property() hub?: string;
  /** Answer this post (its id); default: `#rispondi=<id>` in the page's address. */
  @property() post?: string;

  @state() private phase: Phase = 'loading';
  @state() private token = '';
  @state() private comuni: string[] = [];
  /** The post being answered; null when it is no longer on the board. */
  @state() private answered?: AnsweredPost | null;
  @state() private problems = new Map<Field, Say>();
  @state() private failure?: Say;
  @state() private busy = false;
  @state() private sent?: { link?: string; relayed?: boolean };
  private readonly langController = new LangController(this);

  private get lang_(): Lang {
    return this.langController.lang;
  }

  /** Registers the tag unless another copy of the bundle already did. */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  private get answering(): string | undefined {
    return this.post || answerFromHash();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    // A refused origin (not in the hub's --aid-origins) or no network: the browser says only "failed".
    const response = await fetch(`${hubRoot(this.hub)}${path}`, {
      method,
      credentials: 'omit',
      headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).catch(() => {
      throw new Refusal((t) => t.failed);
    });
    const data = await response.json().catch(() => undefined);
    if (!response.ok) {
      // The hub names what went wrong with a `code`; its `detail` is Italian, so the
      // element says it in its own language (an unknown code: the generic failure).
      const code = typeof data?.code === 'string' ? data.code : '';
      const minutes = data?.minutes;
      const say: Say = (t) => (code === 'too-many' && Number.isInteger(minutes) ? t.waitMinutes(minutes) : (t.refusals[code] ?? t.failed));
      throw new Refusal(say, Array.isArray(data?.errors) ? data.errors : []);
    }
    return data as T;
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    this.failure = undefined;
    if (!hubRoot(this.hub)) {
      this.failure = (t) => t.noHub;
      this.phase = 'error';
      return;
    }
    try {
      const form = await this.call<{ token: string; comuni: string[] }>('GET', '/api/public/mutual-aid/form');
      this.token = form.token;
      this.comuni = form.comuni;
      const id = this.answering;
      if (id) {
        const feed = await this.call<{ mutualAid?: AnsweredPost[] }>('GET', '/feed.json');
        this.answered = feed.mutualAid?.find((p) => p.id === id) ?? null;
      }
      this.phase = 'ready';
    } catch {
      this.failure = (t) => t.loadFailed;
      this.phase = 'error';
    }
  }

  /** A fresh token after a refused send (the hub checks when the form was shown). */
  private async refreshToken(): Promise<void> {
    this.token = (await this.call<{ token: string }>('GET', '/api/public/mutual-aid/form').catch(() => ({ token: this.token }))).token;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const answering = this.answered ? this.answered.id : undefined;
    const problems = new Map<Field, Say>();
    if (!answering && !value('kind')) problems.set('kind', (t) => t.kindMissing);
    if (!value('text')) problems.set('text', answering ? (t) => t.messageMissing : (t) => t.textMissing);
    if (!value('contact')) problems.set('contact', (t) => t.contactMissing);
    if (data.get('consent') !== 'on') problems.set('consent', (t) => t.consentMissing);
    this.problems = problems;
    this.failure = undefined;
    if (problems.size) return this.focusProblem();
    this.busy = true;
    try {
      const common = { text: value('text'), contact: value('contact'), consent: true, website: String(data.get('website') ?? ''), token: this.token };
      if (answering) {
        const sent = await this.call<{ relayed: boolean }>('POST', `/api/public/mutual-aid/posts/${encodeURIComponent(answering)}/messages`, common);
        this.sent = { relayed: sent.relayed };
      } else {
        const body = { ...common, kind: value('kind'), topic: value('topic'), comune: value('comune'), availability: value('availability') };
        const sent = await this.call<{ id: string; key: string }>('POST', '/api/public/mutual-aid/posts', body);
        // The hub's page for the poster, in the language they wrote in.
        const lang = this.lang_ === 'it' ? '' : `&lang=${this.lang_}`;
        this.sent = { link: `${hubRoot(this.hub)}/gestione/aiuto.html#annuncio=${encodeURIComponent(sent.id)}&chiave=${encodeURIComponent(sent.key)}${lang}` };
      }
      this.phase = 'sent';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="confirmation"]')?.focus();
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal((t) => t.failed);
      const fields = refusal.errors.map((p) => p.path).filter((p): p is Field => ['text', 'contact', 'comune', 'consent'].includes(p));
      this.problems = new Map(fields.map((f) => [f, refusal.say]));
      if (!fields.length) this.failure = refusal.say;
      await this.refreshToken();
      if (fields.length) this.focusProblem();
    } finally {
      this.busy = false;
    }
  }

  private focusProblem(): void {
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  protected override render() {
    const t = mutualAidFormStrings[this.lang_];
    if (this.phase === 'loading') return html`<p part="state" role="status">${t.loading}</p>`;
    if (this.phase === 'error')
      return html`<div part="error" role="alert">
        <p>${this.failure?.(t)}</p>
        ${hubRoot(this.hub) ? html`<p><button type="button" class="secondary" @click=${this.load}>${t.retry}</button></p>` : nothing}
      </div>`;
    if (this.phase === 'sent') return this.renderSent();
    if (this.answering) return this.renderAnswer();
    if (!this.comuni.length) return html`<p part="error" role="alert">${t.noComuni}</p>`;
    return this.renderPost();
  }

  private renderSent() {
    const t = mutualAidFormStrings[this.lang_];
    const sent = this.sent!;
    if (!sent.link) return html`<p part="confirmation" class="confirmation" tabindex="-1" role="status">${sent.relayed ? t.answerRelayed : t.answerSent}</p>`;
    return html`<div part="confirmation" class="confirmation" tabindex="-1" role="status">
      <p><strong>${t.sentTitle}.</strong> ${t.sentText}</p>
      <p>${t.keepLink} <a href=${sent.link}>${sent.link}</a></p>
    </div>`;
  }

  /** One labelled field with its hint and its problem (ids are local to the shadow root). */
  private field(name: Field, label: string, control: (described: string, invalid: boolean) => unknown, hint?: string) {
    const problem = this.problems.get(name)?.(mutualAidFormStrings[this.lang_]);
    const described = [hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<p class="field">
      <label for=${name}>${label}</label>
      ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing} ${control(described, Boolean(problem))}
      ${problem ? html`<span class="problem" id="${name}-error">${problem}</span>` : nothing}
    </p>`;
  }

  private renderCommon(contactHint: string, consent: string) {
    const t = mutualAidFormStrings[this.lang_];
    const consentProblem = this.problems.get('consent')?.(t);
    return html`${this.field(
        'contact',
        t.contact,
        (d, invalid) => html`<input id="contact" name="contact" maxlength="200" autocomplete="email" aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'} />`,
        contactHint,
      )}
      <p class="trap" aria-hidden="true"><label for="website">${t.trap}</label><input id="website" name="website" tabindex="-1" autocomplete="off" /></p>
      <p class="field">
        <label class="consent">
          <input type="checkbox" name="consent" aria-invalid=${consentProblem ? 'true' : 'false'} aria-describedby=${consentProblem ? 'consent-error' : nothing} />
          <span>${consent}</span>
        </label>
        ${consentProblem ? html`<span class="problem" id="consent-error">${consentProblem}</span>` : nothing}
      </p>
      ${this.failure ? html`<p part="error" class="failure" role="alert">${this.failure(t)}</p>` : nothing}`;
  }

  private renderPost() {
    const t = mutualAidFormStrings[this.lang_];
    const topics = mutualAidStrings[this.lang_].topics;
    const kindProblem = this.problems.get('kind')?.(t);
    return html`<form part="form" novalidate @submit=${this.submit}>
      <p>${t.intro}</p>
      <fieldset aria-describedby=${kindProblem ? 'kind-error' : nothing}>
        <legend>${t.kind}</legend>
        ${['offro', 'cerco'].map(
          (k) => html`<label class="choice"><input type="radio" name="kind" value=${k} aria-invalid=${kindProblem ? 'true' : 'false'} /> ${t.kinds[k]}</label>`,
        )}
        ${kindProblem ? html`<span class="problem" id="kind-error">${kindProblem}</span>` : nothing}
      </fieldset>
      ${this.field('topic', t.topic, () => html`<select id="topic" name="topic">${MUTUAL_AID_TOPICS.map((k) => html`<option value=${k}>${topics[k]}</option>`)}</select>`)}
      ${this.field(
        'text',
        t.text,
        (d, invalid) => html`<textarea id="text" name="text" rows="4" maxlength="500" aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`,
        t.textHint,
      )}
      ${this.field(
        'availability',
        t.availability,
        (d) => html`<input id="availability" name="availability" maxlength="200" aria-describedby=${d || nothing} />`,
        t.availabilityHint,
      )}
      ${this.field(
        'comune',
        t.comune,
        (d, invalid) => html`<select id="comune" name="comune" aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'}>
          ${this.comuni.map((c) => html`<option value=${c}>${c}</option>`)}
        </select>`,
      )}
      ${this.renderCommon(t.contactHint, t.consent)}
      <p><button type="submit" part="submit" ?disabled=${this.busy}>${t.send}</button></p>
    </form>`;
  }

  private renderAnswer() {
    const t = mutualAidFormStrings[this.lang_];
    const board = mutualAidStrings[this.lang_];
    const p = this.answered;
    if (!p) return html`<p part="error" role="alert">${t.answerGone}</p>`;
    return html`<form part="form" novalidate @submit=${this.submit} aria-label=${t.answerTitle}>
      <div class="answered">
        <p><strong>${board.kindShort[p.kind as 'offro' | 'cerco'] ?? p.kind}: ${board.topics[p.topic as 'altro'] ?? p.topic} · ${p.comune}</strong></p>
        <blockquote>${p.text}</blockquote>
        ${p.availability ? html`<p>${t.when}: ${p.availability}</p>` : nothing}
      </div>
      ${this.field(
        'text',
        t.message,
        (d, invalid) => html`<textarea id="text" name="text" rows="5" maxlength="1000" aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`,
        t.messageHint,
      )}
      ${this.renderCommon(t.answerContactHint, t.answerConsent)}
      <p><button type="submit" part="submit" ?disabled=${this.busy}>${t.sendAnswer}</button></p>
    </form>`;
  }
}
