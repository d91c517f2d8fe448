import { message, word, type Lang, type MessageCode, type Params } from './messages.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where a problem is: a JSON path, and for spreadsheets the file and line. */
export interface Where {
  path?: string;
  file?: string;
  line?: number;
}

export interface Issue extends Where {
  severity: Severity;
  code: MessageCode;
  /** Plain sentence in the chosen language. */
  message: string;
  /** Extra technical text, e.g. the opening_hours library's explanation. */
  detail?: string;
}

/** Collects issues, writing each message in one language. */
export class Reporter {
  readonly issues: Issue[] = [];

  constructor(readonly lang: Lang = 'it') {}

  add(severity: Severity, code: MessageCode, params: Params, where: Where, detail?: string): Issue {
    const issue: Issue = { severity, code, message: message(this.lang, code, params), ...where };
    if (detail !== undefined) issue.detail = detail;
    this.issues.push(issue);
    return issue;
  }

  error(code: MessageCode, params: Params, where: Where, detail?: string): Issue {
    return this.add('error', code, params, where, detail);
  }

  warn(code: MessageCode, params: Params, where: Where, detail?: string): Issue {
    return this.add('warning', code, params, where, detail);
  }

  info(code: MessageCode, params: Params, where: Where, detail?: string): Issue {
    return this.add('info', code, params, where, detail);
  }
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** One human-readable line: "errore  servizi.csv, riga 7 ($.services[3]): ...". */
export function formatIssue(issue: Issue, lang: Lang): string {
  const place: string[] = [];
  if (issue.file) place.push(issue.line ? `${issue.file}, ${word(lang, 'line')} ${issue.line}` : issue.file);
  if (issue.path) place.push(issue.file ? `(${issue.path})` : issue.path);
  const head = `${word(lang, issue.severity).padEnd(7)} ${place.join(' ')}`.trimEnd();
  const detail = issue.detail ? `\n        ${issue.detail.replace(/\n/g, '\n        ')}` : '';
  return `${head}: ${issue.message}${detail}`;
}

/** How many issues of each code: { "schema_type": 10000, "hours_invalid": 3 }. */
export function countByCode(issues: readonly Issue[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return Object.fromEntries(counts);
}

/** Issues of one code printed in full before the rest are only counted. */
export const SHOWN_PER_CODE = 5;

export interface ReportOptions {
  /** Lines printed after the issues (summaries per source). */
  lines?: readonly string[];
  /** Print every issue, not only the first few of each kind. */
  all?: boolean;
}

/**
 * The human-readable report: every issue, except that past the first few of one kind
 * only a count is printed (10,000 schema errors are five lines and a count, not 10,000
 * lines), then the totals.
 */
export function formatReport(issues: readonly Issue[], lang: Lang, options: ReportOptions = {}): string {
  const shown = new Map<string, number>();
  const hidden = new Map<string, { count: number; first: Issue }>();
  const out: string[] = [];
  for (const issue of issues) {
    const n = shown.get(issue.code) ?? 0;
    if (options.all || n < SHOWN_PER_CODE) {
      shown.set(issue.code, n + 1);
      out.push(formatIssue(issue, lang));
    } else {
      const h = hidden.get(issue.code);
      if (h) h.count++;
      else hidden.set(issue.code, { count: 1, first: issue });
    }
  }
  if (hidden.size) {
    out.push(word(lang, 'hiddenTitle', { n: SHOWN_PER_CODE }));
    for (const [code, { count, first }] of hidden) {
      const n = (v: number) => v.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB');
      out.push(`  ${word(lang, 'hiddenLine', { count: n(count), code, severity: word(lang, first.severity), total: n(shown.get(code)! + count) })}`);
    }
  }
  out.push(...(options.lines ?? []), formatTotals(issues, lang));
  return out.join('\n');
}

export function formatTotals(issues: readonly Issue[], lang: Lang): string {
  const { errors, warnings } = countBySeverity(issues);
  if (errors === 0 && warnings === 0) return word(lang, 'ok');
  return word(lang, 'totals', { e: errors, w: warnings });
}
