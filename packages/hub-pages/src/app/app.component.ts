import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../offer-form/welfare-offer-form.js';
import '../offer-table/welfare-offer-table.js';
import '../review-queue/welfare-review-queue.js';
import '../login/welfare-hub-login.js';
import '../office/welfare-hub-organisations.js';
import '../office/welfare-hub-freshness.js';
import '../office/welfare-hub-activity.js';
import '../notices/welfare-hub-notices.js';
import '../office/welfare-hub-access-points.js';
import '../office/welfare-hub-vocabulary.js';
import '../mutual-aid/welfare-hub-mutual-aid.js';
import { ApiError, HubClient, type Offer, type OfferVersion, type Organisation, type Session } from '../api/client.js';
import type { OfferSaveDetail, WelfareOfferForm } from '../offer-form/offer-form.component.js';
import type { OfferActionDetail } from '../offer-table/offer-table.component.js';
import type { ReviewDetail } from '../review-queue/review-queue.component.js';
import type { LoginDetail } from '../login/login.component.js';
import { HubElement } from '../shared/hub-element.js';
import { formStyles } from '../shared/form-styles.js';
import { italian, type Territory } from '../shared/offer-data.js';
import { formatDate, shownState, STATE_NAMES } from '../shared/states.js';
import { appStrings } from './app.strings.js';
import { loginStrings } from '../login/login.strings.js';
import { modeOf, parseRoute, routeHash, type Route } from './routes.js';

const EMPTY_TERRITORY: Territory = { comuni: [], categories: [], audiences: [] };

/**
 * The hub's pages in one element, served under /gestione/: log in (or accept an
 * invitation), the organisation's offers, the offer form with its actions and history,
 * and for the office the review queue. Routes live in the URL's hash; every call goes to
 * the hub's API (`api`) with the session cookie and the CSRF token.
 *
 * @summary The publishing hub's pages.
 */
export class WelfareHubApp extends HubElement {
  static override styles = [
    formStyles,
    css`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      header {
        background: var(--_primary);
        color: var(--_on-primary);
      }
      .top,
      nav ul,
      main {
        max-width: 64rem;
        margin: 0 auto;
        padding-inline: 1rem;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        padding-block: 0.5rem;
      }
      .brand {
        font-size: 1.25rem;
        font-weight: 700;
        margin: 0;
      }
      .brand small {
        display: block;
        font-size: 0.875rem;
        font-weight: 400;
      }
      .who {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      header button {
        border-color: var(--_on-primary);
        background: transparent;
        color: var(--_on-primary);
      }
      header :focus-visible {
        outline-color: #ffffff;
      }
      nav {
        background: #004c99;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        padding-block: 0.25rem;
        margin: 0 auto;
      }
      nav a {
        color: var(--_on-primary);
        display: inline-flex;
        align-items: center;
        min-height: 2.75rem;
        padding-inline: 0.25rem;
        font-weight: 600;
      }
      nav a[aria-current='page'] {
        text-decoration-thickness: 3px;
        text-underline-offset: 0.3em;
      }
      main {
        width: 100%;
        padding-block: 1rem 3rem;
        box-sizing: border-box;
      }
      h1 {
        font-size: 1.75rem;
        margin: 0.5rem 0 1rem;
      }
      h1:focus {
        outline: none;
      }
      .page-actions {
        margin-block-end: 1rem;
      }
      .history li {
        margin-block-end: 0.5rem;
      }
    `,
  ];

  /** The API's root. */
  @property() api = '/api';
  /**
   * `invitation` or `reset` for the hub's one-time links (`/gestione/invito.html#<token>`,
   * `/gestione/password.html#<token>`: the token is the hash). When absent it is read from
   * the address: the hub answers both with the one index.html.
   */
  @property() mode?: 'invitation' | 'reset';
  /** Tiles for the maps (as `<welfare-map tiles>`); `none` for a plain background. The hub sets it from its `--tiles`. */
  @property() tiles?: string;
  /** The tiles' credit, shown under every map (as `<welfare-map attribution>`). The hub sets it from its `--tiles-credit`. */
  @property({ attribute: 'tiles-credit' }) tilesCredit?: string;

