import type MiniSearch from 'minisearch';
import type { Term } from './query.js';

/**
 * Scores a concept's terms straight from minisearch's index, with typed arrays.
 *
 * `MiniSearch#search` turns every matching document into an object (its score, the
 * terms and fields it matched, its stored fields) and sorts them: at 50,000 services a
 * word being typed ("ass…") matches 15,000 of them, and that churn was most of a
 * keystroke (docs/performance.md). This computes the same BM25 scores, with the same
 * boosts, prefix and fuzzy weights and the same "more query terms matched" factor, but
 * only adds numbers into arrays reused from one keystroke to the next.
 *
 * It reads minisearch's index (term → field → document → frequency), which is not
 * public API: `create` returns undefined when the index does not look as expected (a
 * new minisearch version), and the engine then searches through `MiniSearch#search`.
 * A test checks that both give the same scores (packages/core/test/search.test.ts).
 */

/** A term's postings: field id → short document id → term frequency. */
type Postings = Map<number, Map<number, number>>;

interface Internals {
  _index: {
    get(term: string): Postings | undefined;
    atPrefix(term: string): Iterable<[string, Postings]>;
    fuzzyGet(term: string, distance: number): Map<string, [Postings, number]>;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _documentIds: Map<number, unknown>;
}

/** minisearch's BM25+ parameters (its defaults, which the engine keeps). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface Weights {
  readonly fuzzy: number;
  readonly prefix: number;
}

export class ConceptScorer {
  private readonly score: Float64Array;
  /** How many distinct terms of the concept matched each document (minisearch's "quality"). */
  private readonly quality: Int32Array;
  /** The last term that added to each document, to count distinct terms. */
  private readonly lastTerm: Int32Array;
  private readonly touched: Int32Array;
  private termNumber = 0;
  private fields: readonly { id: number; boost: number; average: number }[];
  /** Each document's length in each field (`doc * fieldCount + field id`), read once from the index. */
  private readonly lengths: Uint32Array;
  private readonly fieldCount: number;

  private constructor(
    private readonly ms: Internals,
    /** Short document id → our id (the service's position). */
    private readonly external: Int32Array,
    boost: Readonly<Record<string, number>>,
    private readonly weights: Weights,
  ) {
    const size = external.length;
    this.score = new Float64Array(size);
    this.quality = new Int32Array(size);
    this.lastTerm = new Int32Array(size).fill(-1);
    this.touched = new Int32Array(size);
    this.fieldCount = Math.max(0, ...Object.values(ms._fieldIds)) + 1;
    this.lengths = new Uint32Array(size * this.fieldCount);
    for (const [doc, lengths] of ms._fieldLength) lengths.forEach((n, f) => (this.lengths[doc * this.fieldCount + f] = n));
    // In the order minisearch adds them up, so sums round the same way.
    this.fields = Object.keys(boost).map((name) => {
      const id = ms._fieldIds[name]!;
      return { id, boost: boost[name] || 1, average: ms._avgFieldLength[id]! };
    });
  }

  /** A scorer for a built index whose documents' ids are numbers, or undefined when the index is not as expected. */
  static create(ms: MiniSearch, boost: Readonly<Record<string, number>>, weights: Weights): ConceptScorer | undefined {
    const m = ms as unknown as Partial<Internals>;
    const index = m._index;
    if (
      !index || typeof index.get !== 'function' || typeof index.atPrefix !== 'function' || typeof index.fuzzyGet !== 'function' ||
      !(m._fieldLength instanceof Map) || !Array.isArray(m._avgFieldLength) || !(m._documentIds instanceof Map) ||
      typeof m._documentCount !== 'number' || !m._fieldIds || Object.keys(boost).some((f) => typeof m._fieldIds![f] !== 'number')
    ) {
      return undefined;
    }
    let size = 0;
    for (const short of m._documentIds.keys()) size = Math.max(size, short + 1);
    const external = new Int32Array(size).fill(-1);
    for (const [short, id] of m._documentIds) {
      if (typeof id !== 'number') return undefined;
      external[short] = id;
    }
    return new ConceptScorer(m as Internals, external, boost, weights);
  }

  /**
   * Scores one concept (its terms searched together, as minisearch's OR query would)
   * and calls `visit` once per matching document with its id and score.
   */
  concept(terms: readonly Term[], visit: (id: number, score: number) => void): void {
    const index = this.ms._index;
    let count = 0;
    for (const t of terms) {
      const termNumber = this.termNumber++;
      const add = (postings: Postings | undefined, weight: number) => {
        if (!postings) return;
        const { lengths, fieldCount, score, quality, lastTerm, touched } = this;
        const { k, b, d } = BM25;
        for (const field of this.fields) {
          const docs = postings.get(field.id);
          if (!docs) continue;
          const n = this.ms._documentCount;
          const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
          const factor = weight * t.weight * field.boost;
          const f = field.id;
          const average = field.average;
          docs.forEach((tf, doc) => {
            const length = lengths[doc * fieldCount + f]!;
            const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
            if (lastTerm[doc] !== termNumber) {
              if (quality[doc] === 0) touched[count++] = doc;
              quality[doc]!++;
              lastTerm[doc] = termNumber;
            }
            score[doc]! += factor * raw;
          });
        }
      };
      add(index.get(t.term), 1);
      // As minisearch does: fuzzy matches found first, prefix matches scored as prefixes.
      const fuzzy = t.fuzzy ? index.fuzzyGet(t.term, t.fuzzy) : undefined;
      if (t.prefix) {
        for (const [term, postings] of index.atPrefix(t.term)) {
          const distance = term.length - t.term.length;
          if (!distance) continue;
          fuzzy?.delete(term);
          add(postings, (this.weights.prefix * term.length) / (term.length + 0.3 * distance));
        }
      }
      if (fuzzy) {
        for (const [term, [postings, distance]] of fuzzy) {
          if (distance) add(postings, (this.weights.fuzzy * term.length) / (term.length + distance));
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = this.touched[i]!;
      visit(this.external[doc]!, this.score[doc]! * this.quality[doc]!);
      this.score[doc] = 0;
      this.quality[doc] = 0;
    }
  }
}
