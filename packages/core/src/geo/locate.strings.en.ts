import type { LocateStrings } from './locate.strings.js';

export const locateEn: LocateStrings = {
  locating: 'Finding your position…',
  problem: {
    denied:
      'Your position could not be used: permission was denied. To allow it, change this site’s settings in your browser, or search by municipality.',
    unavailable: 'Your position is not available right now. Try again later, or search by municipality.',
    timeout: 'Finding your position took too long. Try again, or search by municipality.',
    unsupported: 'On this page the browser cannot tell your position. Search by municipality instead.',
  },
};
