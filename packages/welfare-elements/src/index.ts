/**
 * The one-script-tag bundle (CONTRACT §1). Importing this module registers every
 * element the page uses (issue 14):
 *
 * - `<welfare-search>`, `<welfare-categories>` and `<welfare-list>` are in this file,
 *   with the shared base (core and lit). Nearly every page has a list, most a search box;
 *   as separate chunks the three cost about 3 KB gzip more together (each file is
 *   compressed on its own), more than a page without them would save.
 * - `<welfare-map>` (and, when it nears the viewport, Leaflet), `<welfare-access-points>`,
 *   `<welfare-notices>` and `<welfare-mutual-aid>` are chunks of their own, fetched when
 *   the first tag of that kind is in the document (lazy-define.ts). A page with search,
 *   categories and list fetches none of them.
 *
 * Tags already defined by another copy are left alone.
 */
export * from '@welfare-elements/core';
export * from '@welfare-elements/list';
export * from '@welfare-elements/search';
export * from '@welfare-elements/categories';
// Registered when the page has the tag (lazy-define.ts): each is its own chunk, so only
// their types are exported here; the classes come with each element's package.
export type { WelfareMap } from '@welfare-elements/map';
export type { WelfareAccessPoints } from '@welfare-elements/access-points';
export type { WelfareNotices } from '@welfare-elements/notices';
export type { WelfareMutualAid, WelfareMutualAidForm } from '@welfare-elements/mutual-aid';
export { loadElements } from './lazy-define.js';
