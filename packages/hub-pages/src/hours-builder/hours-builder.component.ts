import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { hoursInWords } from '@welfare-elements/core';
// Not in core's index: the citizens' bundle does not need it.
import { checkHoursString, type HoursValidity } from '@welfare-elements/core/hours/index.js';
import { HubElement, uid } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import {
  EMPTY_HOURS,
  fromOpeningHours,
  hoursProblems,
  toOpeningHours,
  type HoursModel,
  type HoursProblem,
  type HoursRow,
} from './hours-model.js';
import { hoursBuilderStrings } from './hours-builder.strings.js';

export interface HoursChangeDetail {
  /** The OSM string; undefined while the hours are incomplete or unreadable. */
  readonly value: string | undefined;
  readonly valid: boolean;
  /** The note in words (the feed's `hoursNote`); '' when there is none. */
  readonly note: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'welfare-hours-change': CustomEvent<HoursChangeDetail>;
  }
}

/**
 * The hours builder: days and time ranges, holidays closed and a note, written as an
 * OpenStreetMap `opening_hours` string and shown back in plain words. It never hands on
 * a string it knows to be wrong: while something is missing `value` keeps the last good
 * string and the event says `valid: false`.
 *
 * @summary Opening hours without the syntax.
 * @fires welfare-hours-change - `{ value, valid }` on every change.
 * @csspart words - The hours in words.
 */
export class WelfareHoursBuilder extends HubElement {
  static override styles = [
    formStyles,
    css`
      .row {
        border-style: dashed;
      }
      .days {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        border: none;
        padding: 0;
        margin: 0 0 0.5rem;
      }
      .days legend {
        padding: 0;
        margin-bottom: 0.25rem;
      }
      .range {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.5rem 0.75rem;
        margin-block-end: 0.5rem;
      }
      .range .field {
        margin: 0;
        width: 8.5rem;
      }
      .words {
        background: var(--_surface-alt);
        padding: 0.5rem 0.75rem;
        border-radius: var(--_radius);
      }
      .words strong {
        display: block;
      }
    `,
  ];

  /** The OSM `opening_hours` string (empty: no hours). */
  @property() value = '';
  /** The note people read under the hours (the feed's `hoursNote`). */
  @property() note = '';
  /** The label of the whole group, for its legend. */
  @property() label = '';

  @state() private model: HoursModel = EMPTY_HOURS;
  /** The string kept as written, when the builder cannot show it. */
  @state() private manual?: string;
  /** Counts the evaluator parts that arrived: a pending check is asked again then. */
  @state() private loaded = 0;
  /** Problems are shown after the person touched the hours, not on an empty start. */
  @state() private touched = false;
  private emitted?: string;
  private readonly ids = uid('hours');

