import { formatNumber, plural } from '@welfare-elements/core';
import type { MapStrings } from './map.strings.js';

export const mapEn: MapStrings = {
  label: 'Map of services',
  instructions:
    'Use the arrow keys to move the map and the plus and minus keys to zoom in or out. ' +
    'Tab moves from one service to the next; Enter opens its details or zooms into a group. ' +
    'Escape closes the details. The same services are also in the list.',
  onMap: (n: number) => (n === 0 ? 'No services on the map' : `${plural('en', n, 'service', 'services')} on the map`),
  withoutPosition: (n: number) => `${formatNumber(n, 'en')} without an address on the map`,
  empty: 'No services match these filters.',
  nearMe: 'Near me',
  located: 'Position found: services are ordered from the nearest.',
  cleared: 'Position removed: services are in alphabetical order.',
  unavailable: 'The map could not be loaded. The same services are in the list.',
  skip: 'Skip the map',
};
