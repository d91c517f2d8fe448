import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type HubClient, type MutualAidMessage, type MutualAidQueue, type MutualAidQueued } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { formatDate } from '../shared/states.js';
import { officeStyles } from '../office/office-styles.js';
import { mediatorStrings } from './mediator.strings.js';

/** What the mediator has opened on one post: an edit before approving, a rejection, the "done" question. */
interface Opened {
  readonly id: string;
  readonly mode: 'edit' | 'reject' | 'done';
  text: string;
  availability: string;
  reason: string;
}

/** Only mailto: and tel: links for a contact, whatever the poster typed. */
export function contactHref(contact: string): string | undefined {
  if (/^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]{2,}$/.test(contact)) return `mailto:${contact}`;
  const digits = contact.replace(/[^\d+]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : undefined;
}

/**
 * The mediators' page for mutual aid (issue 19): the posts of the comuni the office gave
 * to this organisation, with the poster's contact (seen only here, never published).
 * Pending posts first (reported ones on top), then those on the board. A mediator
 * approves a post as it is, or edits it for privacy first; rejects it with a reason the
 * poster reads by their link; marks it done when people are in touch (contact and text
 * are then deleted). Answers from readers of the board come with the answerer's contact;
 * once people are in touch the mediator deletes the answer. Everything goes through the hub's API, which checks the comuni
 * again: another comune's post is not even visible.
 *
 * @summary The mediators' mutual-aid queue.
 */
export class WelfareHubMutualAid extends HubElement {
  static override styles = [
    formStyles,
    officeStyles,
    css`
      .post-text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .contact {
        background: var(--_surface-alt);
        border-inline-start: 4px solid var(--_primary);
        padding: 0.5rem 0.75rem;
        overflow-wrap: anywhere;
      }
      .answers {
        border-top: 1px solid var(--_border);
        margin-top: 0.75rem;
        padding-top: 0.5rem;
      }
      .answers ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .answers li {
        margin-block-end: 0.75rem;
      }
      .reported {
        border-inline-start: 4px solid var(--_hint);
        padding-inline-start: 0.5rem;
        font-weight: 600;
      }
      textarea {
        min-height: 6rem;
      }
      h2:focus {
        outline: none;
      }
    `,
  ];

  /** The hub's API (the app's client, with the session and its CSRF token). */
  @property({ attribute: false }) client?: HubClient;

