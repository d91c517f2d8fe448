import { WelfareNotices } from './notices.component.js';

export { WelfareNotices };

WelfareNotices.define('welfare-notices');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-notices': WelfareNotices;
  }
}
