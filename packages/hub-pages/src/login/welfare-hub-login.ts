import { WelfareHubLogin } from './login.component.js';

export { WelfareHubLogin };

WelfareHubLogin.define('welfare-hub-login');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-login': WelfareHubLogin;
  }
}
