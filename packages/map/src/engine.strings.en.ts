import { plural } from '@welfare-elements/core';
import type { EngineStrings } from './engine.strings.js';

/** "26 services", "26 services and 1 access point", "2 access points". */
function whatEn(services: number, accessPoints: number): string {
  const s = services ? plural('en', services, 'service', 'services') : '';
  const a = accessPoints ? plural('en', accessPoints, 'access point', 'access points') : '';
  return s && a ? `${s} and ${a}` : s || a;
}

export const engineEn: EngineStrings = {
  cluster: (services: number, accessPoints: number, area?: string) =>
    `${whatEn(services, accessPoints)}${area ? `, ${area} area` : ''}`,
  accessPoint: 'Access point',
  stack: (services: number, accessPoints: number) => `${whatEn(services, accessPoints)} at this place`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  closePopup: 'Close the details',
  yourPosition: 'Your position',
  legend: 'Map legend',
  legendService: 'Service',
  legendCluster: 'Group of nearby services',
  legendAccessPoint: 'Access point',
  legendMixed: 'Group with an access point',
  legendOrigin: 'Your position',
  categories: 'Category colours',
  details: 'Full details',
  saved: 'In my selection',
};
