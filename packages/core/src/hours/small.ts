/**
 * The small hours evaluator and its wording, reached through one dynamic import
 * (hours/index.ts), so that the bundle keeps them in one chunk: they are always fetched
 * together, and one file compresses better than two (issue 14). The reader of common
 * strings (rules.ts) is not here: loadReader() fetches it for a string without a compiled
 * form, after this chunk, so that what both use (plan.ts) stays in this one.
 */
export { createLightEngine, loadReader } from './light.js';
export * as describe from './describe.js';
