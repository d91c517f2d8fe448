import { inRange } from './geo.js';
import { child } from './paths.js';
import { flatten, rowsWith, type Row, type RowPath, type Tables } from './hsds-tables.js';
import { slug } from './ids.js';
import { Reporter } from './issues.js';
import { word } from './messages.js';
import { locate, type Origin } from './origins.js';
import { periodsToOpeningHours, readSchedule, type Period } from './schedule.js';
import { compact, nowIso, str, type Feed, type FeedCategory, type FeedLocation, type FeedOrganization, type FeedService, type OutputOptions, type OutputResult } from './types.js';
import { romeToday, summarize, validateFeed } from './validate.js';

export interface HsdsOptions extends OutputOptions {
  /** How rows are named in messages; a data package gives "services.csv:5". */
  rowPath?: RowPath;
}

export interface HsdsCounts {
  /** Records found in the HSDS input. */
  input: { services: number; organizations: number; locations: number; serviceAtLocations: number; schedules: number };
  /** Entries in the produced feed. */
  output: { services: number; organizations: number; locations: number; categories: number; hours: number };
  /** Records left out, each reported with its reason. */
  dropped: { services: number; organizations: number; locations: number; serviceAtLocations: number; schedules: number };
}

export interface HsdsResult extends OutputResult {
  counts: HsdsCounts;
}

/** HSDS fields the converter uses; any other filled field is reported as ignored. */
const USED: Record<'service' | 'organization' | 'location', ReadonlySet<string>> = {
  service: new Set(['id', 'name', 'description', 'url', 'email', 'status', 'organization_id', 'organization', 'phones', 'schedules', 'service_at_locations', 'attributes']),
  organization: new Set(['id', 'name', 'website', 'url']),
  location: new Set(['id', 'name', 'location_type', 'latitude', 'longitude', 'addresses', 'schedules', 'organization_id']),
};

const ACTIVE = new Set(['active', '']);

/**
 * Converts Open Referral HSDS 3.0 JSON to feed v1. Only active services are kept;
 * virtual and postal locations, unusable schedules and broken references are dropped,
 * each with a reason; fields feed v1 has no place for are listed as ignored.
 */
export function fromHsds(input: unknown, options: HsdsOptions = {}): HsdsResult {
  const lang = options.lang ?? 'it';
  const r = new Reporter(lang);
  const tables = flatten(input, options.rowPath);
  if (!tables) {
    r.error('hsds_shape', {}, { path: '$' });
    const feed: Feed = { version: 1, categories: [], organizations: [], services: [], accessPoints: [], notices: [] };
    return { feed, ...summarize(r.issues), counts: emptyCounts() };
  }
  for (const path of tables.notObjects) r.error('hsds_not_object', {}, { path });
  if (tables.page) r.warn('hsds_more_pages', { page: tables.page.number, total: tables.page.total }, { path: '$' });
  const c = new Converter(tables, r, options.today ?? romeToday());
  const feed = c.convert(options);
  // An empty feed written with exit 0 would replace the published one with nothing.
  if (feed.services.length === 0) r.error(tables.services.length ? 'hsds_nothing_imported' : 'hsds_empty', { read: tables.services.length }, { path: '$' });
  const checked = validateFeed(feed, { lang, today: options.today });
  const issues = [...r.issues, ...checked.issues.map((i) => locate(i, c.origins))];
  return { feed, ...summarize(issues), counts: c.counts(feed) };
}

function emptyCounts(): HsdsCounts {
  const zero = { services: 0, organizations: 0, locations: 0, serviceAtLocations: 0, schedules: 0 };
  return { input: { ...zero }, output: { services: 0, organizations: 0, locations: 0, categories: 0, hours: 0 }, dropped: { ...zero } };
}

class Converter {
  readonly origins = new Map<string, Origin>();
  private readonly dropped = emptyCounts().dropped;
  private readonly organizations = new Map<string, FeedOrganization>();
  private readonly categories = new Map<string, FeedCategory>();
  private readonly serviceIds = new Set<string>();
  private readonly usedLocations = new Set<string>();
  /** Schedule rows already judged: converted intervals and their period, or null when dropped. */
  private readonly schedules = new Map<Row, Period | null>();
  private readonly ignored = new Map<string, { count: number; path: string }>();
  /** Lists nested in records that the feed has no place for ("languages"): name → rows, first path. */
  private readonly nestedTables = new Map<string, { rows: number; path: string }>();

