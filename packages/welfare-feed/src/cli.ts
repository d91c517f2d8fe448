#!/usr/bin/env node
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFeed, sourceText, type SourceSummary } from './build.js';
import { defaultWindow, withCompiledHours } from './compile-hours.js';
import { DataPackageError, isDataPackage, readDataPackage } from './datapackage.js';
import { explainFileError, explainJsonError } from './node-errors.js';
import { withTerritoryPatronDays } from './patron-days.js';
import { fromHsds } from './hsds.js';
import { countByCode, formatIssue, formatReport, Reporter, type Issue } from './issues.js';
import { pickLang, word, type Lang } from './messages.js';
import type { Feed } from './types.js';
import { noticesIcs, noticesRss, readNotices } from './notices.js';
import { MAX_DEPTH, scanJson, type JsonScan } from './text.js';
import { child } from './paths.js';
import { romeToday, validateFeed } from './validate.js';

export const TEMPLATE_URL = new URL('../templates/servizi-modello.csv', import.meta.url);

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  title: { type: 'string' },
  updated: { type: 'string' },
  today: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  format: { type: 'string' },
  all: { type: 'boolean' },
  link: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Runs the command line; returns the exit code (0 ok, 1 errors, 2 usage or unreadable). */
export function run(argv: readonly string[], io: Io = defaultIo): number {
  let lang: Lang = pickLang(undefined, io.env['LANG']);
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
    lang = pickLang(values.lang, io.env['LANG']);
    const [command, ...files] = positionals;
    if (values.version) return print(io, `${readPackageVersion()}\n`);
    if (values.help || !command) return usage(io, lang, values.help ? 0 : 2);
    const cli = new Cli(io, lang, values);
    // --format json is --json for the commands that report; notices has its own formats.
    if (command !== 'notices' && values.format !== undefined && values.format !== 'json') return usage(io, lang, 2);
    switch (command) {
      case 'validate':
        return files.length === 1 ? cli.validate(files[0]!) : usage(io, lang, 2);
      case 'build':
        return files.length ? cli.build(files) : usage(io, lang, 2);
      case 'from-hsds':
        return files.length === 1 ? cli.fromHsds(files[0]!) : usage(io, lang, 2);
      case 'compile':
        return files.length === 1 ? cli.compile(files[0]!) : usage(io, lang, 2);
      case 'notices':
        return files.length === 1 ? cli.notices(files[0]!) : usage(io, lang, 2);
      case 'template':
        return print(io, readFileSync(TEMPLATE_URL, 'utf8'));
      default:
        return usage(io, lang, 2);
    }
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${e.message}\n`);
      return usage(io, lang, 2);
    }
    throw e;
  }
}

/** Entries of a list that a hand-written feed (compile) may lack. */
const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);

function print(io: Io, text: string): number {
  io.stdout(text);
  return 0;
}

function usage(io: Io, lang: Lang, code: number): number {
  (code === 0 ? io.stdout : io.stderr)(`${word(lang, 'usage')}\n`);
  return code;
}

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

class Cli {
  constructor(
    private readonly io: Io,
    private readonly lang: Lang,
    private readonly values: Values,
  ) {}

  /** Machine-readable report: --json or --format json. */
  private get json(): boolean {
    return this.values.json === true || this.values.format === 'json';
  }

  validate(file: string): number {
    const r = new Reporter(this.lang);
    const { value: feed, scan } = this.readScannedJson(file, r);
    const result = validateFeed(feed, { lang: this.lang, today: this.values.today, scan });
    const issues = [...r.issues, ...result.issues];
    if (this.json) {
      this.io.stdout(`${JSON.stringify({ file, ...result, byCode: countByCode(issues), issues }, null, 2)}\n`);
    } else {
      this.report(this.io.stdout, issues.map((i) => ({ file, ...i })));
    }
    return result.ok ? 0 : 1;
  }

  /** RSS 2.0 of the current notices, or with `--format ics` an iCalendar file of deadlines and events. */
  notices(file: string): number {
    const format = this.values.format ?? 'rss';
    const link = this.values.link;
    if (format !== 'rss' && format !== 'ics') return usage(this.io, this.lang, 2);
    if (format === 'rss' && !(link && /^https?:\/\/\S+$/i.test(link))) {
      this.io.stderr(`${word(this.lang, 'noticesLink')}\n`);
      return 2;
    }
    const today = this.values.today ?? romeToday();
    let feed;
    try {
      feed = readNotices(this.readJson(file, new Reporter(this.lang)), today);
    } catch (e) {
      if (e instanceof Exit) throw e;
      this.fail('not_a_feed', file, e);
    }
    const options = { lang: this.lang, today };
    const text = format === 'rss' ? noticesRss(feed, { ...options, link: link! }) : noticesIcs(feed, options);
    if (this.values.out) this.writeOut(this.values.out, text);
    else this.io.stdout(text);
    return 0;
  }

  build(files: string[]): number {
    this.checkOut();
    const sources = files.map((file) => ({ file, bytes: this.readBytes(file) }));
    const result = buildFeed(sources, this.feedOptions());
    const summaries = result.summaries.map((s) => this.summaryLine(s));
    return this.finish(result.feed, result.issues, { summaries: result.summaries, duplicates: result.duplicates }, summaries);
  }

  fromHsds(file: string): number {
    this.checkOut();
    const r = new Reporter(this.lang);
    let result;
    if (isDataPackage(file)) {
      let pkg;
      try {
        pkg = readDataPackage(file);
      } catch (e) {
        this.fail('file_unreadable', e instanceof DataPackageError ? e.file : file, e);
      }
      result = fromHsds(pkg.tables, { ...this.feedOptions(), rowPath: pkg.rowPath });
    } else {
      result = fromHsds(this.readJson(file, r), this.feedOptions());
    }
    result.issues.unshift(...r.issues);
    const c = result.counts;
    const line = word(this.lang, 'hsdsCounts', {
      inServices: c.input.services, inOrgs: c.input.organizations, inLocations: c.input.locations,
      inLinks: c.input.serviceAtLocations, inSchedules: c.input.schedules, services: c.output.services,
      orgs: c.output.organizations, locations: c.output.locations, categories: c.output.categories,
    });
    return this.finish(result.feed, result.issues.map((i) => (i.file ? i : { ...i, file })), { counts: c }, [line]);
  }

  private feedOptions() {
    const { lang } = this;
    const { today, title, updated } = this.values;
    return { lang, ...(today ? { today } : {}), ...(title ? { title } : {}), ...(updated ? { updated } : {}) };
  }

  /**
   * Adds the compiled opening hours (`hoursCompiled`) to a feed that has none or old ones,
   * and checks it like `validate`: what the publishing step does to a feed written by hand.
   */
  compile(file: string): number {
    this.checkOut();
    const r = new Reporter(this.lang);
    const { value, scan } = this.readScannedJson(file, r);
    const raw = value as Feed;
    const result = validateFeed(raw, { lang: this.lang, today: this.values.today, scan });
    const issues: Issue[] = [...r.issues, ...result.issues].map((i) => ({ file, ...i }));
    return this.finish(raw, issues, {}, []);
  }

  /** Writes the feed (unless there are errors and no --force) and the report. */
  private finish(feed: Feed, issues: Issue[], extra: object, lines: string[]): number {
    // Patron days written on the territory's comuni, where the elements read them (and the compile below too).
    feed = withTerritoryPatronDays(feed);
    // Opening hours compiled for phones (issue 14); the strings stay as written.
    const today = this.values.today ? new Date(`${this.values.today}T12:00:00Z`) : undefined;
    const hours = withCompiledHours(feed, today && !Number.isNaN(today.getTime()) ? defaultWindow(today) : {});
    feed = hours.feed;
    lines = [...lines, word(this.lang, 'hoursCompiled', { compiled: hours.compiled, skipped: hours.skipped.length })];
    extra = { ...extra, hoursCompiled: { compiled: hours.compiled, skipped: hours.skipped } };
    const errors = issues.filter((i) => i.severity === 'error').length;
    const out = this.values.out;
    // A feed nested past the limit cannot even be written (JSON.stringify would overflow).
    const writable = !issues.some((i) => i.code === 'json_too_deep');
    const write = writable && (errors === 0 || this.values.force === true);
    // The report goes to stdout only when the feed does not.
    const report = out ? this.io.stdout : this.io.stderr;
    if (this.json) {
      report(`${JSON.stringify({ ok: errors === 0, written: write, ...(write && out ? { out: resolve(out) } : {}), ...extra, byCode: countByCode(issues), issues }, null, 2)}\n`);
    } else {
      this.report(report, issues, lines);
    }
    if (write) {
      const text = `${JSON.stringify(feed, null, 2)}\n`;
      if (out) {
        this.writeOut(out, text);
        if (!this.json) report(`${word(this.lang, 'written', { file: resolve(out), services: count(feed.services), accessPoints: count(feed.accessPoints) })}\n`);
      } else {
        this.io.stdout(text);
      }
    } else if (!this.json) {
      const r = new Reporter(this.lang);
      report(`${r.error('not_written', { file: out ?? '-' }, {}).message}\n`);
    }
    return errors ? 1 : 0;
  }

  private report(write: (t: string) => void, issues: Issue[], lines: string[] = []): void {
    write(`${formatReport(issues, this.lang, { lines, all: this.values.all === true })}\n`);
  }

  /** Stops before any work when the folder of -o does not exist (exit 2, like a missing input). */
  private checkOut(): void {
    const out = this.values.out;
    if (out && !existsSync(dirname(resolve(out)))) this.failOut(out, word(this.lang, 'noFolder', { dir: dirname(resolve(out)) }));
  }

  private writeOut(out: string, text: string): void {
    try {
      writeFileSync(out, text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? word(this.lang, 'noFolder', { dir: dirname(resolve(out)) })
        : code === 'EISDIR' ? word(this.lang, 'isFolder')
        : code === 'EACCES' || code === 'EPERM' ? word(this.lang, 'noPermission')
        : (e as Error).message;
      this.failOut(out, reason);
    }
  }

  private failOut(out: string, reason: string): never {
    const issue = new Reporter(this.lang).error('output_unwritable', { file: out, reason }, { file: out });
    if (this.json) this.io.stdout(`${JSON.stringify({ ok: false, written: false, issues: [issue] }, null, 2)}\n`);
    else this.io.stderr(`${formatIssue(issue, this.lang)}\n`);
    throw new Exit(2);
  }

  private summaryLine(s: SourceSummary): string {
    return word(this.lang, 'summary', {
      file: s.file, read: s.read, services: s.services, accessPoints: s.accessPoints,
      skipped: s.skipped, e: s.errors, w: s.warnings,
    });
  }

  private readBytes(file: string): Uint8Array {
    try {
      return readFileSync(file);
    } catch (e) {
      this.fail('file_unreadable', file, e);
    }
  }

  /** Parses a JSON file (any encoding, noted in `r`); stops with exit 2 when it is not JSON or nests too deep. */
  private readJson(file: string, r: Reporter): unknown {
    return this.readScannedJson(file, r).value;
  }

  /** readJson, with the walk made to check its depth (validateFeed reuses it rather than walk a big feed twice). */
  private readScannedJson(file: string, r: Reporter): { value: unknown; scan: JsonScan } {
    const text = sourceText({ file, bytes: this.readBytes(file) }, r);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.fail('json_invalid', file, e, text);
    }
    const scan = scanJson(value, child);
    if (scan.tooDeep) this.fail('json_too_deep', file, undefined);
    return { value, scan };
  }

  /** Stops with exit 2; `e` is Node's error, said in the report's language where it is a common one. */
  private fail(code: 'file_unreadable' | 'json_invalid' | 'not_a_feed' | 'json_too_deep', file: string, e: unknown, text?: string): never {
    const { reason, detail } =
      e === undefined ? { reason: '' }
      : code === 'json_invalid' ? explainJsonError(e, text ?? '', this.lang)
      : code === 'file_unreadable' ? explainFileError(e instanceof DataPackageError && e.cause !== undefined ? e.cause : e, this.lang)
      : { reason: '', detail: e instanceof Error ? e.message : String(e) };
    const issue = new Reporter(this.lang).error(code, { file, max: MAX_DEPTH, reason }, { file }, detail);
    if (this.json) this.io.stdout(`${JSON.stringify({ ok: false, issues: [issue] }, null, 2)}\n`);
    else this.io.stderr(`${formatIssue(issue, this.lang)}\n`);
    throw new Exit(2);
  }
}

/** True when this module is the program being run (also through an npm bin symlink). */
function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = run(process.argv.slice(2));
