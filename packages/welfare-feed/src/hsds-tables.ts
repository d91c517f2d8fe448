import { child } from './paths.js';
import { isObject, str, type Json } from './types.js';

/** One HSDS record and where it sits in the input. */
export interface Row {
  value: Json;
  path: string;
}

/** The HSDS 3.0 tables the converter reads, flattened from tables or nested objects. */
export interface Tables extends Leftovers {
  services: Row[];
  organizations: Row[];
  locations: Row[];
  serviceAtLocations: Row[];
  schedules: Row[];
  addresses: Row[];
  phones: Row[];
  attributes: Row[];
  taxonomyTerms: Row[];
}

/** What flattening met but cannot use, reported by the converter. */
export interface Leftovers {
  /** Paths of table entries that are not objects (`[[1],[2]]`, `{"services": ["x"]}`). */
  notObjects: string[];
  /** Tables (or arrays nested in records) the feed has no place for: name → rows, first path. */
  otherTables: Map<string, { rows: number; path: string }>;
  /** An API page that is not the last: page number and total pages. */
  page?: { number: number; total: number };
}

type TableKey = Exclude<keyof Tables, keyof Leftovers>;

/** Accepted names of each table in the input (HSDS uses both forms). */
const NAMES: Record<TableKey, string[]> = {
  services: ['services', 'service'],
  organizations: ['organizations', 'organization'],
  locations: ['locations', 'location'],
  serviceAtLocations: ['service_at_locations', 'service_at_location', 'services_at_location'],
  schedules: ['schedules', 'schedule'],
  addresses: ['addresses', 'address'],
  phones: ['phones', 'phone'],
  attributes: ['attributes', 'attribute'],
  taxonomyTerms: ['taxonomy_terms', 'taxonomy_term'],
};

/** Where each table's rows come from: a JSON path, or a CSV file of a data package. */
export type RowPath = (table: string, index: number) => string;

/**
 * Reads HSDS 3.0: an object of tables ({"services": [...], "locations": [...]}, also as
 * read from a tabular data package), a list of services with their details nested, an
 * API page of services (`{"contents": [...], "total_pages": ...}`) or one service as the
 * API's `/services/{id}` returns it. Returns undefined when the input is none of these.
 */
export function flatten(input: unknown, rowPath?: RowPath): Tables | undefined {
  let root: Json | undefined;
  let base = (name: string) => `$.${name}`;
  let page: Leftovers['page'];
  if (Array.isArray(input)) {
    root = { services: input };
    base = () => '$';
  } else if (isObject(input) && Array.isArray(input['contents'])) {
    root = { services: input['contents'] };
    base = () => '$.contents';
    const number = Number(input['page_number'] ?? 1);
    const total = Number(input['total_pages'] ?? 1);
    if (Number.isFinite(total) && Number.isFinite(number) && total > number) page = { number, total };
  } else if (isObject(input) && str(input['id']) && str(input['name']) && !Array.isArray(input['services'])) {
    // A record with its own id and name is one service (tables have neither at the top).
    root = { services: [input] };
    base = () => '$';
    return fill(root, (_, i) => (i === 0 ? '$' : `$[${i}]`));
  } else if (isObject(input)) {
    root = input;
  }
  if (!root || !hasTable(root)) return undefined;
  const tables = fill(root, rowPath ?? ((name, i) => child(base(name), i)));
  if (page) tables.page = page;
  return tables;
}

function hasTable(root: Json): boolean {
  return Object.values(NAMES).some((names) => names.some((n) => Array.isArray(root[n])));
}

/** Every table of `root`; arrays that are not HSDS tables the converter reads are counted as left over. */
function fill(root: Json, rowPath: RowPath): Tables {
  const tables = new TableSet();
  const read = new Set<string>();
  for (const [key, names] of Object.entries(NAMES) as Array<[TableKey, string[]]>) {
    const name = names.find((n) => Array.isArray(root[n]));
    if (!name) continue;
    read.add(name);
    (root[name] as unknown[]).forEach((v, i) => tables.add(key, v, rowPath(name, i), {}));
  }
  for (const [name, value] of Object.entries(root)) {
    if (!read.has(name) && Array.isArray(value) && value.length) tables.other(name, value.length, rowPath(name, 0));
  }
  return tables.result();
}

class TableSet {
  private readonly rows: Tables = {
    services: [], organizations: [], locations: [], serviceAtLocations: [], schedules: [],
    addresses: [], phones: [], attributes: [], taxonomyTerms: [],
    notObjects: [], otherTables: new Map(),
  };
  private readonly ids = new Map<string, Set<string>>();

  other(name: string, rows: number, path: string): void {
    const seen = this.rows.otherTables.get(name);
    if (seen) seen.rows += rows;
    else this.rows.otherTables.set(name, { rows, path });
  }

  /** Adds a record (with links implied by its nesting) and the records nested in it. */
  add(key: TableKey, value: unknown, path: string, links: Json): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) {
      this.rows.notObjects.push(path);
      return undefined;
    }
    const row: Json = { ...value };
    for (const [k, v] of Object.entries(links)) if (row[k] === undefined) row[k] = v;
    const id = str(row['id']);
    const seen = this.ids.get(key) ?? new Set<string>();
    this.ids.set(key, seen);
    if (id && seen.has(id)) return id; // the same record nested twice
    if (id) seen.add(id);
    this.rows[key].push({ value: row, path });
    this.nested(key, row, path, id);
    return id;
  }

  private each(key: TableKey, list: unknown, path: string, links: Json): void {
    if (Array.isArray(list)) list.forEach((v, i) => this.add(key, v, child(path, i), links));
  }

  private nested(key: TableKey, row: Json, path: string, id: string | undefined): void {
    switch (key) {
      case 'services': {
        const orgId = this.add('organizations', row['organization'], child(path, 'organization'), {});
        if (orgId && row['organization_id'] === undefined) row['organization_id'] = orgId;
        this.each('serviceAtLocations', row['service_at_locations'], child(path, 'service_at_locations'), { service_id: id });
        this.each('schedules', row['schedules'], child(path, 'schedules'), { service_id: id });
        this.each('phones', row['phones'], child(path, 'phones'), { service_id: id });
        this.each('attributes', row['attributes'], child(path, 'attributes'), { link_id: id, link_entity: 'service' });
        break;
      }
      case 'serviceAtLocations': {
        const locationId = this.add('locations', row['location'], child(path, 'location'), {});
        if (locationId && row['location_id'] === undefined) row['location_id'] = locationId;
        this.each('schedules', row['schedules'], child(path, 'schedules'), { service_at_location_id: id });
        break;
      }
      case 'locations':
        this.each('addresses', row['addresses'], child(path, 'addresses'), { location_id: id });
        this.each('schedules', row['schedules'], child(path, 'schedules'), { location_id: id });
        break;
      case 'attributes':
        this.add('taxonomyTerms', row['taxonomy_term'], child(path, 'taxonomy_term'), {});
        if (isObject(row['taxonomy_term']) && row['taxonomy_term_id'] === undefined) row['taxonomy_term_id'] = row['taxonomy_term']['id'];
        break;
      default:
    }
  }

  result(): Tables {
    return this.rows;
  }
}

/** Records of a table whose `field` equals `id`. */
export function rowsWith(rows: readonly Row[], field: string, id: string): Row[] {
  return rows.filter((r) => str(r.value[field]) === id);
}
