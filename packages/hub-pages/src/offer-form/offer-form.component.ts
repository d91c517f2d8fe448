import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { audienceName, TEXT_LIMITS, pick } from '@welfare-elements/core';
import { checkHoursString } from '@welfare-elements/core/hours/index.js';
import '@welfare-elements/list/welfare-list.js';
import '@welfare-elements/map/welfare-map.js';
import '../hours-builder/welfare-hours-builder.js';
import '../place-picker/welfare-place-picker.js';
import type { HoursChangeDetail } from '../hours-builder/hours-builder.component.js';
import type { PointChangeDetail } from '../place-picker/place-picker.component.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { diffStyles, renderDiff } from '../shared/offer-diff.js';
import { compact, italian, withItalian, type OfferData, type PlaceData, type Territory } from '../shared/offer-data.js';
import { readability } from '../shared/readability.js';
import { checkOffer, type Check } from './checks.js';
import { clearDraft, readDraft, writeDraft } from './local-draft.js';
import { offerFormStrings } from './offer-form.strings.js';
import { offerFormStyles } from './offer-form.styles.js';

export interface OfferSaveDetail {
  readonly data: OfferData;
  /** True when the person asked to send it for review (after saving). */
  readonly submit: boolean;
}

export interface OfferConflict {
  /** What the hub holds now (someone else's save). */
  readonly theirs: OfferData;
  readonly version: number | string;
}

/** A message from the hub about one field (problem+json `errors[]`). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'welfare-offer-save': CustomEvent<OfferSaveDetail>;
    'welfare-offer-resolve': CustomEvent<{ keep: 'mine' | 'theirs' }>;
  }
}

/** "/locations/0/comune", "data.locations[0].comune" → "locations.0.comune". */
export function fieldPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^[/.]+/, '')
    .replaceAll('/', '.')
    .replace(/^data\./, '')
    .replace(/\.(lat|lon)$/, '.position');
}

/**
 * The offer form: what and for whom, where (places on a map), when (hours), contacts,
 * validity; checks as people type, a preview rendered by `<welfare-list>` and
 * `<welfare-map>`, and unsaved changes kept in the browser. It talks to no server: it
 * fires `welfare-offer-save`, and the page saves through the hub's API and gives back
 * `problems` (the hub's messages per field) or a `conflict`.
 *
 * @summary Write an offer in plain words and see it as citizens will.
 * @fires welfare-offer-save - `{ data, submit }` when the person saves (or sends for review) and no error is left.
 * @fires welfare-offer-resolve - `{ keep }` when the person chooses a side of a conflict.
 * @csspart preview - The preview box.
 */
export class WelfareOfferForm extends HubElement {
  static override styles = [formStyles, diffStyles, offerFormStyles];

  /** The offer as the hub holds it (a feed v1 service entry). */
  @property({ attribute: false }) data: OfferData = {};
  /** The comuni, categories and audiences to choose from (`GET /api/territory`). */
  @property({ attribute: false }) territory?: Territory;
  /** Name of the organisation, for the preview. */
  @property({ attribute: false }) organisation?: { id: string; name: string };
  /** Where unsaved changes are kept in this browser: the offer's id, or `new`. */
  @property({ attribute: 'draft-key' }) draftKey = 'new';
  /** The hub's version the data is (kept with local changes). */
  @property({ attribute: false }) version?: number | string;
  /** Tiles for the maps (as `<welfare-map tiles>`). */
  @property() tiles?: string;
  /** The tiles' credit (as `<welfare-map attribution>`), under the place picker and the preview's map. */
  @property({ attribute: 'tiles-credit' }) tilesCredit?: string;
  /** The hub's messages about fields after a refused save. */
  @property({ attribute: false }) problems: readonly FieldProblem[] = [];
  /** A general message from the hub (a refused save without field errors). */
  @property({ attribute: false }) failure = '';
  /** Set when the hub refused the save because someone else saved first. */
  @property({ attribute: false }) conflict?: OfferConflict;
  /** The office's note when the offer was sent back. */
  @property({ attribute: false }) note = '';
  /** True while the page is saving (buttons wait). */
  @property({ type: Boolean }) busy = false;

