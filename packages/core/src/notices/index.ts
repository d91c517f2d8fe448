/**
 * Entry point for notices (the board, closures). Their logic and wording live in their own
 * chunk (`lazy.ts`), fetched only when a feed has notices (the group store asks for it) or
 * a `<welfare-notices>` is on the page: most pages of a comune never need them. Nothing
 * here imports it statically: keep it that way.
 */
import { lazyChunk } from '../base/lazy-chunk.js';

export type { Closure, NoticePhase } from './notices.js';

export type NoticesModule = typeof import('./lazy.js');

const chunk = lazyChunk(() => import('./lazy.js'));

/** Loads the notices chunk once per page; after a failed fetch, the next call tries again. */
export function loadNotices(): Promise<NoticesModule> {
  return chunk.load();
}

/** The notices chunk if it is already loaded, so renders need not wait. */
export function noticesModule(): NoticesModule | undefined {
  return chunk.current;
}
