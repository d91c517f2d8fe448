import type { Issue } from './issues.js';
import { word, type Lang } from './messages.js';

/** Where an entry of a produced feed came from. */
export interface Origin {
  file?: string;
  /** Spreadsheet line. */
  line?: number;
  /** JSON path inside the source. */
  path?: string;
}

/** "servizi.csv, riga 4", "frammento.json $.services[2]" or "$.services[2]". */
export function describeOrigin(origin: Origin, lang: Lang): string {
  const file = origin.file ?? '';
  if (origin.line) return `${file}, ${word(lang, 'line')} ${origin.line}`;
  return [file, origin.path ?? ''].filter(Boolean).join(' ');
}

/**
 * Gives an issue found in the produced feed ("$.services[3].hours") the place its entry
 * came from: file and line for spreadsheets, file and source path for JSON.
 */
export function locate(issue: Issue, origins: ReadonlyMap<string, Origin>): Issue {
  const match = issue.path ? /^\$\.(\w+)\[(\d+)\]/.exec(issue.path) : null;
  const origin = match ? origins.get(match[0]) : undefined;
  if (!match || !origin || !issue.path) return issue;
  const located: Issue = { ...issue };
  if (origin.file) located.file = origin.file;
  if (origin.line) located.line = origin.line;
  else if (origin.path) located.path = origin.path + issue.path.slice(match[0].length);
  return located;
}
