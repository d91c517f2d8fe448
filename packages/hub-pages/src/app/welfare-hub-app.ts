import { WelfareHubApp } from './app.component.js';

export { WelfareHubApp };

WelfareHubApp.define('welfare-hub-app');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-app': WelfareHubApp;
  }
}
