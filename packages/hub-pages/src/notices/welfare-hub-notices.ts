import { WelfareHubNotices } from './notices.component.js';

export { WelfareHubNotices };

WelfareHubNotices.define('welfare-hub-notices');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-notices': WelfareHubNotices;
  }
}
