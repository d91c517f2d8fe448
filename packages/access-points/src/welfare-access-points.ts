import { WelfareAccessPoints } from './access-points.component.js';

export { WelfareAccessPoints };

WelfareAccessPoints.define('welfare-access-points');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-access-points': WelfareAccessPoints;
  }
}
