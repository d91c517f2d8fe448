import { fold } from '../feed/text.js';
import { lightStem, snowballStem, stems } from './stem.js';
import { FILLER, type ThesaurusEntry } from './thesaurus.js';

/** One index term to look for, and how much a match counts. */
export interface Term {
  readonly term: string;
  readonly weight: number;
  /** Also words that start with it (the word being typed). */
  readonly prefix: boolean;
  /** Edit distance allowed (a word the index does not know: a typo). */
  readonly fuzzy: number;
}

/**
 * One thing the person asked for: a word they typed (or a phrase of the thesaurus),
 * with its forms and the thesaurus' words for it. Results are ranked by how many
 * concepts they match, then by how well.
 */
export interface Concept {
  /** The typed words it stands for (folded). */
  readonly words: readonly string[];
  readonly terms: readonly Term[];
  /** Typed words that no index term spells: the engine looks for a correction. */
  readonly unknown: readonly string[];
  /** The words matched a thesaurus entry: real words, never offered a correction. */
  readonly understood: boolean;
}

export interface Analysis {
  readonly concepts: readonly Concept[];
  /** A comune named in the query ("sant angelo" → "Sant'Angelo Lodigiano"). */
  readonly comune?: string;
  /** The folded words of the query, in order (filler included). */
  readonly words: readonly string[];
}

/** How much a thesaurus word counts against a word the person typed. */
export const THESAURUS_WEIGHT = 0.6;

const SPLIT = /[^\p{L}\p{N}]+/u;

/** Folded words of a text: "Sant'Angelo" → ["sant", "angelo"]. */
export function words(text: string): string[] {
  return fold(text).split(SPLIT).filter(Boolean);
}

interface Phrase {
  /** Stems of each word of the phrase. */
  readonly stems: readonly (readonly string[])[];
  readonly means: readonly string[];
}

interface ComuneName {
  readonly comune: string;
  readonly words: readonly string[];
}

/**
 * Turns what a person typed into concepts for the engine: filler words left out, a
 * comune recognised, word forms and thesaurus words added, typos marked. Pure, so it is
 * tested on its own (packages/core/test/search-query.test.ts).
 */
export class QueryAnalyser {
  private readonly phrases = new Map<string, Phrase[]>();
  private readonly comuni: ComuneName[] = [];

  /**
   * @param comuni the feed's comuni, matched on their own words, on the words run
   *   together ("santangelo") and on thesaurus words that mean a comune.
   * @param known whether the index has a term, so that typos and thesaurus words it
   *   cannot match are told apart.
   */
  constructor(
    comuni: readonly string[],
    thesaurus: readonly ThesaurusEntry[],
    private readonly known: (term: string) => boolean,
  ) {
    const byFolded = new Map(comuni.map((c) => [words(c).join(' '), c]));
    for (const c of comuni) this.addComune(c, words(c));
    for (const entry of thesaurus) {
      // A thesaurus word for a comune ("casale" → "Casalpusterlengo") names that comune.
      const comune = entry.means.map((m) => byFolded.get(words(m).join(' '))).find(Boolean);
      for (const said of entry.words) {
        const w = words(said);
        if (!w.length) continue;
        if (comune) {
          this.addComune(comune, w);
          continue;
        }
        const phrase: Phrase = { stems: w.map(stems), means: entry.means };
        for (const s of phrase.stems[0]!) {
          const list = this.phrases.get(s);
          if (list) list.push(phrase);
          else this.phrases.set(s, [phrase]);
        }
      }
    }
    // Longer names first, so "Lodi Vecchio" wins over "Lodi".
    this.comuni.sort((a, b) => b.words.length - a.words.length);
  }

  private addComune(comune: string, w: readonly string[]): void {
    if (!w.length) return;
    this.comuni.push({ comune, words: w });
    // Run together: "santangelo", "lodivecchio".
    for (let k = 2; k <= w.length; k++) this.comuni.push({ comune, words: [w.slice(0, k).join('')] });
  }