  @state() private queue?: MutualAidQueue;
  /** The organisation mediates no comune (403). */
  @state() private notMediator = false;
  @state() private opened?: Opened;
  @state() private problem = '';
  @state() private said = '';
  @state() private failure = '';
  @state() private busy = false;
  private readonly ids = uid('mutual-aid');

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.queue = await this.client!.mutualAidQueue();
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) this.notMediator = true;
      else this.failure = (error as Error).message;
    }
  }

  private open(post: MutualAidQueued, mode: Opened['mode']): void {
    this.opened = { id: post.id, mode, text: post.text ?? '', availability: post.availability ?? '', reason: '' };
    this.problem = '';
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${post.id}"] form textarea, [data-id="${post.id}"] form button`)?.focus());
  }

  private close(): void {
    const id = this.opened?.id;
    this.opened = undefined;
    this.problem = '';
    // Back to the button that opened the form, as a keyboard user expects.
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"] .post-actions button`)?.focus());
  }

  private async act(post: MutualAidQueued, action: 'approve' | 'reject' | 'done', body: { text?: string; availability?: string; reason?: string } = {}): Promise<void> {
    const t = mediatorStrings[this.lang_];
    if (action === 'reject' && !body.reason?.trim()) {
      this.problem = t.reasonMissing;
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    this.busy = true;
    this.failure = '';
    this.said = '';
    try {
      await this.client!.moderateMutualAid(post.id, action, body);
      this.opened = undefined;
      this.problem = '';
      // Said once the lists show it: a screen reader hears "approvato" with the post already under "Sulla bacheca".
      await this.reload();
      this.said = action === 'approve' ? t.approved : action === 'reject' ? t.rejected : t.doneSaid;
      // The post moved (or left): the focus goes to the list it moved to.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(action === 'approve' ? `#${this.ids}-published` : `#${this.ids}-pending`)?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.failure = t.gone;
        this.opened = undefined;
        await this.reload();
      } else if (error instanceof ApiError && error.status === 422 && this.opened) {
        // The hub's own words ("il testo contiene ancora un numero di telefono…"), next to the field.
        this.problem = error.message;
        this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else this.failure = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private async answerDone(m: MutualAidMessage): Promise<void> {
    const t = mediatorStrings[this.lang_];
    this.busy = true;
    this.failure = '';
    try {
      await this.client!.mutualAidMessageDone(m.id);
      await this.reload();
      this.said = t.answerDoneSaid;
    } catch (error) {
      this.failure = (error as Error).message;
      await this.reload();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = mediatorStrings[this.lang_];
    if (this.notMediator) return html`<p class="notice">${t.notMediator}</p>`;
    if (!this.queue)
      return this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : html`<p role="status">${t.loading}</p>`;
    const pending = this.queue.posts.filter((p) => p.state === 'pending');
    const published = this.queue.posts.filter((p) => p.state === 'published');
    return html`
      <p class="help">${t.intro(this.queue.comuni.join(', '))}</p>
      <div role="status">${this.said ? html`<p class="notice success">${this.said}</p>` : nothing}</div>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      <section aria-labelledby="${this.ids}-pending">
        <h2 id="${this.ids}-pending" tabindex="-1">${t.pending(pending.length)}</h2>
        ${pending.length ? pending.map((p) => this.renderPost(p)) : html`<p>${t.nonePending}</p>`}
      </section>
      <section aria-labelledby="${this.ids}-published">
        <h2 id="${this.ids}-published" tabindex="-1">${t.published(published.length)}</h2>
        ${published.length ? published.map((p) => this.renderPost(p)) : html`<p>${t.nonePublished}</p>`}
      </section>
    `;
  }

  private renderPost(p: MutualAidQueued) {
    const t = mediatorStrings[this.lang_];
    const id = `${this.ids}-${p.id}`;
    const title = `${t.kinds[p.kind] ?? p.kind} · ${t.topics[p.topic] ?? p.topic} · ${p.comune}`;
    const href = p.contact ? contactHref(p.contact) : undefined;
    const opened = this.opened?.id === p.id ? this.opened : undefined;
    const named = html`<span class="visually-hidden">: ${title}</span>`;
    return html`<article class="card" aria-labelledby=${id} data-id=${p.id}>
      <h3 id=${id}>${title}</h3>
      <p class="meta">
        ${p.state === 'published' && p.published ? t.publishedOn(formatDate(p.published, this.lang_)) : t.arrived(formatDate(p.createdAt, this.lang_))} ·
        ${t.expires(formatDate(p.expires, this.lang_))}
      </p>
      ${p.reported ? html`<p class="reported">${t.reported}</p>` : nothing}
      <p class="post-text">${p.text}</p>
      ${p.availability ? html`<p><strong>${t.when}:</strong> ${p.availability}</p>` : nothing}
      <p class="contact">
        <strong>${t.contact}:</strong>
        ${p.contact ? (href ? html`<a href=${href}>${p.contact}</a>` : p.contact) : t.noContact}
      </p>
      ${p.messages?.length ? this.renderAnswers(p, p.messages) : nothing}
      ${opened
        ? this.renderOpened(p, opened)
        : html`<p class="actions post-actions">
            ${p.state === 'pending'
              ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.act(p, 'approve')}>${t.approve}${named}</button>
                  <button type="button" ?disabled=${this.busy} @click=${() => this.open(p, 'edit')}>${t.edit}${named}</button>
                  <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.open(p, 'reject')}>${t.reject}${named}</button>`
              : html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.open(p, 'done')}>${t.done}${named}</button>
                  <button type="button" ?disabled=${this.busy} @click=${() => this.open(p, 'edit')}>${t.editPublished}${named}</button>
                  <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.open(p, 'reject')}>${t.reject}${named}</button>`}
          </p>`}
    </article>`;
  }

  private renderAnswers(p: MutualAidQueued, messages: readonly MutualAidMessage[]) {
    const t = mediatorStrings[this.lang_];
    const id = `${this.ids}-${p.id}-answers`;
    return html`<section class="answers" aria-labelledby=${id}>
      <h4 id=${id}>${t.answers(messages.length)}</h4>
      <ul>
        ${messages.map((m) => {
          const href = contactHref(m.contact);
          const when = t.answerFrom(formatDate(m.createdAt, this.lang_));
          return html`<li data-message=${m.id}>
            <p class="meta">${when} · ${m.relayed ? t.relayed : t.notRelayed}</p>
            <p class="post-text">${m.text}</p>
            <p class="contact"><strong>${t.answerContact}:</strong> ${href ? html`<a href=${href}>${m.contact}</a>` : m.contact}</p>
            <p class="actions">
              <button type="button" ?disabled=${this.busy} @click=${() => this.answerDone(m)}>${t.answerDone}<span class="visually-hidden">: ${when}</span></button>
            </p>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderOpened(p: MutualAidQueued, o: Opened) {
    const t = mediatorStrings[this.lang_];
    const f = `${this.ids}-${p.id}-form`;
    const error = this.problem ? html`<p class="message error" id="${f}-error">${this.problem}</p>` : nothing;
    const described = (help: string) => [help, this.problem ? `${f}-error` : ''].filter(Boolean).join(' ');
    const submit = (e: Event) => {
      e.preventDefault();
      if (o.mode === 'edit') void this.act(p, 'approve', { text: o.text, availability: o.availability });
      else if (o.mode === 'reject') void this.act(p, 'reject', { reason: o.reason });
      else void this.act(p, 'done');
    };
    const buttons = (label: string, kind = 'primary') => html`<p class="actions">
      <button type="submit" class=${kind} ?disabled=${this.busy}>${label}</button>
      <button type="button" ?disabled=${this.busy} @click=${this.close}>${t.cancel}</button>
    </p>`;
    if (o.mode === 'done')
      return html`<form @submit=${submit} aria-label=${t.done}>
        <p>${t.doneQuestion}</p>
        ${buttons(t.confirmDone)}
      </form>`;
    if (o.mode === 'reject')
      return html`<form @submit=${submit} novalidate aria-label=${t.reject}>
        <div class="field">
          <label for="${f}-reason">${t.reason}</label>
          <span class="help" id="${f}-reason-help">${t.reasonHelp}</span>
          <textarea
            id="${f}-reason"
            maxlength="500"
            .value=${o.reason}
            aria-invalid=${this.problem ? 'true' : 'false'}
            aria-describedby=${described(`${f}-reason-help`)}
            @input=${(e: Event) => (o.reason = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${error}
        </div>
        ${buttons(t.confirmReject, 'danger')}
      </form>`;
    return html`<form @submit=${submit} novalidate aria-label=${t.edit}>
      <div class="field">
        <label for="${f}-text">${t.text}</label>
        <span class="help" id="${f}-text-help">${t.textHelp}</span>
        <textarea
          id="${f}-text"
          maxlength="500"
          .value=${o.text}
          aria-invalid=${this.problem ? 'true' : 'false'}
          aria-describedby=${described(`${f}-text-help`)}
          @input=${(e: Event) => (o.text = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${error}
      </div>
      <div class="field">
        <label for="${f}-availability">${t.availability}</label>
        <input id="${f}-availability" maxlength="200" .value=${o.availability} @input=${(e: Event) => (o.availability = (e.target as HTMLInputElement).value)} />
      </div>
      ${buttons(t.saveApprove)}
    </form>`;
  }
}
