/**
 * Entry point for notices (the board, closures). Their logic and wording live in their own
 * chunk (`lazy.ts`), fetched only when a feed has notices (the group store asks for it) or
 * a `<welfare-notices>` is on the page: most pages of a comune never need them. Nothing
 * here imports it statically: keep it that way.
 */
export type { Closure, NoticePhase } from './notices.js';

export type NoticesModule = typeof import('./lazy.js');

let loaded: NoticesModule | undefined;
let loading: Promise<NoticesModule> | undefined;

/** Loads the notices chunk once per page; after a failed fetch, the next call tries again. */
export function loadNotices(): Promise<NoticesModule> {
  loading ??= import('./lazy.js').then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The notices chunk if it is already loaded, so renders need not wait. */
export function noticesModule(): NoticesModule | undefined {
  return loaded;
}
