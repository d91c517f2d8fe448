import { child } from './paths.js';
import { isObject, str, type Json } from './types.js';

/** One HSDS record and where it sits in the input. */
export interface Row {
  value: Json;
  path: string;
}

/** The HSDS 3.0 tables the converter reads, flattened from tables or nested objects. */
export interface Tables {
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

type TableKey = keyof Tables;

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

/**
 * Reads HSDS 3.0 JSON: an object of tables ({"services": [...], "locations": [...]}),
 * or a list of services with their details nested, as the HSDS API returns them.
 * Returns undefined when the input is neither.
 */
export function flatten(input: unknown): Tables | undefined {
  const root: Json | undefined = Array.isArray(input) ? { services: input } : isObject(input) ? input : undefined;
  if (!root) return undefined;
  const tables = new TableSet();
  let found = false;
  for (const [key, names] of Object.entries(NAMES) as Array<[TableKey, string[]]>) {
    const name = names.find((n) => Array.isArray(root[n]));
    if (!name) continue;
    found = true;
    const base = Array.isArray(input) ? '$' : `$.${name}`;
    (root[name] as unknown[]).forEach((v, i) => tables.add(key, v, child(base, i), {}));
  }
  return found ? tables.result() : undefined;
}

class TableSet {
  private readonly rows: Tables = {
    services: [], organizations: [], locations: [], serviceAtLocations: [], schedules: [],
    addresses: [], phones: [], attributes: [], taxonomyTerms: [],
  };
  private readonly ids = new Map<string, Set<string>>();

  /** Adds a record (with links implied by its nesting) and the records nested in it. */
  add(key: TableKey, value: unknown, path: string, links: Json): string | undefined {
    if (!isObject(value)) return undefined;
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