  constructor(
    private readonly t: Tables,
    private readonly r: Reporter,
    private readonly today: string,
  ) {}

  convert(options: HsdsOptions): Feed {
    for (const row of this.t.organizations) this.organization(row);
    const services: FeedService[] = [];
    for (const row of this.t.services) {
      const service = this.service(row);
      if (!service) continue;
      this.origins.set(`$.services[${services.length}]`, { path: row.path });
      services.push(service);
    }
    this.dropLeftovers();
    for (const [key, { count, path }] of this.ignored) {
      const [entity, field] = key.split(':') as ['service' | 'organization' | 'location', string];
      this.r.info('hsds_field_ignored', { field, entity: word(this.r.lang, `${entity}s` as const), count }, { path });
    }
    // Every table or nested list not carried over, once, with its number of rows.
    const tables = new Map(this.t.otherTables);
    for (const [name, { rows, path }] of this.nestedTables) {
      const seen = tables.get(name);
      if (seen) seen.rows += rows;
      else tables.set(name, { rows, path });
    }
    for (const [table, { rows, path }] of tables) this.r.info('hsds_table_ignored', { table, rows }, { path });
    return {
      version: 1,
      ...(options.title !== undefined ? { title: options.title } : {}),
      updated: options.updated ?? nowIso(),
      categories: [...this.categories.values()],
      organizations: [...this.organizations.values()],
      services,
      accessPoints: [],
      notices: [],
    };
  }

  counts(feed: Feed): HsdsCounts {
    const t = this.t;
    return {
      input: {
        services: t.services.length,
        organizations: t.organizations.length,
        locations: t.locations.length,
        serviceAtLocations: t.serviceAtLocations.length,
        schedules: t.schedules.length,
      },
      output: {
        services: feed.services.length,
        organizations: feed.organizations.length,
        locations: feed.services.reduce((n, s) => n + (s.locations?.length ?? 0), 0),
        categories: feed.categories.length,
        hours: [...this.schedules.values()].filter((v) => v !== null).length,
      },
      dropped: { ...this.dropped },
    };
  }

  private identity(row: Row, kind: keyof HsdsCounts['dropped']): { id: string; name: string } | undefined {
    const id = str(row.value['id']);
    const name = str(row.value['name']);
    if (id && name) return { id, name };
    this.r.warn('hsds_missing_identity', {}, { path: row.path });
    this.dropped[kind]++;
    return undefined;
  }

  private noteIgnored(entity: keyof typeof USED, row: Row): void {
    for (const [field, value] of Object.entries(row.value)) {
      if (USED[entity].has(field) || value === null || value === undefined || value === '') continue;
      if (Array.isArray(value) && value.length === 0) continue;
      if (Array.isArray(value)) {
        const seen = this.nestedTables.get(field);
        if (seen) seen.rows += value.length;
        else this.nestedTables.set(field, { rows: value.length, path: child(row.path, field) });
        continue;
      }
      const key = `${entity}:${field}`;
      const seen = this.ignored.get(key);
      if (seen) seen.count++;
      else this.ignored.set(key, { count: 1, path: child(row.path, field) });
    }
  }

  private organization(row: Row): void {
    const base = this.identity(row, 'organizations');
    if (!base) return;
    this.noteIgnored('organization', row);
    this.organizations.set(base.id, compact({ ...base, website: str(row.value['website']) ?? str(row.value['url']) }));
  }

