import { WelfareHubMutualAid } from './mediator.component.js';

export { WelfareHubMutualAid };

WelfareHubMutualAid.define('welfare-hub-mutual-aid');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-mutual-aid': WelfareHubMutualAid;
  }
}
