/**
 * The small hours evaluator and its wording, reached through one dynamic import
 * (hours/index.ts), so that the bundle keeps them in one chunk: they are always fetched
 * together, and one file compresses better than two (issue 14).
 */
export { createLightEngine } from './light.js';
export * as describe from './describe.js';
