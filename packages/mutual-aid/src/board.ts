/**
 * The mutual-aid board's rendering: its own chunk, fetched when a <welfare-mutual-aid> is
 * on the page, so pages without one do not pay for it.
 */
import { type Feed, type Lang, type MutualAidKind, type MutualAidPost, type MutualAidTopic, type Organization, pick } from '@welfare-elements/core';
import { MUTUAL_AID_KINDS, MUTUAL_AID_TOPICS, readMutualAid } from '@welfare-elements/core/mutual-aid/post.js';
import { html, nothing } from 'lit';
import { mutualAidStrings } from './mutual-aid.strings.js';

export { mutualAidStyles as boardStyles } from './mutual-aid.styles.js';

export interface BoardFilters {
  readonly kind: MutualAidKind | '';
  readonly topic: MutualAidTopic | '';
  /** '' for every comune. */
  readonly comune: string;
}

/** What the board needs from its element. */
export interface BoardContext {
  readonly lang: Lang;
  readonly feed: Feed | undefined;
  /** Today (YYYY-MM-DD, Europe/Rome): expired posts are left out. */
  readonly today: string;
  /** Only the posts this organisation mediates (the `organization` attribute). */
  readonly mediator: string | undefined;
  readonly filters: BoardFilters;
  readonly postHref: string | undefined;
  readonly headingLevel: number;
  /** Changes some of the filters (the others stay). */
  change(filters: Partial<BoardFilters>): void;
}

/** A page address given by the webmaster: relative, or http(s); never another scheme. */
const pageHref = (value: string | undefined) =>
  value && (!/^[a-z][a-z\d+.-]*:/i.test(value.trim()) || /^https?:/i.test(value.trim())) ? value.trim() : undefined;

const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
/** "20 novembre 2026": the day in words, read as a calendar day (no time zone shift). */
function dayInWords(day: string, lang: Lang): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(lang, format);
  }
  const [y, m, d] = day.split('-').map(Number);
  return format.format(Date.UTC(y!, m! - 1, d!));
}

/** The posts of a feed, read once per feed and day; what was dropped is said once in the console. */
const read = new WeakMap<Feed, { today: string; posts: readonly MutualAidPost[] }>();
function postsOf(feed: Feed | undefined, today: string): readonly MutualAidPost[] {
  if (!feed?.mutualAid) return [];
  const known = read.get(feed);
  if (known?.today === today) return known.posts;
  const result = readMutualAid(feed.mutualAid, new Set(feed.organizations.map((o) => o.id)), today);
  if (!known && result.issues.length) console.warn(`[welfare-elements] mutualAid: ${result.issues.length} posts skipped.`, result.issues);
  read.set(feed, { today, posts: result.posts });
  return result.posts;
}

