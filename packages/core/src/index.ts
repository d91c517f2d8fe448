export * from './feed/types.js';
export { FeedError, FeedReader, readFeed, romeToday, TEXT_LIMITS, type FeedErrorCode, type ReadOptions } from './feed/reader.js';
export { loadFeed, forgetFeeds, feedUrl, DEFAULT_TIMEOUT, type LoadOptions } from './feed/load.js';
export { pick, fold, collator } from './feed/text.js';
export { webHref, telHref, mailtoHref, directionsHref } from './feed/links.js';
export { GroupStore, type Status, type ChangeKind, type StoreChange, type SearchHelp } from './store/group-store.js';
export { groupStore, resetGroups } from './store/registry.js';
export { NO_FILTERS, serviceHours, sameFilters, inAnyCategory, forAnyAudience, inComune, type Filters, type Facet } from './store/filters.js';
export { SearchIndex } from './store/search-index.js';
export { UrlStateController } from './store/url-state.js';
export { LangController, resolveLang, toLang, formatNumber, plural, type Lang } from './i18n/lang.js';
export { commonStrings, type CommonStrings } from './i18n/common-strings.js';
export { afterStrings, dictionary, stringsReady, pendingStrings, type Dictionary } from './i18n/dictionary.js';
export { audienceName } from './i18n/audiences.js';
export { WelfareElement } from './base/welfare-element.js';
export { FeedController } from './base/feed-controller.js';
export { defineElement } from './base/define.js';
export { whenIdle, cancelIdle } from './base/idle.js';
export { ChunkController, lazyChunk, type LazyChunk } from './base/lazy-chunk.js';
export { hostStyles } from './styles/shared.js';
export { cardStyles } from './styles/cards.js';
export { renderContacts } from './templates/contacts.js';
export { cssProps } from './templates/css-props.js';
export { now, setClock } from './clock.js';
export { distanceKm, nearestKm, formatDistance } from './geo/distance.js';
export {
  loadHoursEngine,
  hoursEngine,
  everyMinute,
  refreshHours,
  type HoursDay,
  type HoursEngine,
  type HoursInterval,
  type HoursState,
} from './hours/index.js';
export { describeHours, describeWeek } from './hours/index.js';
export type { HoursStatus, HoursSummary, HoursDayText } from './hours/describe.js';
export type { HoursStrings } from './hours/hours.strings.js';
export { romeWallClock } from './hours/rome.js';
export { hoursInWords, type HoursWordsOptions } from './hours/words.js';
export { VERSION } from './version.js';
// The notices' logic and words are a lazy chunk: import them from '@welfare-elements/core/notices/lazy.js'.
export { loadNotices, noticesModule, type Closure, type NoticePhase, type NoticesModule } from './notices/index.js';
export type * from './events.js';
export { renderHours, hoursStyles, type RenderHoursOptions } from './templates/hours.js';
export { selectCommit, type SelectCommitHandlers } from './templates/select-commit.js';
// A service's full view, its link and "La mia selezione" (issue 18): the view itself is a lazy chunk.
export { openServiceView, onServiceLink, serviceLink, loadServiceView, SERVICE_PARAM, SELECTION_PARAM } from './service/link.js';
export { providePlaceMap, type PlaceMapProvider, type PlaceMapRequest, type PlaceMap, type PlacePin } from './service/place-map.js';
// Mutual aid (issue 19): the rules of a published post are NOT exported here (the bundle
// would carry them on every page): import '@welfare-elements/core/mutual-aid/post.js'.
