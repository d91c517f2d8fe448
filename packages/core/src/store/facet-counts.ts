import type { Service } from '../feed/types.js';
import type { Facet } from './filters.js';

/** How many services have each value of a facet, and how many were counted. */
export interface FacetCount {
  readonly counts: Map<string, number>;
  readonly total: number;
}

/**
 * One facet's values for every service of a feed as small integers (a compressed row
 * list: the codes of service `i` are `codes[start[i]]` to `codes[start[i + 1] - 1]`,
 * each value once). Counting 50,000 results is then one loop over typed arrays, with
 * no Set, no array and no string per service: a keystroke used to spend most of its
 * time building those (docs/performance.md).
 */
interface Codes {
  readonly keys: readonly string[];
  readonly start: Int32Array;
  readonly codes: Int32Array;
}

const valuesOf: Record<Facet, (s: Service) => readonly (string | undefined)[]> = {
  categories: (s) => s.categories,
  audiences: (s) => s.audiences,
  comune: (s) => s.locations.map((l) => l.comune),
};

function encode(services: readonly Service[], values: (s: Service) => readonly (string | undefined)[]): Codes {
  const codeOf = new Map<string, number>();
  const keys: string[] = [];
  const start = new Int32Array(services.length + 1);
  const codes: number[] = [];
  for (let i = 0; i < services.length; i++) {
    start[i] = codes.length;
    for (const value of values(services[i]!)) {
      if (!value) continue;
      let code = codeOf.get(value);
      if (code === undefined) codeOf.set(value, (code = keys.push(value) - 1));
      // A service in two places of the same comune counts once.
      let seen = false;
      for (let j = start[i]!; j < codes.length && !seen; j++) seen = codes[j] === code;
      if (!seen) codes.push(code);
    }
  }
  start[services.length] = codes.length;
  return { keys, start, codes: Int32Array.from(codes) };
}

/**
 * Facet counts for any subset of one feed's services (the results, or the results
 * but for one facet's own filter), given as positions in the feed. The codes of each
 * facet are built on first need.
 */
export class FacetCounter {
  private readonly tables = new Map<Facet, Codes>();

  constructor(private readonly services: readonly Service[]) {}

  count(facet: Facet, positions: ArrayLike<number>): FacetCount {
    let table = this.tables.get(facet);
    if (!table) this.tables.set(facet, (table = encode(this.services, valuesOf[facet])));
    const { keys, start, codes } = table;
    const tally = new Int32Array(keys.length);
    for (let n = 0; n < positions.length; n++) {
      const i = positions[n]!;
      for (let j = start[i]!, end = start[i + 1]!; j < end; j++) tally[codes[j]!]!++;
    }
    const counts = new Map<string, number>();
    tally.forEach((n, code) => n && counts.set(keys[code]!, n));
    return { counts, total: positions.length };
  }
}
