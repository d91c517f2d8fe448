/**
 * The time the elements consider "now". Tests and kiosks can fix it; everything that
 * says "open now" or checks a validity window reads it from here.
 */
let source: () => Date = () => new Date();

export function now(): Date {
  return source();
}

/** Fixes the clock (pass a Date or a function); `setClock()` restores real time. */
export function setClock(clock?: Date | (() => Date)): void {
  if (!clock) source = () => new Date();
  else if (clock instanceof Date) source = () => new Date(clock.getTime());
  else source = clock;
}