  analyse(query: string): Analysis {
    const all = words(query);
    const typing = !/\s$/.test(query);
    const { comune, used } = this.findComune(all);
    const rest = all.map((w, i) => (used.has(i) || w.length < 2 ? '' : w));
    const content = rest.map((w) => (w && !FILLER.has(w) ? w : ''));
    // Filler words alone are searched as typed ("aiuto", "help").
    const kept = content.some(Boolean) ? content : rest;
    const lastIndex = kept.reduce((last, w, i) => (w ? i : last), -1);

    const concepts: Concept[] = [];
    const covered = new Set<number>();
    // Phrases of the thesaurus, longest first, on every word (filler included: "non arrivo a fine mese").
    for (let i = 0; i < rest.length; i++) {
      if (covered.has(i) || !rest[i]) continue;
      const match = this.phraseAt(rest, i);
      if (!match) continue;
      const span = Array.from({ length: match.length }, (_, k) => i + k);
      const typed = span.map((k) => kept[k]!).filter(Boolean);
      span.forEach((k) => covered.add(k));
      const extra = match.means.flatMap((m) => words(m));
      concepts.push(this.concept(typed, extra, span.includes(lastIndex) && typing, true));
    }
    for (let i = 0; i < kept.length; i++) {
      if (covered.has(i) || !kept[i]) continue;
      concepts.push(this.concept([kept[i]!], [], i === lastIndex && typing, false));
    }
    return { concepts: concepts.filter((c) => c.terms.length), ...(comune ? { comune } : {}), words: all };
  }

  /** The longest thesaurus phrase that starts at word `i`. */
  private phraseAt(list: readonly string[], i: number): { length: number; means: readonly string[] } | undefined {
    let best: { length: number; means: string[] } | undefined;
    for (const s of stems(list[i]!)) {
      for (const p of this.phrases.get(s) ?? []) {
        const n = p.stems.length;
        if (best && n < best.length) continue;
        let ok = i + n <= list.length;
        for (let k = 1; ok && k < n; k++) ok = !!list[i + k] && stems(list[i + k]!).some((x) => p.stems[k]!.includes(x));
        if (!ok) continue;
        if (best && n === best.length) best.means.push(...p.means);
        else best = { length: n, means: [...p.means] };
      }
    }
    return best;
  }

  private concept(typed: readonly string[], extra: readonly string[], typing: boolean, understood: boolean): Concept {
    const weights = new Map<string, Term>();
    const add = (t: Term) => {
      const had = weights.get(t.term);
      if (!had || had.weight < t.weight || (had.weight === t.weight && (t.prefix || t.fuzzy))) weights.set(t.term, t);
    };
    const unknown: string[] = [];
    typed.forEach((word, i) => {
      const term = lightStem(word);
      const isKnown = this.known(term);
      const last = typing && i === typed.length - 1;
      if (!isKnown && !last) unknown.push(word);
      // A word the index does not know is a typo (or a word being typed): allow one
      // edit from 4 letters, two from 8; while typed, the words it starts.
      const fuzzy = isKnown ? 0 : term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
      add({ term, weight: 1, prefix: last && !isKnown && term.length >= 3, fuzzy });
      // The long families Snowball joins ("disoccupato" → "disoccup…", "alimenti" → "aliment…").
      const family = snowballStem(word);
      if (family !== term && family.length >= 5) add({ term: family, weight: 1, prefix: true, fuzzy: 0 });
    });
    for (const word of extra) {
      const term = lightStem(word);
      if (this.known(term)) add({ term, weight: THESAURUS_WEIGHT, prefix: false, fuzzy: 0 });
    }
    return { words: typed, terms: [...weights.values()], unknown, understood };
  }

  /** The comune the query names, and which of its words name it. */
  private findComune(list: readonly string[]): { comune?: string; used: Set<number> } {
    for (let i = 0; i < list.length; i++) {
      let best: { comune: string; k: number; rank: number } | undefined;
      for (const c of this.comuni) {
        const n = c.words.length;
        // Its first words at least: "sant angelo" is Sant'Angelo Lodigiano; one word
        // alone only when it is the whole name or a long first word ("zelo", not "san").
        let k = 0;
        while (k < n && list[i + k] === c.words[k]) k++;
        if (k === 0 || (k < n && k < 2 && c.words[0]!.length < 4)) continue;
        // More words matched first; then the whole name ("lodi" is Lodi, not Lodi Vecchio).
        const rank = k * 2 + (k === n ? 1 : 0);
        if (!best || rank > best.rank) best = { comune: c.comune, k, rank };
      }
      if (best) return { comune: best.comune, used: new Set(Array.from({ length: best.k }, (_, j) => i + j)) };
    }
    return { used: new Set() };
  }
}
