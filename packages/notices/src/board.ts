/**
 * The board's rendering: its own chunk, fetched when a <welfare-notices> is on the page
 * (with the notices' logic and words from core), so pages without a board do not pay for it.
 */
import { type GroupStore, type Lang, type Notice, onServiceLink, openServiceView, pick, romeToday, serviceLink } from '@welfare-elements/core';
import { dayName, daysBetween, noticeStrings, noticeWhen } from '@welfare-elements/core/notices/lazy.js';
import { html, nothing } from 'lit';
import { noticesBoardStrings } from './notices.strings.js';

export { noticesStyles as boardStyles } from './notices.styles.js';

/** Elements that show a selected service or access point; without one, names are plain text. */
const SHOWS_SELECTION = new Set(['welfare-list', 'welfare-map', 'welfare-access-points']);

/** A page address given by the webmaster: relative, or http(s); never another scheme. */
const pageHref = (value: string | undefined) =>
  value && (!/^[a-z][a-z\d+.-]*:/i.test(value.trim()) || /^https?:/i.test(value.trim())) ? value.trim() : undefined;

/** What the board needs from its element. */
export interface BoardContext {
  readonly host: Element;
  readonly store: GroupStore;
  readonly lang: Lang;
  readonly at: Date;
  /** 0: all. */
  readonly limit: number;
  readonly moreHref: string | undefined;
  readonly headingLevel: number;
  readonly opensInNewWindow: string;
  /** Shows every notice (the "Mostra tutti" button). */
  expand(): void;
  /** Selects a service or access point for the group (null: none). */
  choose(id: string, type: 'service' | 'access-point'): void;
}

export function renderBoard(ctx: BoardContext) {
  const t = noticesBoardStrings[ctx.lang];
  const all = ctx.store.notices(ctx.at);
  const limit = Math.max(0, Math.round(ctx.limit) || 0);
  const shown = limit ? all.slice(0, limit) : all;
  const hidden = all.length - shown.length;
  const today = romeToday(ctx.at);
  const more = pageHref(ctx.moreHref);
  return html`
    <p class="count" part="count" role="status" aria-live="polite">
      ${hidden ? t.countOf(shown.length, all.length) : t.count(all.length)}
    </p>
    ${all.length === 0
      ? html`<div class="empty" part="empty">
          <p><strong>${t.empty}</strong></p>
          <p>${t.emptyHint}</p>
        </div>`
      : html`<ul class="items" part="list" aria-label=${t.label}>
          ${shown.map((n) => renderNotice(ctx, n, today))}
        </ul>`}
    ${hidden
      ? html`<p class="footer">
          ${more
            ? html`<a part="link more" href=${more}>${t.more}</a>`
            : html`<button type="button" class="button" part="more" @click=${() => ctx.expand()}>${t.showAll(all.length)}</button>`}
        </p>`
      : nothing}
  `;
}

function renderNotice(ctx: BoardContext, n: Notice, today: string) {
  const { lang } = ctx;
  const t = noticesBoardStrings[lang];
  const words = noticeStrings[lang];
  const kind = words.kinds[n.kind];
  const title = pick(n.title, lang) || kind;
  const when = noticeWhen(n, lang, today);
  const urgent = n.kind === 'deadline' && !!n.validThrough && daysBetween(today, n.validThrough) <= 7;
  const level = Math.min(6, Math.max(2, Math.round(ctx.headingLevel) || 3));
  return html`<li class="${n.kind}${urgent ? ' urgent' : ''}" data-id=${n.id ?? nothing}>
    <article part="item ${n.kind}">
      <div role="heading" aria-level=${level} class="title" part="title">${title}</div>
      <p class="meta" part="meta">
        <span class="kind" part="kind">${kind}</span>
        ${when ? html`<span class="when" part="when">${when}</span>` : nothing}
      </p>
      <p part="text">${pick(n.text, lang)}</p>
      ${renderConcerns(ctx, n)}
      ${n.date || n.link
        ? html`<p class="published">
            ${n.date ? html`<time part="published" datetime=${n.date}>${words.published(dayName(n.date, lang, today))}</time>` : nothing}
            ${n.date && n.link ? ' · ' : nothing}
            ${n.link
              ? html`<a part="link" href=${n.link} target="_blank" rel="noopener noreferrer"
                  >${t.readMore}<span class="visually-hidden"> ${t.about(title)} ${ctx.opensInNewWindow}</span></a
                >`
              : nothing}
          </p>`
        : nothing}
    </article>
  </li>`;
}

/** The services and access points a notice concerns (those the feed shows now). */
function renderConcerns(ctx: BoardContext, n: Notice) {
  const { store, lang } = ctx;
  const entries = [
    ...n.services.map((id) => store.findService(id)),
    ...n.accessPoints.map((id) => store.findAccessPoint(id)),
  ].filter((e) => e !== undefined);
  if (!entries.length) return nothing;
  const selectable = [...store.members].some((m) => m !== ctx.host && m.isConnected && SHOWS_SELECTION.has(m.localName));
  return html`<div class="concerns" part="concerns">
    <span>${noticesBoardStrings[lang].concerns}:</span>
    <ul>
      ${entries.map(
        (e) => html`<li>
          ${e.type === 'service'
            ? // The name opens the service's full view (issue 18); with a list or map in the
              // group it also selects the service there, so the card is chosen when the view closes.
              html`<a
                part="concern link"
                href=${serviceLink(e.id)}
                data-service-link=${e.id}
                @click=${(ev: MouseEvent) =>
                  onServiceLink(ev, () => {
                    if (selectable && store.selected !== e.id) ctx.choose(e.id, e.type);
                    openServiceView(store, lang, e.id, ev.currentTarget as Element);
                  })}
                >${pick(e.name, lang)}</a
              >`
            : selectable
              ? html`<button type="button" part="concern" aria-pressed=${store.selected === e.id ? 'true' : 'false'} @click=${() => ctx.choose(e.id, e.type)}>
                  ${pick(e.name, lang)}
                </button>`
              : html`<span part="concern">${pick(e.name, lang)}</span>`}
        </li>`,
      )}
    </ul>
  </div>`;
}