  /**
   * A hand-typed string's validity. The small evaluator reads every string the builder
   * writes; the full opening_hours library (about 110 KB) is fetched only for a string it
   * cannot read (the hub checks again on saving).
   */
  private validity(hours: string): HoursValidity {
    return checkHoursString(hours, () => this.loaded++);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('note') && this.note !== this.model.note) this.model = { ...this.model, note: this.note ?? '' };
    if (changed.has('value') && this.value !== this.emitted) {
      const model = fromOpeningHours(this.value ?? '');
      if (model) {
        this.model = { ...model, note: this.note || model.note };
        this.manual = undefined;
      } else {
        this.manual = this.value;
      }
      this.emitted = this.value;
    }
  }

  /** Whether the current hours can be saved. */
  get valid(): boolean {
    if (this.manual !== undefined) return this.validity(this.manual) !== 'invalid';
    return toOpeningHours(this.model) !== undefined;
  }

  private change(model: HoursModel): void {
    this.model = model;
    this.touched = true;
    const value = toOpeningHours(model);
    if (value !== undefined) {
      this.emitted = value;
      this.value = value;
    }
    this.note = model.note.trim();
    this.emit<HoursChangeDetail>('welfare-hours-change', { value, valid: value !== undefined, note: this.note });
  }

  private setRow(index: number, row: HoursRow): void {
    this.change({ ...this.model, rows: this.model.rows.map((r, i) => (i === index ? row : r)) });
  }

  private addRow(): void {
    const row: HoursRow = { days: this.model.rows.length ? [] : [0, 1, 2, 3, 4], ranges: [{ from: '09:00', to: '12:00' }] };
    this.change({ ...this.model, rows: [...this.model.rows, row] });
    this.updateComplete.then(() => {
      const rows = this.renderRoot.querySelectorAll<HTMLElement>('.row');
      rows[rows.length - 1]?.querySelector<HTMLInputElement>('input')?.focus();
    });
  }

  private removeRow(index: number): void {
    this.change({ ...this.model, rows: this.model.rows.filter((_, i) => i !== index) });
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.add-row')?.focus());
  }

  private editManual(text: string): void {
    this.manual = text;
    this.touched = true;
    this.checkManual(text);
  }

  /** Hands the typed string on once it is known to be valid (now, or when the evaluator that can tell arrives). */
  private checkManual(text: string): void {
    const validity = checkHoursString(text, () => {
      this.loaded++;
      if (this.manual === text) this.checkManual(text);
    });
    if (validity === 'pending') return;
    const valid = validity === 'valid';
    if (valid) {
      this.emitted = text;
      this.value = text;
    }
    this.emit<HoursChangeDetail>('welfare-hours-change', { value: valid ? text : undefined, valid, note: this.note });
  }

  private restart(): void {
    this.manual = undefined;
    this.change({ ...EMPTY_HOURS, rows: [{ days: [0, 1, 2, 3, 4], ranges: [{ from: '09:00', to: '12:00' }] }] });
  }

  private words(): string | undefined {
    const value = this.manual ?? toOpeningHours(this.model);
    const note = this.model.note.trim();
    if (!value) return note || undefined;
    const words = hoursInWords(value, this.lang_) ?? value;
    return note ? `${words}. ${note}` : words;
  }

  protected override render() {
    const t = hoursBuilderStrings[this.lang_];
    if (this.manual !== undefined) return this.renderManual();
    const problems = this.touched ? hoursProblems(this.model) : [];
    const value = toOpeningHours(this.model);
    const words = this.words();
    return html`
      ${this.model.rows.map((row, i) => this.renderRow(row, i, problems.filter((p) => p.row === i)))}
      <p class="actions">
        <button type="button" class="add-row" @click=${this.addRow}>+ ${t.addRow}</button>
      </p>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this.model.holidaysClosed}
          @change=${(e: Event) => this.change({ ...this.model, holidaysClosed: (e.target as HTMLInputElement).checked })}
        />
        ${t.holidays}
      </label>
      <div class="field">
        <label for="${this.ids}-note">${t.note}</label>
        <span class="help" id="${this.ids}-note-help">${t.noteHelp}</span>
        <input
          id="${this.ids}-note"
          type="text"
          .value=${this.model.note}
          aria-describedby="${this.ids}-note-help"
          @input=${(e: Event) => this.change({ ...this.model, note: (e.target as HTMLInputElement).value })}
        />
      </div>
      <p class="words" part="words">
        <strong>${t.readsAs}</strong>
        ${value === undefined && this.model.rows.length ? t.invalidNow : words ?? t.noHours}
      </p>
    `;
  }

  private renderRow(row: HoursRow, index: number, problems: HoursProblem[]) {
    const t = hoursBuilderStrings[this.lang_];
    const id = `${this.ids}-r${index}`;
    const dayProblem = problems.find((p) => p.key === 'noDays');
    const toggleDay = (day: number, on: boolean) =>
      this.setRow(index, { ...row, days: on ? [...row.days, day].sort() : row.days.filter((d) => d !== day) });
    const setRange = (r: number, part: 'from' | 'to', time: string) =>
      this.setRow(index, { ...row, ranges: row.ranges.map((range, i) => (i === r ? { ...range, [part]: time } : range)) });
    return html`
      <fieldset class="row">
        <legend>${t.row(index + 1)}</legend>
        <fieldset class="days" aria-describedby=${dayProblem ? `${id}-days-error` : nothing}>
          <legend class="label">${t.daysLabel}</legend>
          ${t.days.map(
            (name, day) => html`<label class="check">
              <input type="checkbox" .checked=${row.days.includes(day)} @change=${(e: Event) => toggleDay(day, (e.target as HTMLInputElement).checked)} />
              ${name}
            </label>`,
          )}
        </fieldset>
        ${dayProblem ? html`<p class="message error" id="${id}-days-error">${t.problems.noDays}</p>` : nothing}
        <p class="actions">
          <button type="button" class="link" @click=${() => this.setRow(index, { ...row, days: [0, 1, 2, 3, 4] })}>${t.weekdays}</button>
        </p>
        ${row.ranges.map((range, r) => {
          const problem = problems.find((p) => p.range === r);
          const errorId = `${id}-t${r}-error`;
          // "Dalle" and "Alle": the same time field for either end of the range.
          const timeField = (end: 'from' | 'to') => html`
            <div class="field">
              <label for="${id}-t${r}-${end}">${t[end]}</label>
              <input
                id="${id}-t${r}-${end}"
                type="time"
                .value=${range[end]}
                aria-invalid=${problem ? 'true' : 'false'}
                aria-describedby=${problem ? errorId : nothing}
                @input=${(e: Event) => setRange(r, end, (e.target as HTMLInputElement).value)}
              />
            </div>
          `;
          return html`
            <div class="range" role="group" aria-label=${t.range(r + 1)}>
              ${timeField('from')}${timeField('to')}
              ${row.ranges.length > 1
                ? html`<button type="button" class="link" @click=${() => this.setRow(index, { ...row, ranges: row.ranges.filter((_, i) => i !== r) })}>
                    ${t.removeRange(r + 1)}
                  </button>`
                : nothing}
            </div>
            ${problem ? html`<p class="message error" id=${errorId}>${t.problems[problem.key]}</p>` : nothing}
          `;
        })}
        ${problems.some((p) => p.key === 'noTimes') ? html`<p class="message error">${t.problems.noTimes}</p>` : nothing}
        <p class="actions">
          <button type="button" @click=${() => this.setRow(index, { ...row, ranges: [...row.ranges, { from: '14:00', to: '17:00' }] })}>
            + ${t.addRange}
          </button>
          <button type="button" class="danger" @click=${() => this.removeRow(index)}>${t.removeRow(index + 1)}</button>
        </p>
      </fieldset>
    `;
  }

  private renderManual() {
    const t = hoursBuilderStrings[this.lang_];
    const validity = this.validity(this.manual!);
    const invalid = validity === 'invalid';
    const words = !invalid ? this.words() : undefined;
    return html`
      <div class="field">
        <label for="${this.ids}-manual">${t.manual}</label>
        <span class="help" id="${this.ids}-manual-help">${t.manualHelp}</span>
        <input
          id="${this.ids}-manual"
          type="text"
          .value=${this.manual!}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="${this.ids}-manual-help ${invalid ? `${this.ids}-manual-error` : ''}"
          @input=${(e: Event) => this.editManual((e.target as HTMLInputElement).value)}
        />
        ${invalid ? html`<p class="message error" id="${this.ids}-manual-error">${t.manualInvalid}</p>` : nothing}
      </div>
      ${validity === 'pending' ? html`<p class="help">${t.checking}</p>` : nothing}
      ${words ? html`<p class="words" part="words"><strong>${t.readsAs}</strong> ${words}</p>` : nothing}
      <p class="actions"><button type="button" @click=${this.restart}>${t.restart}</button></p>
    `;
  }
}
