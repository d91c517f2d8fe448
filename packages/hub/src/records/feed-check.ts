import { romeToday, validateFeed, type Issue } from 'welfare-feed';
import type { Queryable } from '../db/db.js';
import type { FieldError } from '../http/problem.js';

/** What the shared feed validation says about one record, as field errors under `data`. */
export interface RecordCheck {
  errors: FieldError[];
  warnings: FieldError[];
}

const asField = (issue: Issue, prefix: string): FieldError => ({
  path: `data${(issue.path ?? '').slice(prefix.length)}`,
  message: issue.message,
});

/** The office's categories (archived ones are no longer offered) and the organisations, as the feed envelope the checks need. */
export interface Envelope {
  categories: unknown[];
  organizations: unknown[];
}

/**
 * The envelope as two columns (`categories`, `organizations`) of one SELECT: a save joins it
 * to its read of the offer, so the checks cost no round trip of their own.
 */
export const ENVELOPE_COLUMNS = `(SELECT COALESCE(json_agg(c.data ORDER BY c.position, c.id), '[]') FROM categories c WHERE NOT c.archived) AS categories,
  (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.id), '[]') FROM organisations o) AS organizations`;

async function envelope(q: Queryable): Promise<Envelope> {
  return (await q.query<Envelope>(`SELECT ${ENVELOPE_COLUMNS}`)).rows[0]!;
}

/**
 * The envelope for saves, kept a few seconds: building it (two json_agg over the
 * categories and the 60 organisations) was a fifth of PGlite's work per save. Safe because
 * a save only makes a draft: submit and approve check again with a fresh envelope, and
 * every publication validates the whole feed. This process empties it after any change
 * outside the content routes (app.ts, with the session cache); another process's change
 * (a second hub on the same PostgreSQL, a `welfare-hub` command) is seen within `ttlMs`.
 */
export class EnvelopeCache {
  private value: Envelope | undefined;
  private at = 0;
  private generation = 0;
  /** The read under way, shared by every save that finds the envelope too old meanwhile. */
  private reading: { promise: Promise<Envelope>; generation: number } | undefined;

  constructor(private readonly ttlMs = 5_000) {}

  async get(q: Queryable, now = Date.now()): Promise<Envelope> {
    if (this.value && now - this.at >= 0 && now - this.at < this.ttlMs) return this.value;
    // 50 saves at once all find it expired in the same moment: one read for all of them, not 50
    // (on PGlite that was a doubled burst every 5 seconds). A read begun before a clear() is not
    // shared with a save that came after it.
    if (this.reading?.generation === this.generation) return this.reading.promise;
    const generation = this.generation;
    const promise = envelope(q).then((fresh) => {
      // A clear() while reading: this answer may predate the change, keep it for these requests only.
      if (generation === this.generation) {
        this.value = fresh;
        this.at = now;
      }
      return fresh;
    });
    const reading = { promise, generation };
    this.reading = reading;
    const done = () => {
      if (this.reading === reading) this.reading = undefined;
    };
    promise.then(done, done);
    return promise;
  }

  clear(): void {
    this.generation++;
    this.value = undefined;
  }
}

/** Each envelope's narrowed copies, by organisation (see `forOrganisation`). */
const narrowed = new WeakMap<Envelope, Map<string, Envelope>>();

/**
 * The envelope a save of `organisationId`'s offer needs: every category (the offer may name
 * any) and that organisation alone. An offer's checks read the organisations only to find its
 * own (checks.ts, `unknown_organization`), so they say the same as with all 60; but
 * validateFeed walks and checks the whole feed it is given, and the 59 others were two thirds
 * of what a save's check allocated (60 KB of garbage per save, then the collector's pauses
 * under 50 saves at once). An organisation not in the envelope gets the whole one, so the
 * error still suggests the codes that exist.
 */
export function forOrganisation(envelope: Envelope, organisationId: string): Envelope {
  let byId = narrowed.get(envelope);
  if (!byId) narrowed.set(envelope, (byId = new Map()));
  let own = byId.get(organisationId);
  if (!own) {
    const organisation = envelope.organizations.find((o) => (o as { id?: unknown } | null)?.id === organisationId);
    own = organisation ? { categories: envelope.categories, organizations: [organisation] } : envelope;
    byId.set(organisationId, own);
  }
  return own;
}

function split(issues: Issue[], prefix: string): RecordCheck {
  const mine = issues.filter((i) => i.path === prefix || i.path?.startsWith(`${prefix}.`) || i.path?.startsWith(`${prefix}[`));
  return {
    errors: mine.filter((i) => i.severity === 'error').map((i) => asField(i, prefix)),
    warnings: mine.filter((i) => i.severity === 'warning').map((i) => asField(i, prefix)),
  };
}

/**
 * Checks a service (an offer's `data`) with welfare-feed's own validation, the code behind
 * `welfare-feed validate`, inside a feed made of the office's categories and organisations.
 */
export async function checkService(q: Queryable, data: unknown, today: string = romeToday(), known?: Envelope): Promise<RecordCheck> {
  const { categories, organizations } = known ?? (await envelope(q));
  const feed = { version: 1, categories, organizations, services: [data], accessPoints: [], notices: [] };
  return split(validateFeed(feed, { lang: 'it', today }).issues, '$.services[0]');
}

/** Checks a notice against the published services and access points it may name. */
export async function checkNotice(q: Queryable, data: unknown, today: string = romeToday()): Promise<RecordCheck> {
  const services = (await q.query<{ id: string }>(`SELECT id FROM services WHERE published_data IS NOT NULL OR state <> 'archived'`)).rows.map((r) => ({ id: r.id, name: r.id }));
  const accessPoints = (await q.query<{ id: string }>('SELECT id FROM access_points WHERE NOT archived')).rows.map((r) => ({ id: r.id, name: r.id }));
  const { categories, organizations } = await envelope(q);
  const feed = { version: 1, categories, organizations, services, accessPoints, notices: [data] };
  return split(validateFeed(feed, { lang: 'it', today }).issues, '$.notices[0]');
}

/** Checks an access point. */
export async function checkAccessPoint(q: Queryable, data: unknown, today: string = romeToday()): Promise<RecordCheck> {
  const { categories, organizations } = await envelope(q);
  const feed = { version: 1, categories, organizations, services: [], accessPoints: [data], notices: [] };
  return split(validateFeed(feed, { lang: 'it', today }).issues, '$.accessPoints[0]');
}
