/** welfare-feed: validate, build and convert welfare-elements feeds (v1). */
export { validateFeed, romeToday, type ValidateOptions, type ValidateResult } from './validate.js';
export { buildFeed, type BuildOptions, type BuildResult, type BuildSource, type LikelyDuplicate, type SourceSummary } from './build.js';
export { fromHsds, type HsdsCounts, type HsdsOptions, type HsdsResult } from './hsds.js';
export { readServicesCsv, splitList, COLUMNS, type Column, type CsvEntry, type CsvResult } from './csv.js';
export { writeServicesCsv, type WriteCsvOptions } from './csv-write.js';
export { escapeCell, unescapeCell, FORMULA_LIKE } from './formula.js';
export { parseCoordinate, inItaly, ITALY } from './geo.js';
export { checkHours, type HoursCheck } from './hours.js';
export { withCompiledHours, defaultWindow, type CompiledFeed } from './compile-hours.js';
export { stableId, normalize, slug } from './ids.js';
export { formatIssue, formatTotals, Reporter, type Issue, type Severity, type Where } from './issues.js';
export { message, pickLang, type Lang, type MessageCode } from './messages.js';
export { loadSchema, SCHEMA_URL } from './schema.js';
export { toOpeningHours } from './schedule.js';
export { run } from './cli.js';
export type * from './types.js';
export { describeOrigin, type Origin } from './origins.js';
export { noticesRss, noticesIcs, readNotices, icsFold, icsEscape, xmlEscape, type NoticesExportOptions, type RssOptions } from './notices.js';
