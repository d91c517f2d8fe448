import { WelfareHubFreshness } from './freshness.component.js';

export { WelfareHubFreshness };

WelfareHubFreshness.define('welfare-hub-freshness');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-freshness': WelfareHubFreshness;
  }
}