export function renderBoard(ctx: BoardContext) {
  const t = mutualAidStrings[ctx.lang];
  const posts = postsOf(ctx.feed, ctx.today);
  const organizations: readonly Organization[] = ctx.feed?.organizations ?? [];
  const scoped = ctx.mediator ? posts.filter((p) => p.mediator === ctx.mediator) : posts;
  const { kind, topic, comune } = ctx.filters;
  const shown = scoped.filter((p) => (!kind || p.kind === kind) && (!topic || p.topic === topic) && (!comune || p.comune === comune));
  const filtered = shown.length < scoped.length;
  const mediators = new Map(organizations.map((o) => [o.id, o]));
  const comuni = [...new Set([...scoped.map((p) => p.comune), ...(comune ? [comune] : [])])].sort((a, b) => a.localeCompare(b, 'it'));
  const topics = MUTUAL_AID_TOPICS.filter((id) => id === topic || scoped.some((p) => p.topic === id));
  const post = pageHref(ctx.postHref);
  const level = Math.min(6, Math.max(2, Math.round(ctx.headingLevel) || 3));
  const set = (key: keyof BoardFilters) => (e: Event) => ctx.change({ [key]: (e.target as HTMLSelectElement).value });

  if (!scoped.length) {
    return html`<p class="count" part="count" role="status" aria-live="polite">${t.count(0)}</p>
      <div class="empty" part="empty">
        <p><strong>${t.empty}</strong></p>
        <p>${t.emptyHint}</p>
        ${post ? html`<p><a class="button" part="post-link" href=${post}>${t.post}</a></p>` : nothing}
      </div>`;
  }
  return html`
    <fieldset class="filters" part="filters">
      <legend class="visually-hidden">${t.filters}</legend>
      <label>
        <span>${t.kind}</span>
        <select part="filter" name="kind" @change=${set('kind')}>
          <option value="" ?selected=${!kind}>${t.all}</option>
          ${MUTUAL_AID_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${t.kinds[k]}</option>`)}
        </select>
      </label>
      <label>
        <span>${t.topic}</span>
        <select part="filter" name="topic" @change=${set('topic')}>
          <option value="" ?selected=${!topic}>${t.all}</option>
          ${topics.map((k) => html`<option value=${k} ?selected=${k === topic}>${t.topics[k]}</option>`)}
        </select>
      </label>
      <label>
        <span>${t.comune}</span>
        <select part="filter" name="comune" @change=${set('comune')}>
          <option value="" ?selected=${!comune}>${t.all}</option>
          ${comuni.map((c) => html`<option value=${c} ?selected=${c === comune}>${c}</option>`)}
        </select>
      </label>
    </fieldset>
    <p class="count" part="count" role="status" aria-live="polite">${filtered ? t.countOf(shown.length, scoped.length) : t.count(shown.length)}</p>
    ${shown.length
      ? html`<ul class="items" part="list" aria-label=${t.label}>
          ${shown.map((p) => renderPost(ctx, p, level, pick(mediators.get(p.mediator)?.name, ctx.lang) || p.mediator, post))}
        </ul>`
      : html`<div class="empty" part="empty">
          <p><strong>${t.noMatch}</strong></p>
          <p><button type="button" class="button" part="clear" @click=${() => ctx.change({ kind: '', topic: '', comune: '' })}>${t.clear}</button></p>
        </div>`}
    ${post && shown.length ? html`<p class="footer"><a class="button" part="post-link" href=${post}>${t.post}</a></p>` : nothing}
  `;
}

/**
 * The posting page opened on its answer form for one post (`#rispondi=<id>`, read by the
 * hub's page), in the board's language (`&lang=en`: the hub's page starts in Italian).
 */
const answerHref = (page: string, id: string, lang: string) =>
  `${page.replace(/#.*$/, '')}#rispondi=${encodeURIComponent(id)}${lang === 'it' ? '' : `&lang=${lang}`}`;

function renderPost(ctx: BoardContext, p: MutualAidPost, level: number, mediator: string, page: string | undefined) {
  const t = mutualAidStrings[ctx.lang];
  return html`<li class=${p.kind} data-id=${p.id}>
    <article part="item ${p.kind}">
      <div role="heading" aria-level=${level} class="title" part="title">
        <span class="kind" part="kind">${t.kindShort[p.kind]}</span>
        <span class="visually-hidden">:</span>
        ${t.topics[p.topic]}
      </div>
      <p part="text">${p.text}</p>
      <dl class="facts">
        ${p.availability
          ? html`<div><dt>${t.availability}</dt><dd part="availability">${p.availability}</dd></div>`
          : nothing}
        <div><dt>${t.comune}</dt><dd part="comune">${p.comune}</dd></div>
      </dl>
      <p class="published">
        <time part="published" datetime=${p.published}>${t.published(dayInWords(p.published, ctx.lang))}</time>
        · <span part="mediator">${t.mediatedBy(mediator)}</span>
      </p>
      ${page
        ? html`<p class="answer"><a part="answer-link" href=${answerHref(page, p.id, ctx.lang)}>${t.answer}<span class="visually-hidden">: ${t.kindShort[p.kind]}, ${t.topics[p.topic]}</span></a></p>`
        : nothing}
    </article>
  </li>`;
}
