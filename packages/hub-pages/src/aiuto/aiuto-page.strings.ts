import type { Lang } from '@welfare-elements/core';

/** The public mutual-aid page's own words (its elements have theirs). */
export const aiutoPageStrings = {
  it: {
    post: 'Offro o cerco aiuto',
    answer: 'Scrivi a chi ha pubblicato',
    own: 'Il tuo annuncio',
    site: 'Ambito di Lodi',
    switchTo: 'English',
  },
  en: {
    post: 'Offer or ask for help',
    answer: 'Write to the person who posted',
    own: 'Your post',
    site: 'Lodi district',
    switchTo: 'Italiano',
  },
} satisfies Record<Lang, unknown>;
