import type { AccessPointsStrings } from './access-points.strings.js';

export const accessPointsEn: AccessPointsStrings = {
  label: 'Access points',
  nearMe: 'Near me',
  nearestFirst: ', nearest first',
  located: 'Position found: access points are ordered from the nearest.',
  cleared: 'Position removed: access points are in order of municipality.',
  directionsTo: (name: string) => `to ${name}`,
  empty: 'No access points in this list.',
  emptyIn: (comune: string) => `No access points in ${comune}.`,
  showAll: 'Show all municipalities',
  openNowCount: (n: number) => (n === 1 ? '1 access point open now' : `${n} access points open now`),
  checkingHours: 'Checking opening hours…',
  emptyOpen: 'No access point is open at the moment.',
  emptyOpenIn: (comune: string) => `No access point is open now in ${comune}.`,
  showClosed: 'Show closed ones too',
};
