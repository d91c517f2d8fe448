import { WelfareMap } from './map.component.js';
import { registerServiceMap } from './service-map.js';

export { WelfareMap };

WelfareMap.define('welfare-map');
// The service's full view draws its small map with this package's engine.
registerServiceMap();

declare global {
  interface HTMLElementTagNameMap {
    'welfare-map': WelfareMap;
  }
}
