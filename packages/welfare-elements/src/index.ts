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
