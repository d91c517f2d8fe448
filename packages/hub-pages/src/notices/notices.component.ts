import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type HubClient, type HubNotice, type NoticeData, type Offer } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { italian } from '../shared/offer-data.js';
import { formatDate } from '../shared/states.js';
import { officeStyles } from '../office/office-styles.js';
import { hubNoticesStrings } from './notices.strings.js';

type Problems = Map<string, string>;

/** What is wrong with a notice before it goes to the hub (the hub checks again). */
export function noticeProblems(data: NoticeData, lang: 'it' | 'en'): Problems {
  const t = hubNoticesStrings[lang];
  const out: Problems = new Map();
  if (!italian(data.text).trim()) out.set('text', t.textMissing);
  if (data.validFrom && data.validThrough && data.validThrough < data.validFrom) out.set('validThrough', t.dateOrder);
  if (data.link && !/^https?:\/\/\S+\.\S+$/i.test(data.link)) out.set('link', t.linkFormat);
  return out;
}

/**
 * The organisation's notices (news, temporary closures linked to its services, deadlines,
 * events), with their dates: a list and a form. Closures name the services that stay
 * closed; the citizens' elements show them next to those services. The office sees every
 * notice and publishes the drafts of organisations that are not trusted.
 *
 * @summary The organisation's notices.
 */
export class WelfareHubNotices extends HubElement {
  static override styles = [formStyles, officeStyles];

  @property({ attribute: false }) client?: HubClient;
  /** The organisation's offers, to link a notice to (closures). */
  @property({ attribute: false }) offers: readonly Offer[] = [];
  /** The office may publish drafts. */
  @property({ type: Boolean }) office = false;

