/**
 * The hub's API from the pages: JSON over fetch with the session cookie, the CSRF
 * token on every request that changes something, and errors as `ApiError` carrying the
 * problem+json body (Italian `title`/`detail`, `errors[]` per field) so the page can put
 * each message next to its field. A 409 on save carries the version someone else saved.
 */
import type { OfferData } from '../shared/offer-data.js';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: 'admin' | 'editor';
  readonly organisationId: string | null;
}

export interface Session {
  readonly user: User;
  readonly csrfToken: string;
}

export type OfferState = 'draft' | 'submitted' | 'published' | 'returned' | 'archived';

export interface Offer {
  readonly id: string;
  readonly organisationId: string;
  readonly state: OfferState;
  readonly expired?: boolean;
  readonly stale?: boolean;
  readonly version: number | string;
  readonly data: OfferData;
  readonly publishedData?: OfferData | null;
  readonly note?: string | null;
  readonly verifiedAt?: string | null;
  readonly updatedAt?: string | null;
}

export interface OfferVersion {
  readonly version: number | string;
  readonly savedAt: string;
  readonly savedBy?: string | null;
  readonly state?: OfferState;
  readonly data: OfferData;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind?: 'public' | 'third-sector' | 'other';
  readonly website?: string | null;
  readonly trusted?: boolean;
  readonly disabled?: boolean;
}

export interface Account extends User {
  readonly disabled: boolean;
  readonly createdAt?: string;
}

export interface NoticeData {
  id?: string;
  kind?: 'news' | 'closure' | 'deadline' | 'event';
  title?: string | Record<string, string>;
  text?: string | Record<string, string>;
  date?: string;
  validFrom?: string;
  validThrough?: string;
  services?: string[];
  link?: string;
  [other: string]: unknown;
}

export interface HubNotice {
  readonly id: string;
  readonly organisationId: string | null;
  readonly state: 'draft' | 'published' | 'archived';
  readonly version: number;
  readonly data: NoticeData;
  readonly updatedAt?: string;
}

export interface HubAccessPoint {
  readonly id: string;
  readonly version: number;
  readonly archived: boolean;
  readonly data: import('../shared/offer-data.js').PlaceData & {
    name?: string | Record<string, string>;
    description?: string | Record<string, string>;
    phone?: string;
    email?: string;
    website?: string;
    [other: string]: unknown;
  };
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly address: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly detail: Record<string, unknown> | null;
}

export interface Publication {
  readonly id: number;
  readonly at: string;
  readonly ok: boolean;
  readonly services: number;
  readonly notices: number;
  readonly accessPoints: number;
  readonly errors: number;
  readonly reason: string | null;
}

/** A category or an audience as the office edits it (`GET /api/categories`, `/api/audiences`). */
export interface VocabularyEntry {
  readonly id: string;
  readonly position: number;
  readonly archived: boolean;
  readonly version: number;
  /** Offers not archived that name it. */
  readonly inUse: number;
  readonly data: { readonly id: string; readonly name?: { readonly it: string; readonly en?: string }; readonly color?: string };
}

/** A comune of the territory as the office edits it (`GET /api/comuni`). */
export interface TerritoryComune {
  readonly id: string;
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly patron?: string;
  /** MM-DD. */
  readonly patronDate?: string;
  readonly archived: boolean;
  readonly version: number;
  readonly inUse: number;
}

/** A mutual-aid post as its mediator sees it: the poster's contact included (never published). */
export interface MutualAidQueued {
  readonly id: string;
  readonly kind: 'offro' | 'cerco';
  readonly topic: string;
  readonly text: string | null;
  readonly availability: string | null;
  readonly comune: string;
  readonly contact: string | null;
  readonly state: 'pending' | 'published' | 'rejected' | 'done' | 'withdrawn' | 'expired';
  readonly reported: boolean;
  readonly reason: string | null;
  readonly mediator: string | null;
  readonly published: string | null;
  readonly expires: string;
  readonly createdAt: string;
  /** Answers from readers of the board, with the answerer's contact. */
  readonly messages?: readonly MutualAidMessage[];
}

/** An answer to a post ("Scrivi a chi ha pubblicato"), as its mediator sees it. */
export interface MutualAidMessage {
  readonly id: string;
  readonly text: string;
  readonly contact: string;
  /** The hub mailed it to the poster. */
  readonly relayed: boolean;
  readonly createdAt: string;
}

/** A mediator's queue: the comuni the organisation mediates and their pending and published posts. */
export interface MutualAidQueue {
  readonly comuni: string[];
  readonly posts: MutualAidQueued[];
}