  @state() private draft: OfferData = {};
  @state() private dirty = false;
  @state() private restoredAt?: string;
  @state() private touched = new Set<string>();
  @state() private showAll = false;
  @state() private previewFeed?: object;
  @state() private previewOf?: string;
  /** Counts the hours evaluator parts that arrived: the checks are run again then. */
  @state() private hoursLoaded = 0;
  /** Hours builders whose current input is not a valid string yet. */
  @state() private hoursIncomplete = new Set<number>();
  private readonly ids = uid('offer');
  private readonly group = uid('offer-preview');

  private readonly beforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    e.preventDefault();
    e.returnValue = offerFormStrings[this.lang_].leaveWarning;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.beforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.beforeUnload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || changed.has('draftKey')) {
      const kept = readDraft(this.draftKey);
      if (kept && JSON.stringify(kept.data) !== JSON.stringify(this.data)) {
        this.draft = structuredClone(kept.data);
        this.dirty = true;
        this.restoredAt = kept.savedAt;
      } else {
        if (kept) clearDraft(this.draftKey);
        this.draft = structuredClone(this.data ?? {});
        this.dirty = false;
        this.restoredAt = undefined;
      }
      this.touched = new Set();
      this.showAll = false;
    }
  }

  /** True when there are changes the hub does not have yet. */
  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** The offer as edited now. */
  get value(): OfferData {
    return compact(this.draft);
  }

  /** The page calls this once the hub has saved `data`: local changes are forgotten. */
  markSaved(data: OfferData = this.value, version?: number | string): void {
    clearDraft(this.draftKey);
    if (version !== undefined) this.version = version;
    this.data = data;
    this.dirty = false;
    this.restoredAt = undefined;
  }

  /** Forgets the changes kept in this browser and goes back to the hub's version. */
  discardLocal(): void {
    clearDraft(this.draftKey);
    this.draft = structuredClone(this.data ?? {});
    this.dirty = false;
    this.restoredAt = undefined;
  }

  private update_(patch: Partial<OfferData>, touched?: string): void {
    this.draft = { ...this.draft, ...patch };
    this.dirty = true;
    if (touched) this.touched = new Set([...this.touched, touched]);
    writeDraft(this.draftKey, { data: this.value, savedAt: new Date().toISOString(), baseVersion: this.version });
  }

  private setPlace(index: number, patch: Partial<PlaceData>, touched?: string): void {
    const locations = (this.draft.locations ?? []).map((p, i) => (i === index ? compact({ ...p, ...patch }) : p));
    this.update_({ locations }, touched);
  }

  private addPlace(): void {
    const locations = [...(this.draft.locations ?? []), {}];
    this.update_({ locations });
    this.updateComplete.then(() => {
      const places = this.renderRoot.querySelectorAll<HTMLElement>('fieldset.place');
      places[places.length - 1]?.querySelector<HTMLInputElement>('input')?.focus();
    });
  }

  private removePlace(index: number): void {
    this.update_({ locations: (this.draft.locations ?? []).filter((_, i) => i !== index) });
    this.hoursIncomplete = new Set();
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.add-place')?.focus());
  }

  /** Every check now, with the hub's messages and unfinished hours added. */
  checks(): Check[] {
    // The small evaluator reads the builder's strings; a string only the full library can
    // read fetches it, and counts as good until it has answered (the hub checks on saving).
    const out = checkOffer(this.value, this.territory, this.lang_, (h) => checkHoursString(h, () => this.hoursLoaded++) !== 'invalid');
    for (const index of this.hoursIncomplete) {
      out.push({ path: `locations.${index}.hours`, level: 'error', message: offerFormStrings[this.lang_].hoursIncomplete });
    }
    for (const p of this.problems) out.push({ path: fieldPath(p.path), level: 'error', message: p.message });
    return out;
  }

  private visible(check: Check): boolean {
    if (this.showAll) return true;
    const contact = ['phone', 'email', 'website'];
    if (check.path === 'contacts' && contact.some((c) => this.touched.has(c))) return true;
    for (const t of this.touched) if (check.path === t || check.path.startsWith(`${t}.`)) return true;
    return this.problems.some((p) => fieldPath(p.path) === check.path);
  }

  private messagesFor(path: string, checks: Check[]): Check[] {
    return checks.filter((c) => c.path === path && this.visible(c));
  }

  private fieldId(path: string): string {
    return `${this.ids}-${path.replaceAll('.', '-')}`;
  }

  /** The messages under a field and the ids the field names in aria-describedby. */
  private messages(path: string, checks: Check[]): { ids: string; invalid: boolean; view: TemplateResult | typeof nothing } {
    const list = this.messagesFor(path, checks);
    if (!list.length) return { ids: '', invalid: false, view: nothing };
    const base = `${this.fieldId(path)}-msg`;
    return {
      ids: list.map((_, i) => `${base}${i}`).join(' '),
      invalid: list.some((c) => c.level === 'error'),
      view: html`${list.map((c, i) => html`<p class="message ${c.level}" id="${base}${i}">${c.message}</p>`)}`,
    };
  }

  private save(submit: boolean): void {
    const checks = this.checks();
    const errors = checks.filter((c) => c.level === 'error');
    // A draft may be saved with gaps (no category or comune chosen yet); anything wrong stops it,
    // and everything stops a request for review.
    const blocking = submit ? errors : errors.filter((c) => c.path !== 'categories' && !c.path.endsWith('.comune'));
    if (errors.length) {
      this.showAll = true;
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.summary')?.focus());
    }
    if (blocking.length) return;
    this.emit<OfferSaveDetail>('welfare-offer-save', { data: this.value, submit });
  }

  private focusField(path: string): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.fieldId(path))}`) ??
      this.renderRoot.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    if (target.tagName.includes('-')) {
      // A place picker or hours builder: its first field.
      (target.shadowRoot?.querySelector<HTMLElement>('input:not([type=checkbox]), input, button') ?? target).focus();
    } else target.focus();
  }

  private showPreview(): void {
    const service = { ...this.value, id: this.value.id ?? 'anteprima' } as Record<string, unknown>;
    // The preview shows the offer even before its validity starts; the text below says when it will be visible.
    delete service['validFrom'];
    delete service['validThrough'];
    if (this.organisation) service['organization'] = this.organisation.id;
    this.previewFeed = {
      version: 1,
      categories: this.territory?.categories ?? [],
      organizations: this.organisation ? [{ id: this.organisation.id, name: this.organisation.name, kind: 'third-sector' }] : [],
      services: [service],
    };
    this.previewOf = JSON.stringify(this.value);
  }

  protected override render() {
    const t = offerFormStrings[this.lang_];
    const checks = this.checks();
    const shownErrors = this.showAll ? checks.filter((c) => c.level === 'error') : [];
    return html`
      ${this.note ? html`<div class="notice error" role="note"><strong>${t.note}:</strong> ${this.note}</div>` : nothing}
      ${this.restoredAt
        ? html`<div class="notice" role="status">
            <p>${t.restored(new Date(this.restoredAt).toLocaleString(this.lang_ === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }))}</p>
            <p><button type="button" class="link" @click=${() => this.discardLocal()}>${t.discard}</button></p>
          </div>`
        : nothing}
      ${this.conflict ? this.renderConflict() : nothing}
      ${shownErrors.length
        ? html`<div class="summary" tabindex="-1" role="alert">
            <strong>${t.summary(shownErrors.length)}</strong>
            <ul>
              ${shownErrors.map((c) => html`<li><button type="button" class="link" @click=${() => this.focusField(c.path)}>${c.message}</button></li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.failure ? html`<div class="notice error" role="alert"><strong>${t.serverProblem}</strong> ${this.failure}</div>` : nothing}
      <p class="help">${t.intro}</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        ${this.renderWhat(checks)} ${this.renderWhere(checks)} ${this.renderWhen(checks)} ${this.renderContacts(checks)}
        ${this.renderValidity(checks)} ${this.renderPreview()}
        <div class="bar actions">
          <button type="button" ?disabled=${this.busy} @click=${() => this.save(false)}>${t.save}</button>
          <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save(true)}>${t.submit}</button>
          <span class="status" role="status">${this.busy ? t.saving : this.dirty ? t.unsaved : t.saved}</span>
        </div>
      </form>
    `;
  }

  private textField(path: 'name' | 'phone' | 'email' | 'website', label: string, checks: Check[], options: { help?: string; type?: string; autocomplete?: string } = {}) {
    const m = this.messages(path, checks);
    const id = this.fieldId(path);
    const value = path === 'name' ? italian(this.draft.name) : ((this.draft[path] as string | undefined) ?? '');
    const help = options.help ? `${id}-help` : '';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.help ? html`<span class="help" id=${help}>${options.help}</span>` : nothing}
      <input
        id=${id}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        .value=${value}
        aria-invalid=${m.invalid ? 'true' : 'false'}
        aria-describedby=${[help, m.ids].filter(Boolean).join(' ') || nothing}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          this.update_(path === 'name' ? { name: withItalian(this.draft.name, v) } : { [path]: v.trim() === '' ? undefined : v }, path);
        }}
      />
      ${m.view}
    </div>`;
  }

  private renderWhat(checks: Check[]) {
    const t = offerFormStrings[this.lang_];
    const description = italian(this.draft.description);
    const d = this.messages('description', checks);
    const c = this.messages('categories', checks);
    const r = readability(description);
    const id = this.fieldId('description');
    const audiences = this.territory?.audiences ?? [];
    return html`<fieldset>
      <legend><h2>1. ${t.what}</h2></legend>
      ${this.textField('name', t.name, checks, { help: t.nameHelp })}
      <div class="field">
        <label for=${id}>${t.description}</label>
        <span class="help" id="${id}-help">${t.descriptionHelp}</span>
        <textarea
          id=${id}
          .value=${description}
          aria-invalid=${d.invalid ? 'true' : 'false'}
          aria-describedby="${id}-help ${id}-count ${d.ids}"
          @input=${(e: Event) => this.update_({ description: withItalian(this.draft.description, (e.target as HTMLTextAreaElement).value) }, 'description')}
        ></textarea>
        <span class="counter" id="${id}-count"
          >${t.characters(description.length, TEXT_LIMITS.description)}${r.gulpease !== undefined ? html` · ${t.readability(r.gulpease)}` : nothing}</span
        >
        ${d.view}
      </div>
      <fieldset data-path="categories" aria-describedby="${this.fieldId('categories')}-help ${c.ids}">
        <legend class="label">${t.categories}</legend>
        <p class="help" id="${this.fieldId('categories')}-help">${t.categoriesHelp}</p>
        <div class="options">
          ${(this.territory?.categories ?? []).map(
            (cat) => html`<label class="check">
              <input
                type="checkbox"
                .checked=${(this.draft.categories ?? []).includes(cat.id)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const now = (this.draft.categories ?? []).filter((x) => x !== cat.id);
                  this.update_({ categories: on ? [...now, cat.id] : now }, 'categories');
                }}
              />
              ${pick(typeof cat.name === 'string' ? { it: cat.name } : cat.name, this.lang_)}
            </label>`,
          )}
        </div>
        ${c.view}
      </fieldset>
      ${audiences.length
        ? html`<fieldset>
            <legend class="label">${t.audiences}</legend>
            <div class="options">
              ${audiences.map((a) => {
                const aid = typeof a === 'string' ? a : a.id;
                const name = typeof a === 'string' ? audienceName(a, this.lang_) : pick(typeof a.name === 'string' ? { it: a.name } : a.name, this.lang_);
                return html`<label class="check">
                  <input
                    type="checkbox"
                    .checked=${(this.draft.audiences ?? []).includes(aid)}
                    @change=${(e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      const now = (this.draft.audiences ?? []).filter((x) => x !== aid);
                      this.update_({ audiences: on ? [...now, aid] : now }, 'audiences');
                    }}
                  />
                  ${name}
                </label>`;
              })}
            </div>
          </fieldset>`
        : nothing}
      <div class="field">
        <label for="${this.fieldId('keywords')}">${t.keywords}</label>
        <span class="help" id="${this.fieldId('keywords')}-help">${t.keywordsHelp}</span>
        <input
          id="${this.fieldId('keywords')}"
          type="text"
          .value=${(this.draft.keywords ?? []).join(', ')}
          aria-describedby="${this.fieldId('keywords')}-help"
          @change=${(e: Event) =>
            this.update_(
              {
                keywords: (e.target as HTMLInputElement).value
                  .split(',')
                  .map((k) => k.trim())
                  .filter(Boolean),
              },
              'keywords',
            )}
        />
      </div>
    </fieldset>`;
  }

  private placeLabel(place: PlaceData, index: number): string {
    const t = offerFormStrings[this.lang_];
    return [italian(place.name), place.address, place.comune].filter(Boolean).join(', ') || `${t.place(index + 1)} (${t.newPlace})`;
  }

  private renderWhere(checks: Check[]) {
    const t = offerFormStrings[this.lang_];
    const places = this.draft.locations ?? [];
    const none = this.messages('locations', checks);
    return html`<fieldset>
      <legend><h2>2. ${t.where}</h2></legend>
      <p class="help">${t.whereHelp}</p>
      ${none.view}
      ${places.map((place, i) => {
        const at = `locations.${i}`;
        const address = this.messages(`${at}.address`, checks);
        const comune = this.messages(`${at}.comune`, checks);
        const position = this.messages(`${at}.position`, checks);
        const chosen = this.territory?.comuni.find((c) => c.name === place.comune);
        return html`<fieldset class="place">
          <legend>${t.place(i + 1)}</legend>
          <div class="field">
            <label for="${this.fieldId(`${at}.name`)}">${t.placeName}</label>
            <span class="help" id="${this.fieldId(`${at}.name`)}-help">${t.placeNameHelp}</span>
            <input
              id="${this.fieldId(`${at}.name`)}"
              type="text"
              .value=${italian(place.name)}
              aria-describedby="${this.fieldId(`${at}.name`)}-help"
              @input=${(e: Event) => this.setPlace(i, { name: withItalian(place.name, (e.target as HTMLInputElement).value) })}
            />
          </div>
          <div class="field">
            <label for="${this.fieldId(`${at}.address`)}">${t.address}</label>
            <input
              id="${this.fieldId(`${at}.address`)}"
              type="text"
              autocomplete="street-address"
              .value=${place.address ?? ''}
              aria-invalid=${address.invalid ? 'true' : 'false'}
              aria-describedby=${address.ids || nothing}
              @input=${(e: Event) => this.setPlace(i, { address: (e.target as HTMLInputElement).value || undefined }, `${at}.address`)}
            />
            ${address.view}
          </div>
          <div class="field">
            <label for="${this.fieldId(`${at}.comune`)}">${t.comune}</label>
            <select
              id="${this.fieldId(`${at}.comune`)}"
              aria-invalid=${comune.invalid ? 'true' : 'false'}
              aria-describedby=${comune.ids || nothing}
              @change=${(e: Event) => this.setPlace(i, { comune: (e.target as HTMLSelectElement).value || undefined }, `${at}.comune`)}
            >
              <option value="" ?selected=${!place.comune}>${t.chooseComune}</option>
              ${place.comune && !chosen ? html`<option value=${place.comune} selected>${place.comune}</option>` : nothing}
              ${(this.territory?.comuni ?? []).map((c) => html`<option value=${c.name} ?selected=${c.name === place.comune}>${c.name}</option>`)}
            </select>
            ${comune.view}
          </div>
          <div class="field" id="${this.fieldId(`${at}.position`)}-box">
            <span class="label" id="${this.fieldId(`${at}.position`)}-label">${t.point}</span>
            <welfare-place-picker
              id="${this.fieldId(`${at}.position`)}"
              data-path="${at}.position"
              .lat=${place.lat}
              .lon=${place.lon}
              .comune=${chosen}
              .tiles=${this.tiles}
              .attribution=${this.tilesCredit}
              ?invalid=${position.invalid}
              @welfare-point-change=${(e: CustomEvent<PointChangeDetail>) => this.setPlace(i, { lat: e.detail.lat, lon: e.detail.lon }, `${at}.position`)}
            ></welfare-place-picker>
            <div id="${this.fieldId(`${at}.position`)}-messages" aria-live="polite">${position.view}</div>
          </div>
          <p class="actions">
            <button type="button" class="danger" @click=${() => this.removePlace(i)}>${t.removePlace(i + 1)}</button>
          </p>
        </fieldset>`;
      })}
      <p class="actions"><button type="button" class="add-place" @click=${this.addPlace}>+ ${t.addPlace}</button></p>
    </fieldset>`;
  }

  private renderWhen(checks: Check[]) {
    const t = offerFormStrings[this.lang_];
    const places = this.draft.locations ?? [];
    return html`<fieldset>
      <legend><h2>3. ${t.when}</h2></legend>
      <p class="help">${t.whenHelp}</p>
      ${places.length ? nothing : html`<p>${t.noPlaceForHours}</p>`}
      ${places.map((place, i) => {
        const m = this.messages(`locations.${i}.hours`, checks);
        return html`<fieldset>
          <legend>${t.hoursOf(this.placeLabel(place, i))}</legend>
          <welfare-hours-builder
            id="${this.fieldId(`locations.${i}.hours`)}"
            .value=${place.hours ?? ''}
            .note=${italian(place.hoursNote)}
            @welfare-hours-change=${(e: CustomEvent<HoursChangeDetail>) => {
              const incomplete = new Set(this.hoursIncomplete);
              if (e.detail.valid) incomplete.delete(i);
              else incomplete.add(i);
              this.hoursIncomplete = incomplete;
              if (e.detail.valid)
                this.setPlace(i, { hours: e.detail.value || undefined, hoursNote: withItalian(place.hoursNote, e.detail.note) }, `locations.${i}.hours`);
              else this.touched = new Set([...this.touched, `locations.${i}.hours`]);
            }}
          ></welfare-hours-builder>
          ${m.view}
        </fieldset>`;
      })}
    </fieldset>`;
  }

  private renderContacts(checks: Check[]) {
    const t = offerFormStrings[this.lang_];
    const missing = this.messages('contacts', checks);
    return html`<fieldset>
      <legend><h2>4. ${t.contacts}</h2></legend>
      <p class="help">${t.contactsHelp}</p>
      ${missing.view}
      ${this.textField('phone', t.phone, checks, { type: 'tel', autocomplete: 'tel' })}
      ${this.textField('email', t.email, checks, { type: 'email', autocomplete: 'email' })}
      ${this.textField('website', t.website, checks, { type: 'url', autocomplete: 'url' })}
    </fieldset>`;
  }

  private renderValidity(checks: Check[]) {
    const t = offerFormStrings[this.lang_];
    const date = (path: 'validFrom' | 'validThrough', label: string) => {
      const m = this.messages(path, checks);
      return html`<div class="field">
        <label for=${this.fieldId(path)}>${label}</label>
        <input
          id=${this.fieldId(path)}
          type="date"
          .value=${this.draft[path] ?? ''}
          aria-invalid=${m.invalid ? 'true' : 'false'}
          aria-describedby=${m.ids || nothing}
          @input=${(e: Event) => this.update_({ [path]: (e.target as HTMLInputElement).value || undefined }, path)}
        />
        ${m.view}
      </div>`;
    };
    return html`<fieldset>
      <legend><h2>5. ${t.validity}</h2></legend>
      <p class="help">${t.validityHelp}</p>
      ${date('validFrom', t.validFrom)} ${date('validThrough', t.validThrough)}
    </fieldset>`;
  }

  private renderPreview() {
    const t = offerFormStrings[this.lang_];
    const stale = this.previewFeed && this.previewOf !== JSON.stringify(this.value);
    const { validFrom, validThrough } = this.value;
    const day = (iso?: string) => (iso ? new Date(`${iso}T12:00:00`).toLocaleDateString(this.lang_ === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long' }) : undefined);
    return html`<section aria-labelledby="${this.ids}-preview">
      <h2 id="${this.ids}-preview">6. ${t.preview}</h2>
      <p class="help">${t.previewHelp}</p>
      <p class="actions">
        <button type="button" @click=${this.showPreview}>${this.previewFeed ? t.refreshPreview : t.showPreview}</button>
        ${stale ? html`<span class="message hint">${t.previewStale}</span>` : nothing}
      </p>
      ${this.previewFeed
        ? html`<div class="preview-frame" part="preview">
            ${validFrom || validThrough ? html`<p class="notice">${t.previewValidity(day(validFrom), day(validThrough))}</p>` : nothing}
            <welfare-list group=${this.group} .feed=${this.previewFeed} heading-level="3"></welfare-list>
            <welfare-map group=${this.group} .feed=${this.previewFeed} tiles=${this.tiles ?? 'none'} attribution=${this.tilesCredit ?? nothing} heading-level="3"></welfare-map>
          </div>`
        : nothing}
    </section>`;
  }

  private renderConflict() {
    const t = offerFormStrings[this.lang_];
    return html`<section class="conflict" aria-labelledby="${this.ids}-conflict">
      <h2 id="${this.ids}-conflict">${t.conflictTitle}</h2>
      <p>${t.conflictHelp}</p>
      ${renderDiff({
        lang: this.lang_,
        before: this.conflict!.theirs,
        after: this.value,
        beforeLabel: t.theirs,
        afterLabel: t.mine,
        caption: t.conflictTitle,
      })}
      <p class="actions">
        <button type="button" class="primary" @click=${() => this.emit('welfare-offer-resolve', { keep: 'mine' })}>${t.keepMine}</button>
        <button type="button" @click=${() => this.emit('welfare-offer-resolve', { keep: 'theirs' })}>${t.takeTheirs}</button>
      </p>
    </section>`;
  }
}
