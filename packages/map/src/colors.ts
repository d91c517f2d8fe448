/** Marker colours by category: the feed's own colour, else a stable palette colour. */
import type { Category, Feed, GroupStore } from '@welfare-elements/core';
import type { Place } from './map-types.js';

/** Colours for categories without their own, each at least 3:1 against white and light maps. */
export const PALETTE = [
  '#0066cc', '#b3135b', '#1e7b34', '#6a1b9a', '#c0392b',
  '#00727d', '#6d4c41', '#3949ab', '#8a6200', '#455a64',
] as const;

/** A category's own colour (the feed reader keeps only #hex values), else a stable palette colour. */
export function categoryColor(category: Category | undefined, index: number): string {
  if (category?.color) return category.color;
  if (index < 0) return PALETTE[0];
  return PALETTE[index % PALETTE.length]!;
}

const order = new WeakMap<Feed, Map<string, number>>();

/** A service's colour: its first category's; access points are styled apart. */
export function placeColor(place: Place, store: GroupStore): string {
  const feed = store.feed;
  const first = place.entry.type === 'service' ? place.entry.categories[0] : undefined;
  if (!feed || !first) return categoryColor(undefined, -1);
  let index = order.get(feed);
  if (!index) order.set(feed, (index = new Map(feed.categories.map((c, i) => [c.id, i]))));
  return categoryColor(store.category(first), index.get(first) ?? -1);
}