  @state() private session?: Session | null;
  @state() private route: Route = parseRoute(location.hash);
  /** The one-time token of an invitation or reset link (kept out of the address bar once read). */
  private linkToken = '';
  @state() private territory: Territory = EMPTY_TERRITORY;
  @state() private offers?: Offer[];
  @state() private offer?: Offer | null;
  @state() private queue?: Offer[];
  @state() private organisations: Organisation[] = [];
  /** The person's organisation mediates mutual aid for some comuni (the office designates it). */
  @state() private mediator = false;
  @state() private versions?: OfferVersion[];
  @state() private message = '';
  @state() private loginError = '';
  @state() private busy = false;
  @state() private failure = '';
  private client = new HubClient(this.api);
  private conflictCurrent?: Offer;

  /** The hash of the page shown, to go back to when the person stays on a form. */
  private shownHash = location.hash;

  private readonly onHash = () => {
    // Leaving a form with unsaved changes inside the pages: ask, as the browser does for a reload.
    if (this.form?.hasUnsavedChanges && location.hash !== this.shownHash && !confirm(this.t.leaveForm)) {
      history.replaceState(null, '', this.shownHash || location.pathname);
      return;
    }
    this.go(parseRoute(location.hash), false);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.client = new HubClient(this.api);
    this.mode ??= modeOf(location.pathname);
    if (this.mode && !this.linkToken) {
      this.linkToken = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
      // The secret should not stay in the address bar, the history or a screenshot.
      history.replaceState(null, '', location.pathname);
      this.route = { page: 'offers' };
    }
    window.addEventListener('hashchange', this.onHash);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private get t() {
    return appStrings[this.lang_];
  }

  private get isAdmin(): boolean {
    return this.session?.user.role === 'admin';
  }

  private get form(): WelfareOfferForm | null {
    return this.renderRoot.querySelector('welfare-offer-form');
  }

  private async start(): Promise<void> {
    if (this.linkToken) {
      // A link to create the account or set a password: show its form, whoever is logged in.
      this.session = null;
      return;
    }
    try {
      this.session = (await this.client.session()) ?? null;
    } catch (error) {
      this.session = null;
      this.loginError = (error as Error).message;
    }
    if (this.session) await this.afterLogin();
  }

  /** The comuni, categories and audiences the forms offer. */
  private loadTerritory(): void {
    this.client.territory<Territory>().then(
      (territory) => (this.territory = { ...EMPTY_TERRITORY, ...territory }),
      () => undefined,
    );
  }

  private async afterLogin(): Promise<void> {
    this.loadTerritory();
    this.client.organisations().then(
      (list) => (this.organisations = list),
      () => undefined,
    );
    // The menu shows the mediators' page only to organisations that mediate some comune.
    if (this.session?.user.organisationId) {
      this.client.mutualAidComuni().then(
        (comuni) => (this.mediator = comuni.length > 0),
        () => (this.mediator = false),
      );
    } else this.mediator = false;
    await this.load();
  }

  /** Shows a route; a change the person made (a link) also moves the focus to the page's heading. */
  private go(route: Route, push = true): void {
    if (push && location.hash !== routeHash(route)) {
      location.hash = routeHash(route);
      return; // hashchange comes back here
    }
    // The office may have changed the lists there: the forms get the new ones.
    if (this.route.page === 'vocabulary' && route.page !== 'vocabulary') this.loadTerritory();
    this.route = route;
    this.shownHash = location.hash;
    this.message = '';
    this.failure = '';
    this.versions = undefined;
    void this.load().then(() => this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus()));
  }

