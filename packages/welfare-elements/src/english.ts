/**
 * Every English dictionary of the citizens' elements, in one chunk (issue 14): the
 * bundle's build sends each `import('./x.strings.en.js')` here (rollup.config.mjs
 * `englishInOneChunk`, which fails the build when one is missing from this list), so a
 * page in English fetches one small file more and an Italian page none. Each package
 * still fetches its own modules when imported from npm without the bundle.
 */
export { commonEn } from '@welfare-elements/core/i18n/common-strings.en.js';
export { locateEn } from '@welfare-elements/core/geo/locate.strings.en.js';
export { hoursEn } from '@welfare-elements/core/hours/hours.strings.en.js';
export { hoursWordsEn } from '@welfare-elements/core/hours/words.strings.en.js';
export { searchEn } from '@welfare-elements/search/search.strings.en.js';
export { categoriesEn } from '@welfare-elements/categories/categories.strings.en.js';
export { listEn } from '@welfare-elements/list/list.strings.en.js';
export { mapEn } from '@welfare-elements/map/map.strings.en.js';
export { engineEn } from '@welfare-elements/map/engine.strings.en.js';
export { accessPointsEn } from '@welfare-elements/access-points/access-points.strings.en.js';
export { noticesBoardEn } from '@welfare-elements/notices/notices.strings.en.js';
export { noticeWordsEn } from '@welfare-elements/core/notices/notice-words.en.js';
