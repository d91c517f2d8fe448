/**
 * Work that can wait until the page is idle (the rest of a page of cards, the spelling
 * suggestion), so a keystroke only pays for what it shows. `timeout` bounds the wait;
 * WebKit has no requestIdleCallback, so there it is a short timer.
 */
export function whenIdle(task: () => void, timeout = 200): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(task, { timeout });
  return setTimeout(task, 16) as unknown as number;
}

/** Cancels a task of `whenIdle` (nothing for undefined). */
export function cancelIdle(id: number | undefined): void {
  if (id === undefined) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(id);
  else clearTimeout(id);
}
