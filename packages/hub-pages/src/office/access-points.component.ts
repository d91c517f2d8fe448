import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { hoursInWords } from '@welfare-elements/core';
import '../hours-builder/welfare-hours-builder.js';
import '../place-picker/welfare-place-picker.js';
import type { HoursChangeDetail } from '../hours-builder/hours-builder.component.js';
import type { PointChangeDetail } from '../place-picker/place-picker.component.js';
import { ApiError, type HubAccessPoint, type HubClient } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { compact, italian, withItalian, type Territory } from '../shared/offer-data.js';
import { officeStyles } from './office-styles.js';

const strings = {
  it: {
    intro: 'I punti di accesso dell’Ufficio di Piano: dove le persone vanno per informazioni e orientamento. Si pubblicano appena salvati.',
    add: 'Nuovo punto di accesso',
    edit: 'Modifica',
    archive: 'Archivia',
    archived: 'archiviato',
    name: 'Nome *',
    description: 'Descrizione',
    address: 'Indirizzo',
    comune: 'Comune',
    choose: 'Scegliete il comune',
    point: 'Punto sulla mappa',
    hours: 'Orari',
    phone: 'Telefono',
    email: 'Email',
    website: 'Sito web',
    save: 'Salva e pubblica',
    cancel: 'Annulla',
    saved: 'Punto di accesso salvato e pubblicato.',
    done: 'Punto di accesso archiviato.',
    nameMissing: 'Scrivete il nome.',
    hoursIncomplete: 'Gli orari non sono completi.',
    none: 'Nessun punto di accesso.',
    loading: 'Caricamento…',
  },
  en: {
    intro: "The planning office's access points: where people go for information and orientation. Published as soon as saved.",
    add: 'New access point',
    edit: 'Edit',
    archive: 'Archive',
    archived: 'archived',
    name: 'Name *',
    description: 'Description',
    address: 'Address',
    comune: 'Municipality',
    choose: 'Choose the municipality',
    point: 'Point on the map',
    hours: 'Hours',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    save: 'Save and publish',
    cancel: 'Cancel',
    saved: 'Access point saved and published.',
    done: 'Access point archived.',
    nameMissing: 'Write the name.',
    hoursIncomplete: 'The hours are not complete.',
    none: 'No access points.',
    loading: 'Loading…',
  },
};

/**
 * The office's own access points (where people go for information): a list and a form
 * with the same place picker and hours builder as the offers.
 *
 * @summary The office's access points.
 */
export class WelfareHubAccessPoints extends HubElement {
  static override styles = [formStyles, officeStyles];

  @property({ attribute: false }) client?: HubClient;
  @property({ attribute: false }) territory?: Territory;
  @property() tiles?: string;
  /** The tiles' credit, under the place picker. */
  @property({ attribute: 'tiles-credit' }) tilesCredit?: string;