export type VocabularyKind = 'categories' | 'audiences' | 'comuni';

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly errors?: readonly { path: string; message: string }[];
  /** 409 on save: the offer as the hub holds it now. */
  readonly current?: Offer;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export class HubClient {
  private csrf = '';

  /** `base` is the API's root, `/api` on the hub. */
  constructor(readonly base = '/api') {}

  private async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; response: Response }> {
    const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json', ...headers } };
    if (method !== 'GET' && method !== 'HEAD') (init.headers as Record<string, string>)['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) {
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, init);
    } catch {
      throw new ApiError(0, { title: 'Connessione non riuscita', detail: 'Il server non risponde: controllate la connessione e riprovate.' });
    }
    const type = response.headers.get('Content-Type') ?? '';
    const parsed = response.status === 204 || !/json/.test(type) ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, (parsed as Problem) ?? { title: response.statusText, status: response.status });
    return { data: parsed as T, response };
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.request<T>(method, path, body)).data;
  }

  private remember(session: Session): Session {
    this.csrf = session.csrfToken;
    return session;
  }

  /** The current session, or undefined when nobody is logged in (401). */
  async session(): Promise<Session | undefined> {
    try {
      return this.remember(await this.json<Session>('GET', '/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  async login(email: string, password: string): Promise<Session> {
    return this.remember(await this.json<Session>('POST', '/session', { email, password }));
  }

  async logout(): Promise<void> {
    await this.json('DELETE', '/session');
    this.csrf = '';
  }

  async acceptInvitation(token: string, name: string, password: string): Promise<Session> {
    return this.remember(await this.json<Session>('POST', '/invitations/accept', { token, name, password }));
  }

  async resetPassword(token: string, password: string): Promise<void> {
    await this.json('POST', '/password-reset/accept', { token, password });
  }

  territory<T>(): Promise<T> {
    return this.json<T>('GET', '/territory');
  }

  async offers(query: { state?: string; q?: string; organisationId?: string } = {}): Promise<Offer[]> {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
    const qs = params.toString();
    return (await this.json<{ offers: Offer[] }>('GET', `/offers${qs ? `?${qs}` : ''}`)).offers;
  }

  offer(id: string): Promise<Offer> {
    return this.json<Offer>('GET', `/offers/${encodeURIComponent(id)}`);
  }

  createOffer(data: OfferData): Promise<Offer> {
    return this.json<Offer>('POST', '/offers', { data });
  }

  /** Saves over `version`; a 409 ApiError carries `problem.current` (someone else's save). */
  async saveOffer(id: string, data: OfferData, version: number | string): Promise<Offer> {
    return (await this.request<Offer>('PUT', `/offers/${encodeURIComponent(id)}`, { data }, { 'If-Match': `"${version}"` })).data;
  }

  /** submit, verify, archive (editor); approve, send-back (office). */
  action(id: string, action: 'submit' | 'verify' | 'archive' | 'approve' | 'send-back' | 'restore', body: object = {}): Promise<Offer> {
    return this.json<Offer>('POST', `/offers/${encodeURIComponent(id)}/${action}`, body);
  }

  async versions(id: string): Promise<OfferVersion[]> {
    return (await this.json<{ versions: OfferVersion[] }>('GET', `/offers/${encodeURIComponent(id)}/versions`)).versions;
  }

  async reviewQueue(): Promise<Offer[]> {
    return (await this.json<{ offers: Offer[] }>('GET', '/review-queue')).offers;
  }

  approveMany(ids: readonly string[]): Promise<unknown> {
    return this.json('POST', '/review-queue/approve', { ids });
  }

  async organisations(): Promise<Organisation[]> {
    const answer = await this.json<Organisation[] | { organisations: Organisation[] }>('GET', '/organisations');
    return Array.isArray(answer) ? answer : answer.organisations;
  }

  invite(email: string, role: 'admin' | 'editor', organisationId: string | null): Promise<{ link: string; expiresAt?: string; mailed?: boolean }> {
    return this.json('POST', '/invitations', { email, role, organisationId });
  }

  createOrganisation(body: { name: string; kind?: string; website?: string | null; trusted?: boolean }): Promise<Organisation> {
    return this.json('POST', '/organisations', body);
  }

  patchOrganisation(id: string, body: { name?: string; trusted?: boolean; disabled?: boolean }): Promise<Organisation> {
    return this.json('PATCH', `/organisations/${encodeURIComponent(id)}`, body);
  }

  async organisationUsers(id: string): Promise<Account[]> {
    return (await this.json<{ users: Account[] }>('GET', `/organisations/${encodeURIComponent(id)}/users`)).users;
  }

  async users(): Promise<Account[]> {
    return (await this.json<{ users: Account[] }>('GET', '/users')).users;
  }

  patchUser(id: string, body: { disabled?: boolean; role?: 'admin' | 'editor' }): Promise<Account> {
    return this.json('PATCH', `/users/${encodeURIComponent(id)}`, body);
  }

  resetLink(id: string): Promise<{ link: string; expiresAt?: string; mailed?: boolean }> {
    return this.json('POST', `/users/${encodeURIComponent(id)}/reset`);
  }

  async notices(): Promise<HubNotice[]> {
    return (await this.json<{ notices: HubNotice[] }>('GET', '/notices')).notices;
  }

  createNotice(data: NoticeData): Promise<HubNotice> {
    return this.json('POST', '/notices', { data });
  }

  async saveNotice(id: string, data: NoticeData, version: number): Promise<HubNotice> {
    return (await this.request<HubNotice>('PUT', `/notices/${encodeURIComponent(id)}`, { data }, { 'If-Match': `"${version}"` })).data;
  }

  noticeAction(id: string, action: 'archive' | 'approve'): Promise<HubNotice> {
    return this.json('POST', `/notices/${encodeURIComponent(id)}/${action}`);
  }

  async accessPoints(): Promise<HubAccessPoint[]> {
    return (await this.json<{ accessPoints: HubAccessPoint[] }>('GET', '/access-points')).accessPoints;
  }

  createAccessPoint(data: HubAccessPoint['data']): Promise<HubAccessPoint> {
    return this.json('POST', '/access-points', { data });
  }

  async saveAccessPoint(id: string, data: HubAccessPoint['data'], version: number): Promise<HubAccessPoint> {
    return (await this.request<HubAccessPoint>('PUT', `/access-points/${encodeURIComponent(id)}`, { data }, { 'If-Match': `"${version}"` })).data;
  }

  archiveAccessPoint(id: string): Promise<HubAccessPoint> {
    return this.json('POST', `/access-points/${encodeURIComponent(id)}/archive`);
  }

  async stale(): Promise<Offer[]> {
    return (await this.json<{ offers: Offer[] }>('GET', '/stale')).offers;
  }

  async audit(): Promise<AuditEntry[]> {
    return (await this.json<{ entries: AuditEntry[] }>('GET', '/audit?limit=200')).entries;
  }

  async publications(): Promise<Publication[]> {
    return (await this.json<{ publications: Publication[] }>('GET', '/publications')).publications;
  }

  /** The office's list of one kind, archived entries included. */
  async vocabulary<K extends VocabularyKind>(kind: K): Promise<K extends 'comuni' ? TerritoryComune[] : VocabularyEntry[]> {
    return (await this.json<Record<string, never>>('GET', `/${kind}`))[kind];
  }

  /** A new entry; a category or audience goes as `{data}`, a comune as its fields. */
  createVocabulary(kind: VocabularyKind, body: unknown): Promise<unknown> {
    return this.json('POST', `/${kind}`, body);
  }

  async saveVocabulary(kind: VocabularyKind, id: string, body: unknown, version: number): Promise<unknown> {
    return (await this.request('PUT', `/${kind}/${encodeURIComponent(id)}`, body, { 'If-Match': `"${version}"` })).data;
  }

  /** Archives (`archive`) or brings back (`restore`) an entry. */
  archiveVocabulary(kind: VocabularyKind, id: string, action: 'archive' | 'restore'): Promise<unknown> {
    return this.json('POST', `/${kind}/${encodeURIComponent(id)}/${action}`);
  }

  /** The comuni the person's organisation mediates (empty: not a mediator). */
  async mutualAidComuni(): Promise<string[]> {
    return (await this.json<{ comuni: string[] }>('GET', '/mutual-aid/mine')).comuni;
  }

  /** The mediator's queue; 403 when the organisation mediates no comune. */
  mutualAidQueue(): Promise<MutualAidQueue> {
    return this.json('GET', '/mutual-aid/queue');
  }

  /** Approves (optionally with text and availability edited for privacy), rejects with a reason, or marks done. */
  moderateMutualAid(id: string, action: 'approve' | 'reject' | 'done', body: { text?: string; availability?: string; reason?: string } = {}): Promise<MutualAidQueued> {
    return this.json('POST', `/mutual-aid/posts/${encodeURIComponent(id)}/${action}`, body);
  }

  /** The mediator has put people in touch: the answer is deleted. */
  async mutualAidMessageDone(id: string): Promise<void> {
    await this.request('POST', `/mutual-aid/messages/${encodeURIComponent(id)}/done`);
  }
}