  private service(row: Row): FeedService | undefined {
    const v = row.value;
    const status = (str(v['status']) ?? '').toLowerCase();
    if (!ACTIVE.has(status)) {
      this.r.warn('hsds_service_status', { status }, { path: row.path });
      this.dropped.services++;
      return undefined;
    }
    const base = this.identity(row, 'services');
    if (!base) return undefined;
    this.serviceIds.add(base.id);
    this.noteIgnored('service', row);
    const phones = this.phonesOf(base.id);
    const ownSchedules = rowsWith(this.t.schedules, 'service_id', base.id).filter(
      (s) => !str(s.value['service_at_location_id']) && !str(s.value['location_id']),
    );
    return compact({
      ...base,
      description: str(v['description']),
      organization: this.organizationOf(row),
      categories: this.categoriesOf(base.id),
      locations: this.locationsOf(base.id),
      ...this.hours(ownSchedules),
      phone: phones[0]?.number,
      // Every number when there are several, so the second one is not lost (docs/feed-format.md).
      phones: phones.length > 1 ? phones : undefined,
      email: str(v['email']),
      website: str(v['url']),
    });
  }

  /** The service's own phone numbers (not a location's), with their description. */
  private phonesOf(serviceId: string): Array<{ number: string; description?: string }> {
    const out: Array<{ number: string; description?: string }> = [];
    for (const p of rowsWith(this.t.phones, 'service_id', serviceId)) {
      if (str(p.value['service_at_location_id']) || str(p.value['location_id'])) continue;
      const number = str(p.value['number']);
      if (!number || out.some((o) => o.number === number)) continue;
      // The extension goes with the description, so the number stays a tel: link.
      const extension = str(p.value['extension']);
      const description = [str(p.value['description']), extension ? `int. ${extension}` : undefined].filter(Boolean).join(', ');
      out.push(compact({ number, description: description || undefined }));
    }
    return out;
  }

  private organizationOf(row: Row): string | undefined {
    const id = str(row.value['organization_id']);
    if (!id || this.organizations.has(id)) return id;
    this.r.warn('hsds_unknown_reference', { what: word(this.r.lang, 'organization'), id }, { path: child(row.path, 'organization_id') });
    return undefined;
  }