  /** Any call; a 401 sends back to the login, keeping local changes. */
  private async call<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.session = null;
        this.loginError = this.t.sessionEnded;
        return undefined;
      }
      throw error;
    }
  }

  private async load(): Promise<void> {
    if (!this.session) return;
    const route = this.route;
    try {
      if (route.page === 'offers' || route.page === 'notices') this.offers = await this.call(() => this.client.offers());
      if (route.page === 'review' && this.isAdmin) {
        this.queue = await this.call(() => this.client.reviewQueue());
      }
      if (route.page === 'new') this.offer = undefined;
      if (route.page === 'offer') {
        this.offer = undefined;
        this.offer = (await this.call(() => this.client.offer(route.id))) ?? null;
      }
    } catch (error) {
      if (route.page === 'offer' && error instanceof ApiError && (error.status === 404 || error.status === 403)) this.offer = null;
      else this.failure = (error as Error).message;
    }
  }

  private async onLogin(e: CustomEvent<LoginDetail>): Promise<void> {
    this.busy = true;
    this.loginError = '';
    try {
      const d = e.detail;
      if ('reset' in d) {
        await this.client.resetPassword(d.token, d.password);
        this.linkToken = '';
        this.mode = undefined;
        this.loginError = '';
        this.message = loginStrings[this.lang_].passwordChanged;
        return;
      }
      this.session = 'token' in d ? await this.client.acceptInvitation(d.token, d.name, d.password) : await this.client.login(d.email, d.password);
      this.linkToken = '';
      if (this.mode) {
        // invito.html: go on to the offers on the main page.
        location.replace(`./${routeHash({ page: 'offers' })}`);
        return;
      }
      if (this.route.page === 'invite') this.go({ page: 'offers' });
      await this.afterLogin();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.loginError = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private async logout(): Promise<void> {
    await this.client.logout().catch(() => undefined);
    this.session = null;
  }

  private async onSave(e: CustomEvent<OfferSaveDetail>): Promise<void> {
    const form = this.form!;
    form.problems = [];
    form.failure = '';
    this.busy = true;
    try {
      let offer = this.offer;
      const base = this.conflictCurrent ?? offer;
      const saved = base
        ? await this.call(() => this.client.saveOffer(base.id, e.detail.data, base.version))
        : await this.call(() => this.client.createOffer(e.detail.data));
      if (!saved) return;
      form.conflict = undefined;
      this.conflictCurrent = undefined;
      form.markSaved(saved.data, saved.version);
      offer = saved;
      this.message = this.t.saved;
      if (e.detail.submit) {
        offer = (await this.call(() => this.client.action(saved.id, 'submit'))) ?? saved;
        this.message = this.t.submitted;
      }
      this.offer = offer;
      if (this.route.page === 'new') {
        history.replaceState(null, '', routeHash({ page: 'offer', id: offer.id }));
        this.shownHash = location.hash;
        this.route = { page: 'offer', id: offer.id };
      }
    } catch (error) {
      this.saveFailed(form, error);
    } finally {
      this.busy = false;
    }
  }

  private saveFailed(form: WelfareOfferForm, error: unknown): void {
    if (error instanceof ApiError && error.status === 409 && error.problem.current) {
      this.conflictCurrent = error.problem.current;
      form.conflict = { theirs: error.problem.current.data, version: error.problem.current.version };
      form.scrollIntoView({ block: 'start' });
      return;
    }
    if (error instanceof ApiError && error.problem.errors?.length) {
      form.problems = error.problem.errors;
      form.failure = error.problem.detail ?? error.problem.title ?? '';
      return;
    }
    form.failure = (error as Error).message;
  }

  private onResolve(e: CustomEvent<{ keep: 'mine' | 'theirs' }>): void {
    const form = this.form!;
    const current = this.conflictCurrent;
    if (!current) return;
    if (e.detail.keep === 'theirs') {
      this.conflictCurrent = undefined;
      form.conflict = undefined;
      form.markSaved(current.data, current.version);
      this.offer = current;
      return;
    }
    // Mine: save again over the version now in the hub.
    void this.onSave(new CustomEvent('welfare-offer-save', { detail: { data: form.value, submit: false } }));
  }

  private async act(id: string, action: 'verify' | 'archive' | 'restore', body: object = {}): Promise<void> {
    this.busy = true;
    this.failure = '';
    try {
      const offer = await this.call(() => this.client.action(id, action, body));
      if (!offer) return;
      this.message = action === 'verify' ? this.t.verified : action === 'archive' ? this.t.archived : this.t.restored;
      if (this.route.page === 'offer') {
        this.offer = offer;
        this.versions = undefined;
        this.form?.markSaved(offer.data, offer.version);
      } else this.offers = await this.call(() => this.client.offers());
    } catch (error) {
      this.failure = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private async onReview(e: CustomEvent<ReviewDetail>): Promise<void> {
    this.busy = true;
    this.failure = '';
    try {
      const d = e.detail;
      if (d.action === 'approve') {
        if (d.ids.length === 1) await this.call(() => this.client.action(d.ids[0]!, 'approve'));
        else await this.call(() => this.client.approveMany(d.ids));
        this.message = this.t.approved(d.ids.length);
      } else {
        await this.call(() => this.client.action(d.id, 'send-back', { note: d.note }));
        this.message = this.t.sentBack;
      }
      this.queue = await this.call(() => this.client.reviewQueue());
    } catch (error) {
      this.failure = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    if (this.session === undefined) return html`<main><p role="status">${t.loading}</p></main>`;
    return html`
      <header>
        <div class="top">
          <p class="brand">${t.site}<small>${t.territory}</small></p>
          ${this.session
            ? html`<div class="who">
                <span>${t.loggedAs(this.session.user.name || this.session.user.email)}</span>
                <button type="button" @click=${this.logout}>${t.logout}</button>
              </div>`
            : nothing}
        </div>
        ${this.session ? this.renderNav() : nothing}
      </header>
      <main>${this.session ? this.renderPage() : this.renderLogin()}</main>
    `;
  }

  private renderNav() {
    const t = this.t;
    const page = this.route.page;
    const link = (route: Route, label: string, current: boolean) =>
      html`<li><a href=${routeHash(route)} aria-current=${current ? 'page' : nothing}>${label}</a></li>`;
    return html`<nav aria-label=${t.nav}>
      <ul>
        ${link({ page: 'offers' }, this.isAdmin ? t.allOffers : t.offers, page === 'offers' || page === 'offer')}
        ${link({ page: 'new' }, t.newOffer, page === 'new')} ${link({ page: 'notices' }, t.notices, page === 'notices')}
        ${this.mediator ? link({ page: 'mutual-aid' }, t.mutualAid, page === 'mutual-aid') : nothing}
        ${this.isAdmin
          ? html`${link({ page: 'review' }, t.review, page === 'review')} ${link({ page: 'freshness' }, t.freshness, page === 'freshness')}
            ${link({ page: 'organisations' }, t.organisations, page === 'organisations')}
            ${link({ page: 'access-points' }, t.accessPoints, page === 'access-points')} ${link({ page: 'vocabulary' }, t.vocabulary, page === 'vocabulary')}
            ${link({ page: 'activity' }, t.activity, page === 'activity')}`
          : nothing}
      </ul>
    </nav>`;
  }

  private renderLogin() {
    const token = this.linkToken || (this.route.page === 'invite' ? this.route.token : '');
    return html`<h1 tabindex="-1">${this.t.site}</h1>
      ${this.message ? html`<p class="notice success" role="status">${this.message}</p>` : nothing}
      <welfare-hub-login
        .token=${token}
        .kind=${this.mode === 'reset' ? 'reset' : 'invitation'}
        .error=${this.loginError}
        ?busy=${this.busy}
        @welfare-login=${this.onLogin}
      ></welfare-hub-login>`;
  }

  private renderMessages() {
    return html`<div role="status">${this.message ? html`<p class="notice success">${this.message}</p>` : nothing}</div>
      ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}`;
  }

  private renderPage() {
    const t = this.t;
    const route = this.route;
    switch (route.page) {
      case 'review':
        if (!this.isAdmin) return html`<h1 tabindex="-1">${t.review}</h1><p>${t.adminOnly}</p>`;
        return html`<h1 tabindex="-1">${t.review}</h1>
          ${this.renderMessages()}
          <welfare-review-queue
            .offers=${this.queue}
            .organisations=${this.organisations}
            .territory=${this.territory}
            ?busy=${this.busy}
            @welfare-review=${this.onReview}
          ></welfare-review-queue>`;
      case 'new':
      case 'offer':
        return this.renderOfferPage();
      case 'notices':
        return html`<h1 tabindex="-1">${t.notices}</h1>
          <welfare-hub-notices .client=${this.client} .offers=${this.offers ?? []} ?office=${this.isAdmin}></welfare-hub-notices>`;
      case 'access-points':
        if (!this.isAdmin) return html`<h1 tabindex="-1">${t.accessPoints}</h1><p>${t.adminOnly}</p>`;
        return html`<h1 tabindex="-1">${t.accessPoints}</h1>
          <welfare-hub-access-points .client=${this.client} .territory=${this.territory} tiles=${this.tiles ?? nothing} tiles-credit=${this.tilesCredit ?? nothing}></welfare-hub-access-points>`;
      case 'mutual-aid':
        return html`<h1 tabindex="-1">${t.mutualAid}</h1>
          <welfare-hub-mutual-aid .client=${this.client}></welfare-hub-mutual-aid>`;
      case 'vocabulary':
        if (!this.isAdmin) return html`<h1 tabindex="-1">${t.vocabulary}</h1><p>${t.adminOnly}</p>`;
        return html`<h1 tabindex="-1">${t.vocabulary}</h1>
          <welfare-hub-vocabulary .client=${this.client}></welfare-hub-vocabulary>`;
      case 'organisations':
      case 'freshness':
      case 'activity': {
        const title = route.page === 'organisations' ? t.organisations : route.page === 'freshness' ? t.freshness : t.activity;
        if (!this.isAdmin) return html`<h1 tabindex="-1">${title}</h1><p>${t.adminOnly}</p>`;
        return html`<h1 tabindex="-1">${title}</h1>
          ${route.page === 'organisations'
            ? html`<welfare-hub-organisations .client=${this.client}></welfare-hub-organisations>`
            : route.page === 'freshness'
              ? html`<welfare-hub-freshness .client=${this.client} .organisations=${this.organisations}></welfare-hub-freshness>`
              : html`<welfare-hub-activity .client=${this.client}></welfare-hub-activity>`}`;
      }
      default:
        return html`<h1 tabindex="-1">${this.isAdmin ? t.allOffers : t.offers}</h1>
          <p class="page-actions"><a class="button primary" href=${routeHash({ page: 'new' })}>+ ${t.newOffer}</a></p>
          ${this.failure ? html`<div class="notice error" role="alert">${this.failure}</div>` : nothing}
          <welfare-offer-table
            .offers=${this.offers}
            .message=${this.message}
            @welfare-offer-action=${(e: CustomEvent<OfferActionDetail>) => this.act(e.detail.id, e.detail.action)}
          ></welfare-offer-table>`;
    }
  }

  private renderOfferPage() {
    const t = this.t;
    const route = this.route;
    if (route.page === 'offer' && this.offer === undefined) return html`<h1 tabindex="-1">${t.loading}</h1>`;
    if (route.page === 'offer' && this.offer === null)
      return html`<h1 tabindex="-1">${t.notFound}</h1>
        <p><a href=${routeHash({ page: 'offers' })}>${t.back}</a></p>`;
    const offer = route.page === 'offer' ? this.offer! : undefined;
    const org = this.organisations.find((o) => o.id === (offer?.organisationId ?? this.session?.user.organisationId));
    return html`<h1 tabindex="-1">${offer ? t.editTitle(italian(offer.data.name) || offer.id) : t.newTitle}</h1>
      ${offer
        ? html`<p>
              ${t.state} <strong>${STATE_NAMES[this.lang_][shownState(offer)]}</strong>
              ${offer.verifiedAt ? html` · ${t.lastVerified(formatDate(offer.verifiedAt, this.lang_))}` : nothing}
            </p>
            <p class="actions page-actions">
              ${offer.state === 'published' ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.act(offer.id, 'verify')}>${t.verify}</button>` : nothing}
              ${offer.state !== 'archived'
                ? html`<button type="button" class="link" ?disabled=${this.busy} @click=${() => confirm(t.confirmArchive) && this.act(offer.id, 'archive')}>${t.archive}</button>`
                : nothing}
            </p>`
        : nothing}
      ${this.renderMessages()}
      <welfare-offer-form
        .data=${offer?.data ?? {}}
        .version=${offer?.version}
        .territory=${this.territory}
        .organisation=${org ? { id: org.id, name: org.name } : undefined}
        .note=${offer?.state === 'returned' ? (offer.note ?? '') : ''}
        draft-key=${offer?.id ?? 'new'}
        tiles=${this.tiles ?? nothing}
        tiles-credit=${this.tilesCredit ?? nothing}
        ?busy=${this.busy}
        @welfare-offer-save=${this.onSave}
        @welfare-offer-resolve=${this.onResolve}
      ></welfare-offer-form>
      ${offer ? this.renderHistory(offer) : nothing}`;
  }

  private renderHistory(offer: Offer) {
    const t = this.t;
    return html`<section aria-labelledby="history">
      <h2 id="history">${t.history}</h2>
      ${this.versions
        ? html`<ol class="history">
            ${this.versions.map(
              (v) => html`<li>
                ${t.version(v.version, formatDate(v.savedAt, this.lang_), v.savedBy ?? '')}${v.state ? ` · ${STATE_NAMES[this.lang_][v.state]}` : ''} —
                ${italian(v.data.name)}
                ${String(v.version) !== String(offer.version)
                  ? html`<button type="button" class="link" ?disabled=${this.busy} @click=${() => this.act(offer.id, 'restore', { version: v.version })}>
                      ${t.restore}<span class="visually-hidden"> ${v.version}</span>
                    </button>`
                  : nothing}
              </li>`,
            )}
          </ol>`
        : html`<button type="button" @click=${async () => (this.versions = (await this.call(() => this.client.versions(offer.id))) ?? [])}>${t.showHistory}</button>`}
    </section>`;
  }
}
