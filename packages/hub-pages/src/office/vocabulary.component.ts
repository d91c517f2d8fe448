import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { audienceName } from '@welfare-elements/core';
import { ApiError, type HubClient, type TerritoryComune, type VocabularyEntry, type VocabularyKind } from '../api/client.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { officeStyles } from './office-styles.js';
import { vocabularyStrings } from './vocabulary.strings.js';

/** The form being filled: every field as typed; `id`/`version` when changing an entry. */
interface Draft {
  readonly kind: VocabularyKind;
  readonly id?: string;
  readonly version?: number;
  readonly fields: Readonly<Record<string, string>>;
}

const KINDS: readonly VocabularyKind[] = ['categories', 'audiences', 'comuni'];

/** "45,31" or "45.31" → 45.31; undefined when it is not a number. */
const decimal = (text: string) => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(n) ? n : undefined;
};

/**
 * The office's own lists: the categories (tiles), the audiences and the territory's
 * comuni with their centre and patron saint's day. Add, rename, archive and restore;
 * the hub refuses archiving a category that offers still use and the page says why.
 *
 * @summary The office's categories, audiences and comuni.
 */
export class WelfareHubVocabulary extends HubElement {
  static override styles = [
    formStyles,
    officeStyles,
    css`
      ul.entries {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      ul.entries li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--_border);
      }
      ul.entries .meta {
        margin: 0;
      }
      .entry-name {
        font-weight: 700;
        flex: 1 1 12rem;
        overflow-wrap: anywhere;
      }
      .swatch {
        display: inline-block;
        inline-size: 1rem;
        block-size: 1rem;
        border: 1px solid var(--_border);
        border-radius: 2px;
        vertical-align: -0.125rem;
        margin-inline-end: 0.375rem;
      }
      .archived .entry-name {
        font-weight: 400;
        color: var(--_muted);
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
      }
      .pair > .field {
        flex: 1 1 9rem;
      }
      input[type='color'] {
        inline-size: 4rem;
        padding: 0.125rem;
      }
      section {
        margin-block-end: 1.5rem;
      }
    `,
  ];

  /** The hub's API client (the page is signed in as the office). */
  @property({ attribute: false }) client?: HubClient;

  @state() private categories?: VocabularyEntry[];
  @state() private audiences?: VocabularyEntry[];
  @state() private comuni?: TerritoryComune[];
  @state() private draft?: Draft;
  @state() private problems = new Map<string, string>();
  @state() private said = '';
  @state() private failure = '';
  private readonly ids = uid('vocab');

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /**
   * The swatches' colours, set through the style object: the hub's CSP forbids inline style
   * attributes (what a `style=` binding writes on first render), not CSSOM changes.
   */
  protected override updated(): void {
    for (const swatch of this.renderRoot.querySelectorAll<HTMLElement>('.swatch[data-color]')) swatch.style.backgroundColor = swatch.dataset['color'] ?? '';
  }

