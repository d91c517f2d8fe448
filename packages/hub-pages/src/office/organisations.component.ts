import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Account, HubClient, Organisation } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { copyText, officeStyles } from './office-styles.js';
import { officeStrings } from './office.strings.js';

/**
 * The office's organisations and people: add an organisation, mark it trusted (its
 * offers publish without review), disable it; see its people, disable one, make a
 * one-time link for a new password; invite someone (the one-time link is shown with a
 * copy button: the office sends it itself).
 *
 * @summary Organisations and their people (office).
 */
export class WelfareHubOrganisations extends HubElement {
  static override styles = [formStyles, officeStyles];

  /** The API client of the page. */
  @property({ attribute: false }) client?: HubClient;

  @state() private organisations?: Organisation[];
  @state() private people = new Map<string, Account[]>();
  @state() private link?: { text: string; label: string; mailed?: boolean };
  @state() private said = '';
  @state() private failure = '';
  private readonly ids = uid('orgs');

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    if (!this.client) return;
    this.organisations = await this.client.organisations().catch((e: Error) => ((this.failure = e.message), []));
  }

  private async run(work: () => Promise<unknown>, said: string): Promise<void> {
    this.failure = '';
    try {
      await work();
      this.said = said;
    } catch (error) {
      this.failure = (error as Error).message;
    }
  }

  private async showPeople(id: string): Promise<void> {
    const users = await this.client!.organisationUsers(id).catch((e: Error) => ((this.failure = e.message), []));
    this.people = new Map(this.people).set(id, users);
  }

  private async invite(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const t = officeStrings[this.lang_];
    await this.run(async () => {
      const answer = await this.client!.invite(String(data.get('email')), data.get('role') === 'admin' ? 'admin' : 'editor', String(data.get('organisation')) || null);
      this.link = { text: answer.link, label: t.link, mailed: answer.mailed === true };
      form.reset();
    }, '');
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name')).trim();
    const website = String(data.get('website')).trim();
    await this.run(async () => {
      await this.client!.createOrganisation({ name, kind: String(data.get('kind')), ...(website ? { website } : {}) });
      form.reset();
      await this.reload();
    }, officeStrings[this.lang_].added(name));
  }

  protected override render() {
    const t = officeStrings[this.lang_];
    if (!this.organisations) return html`<p role="status">${t.loading}</p>`;
    return html`
      <p role="status">${this.said}</p>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      <section aria-labelledby="${this.ids}-invite" class="card">
        <h2 id="${this.ids}-invite">${t.invite}</h2>
        <p class="help">${t.inviteHelp}</p>
        <form @submit=${this.invite}>
          <div class="field"><label for="${this.ids}-email">${t.email}</label><input id="${this.ids}-email" name="email" type="email" required autocomplete="off" /></div>
          <div class="field">
            <label for="${this.ids}-org">${t.organisation}</label>
            <select id="${this.ids}-org" name="organisation">
              ${this.organisations.filter((o) => !o.disabled).map((o, i) => html`<option value=${o.id} ?selected=${i === 0}>${o.name}</option>`)}
              <option value="">${t.noOrganisation}</option>
            </select>
          </div>
          <div class="field">
            <label for="${this.ids}-role">${t.role}</label>
            <select id="${this.ids}-role" name="role"><option value="editor">${t.editor}</option><option value="admin">${t.admin}</option></select>
          </div>
          <p class="actions"><button type="submit" class="primary">${t.createLink}</button></p>
        </form>
        ${this.link ? this.renderLink() : nothing}
      </section>
      <h2>${t.organisations}</h2>
      ${this.organisations.map((o) => this.renderOrganisation(o))}
      <section aria-labelledby="${this.ids}-new" class="card">
        <h2 id="${this.ids}-new">${t.newOrganisation}</h2>
        <form @submit=${this.add}>
          <div class="field"><label for="${this.ids}-name">${t.name}</label><input id="${this.ids}-name" name="name" required /></div>
          <div class="field">
            <label for="${this.ids}-kind">${t.kind}</label>
            <select id="${this.ids}-kind" name="kind">${Object.entries(t.kinds).map(([k, v]) => html`<option value=${k} ?selected=${k === 'third-sector'}>${v}</option>`)}</select>
          </div>
          <div class="field"><label for="${this.ids}-web">${t.website}</label><input id="${this.ids}-web" name="website" type="url" placeholder="https://" /></div>
          <p class="actions"><button type="submit">${t.add}</button></p>
        </form>
      </section>
    `;
  }

  private renderLink() {
    const t = officeStrings[this.lang_];
    const link = this.link!;
    return html`<div class="notice success">
      <p><strong>${link.label}</strong></p>
      <p class="link-box">${link.text}</p>
      ${link.mailed ? html`<p>${t.mailed}</p>` : nothing}
      <p><button type="button" @click=${async () => (this.said = (await copyText(link.text)) ? t.copied : '')}>${t.copy}</button></p>
    </div>`;
  }

  private renderOrganisation(o: Organisation) {
    const t = officeStrings[this.lang_];
    const people = this.people.get(o.id);
    const headingId = `${this.ids}-${o.id}`;
    return html`<article class="card" aria-labelledby=${headingId} data-id=${o.id}>
      <h3 id=${headingId}>${o.name}</h3>
      <p class="meta">${t.kinds[o.kind ?? 'other'] ?? o.kind}${o.disabled ? ` · ${t.disabled}` : ''}</p>
      <label class="check">
        <input
          type="checkbox"
          .checked=${Boolean(o.trusted)}
          @change=${(e: Event) => this.run(async () => {
            await this.client!.patchOrganisation(o.id, { trusted: (e.target as HTMLInputElement).checked });
            await this.reload();
          }, t.changed)}
        />
        ${t.trusted}
      </label>
      <p class="actions">
        <button type="button" class=${o.disabled ? '' : 'danger'} @click=${() => this.run(async () => {
          await this.client!.patchOrganisation(o.id, { disabled: !o.disabled });
          await this.reload();
        }, t.changed)}>
          ${o.disabled ? t.enable : t.disable}<span class="visually-hidden">: ${o.name}</span>
        </button>
        ${people ? nothing : html`<button type="button" @click=${() => this.showPeople(o.id)}>${t.showUsers}<span class="visually-hidden">: ${o.name}</span></button>`}
      </p>
      ${people
        ? people.length
          ? html`<h4>${t.users}</h4>
              <ul class="people">
                ${people.map(
                  (u) => html`<li>
                    ${u.name} (${u.email}) · ${u.role === 'admin' ? t.admin : t.editor}${u.disabled ? ` · ${t.disabled}` : ''}
                    <span class="actions">
                      <button type="button" class="link" @click=${() => this.run(async () => {
                        await this.client!.patchUser(u.id, { disabled: !u.disabled });
                        await this.showPeople(o.id);
                      }, t.changed)}>${u.disabled ? t.enable : t.disable}<span class="visually-hidden">: ${u.name}</span></button>
                      <button type="button" class="link" @click=${() => this.run(async () => {
                        const answer = await this.client!.resetLink(u.id);
                        this.link = { text: answer.link, label: `${t.resetLink} (${u.name}):`, mailed: answer.mailed === true };
                      }, '')}>${t.resetLink}<span class="visually-hidden">: ${u.name}</span></button>
                    </span>
                  </li>`,
                )}
              </ul>`
          : html`<p>${t.noUsers}</p>`
        : nothing}
    </article>`;
  }
}
