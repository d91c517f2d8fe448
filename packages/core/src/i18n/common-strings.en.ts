import type { FeedErrorCode } from '../feed/reader.js';
import { formatDistance } from '../geo/distance.js';
import { plural } from './lang.js';
import type { CommonStrings } from './common-strings.js';

export const commonEn: CommonStrings = {
  loading: 'Loading services…',
  noSource: 'No data source: add the src attribute to the element.',
  retry: 'Try again',
  unavailable: 'The services are not available right now.',
  partUnavailable: 'This part of the page could not be downloaded. Check the connection and try again.',
  searching: 'Searching…',
  services: (n: number) => plural('en', n, 'service', 'services'),
  accessPoints: (n: number) => plural('en', n, 'access point', 'access points'),
  error: {
    network: 'The list of services could not be downloaded. Check the connection and try again.',
    cors: 'The list of services is on another website, which does not allow this page to read it (a setting of that server, called CORS). It is not your connection: please tell the people who run this website.',
    timeout: 'The list of services is not answering. Please try again in a few minutes.',
    http: 'The list of services is not available right now.',
    json: 'The list of services is damaged and cannot be read.',
    version: 'The list of services is in a format this page does not support.',
    format: 'The list of services is not in the expected format.',
  } satisfies Record<FeedErrorCode, string>,
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  hours: 'Opening hours',
  hoursWeek: 'Opening hours for the next 7 days',
  directions: 'Directions',
  comune: 'Municipality',
  allComuni: 'All municipalities',
  openNow: 'Open now',
  opensInNewWindow: '(opens in a new window)',
  distance: (km: number) => `${formatDistance(km, 'en')} away`,
};
