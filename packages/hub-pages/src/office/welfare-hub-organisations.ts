import { WelfareHubOrganisations } from './organisations.component.js';

export { WelfareHubOrganisations };

WelfareHubOrganisations.define('welfare-hub-organisations');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-organisations': WelfareHubOrganisations;
  }
}
