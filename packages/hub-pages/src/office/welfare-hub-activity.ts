import { WelfareHubActivity } from './activity.component.js';

export { WelfareHubActivity };

WelfareHubActivity.define('welfare-hub-activity');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-activity': WelfareHubActivity;
  }
}