  private async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      [this.categories, this.audiences, this.comuni] = await Promise.all([client.vocabulary('categories'), client.vocabulary('audiences'), client.vocabulary('comuni')]);
    } catch (error) {
      this.failure = (error as Error).message;
      this.categories ??= [];
      this.audiences ??= [];
      this.comuni ??= [];
    }
  }

  /** What the list shows as an entry's name, in the page's language. */
  private label(kind: VocabularyKind, entry: VocabularyEntry | TerritoryComune): string {
    if (kind === 'comuni') return (entry as TerritoryComune).name;
    const { data } = entry as VocabularyEntry;
    if (data.name) return (this.lang_ === 'en' && data.name.en) || data.name.it;
    return audienceName(data.id, this.lang_);
  }

  private open(kind: VocabularyKind, entry?: VocabularyEntry | TerritoryComune): void {
    this.problems = new Map();
    this.said = '';
    this.failure = '';
    if (!entry) {
      this.draft = { kind, fields: kind === 'categories' ? { color: '#0066cc' } : {} };
    } else if (kind === 'comuni') {
      const k = entry as TerritoryComune;
      const [month = '', day = ''] = (k.patronDate ?? '').split('-');
      this.draft = {
        kind,
        id: k.id,
        version: k.version,
        fields: { name: k.name, lat: k.lat === null ? '' : String(k.lat), lon: k.lon === null ? '' : String(k.lon), patron: k.patron ?? '', day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '' },
      };
    } else {
      const { data } = entry as VocabularyEntry;
      this.draft = { kind, id: entry.id, version: entry.version, fields: { nameIt: data.name?.it ?? audienceName(data.id, 'it'), nameEn: data.name?.en ?? '', color: data.color ?? '' } };
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form input')?.focus());
  }

  private set(name: string, value: string): void {
    this.draft = { ...this.draft!, fields: { ...this.draft!.fields, [name]: value } };
  }

  /** The request body, or undefined with `problems` set. */
  private body(): unknown {
    const t = vocabularyStrings[this.lang_];
    const { kind, id, fields: f } = this.draft!;
    const problems = new Map<string, string>();
    const text = (k: string) => (f[k] ?? '').trim();
    let body: unknown;
    if (kind === 'comuni') {
      if (!text('name')) problems.set('name', t.required);
      const lat = decimal(f['lat'] ?? '');
      const lon = decimal(f['lon'] ?? '');
      if (lat === undefined) problems.set('lat', text('lat') ? t.badNumber : t.required);
      if (lon === undefined) problems.set('lon', text('lon') ? t.badNumber : t.required);
      if (Boolean(f['day']) !== Boolean(f['month'])) problems.set('patronDate', t.halfDay);
      const two = (n: string | undefined) => String(n).padStart(2, '0');
      body = { name: text('name'), lat, lon, patron: text('patron') || null, patronDate: f['day'] && f['month'] ? `${two(f['month'])}-${two(f['day'])}` : null };
    } else {
      if (!text('nameIt')) problems.set('data.name.it', t.required);
      const name = { it: text('nameIt'), ...(text('nameEn') ? { en: text('nameEn') } : {}) };
      const data = { ...(!id && text('code') ? { id: text('code') } : {}), name, ...(kind === 'categories' && f['color'] ? { color: f['color'] } : {}) };
      body = { data };
    }
    this.problems = problems;
    return problems.size ? undefined : body;
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const t = vocabularyStrings[this.lang_];
    const body = this.body();
    if (!body) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const { kind, id, version } = this.draft!;
    this.failure = '';
    try {
      if (id) await this.client!.saveVocabulary(kind, id, body, version!);
      else await this.client!.createVocabulary(kind, body);
      this.draft = undefined;
      this.said = t.saved;
      await this.reload();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) this.problems = new Map(error.problem.errors.map((p) => [p.path, p.message]));
      this.failure = (error as Error).message;
    }
  }

  private async toggle(kind: VocabularyKind, entry: VocabularyEntry | TerritoryComune): Promise<void> {
    const t = vocabularyStrings[this.lang_];
    this.said = '';
    this.failure = '';
    try {
      await this.client!.archiveVocabulary(kind, entry.id, entry.archived ? 'restore' : 'archive');
      this.said = entry.archived ? t.restored : t.archivedDone;
    } catch (error) {
      this.failure = (error as Error).message;
    }
    await this.reload();
  }

  protected override render() {
    const t = vocabularyStrings[this.lang_];
    if (!this.categories || !this.audiences || !this.comuni) return html`<p role="status">${t.loading}</p>`;
    return html`
      <p class="help">${t.intro}</p>
      <div role="status">${this.said ? html`<p class="notice success">${this.said}</p>` : nothing}</div>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
      ${KINDS.map((kind) => this.renderSection(kind))}
    `;
  }

  private renderSection(kind: VocabularyKind) {
    const t = vocabularyStrings[this.lang_];
    const entries: (VocabularyEntry | TerritoryComune)[] = kind === 'categories' ? this.categories! : kind === 'audiences' ? this.audiences! : this.comuni!;
    const heading = `${this.ids}-${kind}`;
    return html`<section aria-labelledby=${heading} data-kind=${kind}>
      <h2 id=${heading}>${t[kind]}</h2>
      <p class="help">${t[`${kind}Help`]}</p>
      ${this.draft?.kind === kind && !this.draft.id ? this.renderForm() : nothing}
      ${entries.length
        ? html`<ul class="entries">
            ${entries.map((entry) => {
              const name = this.label(kind, entry);
              const color = kind === 'categories' ? (entry as VocabularyEntry).data.color : undefined;
              const comune = kind === 'comuni' ? (entry as TerritoryComune) : undefined;
              const editing = this.draft?.kind === kind && this.draft.id === entry.id;
              return html`<li class=${entry.archived ? 'archived' : ''} data-id=${entry.id}>
                <span class="entry-name">${color ? html`<span class="swatch" data-color=${color}></span>` : nothing}${name}</span>
                <span class="meta">${[
                  kind === 'comuni' ? '' : `${t.code}: ${entry.id}`,
                  comune?.patron || comune?.patronDate ? [comune.patron, comune.patronDate ? this.day(comune.patronDate) : ''].filter(Boolean).join(', ') : '',
                  t.uses(entry.inUse),
                  entry.archived ? t.archived : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}</span>
                <span class="actions">
                  ${entry.archived
                    ? nothing
                    : html`<button type="button" @click=${() => this.open(kind, entry)}>${t.edit}<span class="visually-hidden">: ${name}</span></button>`}
                  <button type="button" class="link" @click=${() => this.toggle(kind, entry)}>${entry.archived ? t.restore : t.archive}<span class="visually-hidden">: ${name}</span></button>
                </span>
              </li>
              ${editing ? html`<li>${this.renderForm()}</li>` : nothing}`;
            })}
          </ul>`
        : html`<p>${t.empty}</p>`}
      ${this.draft?.kind === kind ? nothing : html`<p class="actions"><button type="button" class="primary" @click=${() => this.open(kind)}>+ ${t.add[kind]}</button></p>`}
    </section>`;
  }

  /** "01-19" → "19 gennaio". */
  private day(date: string): string {
    const [month, day] = date.split('-').map(Number) as [number, number];
    return `${day} ${vocabularyStrings[this.lang_].months[month - 1] ?? ''}`;
  }

  private field(name: string, label: string, options: { help?: string; type?: string; inputmode?: string; problemKey?: string; describedBy?: string } = {}) {
    const id = `${this.ids}-${name}`;
    const problem = this.problems.get(options.problemKey ?? name);
    const described = [options.describedBy ?? '', options.help ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.help ? html`<p class="help" id="${id}-help">${options.help}</p>` : nothing}
      <input id=${id} type=${options.type ?? 'text'} inputmode=${options.inputmode ?? nothing} .value=${this.draft!.fields[name] ?? ''}
        aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described || nothing}
        @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)} />
      ${problem ? html`<p class="message error" id="${id}-error">${problem}</p>` : nothing}
    </div>`;
  }

  private renderForm() {
    const t = vocabularyStrings[this.lang_];
    const { kind, id, fields } = this.draft!;
    const title = id ? `${t.edit}: ${kind === 'comuni' ? fields['name'] : fields['nameIt']}` : t.add[kind];
    const select = (name: 'day' | 'month', label: string, options: [string, string][]) => html`<div class="field">
      <label for="${this.ids}-${name}">${label}</label>
      <select id="${this.ids}-${name}" aria-invalid=${this.problems.has('patronDate') ? 'true' : 'false'}
        aria-describedby=${this.problems.has('patronDate') ? `${this.ids}-patron-error` : nothing}
        @change=${(e: Event) => this.set(name, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!fields[name]}>${t.none}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${fields[name] === value}>${text}</option>`)}
      </select>
    </div>`;
    return html`<form class="card" novalidate @submit=${this.save} aria-labelledby="${this.ids}-form">
      <h3 id="${this.ids}-form">${title}</h3>
      ${kind === 'comuni'
        ? html`${this.field('name', t.name)}
            <p class="help" id="${this.ids}-coord-help">${t.coordHelp}</p>
            <div class="pair">
              ${this.field('lat', t.lat, { inputmode: 'decimal', describedBy: `${this.ids}-coord-help` })}
              ${this.field('lon', t.lon, { inputmode: 'decimal', describedBy: `${this.ids}-coord-help` })}
            </div>
            ${this.field('patron', t.patron)}
            <fieldset>
              <legend>${t.patronDay}</legend>
              <div class="pair">
                ${select('day', t.day, Array.from({ length: 31 }, (_, i) => [String(i + 1), String(i + 1)]))}
                ${select('month', t.month, t.months.map((m, i) => [String(i + 1), m]))}
              </div>
              ${this.problems.has('patronDate') ? html`<p class="message error" id="${this.ids}-patron-error">${this.problems.get('patronDate')}</p>` : nothing}
            </fieldset>`
        : html`${id ? nothing : this.field('code', t.code, { help: t.codeHelp, problemKey: 'data.id' })}
            <div class="pair">${this.field('nameIt', t.nameIt, { problemKey: 'data.name.it' })} ${this.field('nameEn', t.nameEn, { problemKey: 'data.name.en' })}</div>
            ${kind === 'categories' ? this.field('color', t.color, { type: 'color', problemKey: 'data.color' }) : nothing}`}
      <p class="actions">
        <button type="submit" class="primary">${t.save}</button>
        <button type="button" @click=${() => ((this.draft = undefined), (this.problems = new Map()))}>${t.cancel}</button>
      </p>
    </form>`;
  }
}