  /** Taxonomy terms linked to the service become categories (id: slug of code or name). */
  private categoriesOf(serviceId: string): string[] {
    const ids: string[] = [];
    for (const a of rowsWith(this.t.attributes, 'link_id', serviceId)) {
      const entity = str(a.value['link_entity']);
      if (entity && entity !== 'service') continue;
      const termId = str(a.value['taxonomy_term_id']);
      const term = termId ? this.t.taxonomyTerms.find((t) => str(t.value['id']) === termId) : undefined;
      const name = term ? str(term.value['name']) : undefined;
      if (!term || !name) continue;
      const id = slug(str(term.value['code']) ?? name);
      if (!this.categories.has(id)) this.categories.set(id, { id, name });
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  private locationsOf(serviceId: string): FeedLocation[] {
    const out: FeedLocation[] = [];
    for (const link of rowsWith(this.t.serviceAtLocations, 'service_id', serviceId)) {
      const locationId = str(link.value['location_id']) ?? '';
      const row = this.t.locations.find((l) => str(l.value['id']) === locationId);
      if (!row) {
        this.r.warn('hsds_unknown_reference', { what: word(this.r.lang, 'location'), id: locationId }, { path: link.path });
        this.dropped.serviceAtLocations++;
        continue;
      }
      const type = (str(row.value['location_type']) ?? 'physical').toLowerCase();
      if (type !== 'physical') {
        this.dropped.serviceAtLocations++; // reported once, on the location, by dropLeftovers
        continue;
      }
      const first = !this.usedLocations.has(locationId);
      if (first) this.noteIgnored('location', row);
      this.usedLocations.add(locationId);
      const own = rowsWith(this.t.schedules, 'service_at_location_id', str(link.value['id']) ?? '\0');
      const shared = rowsWith(this.t.schedules, 'location_id', locationId).filter((s) => !str(s.value['service_id']));
      const ownHours = this.hours(own);
      const place = this.place(row);
      if (first && place.lat === undefined) this.r.info('hsds_no_coordinates', { name: str(row.value['name']) ?? locationId }, { path: row.path });
      out.push(compact({ ...place, ...(ownHours.hours || ownHours.hoursNote ? ownHours : this.hours(shared)) }));
    }
    return out;
  }

  private place(row: Row): FeedLocation {
    const v = row.value;
    const addresses = rowsWith(this.t.addresses, 'location_id', str(v['id']) ?? '');
    const address = (addresses.find((a) => str(a.value['address_type']) === 'physical') ?? addresses[0])?.value;
    const street = address ? [str(address['address_1']), str(address['address_2'])].filter(Boolean).join(', ') : undefined;
    return compact({
      name: str(v['name']),
      address: street || undefined,
      comune: address ? str(address['city']) : undefined,
      ...this.coordinates(row),
    });
  }

  private coordinates(row: Row): { lat?: number; lon?: number } {
    const rawLat = row.value['latitude'];
    const rawLon = row.value['longitude'];
    if ((rawLat ?? '') === '' && (rawLon ?? '') === '') return {};
    const lat = Number(rawLat);
    const lon = Number(rawLon);
    if ((rawLat ?? '') !== '' && (rawLon ?? '') !== '' && inRange('lat', lat) && inRange('lon', lon)) return { lat, lon };
    this.r.warn('hsds_coordinates', { lat: String(rawLat), lon: String(rawLon) }, { path: row.path });
    return {};
  }

  /**
   * Converts a set of schedules to one opening_hours value, dropping what cannot be said,
   * and keeps their descriptions and notes ("Chiuso nei giorni festivi e il 19 gennaio")
   * as `hoursNote`, even for a schedule whose rule could not be converted.
   */
  private hours(rows: Row[]): { hours?: string; hoursNote?: string } {
    const periods: Period[] = [];
    const notes: string[] = [];
    for (const row of rows) {
      const period = this.schedule(row);
      if (period) periods.push(period);
      for (const key of ['description', 'notes']) {
        const text = str(row.value[key]);
        if (text && !notes.includes(text)) notes.push(text);
      }
    }
    const hours = periodsToOpeningHours(periods, this.today);
    if (hours && new Set(periods.map((p) => `${p.validFrom ?? ''}|${p.validTo ?? ''}`)).size > 1) {
      this.r.info('hsds_schedule_periods', { hours }, { path: rows[0]!.path });
    }
    return compact({ hours, hoursNote: notes.length ? notes.join(' ') : undefined });
  }

  private schedule(row: Row): Period | null {
    const known = this.schedules.get(row);
    if (known !== undefined) return known;
    const read = readSchedule(row.value, this.today);
    const where = { path: row.path };
    if (read.expired) this.r.warn('hsds_schedule_expired', { date: read.expired }, where);
    if (read.problem) {
      const reason = word(this.r.lang, read.problem.reason, { value: read.problem.value });
      this.r.warn('hsds_schedule_unsupported', { reason }, where);
    }
    if (read.zone) this.r.warn('hsds_schedule_timezone', { zone: read.zone }, where);
    const result: Period | null = read.intervals ? compact({ intervals: read.intervals, validFrom: read.validFrom, validTo: read.validTo }) : null;
    if (!result) this.dropped.schedules++;
    this.schedules.set(row, result);
    return result;
  }

  /** Locations and schedules no imported service uses. */
  private dropLeftovers(): void {
    for (const row of this.t.locations) {
      if (this.usedLocations.has(str(row.value['id']) ?? '')) continue;
      const type = (str(row.value['location_type']) ?? 'physical').toLowerCase();
      if (type !== 'physical') this.r.warn('hsds_location_kind', { type }, { path: row.path });
      else this.r.warn('hsds_location_unused', {}, { path: row.path });
      this.dropped.locations++;
    }
    for (const row of this.t.serviceAtLocations) {
      const serviceId = str(row.value['service_id']);
      if (serviceId && this.serviceIds.has(serviceId)) continue;
      const known = this.t.services.some((s) => str(s.value['id']) === serviceId);
      if (!known) this.r.warn('hsds_unknown_reference', { what: word(this.r.lang, 'service'), id: serviceId ?? '' }, { path: row.path });
      this.dropped.serviceAtLocations++;
    }
    for (const row of this.t.schedules) {
      if (this.schedules.has(row)) continue;
      this.r.warn('hsds_schedule_unsupported', { reason: word(this.r.lang, 'schedule:orphan') }, { path: row.path });
      this.dropped.schedules++;
    }
  }
}
