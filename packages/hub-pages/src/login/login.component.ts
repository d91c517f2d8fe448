import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { loginStrings } from './login.strings.js';

export type LoginDetail =
  | { readonly email: string; readonly password: string }
  | { readonly token: string; readonly name: string; readonly password: string }
  | { readonly token: string; readonly reset: true; readonly password: string };

declare global {
  interface GlobalEventHandlersEventMap {
    'welfare-login': CustomEvent<LoginDetail>;
  }
}

/** The shortest password the invitation form accepts (the hub checks again). */
export const MIN_PASSWORD = 12;

/**
 * Log in, or, with an invitation `token`, create the account (first login). The page
 * calls the API on `welfare-login` and sets `error` when the hub refuses.
 *
 * @summary Log in or accept an invitation.
 * @fires welfare-login - `{ email, password }`, or `{ token, name, password }` with an invitation.
 */
export class WelfareHubLogin extends HubElement {
  static override styles = [formStyles];

  /** A one-time token from a link: the form creates the account (invitation) or sets a new password (reset). */
  @property() token = '';
  /** What the token is for. */
  @property() kind: 'invitation' | 'reset' = 'invitation';
  /** The hub's message after a refused attempt. */
  @property({ attribute: false }) error = '';
  @property({ type: Boolean }) busy = false;

  @state() private problems = new Map<string, string>();
  private readonly ids = uid('login');

  private field(name: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${this.ids}-${name}`)!;
  }

  private send(e: Event): void {
    e.preventDefault();
    const t = loginStrings[this.lang_];
    const problems = new Map<string, string>();
    const value = (name: string) => this.field(name)?.value ?? '';
    if (this.token) {
      if (this.kind === 'invitation' && !value('name').trim()) problems.set('name', t.missing);
      if (value('password').length < MIN_PASSWORD) problems.set('password', t.short);
      else if (value('password') !== value('repeat')) problems.set('repeat', t.different);
    } else {
      if (!value('email').trim()) problems.set('email', t.missing);
      if (!value('password')) problems.set('password', t.missing);
    }
    this.problems = problems;
    if (problems.size) {
      this.updateComplete.then(() => this.field([...problems.keys()][0]!).focus());
      return;
    }
    this.emit<LoginDetail>(
      'welfare-login',
      !this.token
        ? { email: value('email').trim(), password: value('password') }
        : this.kind === 'reset'
          ? { token: this.token, reset: true, password: value('password') }
          : { token: this.token, name: value('name').trim(), password: value('password') },
    );
  }

  private input(name: string, label: string, type: string, autocomplete: string) {
    const problem = this.problems.get(name);
    const id = `${this.ids}-${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-error` : nothing}
        @input=${() => {
          if (!this.problems.has(name)) return;
          const next = new Map(this.problems);
          next.delete(name);
          this.problems = next;
        }}
      />
      ${problem ? html`<p class="message error" id="${id}-error">${problem}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const t = loginStrings[this.lang_];
    return html`
      <h2>${!this.token ? t.title : this.kind === 'reset' ? t.resetTitle : t.inviteTitle}</h2>
      <p>${!this.token ? t.intro : this.kind === 'reset' ? t.resetIntro : t.inviteIntro}</p>
      ${this.error ? html`<div class="notice error" role="alert">${this.error}</div>` : nothing}
      <form novalidate @submit=${this.send}>
        ${this.token
          ? html`${this.kind === 'invitation' ? this.input('name', t.name, 'text', 'name') : nothing} ${this.input('password', t.newPassword, 'password', 'new-password')}
            ${this.input('repeat', t.repeat, 'password', 'new-password')}`
          : html`${this.input('email', t.email, 'email', 'username')} ${this.input('password', t.password, 'password', 'current-password')}`}
        <p class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.wait : !this.token ? t.enter : this.kind === 'reset' ? t.setPassword : t.create}</button>
        </p>
      </form>
    `;
  }
}
