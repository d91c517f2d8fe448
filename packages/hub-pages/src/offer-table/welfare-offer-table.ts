import { WelfareOfferTable } from './offer-table.component.js';

export { WelfareOfferTable };

WelfareOfferTable.define('welfare-offer-table');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-offer-table': WelfareOfferTable;
  }
}
