/**
 * Scores a search function against bench/search-quality/judgements.json: success@5 (an
 * accepted service among the first five results) and MRR (mean of 1 / rank of the first
 * accepted service, 0 when none is in the first ten). Shared by `npm run bench --
 * search-quality` (the built bundle in Chromium) and quick runs in node.
 */
import { readFileSync } from 'node:fs';

export const judgements = JSON.parse(readFileSync(new URL('./judgements.json', import.meta.url), 'utf8'));

/** `results` maps each query to the ids of its first results, best first. */
export function score(results) {
  const rows = judgements.queries.map(({ q, kind, accept }) => {
    const ids = results.get(q) ?? [];
    const rank = ids.slice(0, 10).findIndex((id) => accept.includes(id)) + 1;
    return { q, kind, rank, top: ids.slice(0, 5) };
  });
  const summarise = (list) => ({
    queries: list.length,
    success5: list.filter((r) => r.rank >= 1 && r.rank <= 5).length / list.length,
    mrr: list.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / list.length,
  });
  const kinds = [...new Set(rows.map((r) => r.kind))];
  return {
    all: summarise(rows),
    byKind: Object.fromEntries(kinds.map((k) => [k, summarise(rows.filter((r) => r.kind === k))])),
    misses: rows.filter((r) => !(r.rank >= 1 && r.rank <= 5)),
  };
}