  @state() private notices?: HubNotice[];
  @state() private editing?: { notice?: HubNotice; data: NoticeData };
  @state() private problems: Problems = new Map();
  @state() private said = '';
  @state() private failure = '';
  private readonly ids = uid('notices');

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    this.notices = await this.client?.notices().catch((e: Error) => ((this.failure = e.message), []));
  }

  private async run(work: () => Promise<unknown>, said: string): Promise<boolean> {
    this.failure = '';
    try {
      await work();
      this.said = said;
      await this.reload();
      return true;
    } catch (error) {
      const t = hubNoticesStrings[this.lang_];
      if (error instanceof ApiError && error.problem.errors?.length) {
        this.problems = new Map(error.problem.errors.map((e) => [e.path.replace(/^data\./, ''), e.message]));
      }
      this.failure = error instanceof ApiError && error.status === 409 ? t.conflict : (error as Error).message;
      return false;
    }
  }

  private edit(notice?: HubNotice): void {
    const today = new Date().toISOString().slice(0, 10);
    this.editing = { notice, data: notice ? structuredClone(notice.data) : { kind: 'news', date: today, validFrom: today } };
    this.problems = new Map();
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${this.ids}-kind`)?.focus());
  }

  private set(patch: Partial<NoticeData>): void {
    const data = { ...this.editing!.data, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === '' || (Array.isArray(v) && !v.length)) delete data[k];
    this.editing = { ...this.editing!, data };
    if (this.problems.size) this.problems = noticeProblems(data, this.lang_);
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const t = hubNoticesStrings[this.lang_];
    const { notice, data } = this.editing!;
    this.problems = noticeProblems(data, this.lang_);
    if (this.problems.size) {
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const ok = await this.run(() => (notice ? this.client!.saveNotice(notice.id, data, notice.version) : this.client!.createNotice(data)), t.saved);
    if (ok) this.editing = undefined;
  }

  private field(name: keyof NoticeData & string, label: string, type = 'text', help?: string) {
    const id = `${this.ids}-${name}`;
    const problem = this.problems.get(name);
    const value = name === 'title' || name === 'text' ? italian(this.editing!.data[name]) : ((this.editing!.data[name] as string | undefined) ?? '');
    const described = [help ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    const input = (e: Event) => this.set({ [name]: (e.target as HTMLInputElement).value });
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${help ? html`<span class="help" id="${id}-help">${help}</span>` : nothing}
      ${type === 'textarea'
        ? html`<textarea id=${id} .value=${value} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described || nothing} @input=${input}></textarea>`
        : html`<input id=${id} type=${type} .value=${value} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described || nothing} @input=${input} />`}
      ${problem ? html`<p class="message error" id="${id}-error">${problem}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const t = hubNoticesStrings[this.lang_];
    if (!this.notices) return html`<p role="status">${t.loading}</p>`;
    return html`
      <p class="help">${t.intro}</p>
      <p role="status">${this.said}</p>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      ${this.editing ? this.renderForm() : html`<p class="actions"><button type="button" class="primary" @click=${() => this.edit()}>+ ${t.newNotice}</button></p>`}
      ${this.notices.length ? this.notices.map((n) => this.renderNotice(n)) : html`<p>${t.none}</p>`}
    `;
  }

  private renderNotice(n: HubNotice) {
    const t = hubNoticesStrings[this.lang_];
    const title = italian(n.data.title) || italian(n.data.text).slice(0, 60);
    const id = `${this.ids}-n-${n.id}`;
    const when = [n.data.validFrom, n.data.validThrough].some(Boolean)
      ? `${formatDate(n.data.validFrom, this.lang_)} – ${n.data.validThrough ? formatDate(n.data.validThrough, this.lang_) : '…'}`
      : formatDate(n.data.date, this.lang_);
    const services = (n.data.services ?? []).map((s) => italian(this.offers.find((o) => o.id === s)?.data.name) || s);
    return html`<article class="card" aria-labelledby=${id} data-id=${n.id}>
      <h3 id=${id}>${title}</h3>
      <p class="meta">${t.kinds[n.data.kind ?? 'news']} · ${when} · ${t.states[n.state]}</p>
      <p>${italian(n.data.text)}</p>
      ${services.length ? html`<p>${t.services}: ${services.join(', ')}</p>` : nothing}
      ${n.state !== 'archived'
        ? html`<p class="actions">
            <button type="button" @click=${() => this.edit(n)}>${t.edit}<span class="visually-hidden">: ${title}</span></button>
            ${this.office && n.state === 'draft'
              ? html`<button type="button" class="primary" @click=${() => this.run(() => this.client!.noticeAction(n.id, 'approve'), t.approved)}>${t.approve}<span class="visually-hidden">: ${title}</span></button>`
              : nothing}
            <button type="button" class="link" @click=${() => this.run(() => this.client!.noticeAction(n.id, 'archive'), t.archived)}>${t.archive}<span class="visually-hidden">: ${title}</span></button>
          </p>`
        : nothing}
    </article>`;
  }

  private renderForm() {
    const t = hubNoticesStrings[this.lang_];
    const { notice, data } = this.editing!;
    const closure = data.kind === 'closure';
    return html`<form class="card" @submit=${this.save} novalidate aria-labelledby="${this.ids}-form">
      <h2 id="${this.ids}-form">${notice ? t.editNotice(italian(notice.data.title) || t.newNotice) : t.newNotice}</h2>
      <div class="field">
        <label for="${this.ids}-kind">${t.kind}</label>
        <select id="${this.ids}-kind" @change=${(e: Event) => this.set({ kind: (e.target as HTMLSelectElement).value as NoticeData['kind'] })}>
          ${Object.entries(t.kinds).map(([k, v]) => html`<option value=${k} ?selected=${k === (data.kind ?? 'news')}>${v}</option>`)}
        </select>
      </div>
      ${this.field('title', t.title)} ${this.field('text', t.text, 'textarea', t.textHelp)} ${this.field('date', t.date, 'date')}
      ${this.field('validFrom', closure ? t.closureFrom : t.validFrom, 'date')} ${this.field('validThrough', closure ? t.closureThrough : t.validThrough, 'date')}
      ${this.offers.length
        ? html`<fieldset>
            <legend class="label">${t.services}</legend>
            <p class="help">${t.servicesHelp}</p>
            ${this.offers.map(
              (o) => html`<label class="check">
                <input
                  type="checkbox"
                  .checked=${(data.services ?? []).includes(o.id)}
                  @change=${(e: Event) => {
                    const now = (data.services ?? []).filter((s) => s !== o.id);
                    this.set({ services: (e.target as HTMLInputElement).checked ? [...now, o.id] : now });
                  }}
                />
                ${italian(o.data.name) || o.id}
              </label>`,
            )}
          </fieldset>`
        : nothing}
      ${this.field('link', t.link, 'url')}
      <p class="actions">
        <button type="submit" class="primary">${t.save}</button>
        <button type="button" @click=${() => (this.editing = undefined)}>${t.cancel}</button>
      </p>
    </form>`;
  }
}
