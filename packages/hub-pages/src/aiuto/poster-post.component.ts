import { defineElement, hostStyles, LangController } from '@welfare-elements/core';
import { hubRoot } from '@welfare-elements/mutual-aid/form.component.js';
import { mutualAidFormStyles } from '@welfare-elements/mutual-aid/form.styles.js';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { posterPostStrings } from './poster-post.strings.js';

/** What the hub tells the poster (`POST …/status`, `…/renew`). */
interface OwnPost {
  readonly state: string;
  readonly reason?: string;
  readonly text?: string;
  readonly comune: string;
  readonly expires: string;
}

type Phase = 'loading' | 'ready' | 'error';
/** What went wrong, as a key of the strings: said again in the new language after a switch. */
type Failure = '' | 'linkInvalid' | 'failed';
const ACTIVE = new Set(['pending', 'published']);

const failureOf = (error: unknown): Failure => ((error as Error).message === 'linkInvalid' ? 'linkInvalid' : 'failed');

/** `#annuncio=<id>&chiave=<key>` of the page's address: the poster's personal link. */
export function personalLink(hash = location.hash): { id: string; key: string } | undefined {
  const params = new URLSearchParams(hash.slice(1));
  const id = params.get('annuncio');
  const key = params.get('chiave');
  return id && key ? { id, key } : undefined;
}

/**
 * The poster's own page (issue 19), opened from the personal link the form gave them: the
 * post's state in words (with the mediator's reason when it was not published), and, while
 * it is waiting or on the board, "Rinnova per 30 giorni" and "Ritira l'annuncio" (after a
 * question, since withdrawing deletes the text and the contact). The key stays in the
 * address's hash, so it never reaches a server's logs but the hub's API. Italian and
 * English; the hub's Italian details are replaced by the element's own words.
 *
 * @summary Mutual aid: the poster's page to see, renew or withdraw their post.
 *
 * @csspart status - The line that announces what happened (role="status").
 * @csspart error - An error message (role="alert").
 */
export class WelfareHubPosterPost extends LitElement {
  static override styles = [
    hostStyles,
    mutualAidFormStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.25rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1rem;
      }
      .question {
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-inline-start: 4px solid var(--_danger);
        border-radius: var(--_radius);
      }
    `,
  ];

  /** The hub's address; default: the page's own origin. */
  @property() hub?: string;

  @state() private phase: Phase = 'loading';
  @state() private post?: OwnPost;
  @state() private said = '';
  @state() private failure: Failure = '';
  @state() private asking = false;
  @state() private busy = false;
  private readonly langController = new LangController(this);

  private get t() {
    return posterPostStrings[this.langController.lang];
  }

  /** Registers the tag unless another copy of the bundle already did. */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async call(action: 'status' | 'renew' | 'withdraw'): Promise<OwnPost | null> {
    const link = personalLink();
    if (!link) throw new Error('linkInvalid');
    // The form's own reading of the address: http(s) only, no trailing slash.
    const root = hubRoot(this.hub ?? location.origin);
    if (!root) throw new Error('failed');
    const response = await fetch(`${root}/api/public/mutual-aid/posts/${encodeURIComponent(link.id)}/${action}`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ key: link.key }),
    }).catch(() => {
      throw new Error('failed');
    });
    if (response.status === 204) return null;
    const data = await response.json().catch(() => undefined);
    if (!response.ok) throw new Error(data?.code === 'link-invalid' ? 'linkInvalid' : 'failed');
    return data as OwnPost;
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    try {
      this.post = (await this.call('status')) ?? undefined;
      this.phase = 'ready';
    } catch (error) {
      this.failure = failureOf(error);
      this.phase = 'error';
    }
  }

  private async act(action: 'renew' | 'withdraw'): Promise<void> {
    this.busy = true;
    this.failure = '';
    try {
      const post = await this.call(action);
      this.post = post ?? { ...this.post!, state: 'withdrawn', text: undefined, reason: undefined };
      this.said = action === 'renew' ? this.t.renewed : this.t.withdrawn;
      this.asking = false;
    } catch (error) {
      this.failure = failureOf(error);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    // The buttons may be gone: the focus goes to what was said, so a screen reader reads it.
    this.renderRoot.querySelector<HTMLElement>(this.failure ? '[part~="error"]' : '[part~="status"]')?.focus();
  }

  private async ask(asking: boolean): Promise<void> {
    this.asking = asking;
    this.said = '';
    await this.updateComplete;
    // The question first (not its "yes"), so that a second Enter does not withdraw by mistake.
    this.renderRoot.querySelector<HTMLElement>(asking ? '.question' : '.withdraw')?.focus();
  }

  private expires(date: string): string {
    const lang = this.langController.lang;
    return new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  }

  protected override render() {
    const t = this.t;
    if (this.phase === 'loading') return html`<p role="status">${t.loading}</p>`;
    if (this.phase === 'error')
      return html`<div part="error" role="alert">
        <p>${t[this.failure || 'failed']}</p>
        ${this.failure === 'failed' ? html`<p><button type="button" class="secondary" @click=${this.load}>${t.retry}</button></p>` : nothing}
        <p><a href="aiuto.html">${t.newPost}</a></p>
      </div>`;
    const post = this.post!;
    const active = ACTIVE.has(post.state);
    const rows: [string, string][] = [
      [t.state, t.states[post.state] ?? post.state],
      ...(post.reason ? [[t.reason, post.reason] as [string, string]] : []),
      ...(post.text ? [[t.text, post.text] as [string, string]] : []),
      [t.comune, post.comune],
      ...(active ? [[t.expires, this.expires(post.expires)] as [string, string]] : []),
    ];
    return html`<dl>
        ${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}
      </dl>
      ${active && !this.asking
        ? html`<p class="actions">
            <button type="button" ?disabled=${this.busy} @click=${() => this.act('renew')}>${t.renew}</button>
            <button type="button" class="secondary withdraw" ?disabled=${this.busy} @click=${() => this.ask(true)}>${t.withdraw}</button>
          </p>`
        : nothing}
      ${active && this.asking
        ? html`<div class="question" role="group" aria-label=${t.withdraw} tabindex="-1">
            <p>${t.confirmWithdraw}</p>
            <p class="actions">
              <button type="button" ?disabled=${this.busy} @click=${() => this.act('withdraw')}>${t.yesWithdraw}</button>
              <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.ask(false)}>${t.keep}</button>
            </p>
          </div>`
        : nothing}
      <p part="status" role="status" tabindex="-1">${this.said}</p>
      ${this.failure ? html`<p part="error" role="alert" tabindex="-1">${t[this.failure]}</p>` : nothing}
      ${active ? nothing : html`<p><a href="aiuto.html">${t.newPost}</a></p>`}`;
  }
}