  @state() private points?: HubAccessPoint[];
  @state() private editing?: { point?: HubAccessPoint; data: HubAccessPoint['data'] };
  @state() private problems = new Map<string, string>();
  @state() private hoursOk = true;
  @state() private said = '';
  @state() private failure = '';
  private readonly ids = uid('ap');

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    this.points = await this.client?.accessPoints().catch((e: Error) => ((this.failure = e.message), []));
  }

  private set(patch: Partial<HubAccessPoint['data']>): void {
    this.editing = { ...this.editing!, data: compact({ ...this.editing!.data, ...patch }) };
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const t = strings[this.lang_];
    const { point, data } = this.editing!;
    const problems = new Map<string, string>();
    if (!italian(data.name).trim()) problems.set('name', t.nameMissing);
    if (!this.hoursOk) problems.set('hours', t.hoursIncomplete);
    this.problems = problems;
    if (problems.size) return;
    this.failure = '';
    try {
      if (point) await this.client!.saveAccessPoint(point.id, data, point.version);
      else await this.client!.createAccessPoint(data);
      this.said = t.saved;
      this.editing = undefined;
      await this.reload();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) this.problems = new Map(error.problem.errors.map((p) => [p.path.replace(/^data\./, ''), p.message]));
      this.failure = (error as Error).message;
    }
  }

  private input(name: 'address' | 'phone' | 'email' | 'website', label: string, type = 'text') {
    const id = `${this.ids}-${name}`;
    const problem = this.problems.get(name);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${type} .value=${(this.editing!.data[name] as string | undefined) ?? ''} aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-error` : nothing} @input=${(e: Event) => this.set({ [name]: (e.target as HTMLInputElement).value })} />
      ${problem ? html`<p class="message error" id="${id}-error">${problem}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const t = strings[this.lang_];
    if (!this.points) return html`<p role="status">${t.loading}</p>`;
    return html`
      <p class="help">${t.intro}</p>
      <p role="status">${this.said}</p>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      ${this.editing ? this.renderForm() : html`<p class="actions"><button type="button" class="primary" @click=${() => (this.editing = { data: {} })}>+ ${t.add}</button></p>`}
      ${this.points.length
        ? this.points.map((p) => {
            const name = italian(p.data.name) || p.id;
            return html`<article class="card" aria-labelledby="${this.ids}-${p.id}" data-id=${p.id}>
              <h3 id="${this.ids}-${p.id}">${name}</h3>
              <p class="meta">${[p.data.address, p.data.comune].filter(Boolean).join(', ')}${p.archived ? ` · ${t.archived}` : ''}</p>
              ${p.data.hours ? html`<p>${t.hours}: ${hoursInWords(p.data.hours, this.lang_) ?? p.data.hours}</p>` : nothing}
              ${p.archived
                ? nothing
                : html`<p class="actions">
                    <button type="button" @click=${() => (this.editing = { point: p, data: structuredClone(p.data) })}>${t.edit}<span class="visually-hidden">: ${name}</span></button>
                    <button type="button" class="link" @click=${async () => {
                      await this.client!.archiveAccessPoint(p.id).then(() => (this.said = t.done), (e: Error) => (this.failure = e.message));
                      await this.reload();
                    }}>${t.archive}<span class="visually-hidden">: ${name}</span></button>
                  </p>`}
            </article>`;
          })
        : html`<p>${t.none}</p>`}
    `;
  }

  private renderForm() {
    const t = strings[this.lang_];
    const data = this.editing!.data;
    const comune = this.territory?.comuni.find((c) => c.name === data.comune);
    const nameProblem = this.problems.get('name');
    const hoursProblem = this.problems.get('hours');
    return html`<form class="card" novalidate @submit=${this.save} aria-labelledby="${this.ids}-form">
      <h2 id="${this.ids}-form">${this.editing!.point ? `${t.edit}: ${italian(this.editing!.point.data.name)}` : t.add}</h2>
      <div class="field">
        <label for="${this.ids}-name">${t.name}</label>
        <input id="${this.ids}-name" .value=${italian(data.name)} aria-invalid=${nameProblem ? 'true' : 'false'} aria-describedby=${nameProblem ? `${this.ids}-name-error` : nothing}
          @input=${(e: Event) => this.set({ name: withItalian(data.name, (e.target as HTMLInputElement).value) })} />
        ${nameProblem ? html`<p class="message error" id="${this.ids}-name-error">${nameProblem}</p>` : nothing}
      </div>
      <div class="field">
        <label for="${this.ids}-description">${t.description}</label>
        <textarea id="${this.ids}-description" .value=${italian(data.description)} @input=${(e: Event) => this.set({ description: withItalian(data.description, (e.target as HTMLTextAreaElement).value) })}></textarea>
      </div>
      ${this.input('address', t.address)}
      <div class="field">
        <label for="${this.ids}-comune">${t.comune}</label>
        <select id="${this.ids}-comune" @change=${(e: Event) => this.set({ comune: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!data.comune}>${t.choose}</option>
          ${(this.territory?.comuni ?? []).map((c) => html`<option value=${c.name} ?selected=${c.name === data.comune}>${c.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <span class="label">${t.point}</span>
        <welfare-place-picker .lat=${data.lat} .lon=${data.lon} .comune=${comune} .tiles=${this.tiles} .attribution=${this.tilesCredit}
          @welfare-point-change=${(e: CustomEvent<PointChangeDetail>) => this.set({ lat: e.detail.lat, lon: e.detail.lon })}></welfare-place-picker>
      </div>
      <fieldset>
        <legend>${t.hours}</legend>
        <welfare-hours-builder .value=${data.hours ?? ''} .note=${italian(data.hoursNote)} @welfare-hours-change=${(e: CustomEvent<HoursChangeDetail>) => {
          this.hoursOk = e.detail.valid;
          if (e.detail.valid) this.set({ hours: e.detail.value || undefined, hoursNote: withItalian(data.hoursNote, e.detail.note) });
        }}></welfare-hours-builder>
        ${hoursProblem ? html`<p class="message error">${hoursProblem}</p>` : nothing}
      </fieldset>
      ${this.input('phone', t.phone, 'tel')} ${this.input('email', t.email, 'email')} ${this.input('website', t.website, 'url')}
      <p class="actions">
        <button type="submit" class="primary">${t.save}</button>
        <button type="button" @click=${() => (this.editing = undefined)}>${t.cancel}</button>
      </p>
    </form>`;
  }
}
