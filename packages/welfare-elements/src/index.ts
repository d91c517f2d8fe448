/**
 * The one-script-tag bundle (CONTRACT §1): importing this module registers every
 * element. Tags already defined by another copy are left alone.
 */
export * from '@welfare-elements/core';
export * from '@welfare-elements/list';
export * from '@welfare-elements/search';
export * from '@welfare-elements/categories';
export * from '@welfare-elements/map';
export * from '@welfare-elements/access-points';
export * from '@welfare-elements/notices';
// <welfare-mutual-aid> is registered when the page has one (lazy-define.ts): its own chunk.
export type { WelfareMutualAid } from '@welfare-elements/mutual-aid';
import './lazy-define.js';
