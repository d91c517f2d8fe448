/**
 * Entry point for opening hours. The evaluator (opening_hours, ~50 KB gzip) lives in
 * its own chunk and is fetched only when a feed has hours and something asks.
 */
import type { HoursEngine } from './engine.js';

export type { HoursEngine, HoursState } from './engine.js';

let engine: HoursEngine | undefined;
let loading: Promise<HoursEngine> | undefined;

/** Loads the evaluator once per page. */
export function loadHoursEngine(): Promise<HoursEngine> {
  loading ??= import('./engine.js').then((m) => (engine = m.createHoursEngine()));
  return loading;
}

/** The evaluator if it is already loaded, so renders need not wait. */
export function hoursEngine(): HoursEngine | undefined {
  return engine;
}
