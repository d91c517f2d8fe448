import { WelfareHubAccessPoints } from './access-points.component.js';

export { WelfareHubAccessPoints };

WelfareHubAccessPoints.define('welfare-hub-access-points');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-access-points': WelfareHubAccessPoints;
  }
}
