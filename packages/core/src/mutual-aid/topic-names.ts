import type { Lang } from '../i18n/lang.js';
import type { MutualAidTopic } from './post.js';

/**
 * The mutual-aid topics as people read them, in one place for the citizens' board and form
 * (packages/mutual-aid) and the mediators' page (packages/hub-pages). Not exported from
 * core's index: import '@welfare-elements/core/mutual-aid/topic-names.js'.
 */
export const mutualAidTopicNames = {
  it: {
    compagnia: 'Compagnia e visite',
    spesa: 'Spesa e commissioni',
    accompagnamento: 'Accompagnamento',
    pratiche: 'Pratiche e moduli',
    casa: 'Piccoli lavori in casa',
    studio: 'Studio e lingua italiana',
    bambini: 'Bambini',
    altro: 'Altro',
  },
  en: {
    compagnia: 'Company and visits',
    spesa: 'Shopping and errands',
    accompagnamento: 'Going with someone',
    pratiche: 'Forms and paperwork',
    casa: 'Small jobs at home',
    studio: 'Homework and Italian',
    bambini: 'Children',
    altro: 'Other',
  },
} satisfies Record<Lang, Record<MutualAidTopic, string>>;
