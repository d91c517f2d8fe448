import { WelfareMap } from './map.component.js';

export { WelfareMap };

WelfareMap.define('welfare-map');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-map': WelfareMap;
  }
}
