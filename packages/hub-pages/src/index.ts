/** The hub's pages: importing this registers every element (served by the hub under /gestione/). */
export { WelfareHubApp } from './app/welfare-hub-app.js';
export { WelfareOfferForm } from './offer-form/welfare-offer-form.js';
export { WelfareHoursBuilder } from './hours-builder/welfare-hours-builder.js';
export { WelfarePlacePicker } from './place-picker/welfare-place-picker.js';
export { WelfareOfferTable } from './offer-table/welfare-offer-table.js';
export { WelfareReviewQueue } from './review-queue/welfare-review-queue.js';
export { WelfareHubLogin } from './login/welfare-hub-login.js';
export { WelfareHubOrganisations } from './office/welfare-hub-organisations.js';
export { WelfareHubFreshness } from './office/welfare-hub-freshness.js';
export { WelfareHubActivity } from './office/welfare-hub-activity.js';
export { HubClient, ApiError, type Offer, type Session, type User } from './api/client.js';
export { WelfareHubNotices } from './notices/welfare-hub-notices.js';
export { WelfareHubAccessPoints } from './office/welfare-hub-access-points.js';
export { WelfareHubVocabulary } from './office/welfare-hub-vocabulary.js';
export { WelfareHubMutualAid } from './mutual-aid/welfare-hub-mutual-aid.js';
export type { MutualAidQueue, MutualAidQueued } from './api/client.js';
